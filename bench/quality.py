"""Matching quality for `make bench`: hit@1, hit@3 and MRR on the labelled corpus, the matcher beside a
shared-word baseline (tests/matching/quality.py), in a throw-away database of its own.

`python -m bench.quality` prints the full table (every group) on its own in about half a minute.
"""

import shutil
import sys
from pathlib import Path

from flask_migrate import upgrade

from bench.dataset import Place, default_place, settings
from bench.measure import Row
from clusterhub import create_app
from clusterhub.extensions import db
from search.vocabulary.services import load_vocabulary
from tenants.context import tenant_scope
from tenants.models import Tenant
from tenants.services import create_tenant
from tests.matching import quality

GOAL = "hit@3 ≥ 0.90, MRR ≥ 0.85, above the baseline in every group"


def measured(folder: Path) -> quality.Measured:
    """The corpus built in a new database under `folder` (removed first) and measured."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    app = create_app(settings(Place(folder)))
    with app.app_context():
        upgrade()
        load_vocabulary()
        tenant = create_tenant(quality.CLUSTER["slug"], quality.CLUSTER["name"])
        db.session.commit()
        tenant_id = tenant.id
        with tenant_scope(tenant):
            quality.build()
    # The index is written after the commit, when the app context that committed ends.
    with app.app_context(), tenant_scope(db.session.get(Tenant, tenant_id)):
        return quality.measure()


def rows(folder: Path) -> list[Row]:
    """One row per group of needs: all of them and each kind of link."""
    found = measured(folder)
    groups = [group for group in found.matcher if not group.startswith("industry")]
    return [
        Row(
            f"matching quality, labelled corpus: {group}",
            str(found.matcher[group]),
            GOAL if group == "all" else "",
            f"baseline (shared words): {found.baseline[group]}",
        )
        for group in sorted(groups, key=lambda group: (group != "all", group))
    ]


def main() -> int:
    print(quality.table(measured(default_place().folder / "quality")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
