"""gunicorn on 127.0.0.1 for the benchmark, a small HTTP client that keeps a session, and wrk."""

import contextlib
import http.client
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

from clusterhub import ROOT

HOST = "127.0.0.1"
APP = "clusterhub:create_app()"
GUNICORN = Path(sys.executable).parent / "gunicorn"
WORKERS = 2
START_TIMEOUT = 60.0
STOP_TIMEOUT = 15.0
CSRF_FIELD = re.compile(rb'name="csrf_token"[^>]*value="([^"]+)"')


def free_port() -> int:
    """A port nothing listens on now (the kernel picks it)."""
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


class Client:
    """Sequential HTTP requests with cookies, like one browser tab; one connection per request."""

    def __init__(self, port: int, headers: dict[str, str] | None = None):
        self.port = port
        self.headers = headers or {}  # sent with every request: an API client's Authorization
        self.cookies: dict[str, str] = {}
        self.location: str | None = None  # where the last response redirected to
        self.timing = ""

    def request(self, method: str, path: str, body: bytes | None = None) -> tuple[int, bytes]:
        headers = {**self.headers, **({"Cookie": self.cookie_header()} if self.cookies else {})}
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        connection = http.client.HTTPConnection(HOST, self.port, timeout=60)
        try:
            connection.request(method, path, body, headers)
            response = connection.getresponse()
            content = response.read()
            self.location = response.getheader("Location")
            self.timing = response.getheader("Server-Timing", "")  # CPU ms, when the app sends it
        finally:
            connection.close()
        for header in response.headers.get_all("Set-Cookie") or ():
            self.keep(header)
        return response.status, content

    def get(self, path: str) -> tuple[int, bytes]:
        return self.request("GET", path)

    def post(self, path: str, fields: dict[str, str]) -> tuple[int, bytes]:
        return self.request("POST", path, urlencode(fields).encode())

    def keep(self, header: str) -> None:
        for name, morsel in SimpleCookie(header).items():
            if morsel.value:
                self.cookies[name] = morsel.value
            else:
                self.cookies.pop(name, None)

    def cookie_header(self) -> str:
        return "; ".join(f"{name}={value}" for name, value in self.cookies.items())

    def login(self, email: str, password: str, attempts: int = 2) -> None:
        """Sign in through the login form, CSRF token and all (once more after a refusal: a busy server
        just started has refused a first sign-in once, unexplained)."""
        for attempt in range(attempts):
            status, page = self.get("/login")
            token = CSRF_FIELD.search(page)
            if status != 200 or token is None:
                raise RuntimeError(f"the login page answered {status} without a CSRF token")
            fields = {"csrf_token": token.group(1).decode(), "email": email, "password": password}
            status, _ = self.post("/login", fields)
            if status == 302:
                return
            print(f"  signing in as {email} was refused (attempt {attempt + 1})", file=sys.stderr)
            time.sleep(1)
        raise RuntimeError(f"signing in as {email} failed (HTTP {status})")


class Gunicorn:
    """`gunicorn -w 2` (or `workers`) serving `target` on a free 127.0.0.1 port; stopped with it on exit."""

    def __init__(
        self, target: str, environment: dict[str, str], log: Path, workers: int = WORKERS, root: Path = ROOT
    ):
        self.target = target
        self.root = root  # the code served: this checkout, or the old code's (bench/old_code.py)
        self.environment = environment
        self.log = log
        self.worker_count = workers
        self.port = free_port()
        self.process: subprocess.Popen | None = None

    def __enter__(self) -> "Gunicorn":
        command = [str(GUNICORN), "--no-control-socket", "-w", str(self.worker_count)]
        # The app runs as deploy/serve runs it, with that code's production settings (its warm-up among them).
        if self.target == APP and (config := self.root / "deploy" / "gunicorn.conf.py").exists():
            command += ["-c", str(config)]
        command += ["-b", f"{HOST}:{self.port}", "--chdir", str(self.root), self.target]
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(
                command, env={**inherited(), **self.environment}, stdout=log, stderr=subprocess.STDOUT
            )
        try:
            self.wait_until_ready()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *exc_info) -> None:
        self.stop()

    def wait_until_ready(self) -> None:
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn ({self.target}) stopped at start; see {self.log}")
            try:
                Client(self.port).get("/")
                return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError(
            f"gunicorn ({self.target}) did not answer within {START_TIMEOUT:.0f} s; see {self.log}"
        )

    def workers(self) -> list[int]:
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        return [int(pid) for pid in children.read_text().split()] if children.exists() else []

    def worker_memory(self) -> dict[int, dict[str, float]]:
        """Resident memory of each worker in MB: all of it (VmRSS) and its private part (RssAnon)."""
        return {pid: _memory_mb(pid) for pid in self.workers()}

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        workers = self.workers()
        self.process.terminate()
        try:
            self.process.wait(STOP_TIMEOUT)
        except subprocess.TimeoutExpired:
            for pid in workers:
                _kill(pid)
            self.process.kill()
            self.process.wait()


def inherited() -> dict[str, str]:
    # The benchmark's own settings replace whatever CLUSTERHUB_* the shell had.
    return {name: value for name, value in os.environ.items() if not name.startswith("CLUSTERHUB_")}


def _memory_mb(pid: int) -> dict[str, float]:
    found = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        name, _, value = line.partition(":")
        if name in ("VmRSS", "RssAnon"):
            found[name] = int(value.split()[0]) / 1024
    return found


def _kill(pid: int) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)


def wrk_available() -> bool:
    return shutil.which("wrk") is not None


@contextlib.contextmanager
def background_worker(environment: dict[str, str], log: Path):
    """`flask worker run` beside the web server, as `make run` starts it; stopped on exit."""
    command = [sys.executable, "-m", "flask", "--app", "clusterhub", "worker", "run"]
    with log.open("ab") as output:
        process = subprocess.Popen(
            command,
            cwd=ROOT,
            env={**inherited(), **environment, "CLUSTERHUB_OUTBOX_WORKER": "1"},
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    try:
        yield process
    finally:
        process.terminate()
        try:
            process.wait(STOP_TIMEOUT)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
