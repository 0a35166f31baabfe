"""The organiser's report of a conference, its spreadsheets and the table plan."""
