"""Security: response headers, rate limits across worker processes, and the audit log."""
