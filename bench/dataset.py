"""The benchmark's synthetic dataset: 100 clusters, 20,000 companies, 100,000 posts, made once and kept.

Smaller scales (SCALES, `python -m bench --scale small`) keep the 5,000-company cluster the goals name and the
300-company one beside it, with fewer and smaller other clusters; each scale has a folder of its own.

Rows go in with SQLAlchemy Core bulk inserts (executemany of dicts) into a database the migrations
created: the kept SQLite file, or a PostgreSQL database for the load test; Core bypasses the ORM, so
the search hook writes no outbox rows and the indexes are left to the rebuild that the benchmark
measures. Derived columns the models keep (sort keys, folded titles) are filled here the same way
the models fill them.
"""

import json
import random
import shutil
import sqlite3
from bisect import bisect
from contextlib import closing
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache
from itertools import accumulate
from pathlib import Path

from flask_migrate import upgrade
from sqlalchemy import func, select, text

from bench.vocabulary import (
    CITIES,
    CITIES_EN,
    COMPANY_SENTENCES,
    COUNTRIES,
    COUNTRIES_EN,
    DIRECTION_SENTENCES,
    EQUIPMENT,
    EQUIPMENT_EN,
    GENERAL_COMPETENCES,
    INFRASTRUCTURE_SENTENCES,
    LEGAL_FORMS,
    NAME_NOUNS,
    NAME_ROOTS,
    POST_SENTENCES,
    SECTORS,
    SHARED_SENTENCES,
    SIZE_WORDS_EN,
    TITLES,
    made_up_words,
)
from clusterhub import ROOT, create_app
from clusterhub.accounts.services import create_user
from clusterhub.clock import utcnow
from clusterhub.collation import fold, latvian_sort_key
from clusterhub.companies.models import REGIONS, ROLES, Company, CompanyMembership, CompanyRole, CompanyTag
from clusterhub.extensions import db
from clusterhub.posts.models import CATEGORIES, Post, PostRegion, PostTag
from tenants.context import tenant_scope
from tenants.models import Tenant
from tenants.services import add_member

# Bump whenever the generator changes: a dataset of another version is made again.
VERSION = 4
SEED = 2026
# The big cluster (the goals' 5,000 companies) and a realistic one of 300 beside it, then the others.
SCALES = {
    "full": {"clusters": 100, "companies": 20_000, "posts": 100_000},
    # 34 clusters, so that the worker's memory can be read after touching 33 of them.
    "small": {"clusters": 34, "companies": 6_400, "posts": 31_500},
    # For the smoke test: every measurement runs, none of the figures means anything.
    "tiny": {
        **{"clusters": 4, "companies": 130, "posts": 600, "big_companies": 40, "big_posts": 350},
        **{"mid_companies": 30, "mid_posts": 100},
    },
}
FULL_SIZES = {"big_companies": 5_000, "big_posts": 25_000, "mid_companies": 300, "mid_posts": 1_500}
SCALE = "full"
SHAPE = {**FULL_SIZES, **SCALES[SCALE]}
BIG = "liels"
MID = "videjs"
USER = {"email": "bench@liels.lv", "name": "Benchmarka Lietotājs", "password": "klasteris-bench-2026"}
# The bench user of the 300-company cluster (its first company, as USER's is the big one's first).
MID_USER = {**USER, "email": "bench@videjs.lv"}
# scrypt as in production, cheaper: the benchmark signs in once per server.
PASSWORD_HASH_METHOD = "scrypt:16384:8:1"
# Open needs of the bench user's own company: their pages are where match suggestions show.
OWN_NEEDS = 40
# The big cluster is made first, so its first company (the bench user's) has id 1.
BENCH_COMPANY_ID = 1
# One company in this many of the other clusters shows its card to the network of clusters, so the big
# cluster's members get suggestions from other clusters (by id, so the rest of the data stays the same).
NETWORK_EVERY = 10
RARE_WORDS = made_up_words(6_000, SEED)
HISTORY = timedelta(days=730)
SECTOR_NAMES = tuple(SECTORS)
REGION_WEIGHTS = (40, 15, 10, 10, 10, 10, 5)
SIZE_WEIGHTS = {"micro": 45, "small": 30, "medium": 18, "large": 7}
STATUS_WEIGHTS = {"open": 65, "fulfilled": 25, "withdrawn": 10}
KIND_WEIGHTS = {"need": 40, "offer": 40, "interest": 20}
BATCH = 20_000
# Sentence template slots filled with one word of a list; {equipment2} is a second, independent pick.
CHOICES = {
    "city": CITIES,
    "city_en": CITIES_EN,
    "country": COUNTRIES,
    "country_en": COUNTRIES_EN,
    "equipment": EQUIPMENT,
    "equipment2": EQUIPMENT,
    "equipment_en": EQUIPMENT_EN,
    "equipment_en2": EQUIPMENT_EN,
    "size": SIZE_WORDS_EN,
}


@dataclass(frozen=True)
class Place:
    """Where the dataset lives: a folder for the SQLite file and the index, or a PostgreSQL database."""

    folder: Path
    database_url: str | None = None

    @property
    def database(self) -> Path:
        return self.folder / "clusterhub.sqlite3"

    @property
    def index(self) -> Path:
        return self.folder / "index"

    @property
    def stamp(self) -> Path:
        return self.folder / "dataset.json"

    @property
    def url(self) -> str:
        return self.database_url or f"sqlite:///{self.database}"


# Settings whose environment variable is named differently (see clusterhub/config.py).
VARIABLES = {"SQLALCHEMY_DATABASE_URI": "DATABASE_URL"}


def copy_database(source: Place, target: Place) -> None:
    """A copy of the SQLite file with what its write-ahead log holds (a file copy would miss that)."""
    with closing(sqlite3.connect(source.database)) as reading:
        with closing(sqlite3.connect(target.database)) as copy:
            reading.backup(copy)


def use_scale(name: str) -> None:
    """Make and measure the dataset of this scale (a name of SCALES) from now on."""
    global SCALE, SHAPE
    SCALE, SHAPE = name, {**FULL_SIZES, **SCALES[name]}


def default_place() -> Place:
    return Place(ROOT / "instance" / ("bench" if SCALE == "full" else f"bench-{SCALE}"))


def mid_company_id() -> int:
    """The first company of the 300-company cluster, made right after the big cluster's companies."""
    return SHAPE["big_companies"] + 1


def settings(place: Place) -> dict:
    """create_app overrides for the benchmark's own database, index and mail folder."""
    return {
        "SQLALCHEMY_DATABASE_URI": place.url,
        "INDEX_DIR": str(place.index),
        "MAIL_DIR": str(place.folder / "mail"),
        "SECRET_KEY": "benchmark-secret-key",
        "PASSWORD_HASH_METHOD": PASSWORD_HASH_METHOD,
    }


def environment(place: Place) -> dict[str, str]:
    """The same settings as CLUSTERHUB_* variables, for gunicorn."""
    return {f"CLUSTERHUB_{VARIABLES.get(key, key)}": value for key, value in settings(place).items()}


def _stamp() -> dict:
    return {"version": VERSION, "seed": SEED, **SHAPE, "user": USER["email"]}


def is_current(place: Place) -> bool:
    # A PostgreSQL database is never kept: its server lives as long as one load test.
    if place.database_url or not (place.database.exists() and place.stamp.exists()):
        return False
    return json.loads(place.stamp.read_text()) == _stamp()


def ensure(place: Place, fresh: bool = False) -> bool:
    """Make the dataset unless a current one exists; True when it was made now."""
    if not fresh and is_current(place):
        return False
    for path in (place.database, place.stamp):
        path.unlink(missing_ok=True)
    shutil.rmtree(place.index, ignore_errors=True)
    place.folder.mkdir(parents=True, exist_ok=True)
    app = create_app(settings(place))
    with app.app_context():
        upgrade()
        with db.engine.begin() as connection:
            Maker(random.Random(SEED), utcnow()).insert_all(connection)
            _continue_sequences(connection)
        _add_user()
    place.stamp.write_text(json.dumps(_stamp()))
    return True


def _continue_sequences(connection) -> None:
    """PostgreSQL: the ids given here do not advance the id sequences; rows added later start after them."""
    if connection.dialect.name != "postgresql":
        return
    for model in (Tenant, Company, Post):
        table = model.__table__.name
        highest = connection.scalar(select(func.max(model.id)))
        connection.execute(
            text("SELECT setval(pg_get_serial_sequence(:table, 'id'), :highest)"),
            {"table": table, "highest": highest},
        )


def _add_user() -> None:
    people = [(BIG, USER, BENCH_COMPANY_ID)]
    if SHAPE.get("mid_companies"):
        people.append((MID, MID_USER, mid_company_id()))
    for slug, person, company_id in people:
        tenant = db.session.scalar(select(Tenant).where(Tenant.slug == slug))
        with tenant_scope(tenant):
            user = create_user(person["email"], person["name"], person["password"], language="lv")
            add_member(user, "member", db.session.get(Company, company_id))
            db.session.commit()


@cache
def tag_key(name: str) -> str:
    return latvian_sort_key(name)


def _zipf(count: int, offset: int) -> list[float]:
    """Cumulative weights 1/(rank + offset): a few items are common, most are rare."""
    return list(accumulate(1 / (rank + offset) for rank in range(1, count + 1)))


class _Slots(dict):
    """Template values made only when a sentence asks for them."""

    def __init__(self, maker: "Maker", competences: list[str]):
        super().__init__()
        self.maker = maker
        self.competences = competences

    def __missing__(self, name: str) -> str:
        return self.maker.slot(name, self.competences)


def _sentence_case(text: str) -> str:
    # "Metināšana" reads "metināšana" inside a sentence; "CNC frēzēšana" keeps its capitals.
    return text[0].lower() + text[1:] if len(text) > 1 and text[1].islower() else text


class Maker:
    """Makes the rows; ids are given here so that tags and posts can point at their parents."""

    def __init__(self, chooser: random.Random, now: datetime):
        self.random = chooser
        self.now = now
        self.rare_weights = _zipf(len(RARE_WORDS), 5)
        self.company_id = 0
        self.post_id = 0

    def pick(self, weights: dict):
        return self.random.choices(tuple(weights), weights=tuple(weights.values()))[0]

    def rare(self) -> str:
        total = self.rare_weights[-1]
        return RARE_WORDS[bisect(self.rare_weights, self.random.random() * total)]

    def moment(self, since: datetime | None = None) -> datetime:
        start = since or self.now - HISTORY
        return start + (self.now - start) * self.random.random()

    def slot(self, name: str, competences: list[str]) -> str:
        """The value of a {name} in a sentence template."""
        r = self.random
        if name in ("comp", "comp2"):
            return _sentence_case(r.choice(competences))
        if name in CHOICES:
            return r.choice(CHOICES[name])
        if name == "equipment_cap":
            return r.choice(EQUIPMENT).capitalize()
        if name == "rare":
            return self.rare()
        return str(r.randint(1992, 2024) if name == "year" else r.randint(2, 90))

    def text(self, templates, competences: list[str], low: int, high: int) -> str:
        sentences = self.random.choices(templates, k=self.random.randint(low, high))
        return " ".join(self.fill(sentence, competences) for sentence in sentences)

    def fill(self, template: str, competences: list[str]) -> str:
        return template.format_map(_Slots(self, competences))

    def competences(self, sector: str, low: int, high: int) -> list[str]:
        pool = list(SECTORS[sector])
        chosen = self.random.sample(pool, k=min(len(pool), self.random.randint(low, high)))
        chosen += self.random.sample(GENERAL_COMPETENCES, k=self.random.randint(0, 2))
        if self.random.random() < 0.15:
            chosen.append(self.random.choice(SECTORS[self.random.choice(SECTOR_NAMES)]))
        return list(dict.fromkeys(chosen))

    def company_name(self) -> str:
        r = self.random
        root = r.choice(NAME_ROOTS) if r.random() < 0.6 else self.rare()
        return f"{r.choice(LEGAL_FORMS)} {root} {r.choice(NAME_NOUNS)}"

    def company(self, sector: str) -> tuple[dict, list[dict], list[dict], list[str]]:
        """A company row with its tag and role rows, and its competences."""
        self.company_id += 1
        r = self.random
        competences = self.competences(sector, 2, 5)
        sectors = [sector] if r.random() < 0.8 else [sector, r.choice(SECTOR_NAMES)]
        name = self.company_name()
        created = self.moment(self.now - 3 * HISTORY)
        row = {
            "id": self.company_id,
            "name": name,
            "name_sort": latvian_sort_key(name),
            "registration_number": f"4{self.company_id:010d}",
            "description": self.text(COMPANY_SENTENCES, competences, 3, 7),
            "website": f"https://www.{fold(name).split()[1]}{self.company_id}.lv",
            "size": self.pick(SIZE_WEIGHTS),
            "region": r.choices(REGIONS, weights=REGION_WEIGHTS)[0],
            "infrastructure": self.text(INFRASTRUCTURE_SENTENCES, competences, 0, 2),
            "development_directions": self.text(DIRECTION_SENTENCES, competences, 1, 2),
            "partnership_interests": self.text(DIRECTION_SENTENCES, competences, 0, 2),
            "other_clusters": "",
            "logo": None,
            "logo_type": None,
            "created_at": created,
            "updated_at": self.moment(max(created, self.now - HISTORY)),
        }
        tags = [self.company_tag("sector", tag) for tag in dict.fromkeys(sectors)]
        tags += [self.company_tag("competence", tag) for tag in competences]
        roles = [{"company_id": self.company_id, "role": role} for role in self.roles()]
        return row, tags, roles, competences

    def company_tag(self, kind: str, name: str) -> dict:
        return {"company_id": self.company_id, "kind": kind, "name": name, "key": tag_key(name)}

    def roles(self) -> list[str]:
        weights = (40, 15, 15, 12, 8, 5, 5)
        return list(dict.fromkeys(self.random.choices(ROLES, weights=weights, k=self.random.randint(1, 2))))

    def post(self, tenant_id: int, company_id: int, competences: list[str], kind: str, status: str):
        """A post row with its tag and region rows."""
        self.post_id += 1
        r = self.random
        created = self.moment()
        chosen = r.sample(competences, k=min(len(competences), r.randint(1, 3)))
        title = self.fill(r.choice(TITLES[kind]), chosen)
        body = self.text(POST_SENTENCES[kind], chosen, 2, 4), self.text(SHARED_SENTENCES, chosen, 0, 2)
        row = {
            "id": self.post_id,
            "tenant_id": tenant_id,
            "company_id": company_id,
            "author_id": None,
            "kind": kind,
            "category": r.choice(CATEGORIES),
            "title": title,
            "title_folded": fold(title),
            "body": " ".join(filter(None, body)),
            "valid_until": (created + timedelta(days=r.randint(30, 365))).date()
            if r.random() < 0.4
            else None,
            "status": status,
            "created_at": created,
            "updated_at": self.moment(created),
        }
        keys = {tag_key(name): name for name in chosen}
        tags = [
            {"tenant_id": tenant_id, "post_id": self.post_id, "name": n, "key": k} for k, n in keys.items()
        ]
        regions = [
            {"tenant_id": tenant_id, "post_id": self.post_id, "region": region}
            for region in r.sample(REGIONS, k=r.choice((0, 0, 1, 1, 2)))
        ]
        return row, tags, regions

    def cluster_sizes(self) -> list[tuple[int, int]]:
        """(companies, posts) of every cluster, the big one first, then the 300-company one when the shape
        has it; the others vary in size."""
        fixed = [(SHAPE["big_companies"], SHAPE["big_posts"])]
        if SHAPE.get("mid_companies"):
            fixed.append((SHAPE["mid_companies"], SHAPE["mid_posts"]))
        rest = SHAPE["clusters"] - len(fixed)
        companies_left = SHAPE["companies"] - sum(companies for companies, _ in fixed)
        weights = [self.random.lognormvariate(0, 0.8) for _ in range(rest)]
        sizes = [max(20, int(companies_left * w / sum(weights))) for w in weights]
        sizes[sizes.index(max(sizes))] += companies_left - sum(sizes)
        per_company = (SHAPE["posts"] - sum(posts for _, posts in fixed)) // companies_left
        return [*fixed, *((n, n * per_company) for n in sizes)]

    def insert_all(self, connection) -> None:
        """Insert every cluster with its companies and posts."""
        for number, (companies, posts) in enumerate(self.cluster_sizes(), start=1):
            sector = None if number == 1 else SECTOR_NAMES[number % len(SECTOR_NAMES)]
            tenant = self.tenant(number, sector, mid=number == 2 and bool(SHAPE.get("mid_companies")))
            connection.execute(Tenant.__table__.insert(), [tenant])
            self.fill_cluster(connection, tenant, sector, companies, posts)

    def tenant(self, number: int, sector: str | None, mid: bool) -> dict:
        slug, name = (
            (BIG, "Lielais klasteris")
            if number == 1
            else (MID, "Vidējais klasteris")
            if mid
            else (f"klasteris-{number:02d}", f"{sector} {number}")
        )
        return {
            "id": number,
            "slug": slug,
            "name": name,
            "name_sort": latvian_sort_key(name),
            "description": f"{name}: uzņēmumi, skolas un pētniecības iestādes.",
            "vision": "Kopā esam stiprāki.",
            "sector": sector or "Dažādas nozares",
            "region": "Latvija",
            "active": True,
            "created_at": self.now - 3 * HISTORY,
        }

    def fill_cluster(self, connection, tenant: dict, sector: str | None, companies: int, posts: int) -> None:
        rows: dict = {table: [] for table in INSERT_ORDER}
        competences_of = self.add_companies(rows, tenant, sector, companies)
        self.add_posts(rows, tenant, competences_of, posts)
        for table, table_rows in rows.items():
            for start in range(0, len(table_rows), BATCH):
                connection.execute(table.insert(), table_rows[start : start + BATCH])

    def add_companies(self, rows: dict, tenant: dict, sector: str | None, count: int) -> dict[int, list[str]]:
        """Companies mostly of the cluster's sector; returns each one's competences."""
        competences_of = {}
        for _ in range(count):
            own_sector = sector if sector and self.random.random() < 0.8 else self.random.choice(SECTOR_NAMES)
            company, tags, roles, competences = self.company(own_sector)
            company["network_visible"] = tenant["slug"] != BIG and company["id"] % NETWORK_EVERY == 0
            competences_of[company["id"]] = competences
            rows[Company.__table__].append(company)
            rows[CompanyTag.__table__] += tags
            rows[CompanyRole.__table__] += roles
            rows[CompanyMembership.__table__].append(self.membership(tenant, company))
        return competences_of

    def add_posts(self, rows: dict, tenant: dict, competences_of: dict[int, list[str]], count: int) -> None:
        """Posts about their authors' competences; the big and the 300-company clusters start with their
        bench company's (their first company's) needs."""
        authors = list(competences_of)
        bench_company = authors[0] if tenant["slug"] in (BIG, MID) else None
        # A few companies post a lot (the busiest about a hundred posts), most a handful.
        weights = _zipf(len(authors), 50)
        self.random.shuffle(authors)
        for number in range(count):
            if bench_company and number < OWN_NEEDS:
                author, kind, status = bench_company, "need", "open"
            else:
                author = self.random.choices(authors, cum_weights=weights)[0]
                kind, status = self.pick(KIND_WEIGHTS), self.pick(STATUS_WEIGHTS)
            post, tags, regions = self.post(tenant["id"], author, competences_of[author], kind, status)
            if author == bench_company:
                post["valid_until"] = None  # an expired need would show no suggestions
            rows[Post.__table__].append(post)
            rows[PostTag.__table__] += tags
            rows[PostRegion.__table__] += regions

    def membership(self, tenant: dict, company: dict) -> dict:
        joined = self.moment(company["created_at"])
        return {
            "tenant_id": tenant["id"],
            "company_id": company["id"],
            "member_since": joined.date(),
            "created_at": joined,
        }


INSERT_ORDER = tuple(
    model.__table__
    for model in (Company, CompanyTag, CompanyRole, CompanyMembership, Post, PostTag, PostRegion)
)
