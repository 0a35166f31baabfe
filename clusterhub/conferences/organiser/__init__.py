"""The organiser's side of a conference: planning it, inviting clusters, meeting windows."""
