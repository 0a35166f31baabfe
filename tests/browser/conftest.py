"""Debian's Chromium driven by Playwright against the real app, served from a thread."""

import threading
from pathlib import Path

import pytest
from werkzeug.serving import make_server

CHROMIUM = Path("/usr/bin/chromium")
SQLITE_ONLY = pytest.mark.skip(reason="browser tests run on SQLite only; pages do not depend on the backend")


def pytest_collection_modifyitems(items):
    # Skipped before setup, so the PostgreSQL server is not started just to be unused.
    for item in items:
        backend = getattr(item, "callspec", None) and item.callspec.params.get("fresh_database")
        if item.get_closest_marker("browser") and backend == "postgresql":
            item.add_marker(SQLITE_ONLY)


@pytest.fixture(scope="session")
def browser_type_launch_args():
    # A missing browser must fail loudly: skipping would hide that the browser tests never ran,
    # and Playwright must not download a browser of its own.
    if not CHROMIUM.exists():
        pytest.fail(
            f"{CHROMIUM} is missing; install Debian's chromium (`make system-packages`)", pytrace=False
        )
    return {
        "executable_path": str(CHROMIUM),
        "headless": True,
        "args": [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
            "--disable-dev-shm-usage",
        ],
    }


@pytest.fixture
def live_server(app):
    """The test app on a free port of 127.0.0.1; yields its base URL."""
    # The test SERVER_NAME (clusterhub.test) would make URLs point away from the real address.
    app.config["SERVER_NAME"] = None
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()
    thread.join()


@pytest.fixture(scope="session")
def base_url():
    # Replaces pytest-playwright's own, which pytest 9 deprecates (an error under filterwarnings);
    # the base URL comes from the live server, one per test, in browser_context_args below.
    return None


@pytest.fixture
def browser_context_args(browser_context_args, live_server):
    # English browser so anonymous pages start in a known language; the app's default is Latvian.
    return {**browser_context_args, "base_url": live_server, "locale": "en-GB"}
