"""Clusters (tenants): the model, how a request finds its cluster, and the one place data is scoped."""
