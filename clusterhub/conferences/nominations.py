"""Placeholder: filled in by this issue's work."""

from clusterhub.conferences.blueprints import bp  # noqa: F401
