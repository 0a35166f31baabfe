"""`python -m bench.importing`: preview and import of the largest member list a manager may upload.

A fresh SQLite database in a temporary folder holds two clusters: the importing one with 2,000 members,
another with 1,000 companies. The file has 35,000 rows: the 2,000 members again (their sectors change),
1,000 registration numbers of the other cluster's companies (asked to join), the rest new companies,
some with a number, a sector, a region and a role. Preview and import run through the same service as
the upload page (`run_import`), each followed by what the page does (rollback, commit), then the search
index takes the new companies in (as after the page's request); the figures are CPU seconds of this
process and wall-clock seconds.
"""

import argparse
import csv
import io
import tempfile
import time
from datetime import date
from pathlib import Path

from flask_babel import force_locale
from flask_migrate import upgrade

from bench.dataset import PASSWORD_HASH_METHOD
from clusterhub import create_app
from clusterhub.accounts.services import create_user
from clusterhub.companies.models import Company, CompanyMembership
from clusterhub.extensions import db
from clusterhub.transfer.companies import COLUMNS
from clusterhub.transfer.services import run_import
from clusterhub.transfer.upload import MAX_UPLOAD_BYTES
from search.hooks import drain
from tenants.context import tenant_scope
from tenants.services import add_member, create_tenant

ROWS = 35_000
MEMBERS = 2_000
ELSEWHERE = 1_000
SECTORS = ("Kino", "Metālapstrāde", "Pārtika", "IT", "Loģistika")


def _settings(folder: Path) -> dict:
    return {
        "SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder / 'clusterhub.sqlite3'}",
        "INDEX_DIR": str(folder / "index"),
        "MAIL_DIR": str(folder / "mail"),
        "SECRET_KEY": "benchmark-secret-key",
        "PASSWORD_HASH_METHOD": PASSWORD_HASH_METHOD,
    }


def _companies(tenant, names: list[str], numbers: list[str | None]) -> None:
    with tenant_scope(tenant):
        for name, number in zip(names, numbers, strict=True):
            company = Company(name=name, registration_number=number)
            db.session.add(CompanyMembership(company=company, member_since=date(2020, 1, 1)))
        db.session.flush()


def _row(index: int) -> list[str]:
    # Short rows, as a plain member list is: most cells empty, so the file stays near the upload limit.
    if index < MEMBERS:
        return [f"SIA Biedrs {index}", "", SECTORS[index % len(SECTORS)], "", ""]
    if index < MEMBERS + ELSEWHERE:
        return [f"Cits {index}", f"5{index:010d}", "", "", ""]
    detailed = index % 7 == 0
    return [
        f"Ērglis {index}",
        f"4{index:010d}" if detailed else "",
        SECTORS[index % len(SECTORS)] if detailed else "",
        "Rīga" if detailed else "",
        "producer" if detailed else "",
    ]


def member_list(rows: int = ROWS) -> bytes:
    """The file: a header and `rows` rows, as Excel's "CSV UTF-8" writes it."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["name", "registration_number", "sectors", "region", "roles"])
    writer.writerows(_row(index) for index in range(rows))
    return ("\ufeff" + out.getvalue()).encode()


def _timed(action) -> tuple[float, float, object]:
    cpu, wall = time.process_time(), time.perf_counter()
    result = action()
    return time.process_time() - cpu, time.perf_counter() - wall, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=ROWS, help="rows in the file (at least 3,000)")
    rows = parser.parse_args().rows
    assert set(COLUMNS) >= {"name", "registration_number", "sectors", "region", "roles"}
    content = member_list(rows)
    with tempfile.TemporaryDirectory() as folder:
        app = create_app(_settings(Path(folder)))
        with app.app_context():
            upgrade()
            importing, other = create_tenant("imports", "Importētāji"), create_tenant("citi", "Citi")
            manager = create_user("vaditajs@imports.lv", "Vadītājs", "benchmark-password")
            with tenant_scope(importing), force_locale("en"):
                add_member(manager, "manager")
            _companies(importing, [f"SIA Biedrs {i}" for i in range(MEMBERS)], [None] * MEMBERS)
            others = range(MEMBERS, MEMBERS + ELSEWHERE)
            _companies(other, [f"Cits {i}" for i in others], [f"5{i:010d}" for i in others])
            db.session.commit()
            with tenant_scope(importing), force_locale("en"):
                figures = []
                for preview in (True, False):
                    cpu, wall, report = _timed(lambda p=preview: run_import("companies", content, manager, p))
                    (db.session.rollback if preview else db.session.commit)()
                    assert report.ok, report.all_problems[:5]
                    figures.append(("preview" if preview else "import", cpu, wall, report.summary()))
                # What the upload page's request does after its response: bring the search index in step.
                cpu, wall, written = _timed(lambda: drain({importing.id}))
                figures.append(("search index update", cpu, wall, f"{written:,} documents"))
    size = f"{len(content) / 1024:.0f} KB (upload limit {MAX_UPLOAD_BYTES // 1024} KB)"
    print(f"member list import, {rows:,} rows, {size}, SQLite:")
    for what, cpu, wall, summary in figures:
        print(f"  {what}: {cpu:.1f} s CPU, {wall:.1f} s wall ({summary})")


if __name__ == "__main__":
    main()
