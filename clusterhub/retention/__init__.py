"""Deleting what the platform keeps only for a while: the audit log, sent-mail files, rate-limit counters."""
