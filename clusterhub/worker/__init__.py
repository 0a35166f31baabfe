"""The background worker: `flask worker run` drains the outbox (index writes, match suggestions, strong-match
notices and their e-mails) as soon as a request commits, and runs the scheduled jobs (jobs.py)."""
