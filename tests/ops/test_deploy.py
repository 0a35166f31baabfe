"""deploy/gunicorn.conf.py serves the app with several workers; its log lines are JSON with the request id."""

import json
import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.pgserver import free_port

ROOT = Path(__file__).resolve().parents[2]
STARTUP_SECONDS = 30


def _get(url: str, request_id: str):
    request = urllib.request.Request(url, headers={"X-Request-Id": request_id})
    deadline = time.monotonic() + STARTUP_SECONDS
    while True:
        try:
            with urllib.request.urlopen(request, timeout=5) as response:
                return response.status, response.headers["X-Request-Id"], json.load(response)
        except OSError:  # refused while starting, or a timeout
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def test_gunicorn_with_the_deploy_settings_answers_health_checks_and_logs_json(app, migrated_url, tmp_path):
    # `app` empties the database: the health check would report the index of a leftover cluster missing.
    if not migrated_url.startswith("sqlite"):
        pytest.skip("the serving setup does not depend on the database; once is enough")
    port = free_port()
    environment = {
        **os.environ,
        "CLUSTERHUB_DATABASE_URL": migrated_url,
        "CLUSTERHUB_INDEX_DIR": str(tmp_path / "index"),
        "CLUSTERHUB_SECRET_KEY": "k" * 48,
        "CLUSTERHUB_BIND": f"127.0.0.1:{port}",
        "CLUSTERHUB_WORKERS": "2",
        "CLUSTERHUB_PROXY_COUNT": "1",
    }
    gunicorn = Path(sys.executable).with_name("gunicorn")
    command = [str(gunicorn), "-c", "deploy/gunicorn.conf.py"]
    with (tmp_path / "stderr").open("w+") as log:
        server = subprocess.Popen(command, cwd=ROOT, env=environment, stderr=log, stdout=log)
        try:
            status, echoed, body = _get(f"http://127.0.0.1:{port}/healthz", "deploy-test-1")
        finally:
            server.terminate()
            server.wait(timeout=30)
        log.seek(0)
        lines = [json.loads(line) for line in log if line.startswith("{")]
    assert (status, echoed, body) == (200, "deploy-test-1", {"database": "ok", "index": "ok"})
    assert {"path": "/healthz", "status": 200, "request_id": "deploy-test-1"}.items() <= lines[-1].items()
