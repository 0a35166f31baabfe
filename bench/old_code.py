"""The code before issue 17's work (OLD_COMMIT), served from a git worktree of its own for the load test.

The old code runs on a copy of the same dataset, migrated down to its own schema with this checkout's
migrations (their downgrades are tested with data), and builds its own search index there with its own
`flask search reindex`: so both measure the same rows, each with its own schema, index and code.
BENCH_OLD_CODE names the worktree (made there when missing; default instance/old-code).
"""

import os
import subprocess
import sys
from pathlib import Path

from flask_migrate import downgrade

from bench.dataset import BIG, Place, environment, settings
from bench.server import inherited
from clusterhub import ROOT, create_app

OLD_COMMIT = "03f4ff2"
# The newest migration the old code knows.
OLD_HEAD = "c8f2d3e4a567"
BIN = Path(sys.executable).parent


def worktree() -> Path:
    """The old code's checkout, made (with its compiled translations) when missing."""
    folder = Path(os.environ.get("BENCH_OLD_CODE") or ROOT / "instance" / "old-code")
    if not (folder / "clusterhub").is_dir():
        subprocess.run(
            ["git", "-C", str(ROOT), "worktree", "add", "--detach", str(folder), OLD_COMMIT],
            check=True,
            capture_output=True,
        )
    catalogue = folder / "clusterhub" / "translations"
    if not (catalogue / "lv" / "LC_MESSAGES" / "messages.mo").exists():
        subprocess.run(
            [str(BIN / "pybabel"), "compile", "-d", str(catalogue), "-D", "messages"],
            check=True,
            capture_output=True,
        )
    return folder


def adopt(place: Place, code: Path, log: Path) -> None:
    """Take the copy at `place` down to the old schema, then index the big cluster (the only one the load
    test visits) with the old code."""
    with create_app(settings(place)).app_context():
        downgrade(revision=OLD_HEAD)
    command = [sys.executable, "-m", "flask", "--app", "clusterhub", "search", "reindex"]
    with log.open("ab") as output:
        subprocess.run(
            [*command, "--tenant", BIG, "--processes", "2"],
            cwd=code,
            env={**inherited(), **environment(place)},
            stdout=output,
            stderr=subprocess.STDOUT,
            check=True,
        )
