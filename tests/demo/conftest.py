"""The demo is large: it is loaded once per run and copied back for every test that reads it."""

import pytest


@pytest.fixture
def demo(runner, snapshot) -> str:
    """The demo loaded into the test's database; returns what `demo load` printed."""

    def load() -> str:
        result = runner.invoke(args=["demo", "load"])
        assert result.exit_code == 0, result.output
        return result.output

    return snapshot("demo", load)
