"""1:1 meetings at a conference: requests, answers, tables, the personal agenda and its calendar."""
