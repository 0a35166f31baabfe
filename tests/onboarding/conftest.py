"""The hand-made cluster of the events tests serves the onboarding tests too."""

from tests.events.conftest import cluster  # noqa: F401
