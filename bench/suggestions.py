"""`python -m bench.suggestions`: every stored suggestion of the benchmark's big cluster computed at once.

The benchmark dataset's 5,000-company cluster (25,000 posts; another size with `--companies` and
`--posts`) and two small ones go into a fresh SQLite database in a temporary folder; the big cluster is
indexed, then `stored.recompute_all()` computes all its suggestions in batches, as after a reindex or a
vocabulary change. With `--sample N`, N of its open needs and N companies are also recomputed one by one
(the path a single change takes), to compare the cost per item. Printed: CPU and wall-clock seconds of
this process.
"""

import argparse
import random
import tempfile
import time
from pathlib import Path

from sqlalchemy import func, select

from bench import dataset
from bench.dataset import BIG, Place, ensure, settings
from clusterhub import create_app
from clusterhub.companies.directory import current_member_ids
from clusterhub.extensions import db
from clusterhub.posts.models import Post
from search.documents import company_key, post_key
from search.matching import rules, stored
from search.models import MatchSuggestion
from search.services import rebuild
from search.vocabulary.services import load_vocabulary
from tenants.context import tenant_scope
from tenants.models import Tenant

BIG_SIZE = {"companies": 5_000, "posts": 25_000}
# Beside the big cluster, two small ones of these many companies and posts together.
OTHERS = {"companies": 400, "posts": 1_000}


def _shape(companies: int, posts: int) -> dict:
    return {
        "clusters": 3,
        "companies": companies + OTHERS["companies"],
        "posts": posts + OTHERS["posts"],
        "big_companies": companies,
        "big_posts": posts,
    }


def _timed(action) -> tuple[float, float, object]:
    cpu, wall = time.process_time(), time.perf_counter()
    result = action()
    return time.process_time() - cpu, time.perf_counter() - wall, result


def _one_by_one(need_ids: list[int], company_ids: list[int]) -> None:
    # Each key alone, as the outbox hands over a single change.
    for key in [*map(post_key, need_ids), *map(company_key, company_ids)]:
        stored.recompute({key})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sample", type=int, default=0, help="needs and companies recomputed one by one")
    # A smaller big cluster shows how the cost grows with its size (and profiles quicker).
    parser.add_argument(
        "--companies", type=int, default=BIG_SIZE["companies"], help="the big cluster's companies"
    )
    parser.add_argument("--posts", type=int, default=BIG_SIZE["posts"], help="the big cluster's posts")
    arguments = parser.parse_args()
    sample = arguments.sample
    kept, dataset.SHAPE = dataset.SHAPE, _shape(arguments.companies, arguments.posts)
    try:
        with tempfile.TemporaryDirectory() as folder:
            place = Place(Path(folder))
            ensure(place, fresh=True)
            app = create_app(settings(place))
            with app.app_context():
                load_vocabulary()
                db.session.commit()
                tenant = db.session.scalar(select(Tenant).where(Tenant.slug == BIG))
                rebuild(tenant, processes=2)
                with tenant_scope(tenant):
                    _measure(sample)
    finally:
        dataset.SHAPE = kept


def _measure(sample: int) -> None:
    seeking = select(Post.id).where(Post.kind.in_(rules.SEEKING_KINDS), Post.status == "open")
    needs = list(db.session.scalars(seeking))
    companies = list(db.session.scalars(current_member_ids()))
    cpu, wall, _ = _timed(stored.recompute_all)
    db.session.commit()
    rows = db.session.scalar(select(func.count(MatchSuggestion.id)))
    print(f"cluster {BIG}: {len(companies):,} companies, {len(needs):,} open needs and interests")
    print(f"  all suggestions at once (recompute_all): {cpu:.1f} s CPU, {wall:.1f} s wall, {rows:,} rows")
    if sample:
        chooser = random.Random(dataset.SEED)
        picked = chooser.sample(needs, sample), chooser.sample(companies, sample)
        cpu, wall, _ = _timed(lambda: _one_by_one(*picked))
        db.session.rollback()
        per_item = cpu / (2 * sample)
        print(
            f"  one by one, {sample} needs and {sample} companies: {cpu:.1f} s CPU, {wall:.1f} s wall"
            f" ({per_item * 1000:.0f} ms CPU per item)"
        )


if __name__ == "__main__":
    main()
