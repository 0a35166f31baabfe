"""The CPU time a request used, in its Server-Timing header when CPU_TIMING is on (for `make bench`)."""

import re

import pytest

from clusterhub import create_app

CPU = re.compile(r"^cpu;dur=\d+\.\d\d$")


@pytest.mark.own_app
def test_every_answer_carries_its_cpu_time_even_one_refused_before_any_hook(app, world):
    timed = create_app({**app.config, "CPU_TIMING": True}).test_client()
    # An unknown cluster is refused while its address is resolved, before any before_request hook.
    for path, status in (("/login", 200), ("/c/no-such-cluster/", 404), ("/c/alfa/", 302)):
        answer = timed.get(path)
        told = answer.headers.get("Server-Timing", "")
        assert (answer.status_code, bool(CPU.match(told))) == (status, True)


def test_no_cpu_time_is_told_unless_asked(app, world):
    assert "Server-Timing" not in app.test_client().get("/login").headers
