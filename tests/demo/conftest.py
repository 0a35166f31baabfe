"""The demo is large: it is loaded once per run and copied back for every test that reads it."""

import pytest

# Every demo test on one worker of a parallel run, so the demo is loaded once.
DEMO = pytest.mark.xdist_group("demo")


def pytest_collection_modifyitems(items):
    for item in items:
        if "demo" in getattr(item, "fixturenames", ()):
            item.add_marker(DEMO)


@pytest.fixture
def demo(app, runner, snapshot) -> str:
    """The demo loaded into the test's database; returns what `demo load` printed.

    Loaded as `make run` loads it: from the command line, with no request and no SERVER_NAME, so links in
    its notifications must build without one."""

    def load() -> str:
        server_name, app.config["SERVER_NAME"] = app.config["SERVER_NAME"], None
        result = runner.invoke(args=["demo", "load"])
        app.config["SERVER_NAME"] = server_name
        assert result.exit_code == 0, result.output
        return result.output

    return snapshot("demo", load)
