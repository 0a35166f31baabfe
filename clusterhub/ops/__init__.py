"""Operations: configuration check, health endpoint, structured logs, backups."""
