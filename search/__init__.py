"""Full-text search and matchmaking: one Whoosh index per cluster, kept in step by one hook."""
