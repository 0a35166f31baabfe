"""Aggregated needs: what the member companies need and offer, counted over a period, for the managers.

Every function takes `today` and the period explicitly, so tests can feed hand-made data with known
answers. Only posts of current members count: a former member's history stays readable elsewhere, but
its needs are no longer the cluster's. Months begin at midnight in Rīga, the calendar dates are shown in.
Sectors and tag words are counted on concepts: the spellings of one concept ("animācija", "Animation")
count together under the concept's key and label; a tag that names no concept counts by its own key.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import pairwise
from statistics import median

from sqlalchemy import Select, and_, case, distinct, exists, func, or_, select
from sqlalchemy.orm import aliased, selectinload

from clusterhub.clock import instant
from clusterhub.companies.directory import current_member_ids
from clusterhub.companies.kept import kept, kept_for_day
from clusterhub.companies.models import REGIONS, Company, CompanyMembership, CompanyTag
from clusterhub.extensions import db
from clusterhub.groups.services import concerning, open_groups
from clusterhub.posts.models import CATEGORIES, KINDS, Post, PostRegion, PostTag, Thread
from search.vocabulary.lookup import counted_name, vocabulary
from search.vocabulary.models import Concept
from tenants.context import current_tenant_id

SEEKING = ("need", "interest")  # the kinds that ask for something; offers are what answers them
OFFERING = ("offer",)
# Where a post stands: open without a response, open with one, or closed one way or the other.
STATES = ("waiting", "answered", "fulfilled", "withdrawn")
RESPONDED = "responded"  # a drill-down of its own: every post with a response, whatever its status
SIDES = {"requested": SEEKING, "offered": OFFERING}
PERIODS = {"12": 12, "24": 24, "all": None}
MONTHS_SHOWN = 24
SECTORS_SHOWN = 12
WORDS_SHOWN = 15
NO_SECTOR = "none"  # posts of companies that name no sector
ALL_REGIONS = "all"  # posts that name no region are meant for every region


def month_start(day: date, back: int = 0) -> date:
    """The first day of the month `back` months before the month of `day`."""
    index = day.year * 12 + day.month - 1 - back
    return date(index // 12, index % 12 + 1, 1)


@dataclass(frozen=True)
class Span:
    """The posts counted: those created in the last `months` calendar months up to the end of `today`
    (this month included), or all of them up to today when `months` is None."""

    today: date
    months: int | None

    @property
    def start(self) -> date | None:
        return None if self.months is None else month_start(self.today, self.months - 1)

    @property
    def end(self) -> date:
        """The first day after the span."""
        return self.today + timedelta(days=1)

    @property
    def month_list(self) -> list[date]:
        """The first days of the months shown one by one, oldest first: the span's, at most the last 24."""
        shown = min(self.months or MONTHS_SHOWN, MONTHS_SHOWN)
        return [month_start(self.today, back) for back in reversed(range(shown))]


@dataclass(frozen=True)
class Filters:
    """What a drill-down narrows the counted posts to; an empty value narrows nothing."""

    kind: str = ""
    category: str = ""
    sector: str = ""  # a sector's concept or tag key, or NO_SECTOR
    region: str = ""  # a region, or ALL_REGIONS
    month: date | None = None  # the first day of the month
    state: str = ""  # one of STATES, or RESPONDED
    word: str = ""  # a tag's concept or key; `side` says whether in needs and interests or in offers
    side: str = ""
    group: int | None = None  # an interest group's id: the posts addressed to it or of its companies


@dataclass
class Tally:
    """Posts counted by kind for one value of a breakdown (a category, a region, a month…)."""

    value: str
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    name: str = ""  # the concept's label or how members wrote it, for sectors; templates name the others

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@dataclass
class Word:
    """A tag word: in how many needs and interests, in how many offers, in how many member profiles."""

    key: str
    written: str  # as members wrote it (the first spelling in alphabetical order)
    requested: int = 0
    offered: int = 0
    companies: int = 0
    askers: int = 0  # the member companies whose needs and interests ask for it
    competence: str = ""  # how member profiles write it, which is what the directory's filter expects

    @property
    def supply(self) -> int:
        return self.offered + self.companies

    @property
    def name(self) -> str:
        """The concept's label in the reader's language, or as written: named only when shown, as naming
        every one of a big cluster's words took longer than counting them."""
        return counted_name(self.key, self.written)


@dataclass
class Summary:
    span: Span
    totals: dict[str, int]
    responded: dict[str, int]
    median_days: dict[str, float | None]  # by kind, and "all"
    states: list[Tally]
    months: list[Tally]
    categories: list[Tally]
    sectors: list[Tally]
    regions: list[Tally]
    groups: list[Tally]
    requested: list[Word]
    offered: list[Word]
    gap: list[Word]

    @property
    def total(self) -> int:
        return sum(self.totals.values())

    def state(self, value: str) -> Tally:
        return next(tally for tally in self.states if tally.value == value)


def _answered():
    return exists().where(Thread.post_id == Post.id)


# The queries below select by `[NOT] IN (subquery)` rather than by a correlated EXISTS or by a join from
# the tag tables: on the 5,000-company benchmark cluster SQLite then reads each table once, several times
# faster. Every post's company is a member of the post's cluster, so "not a former member" is "current".
def _former_members():
    return select(CompanyMembership.company_id).where(~CompanyMembership.is_current)


def _counted(span: Span) -> list:
    conditions = [Post.company_id.not_in(_former_members()), Post.created_at < instant(span.end)]
    if span.start is not None:
        conditions.append(Post.created_at >= instant(span.start))
    return conditions


def _kept_counts(span: Span, what: str, compute: Callable[[], object]):
    """`compute()`, which reads only the span's posts, their tags and regions and the companies: kept until
    the cluster's posts or companies change or the day ends, as scanning thousands of posts and their tags
    was most of the dashboard's time. Responses change more often: what counts them is read each time."""
    return kept_for_day(current_tenant_id(), f"{what} {span.months}", span.today, compute)


def _counted_rows(span: Span, what: str, statement: Callable[[], Select]) -> list[tuple]:
    """The rows of `statement()` (built only when not kept), kept as `_kept_counts` says."""
    return _kept_counts(span, what, lambda: [tuple(row) for row in db.session.execute(statement())])


def _counted_ids(span: Span, *conditions):
    return select(Post.id).where(*_counted(span), *conditions)


def _state_condition(state: str):
    if state == RESPONDED:
        return _answered()
    if state == "waiting":
        return and_(Post.status == "open", ~_answered())
    if state == "answered":
        return and_(Post.status == "open", _answered())
    return Post.status == state


def _grouped(model):
    """What a tag is counted as: its concept's key, or its own key (digits, never a concept's key)."""
    return func.coalesce(Concept.key, model.key)


def _named(model, value: str):
    """The tags counted as `value`: of its concept, or with that key."""
    return or_(model.key == value, model.concept_id.in_(select(Concept.id).where(Concept.key == value)))


def _sector_condition(sector: str):
    sectors = exists().where(CompanyTag.company_id == Post.company_id, CompanyTag.kind == "sector")
    if sector == NO_SECTOR:
        return ~sectors
    return sectors.where(_named(CompanyTag, sector))


def _region_condition(region: str):
    regions = exists().where(PostRegion.post_id == Post.id)
    if region == ALL_REGIONS:
        return ~regions
    return regions.where(PostRegion.region == region)


def _filter_conditions(filters: Filters):
    if filters.kind:
        yield Post.kind == filters.kind
    if filters.category:
        yield Post.category == filters.category
    if filters.sector:
        yield _sector_condition(filters.sector)
    if filters.region:
        yield _region_condition(filters.region)
    if filters.month:
        yield Post.created_at >= instant(filters.month)
        yield Post.created_at < instant(month_start(filters.month, -1))
    if filters.state:
        yield _state_condition(filters.state)
    if filters.word:
        yield Post.kind.in_(SIDES[filters.side])
        yield exists().where(PostTag.post_id == Post.id, _named(PostTag, filters.word))
    if filters.group:
        yield concerning(filters.group)


def matching_posts(span: Span, filters: Filters) -> Select:
    """The counted posts behind one figure of the dashboard, newest first."""
    return (
        select(Post)
        .options(selectinload(Post.company), selectinload(Post.tags))
        .where(*_counted(span), *_filter_conditions(filters))
        .order_by(Post.created_at.desc(), Post.id.desc())
    )


def _tallies(rows, values=()) -> dict[str, Tally]:
    """{value: Tally} from rows of (value, kind, count), with a zero tally for each of `values`."""
    found = {value: Tally(value) for value in values}
    for value, kind, count in rows:
        found.setdefault(value, Tally(value)).counts[kind] = count
    return found


def _biggest_first(tallies, order=()) -> list[Tally]:
    place = {value: index for index, value in enumerate(order)}
    return sorted(tallies, key=lambda t: (-t.total, place.get(t.value, len(place)), t.value))


def _states(span: Span) -> tuple[list[Tally], dict[str, int]]:
    """Posts per state and kind, and per kind those with at least one response."""
    rows = db.session.execute(
        select(Post.status, Post.kind, func.count(distinct(Post.id)), func.count(distinct(Thread.post_id)))
        .outerjoin(Thread, Thread.post_id == Post.id)
        .where(*_counted(span))
        .group_by(Post.status, Post.kind)
    )
    states = _tallies((), STATES)
    responded = dict.fromkeys(KINDS, 0)
    for status, kind, posts, answered in rows:
        responded[kind] += answered
        if status == "open":
            states["waiting"].counts[kind] += posts - answered
            states["answered"].counts[kind] += answered
        else:
            states[status].counts[kind] += posts
    return list(states.values()), responded


def waiting_and_answered(span: Span) -> tuple[int, int, int]:
    """Needs still waiting for a first answer, posts counted in `span`, and those with a response."""
    states, responded = _states(span)
    waiting = next(state for state in states if state.value == "waiting").counts["need"]
    return waiting, sum(sum(state.counts.values()) for state in states), sum(responded.values())


def _median_days(span: Span) -> dict[str, float | None]:
    """Per kind and for "all": the median number of days from a post to its first response."""
    rows = db.session.execute(
        select(Post.kind, Post.created_at, func.min(Thread.created_at))
        .join(Thread, Thread.post_id == Post.id)
        .where(*_counted(span))
        .group_by(Post.id, Post.kind, Post.created_at)
    )
    waits = {kind: [] for kind in (*KINDS, "all")}
    for kind, posted, first in rows:
        days = (first - posted).total_seconds() / 86400
        waits[kind].append(days)
        waits["all"].append(days)
    return {kind: median(days) if days else None for kind, days in waits.items()}


def _per_month(span: Span) -> Select:
    # One scan counting into a column per month: grouping by a computed bucket would put bound
    # parameters into GROUP BY, which PostgreSQL does not match with the same expression in SELECT.
    months = span.month_list
    edges = [instant(month) for month in months] + [instant(month_start(months[-1], -1))]
    columns = [
        func.count(case((and_(Post.created_at >= start, Post.created_at < end), 1)))
        for start, end in pairwise(edges)
    ]
    return select(Post.kind, *columns).where(*_counted(span), Post.created_at >= edges[0]).group_by(Post.kind)


def _months(span: Span) -> list[Tally]:
    rows = _counted_rows(span, "months", lambda: _per_month(span))
    tallies = [Tally(month.isoformat()[:7]) for month in span.month_list]
    for kind, *counts in rows:
        for tally, count in zip(tallies, counts, strict=True):
            tally.counts[kind] = count
    return tallies


def _tally_where(span: Span, condition, value: str) -> Tally:
    """The counted posts that meet `condition`, by kind, as the tally of `value`."""
    tally = Tally(value)
    rows = db.session.execute(
        select(Post.kind, func.count(Post.id)).where(*_counted(span), condition).group_by(Post.kind)
    )
    for kind, count in rows:
        tally.counts[kind] = count
    return tally


@dataclass(frozen=True)
class SectorNames:
    """Each company's sectors (concept or tag keys; former members' too: their old posts count), and each
    sector's name as written first in alphabetical order."""

    of_company: dict[int, list[str]]
    names: dict[str, str]


def _sector_names() -> SectorNames:
    of_company: dict[int, list[str]] = {}
    names: dict[str, str] = {}
    # A company naming one concept twice ("IT", "Information technology") counts its posts once there.
    rows = db.session.execute(
        select(CompanyTag.company_id, _grouped(CompanyTag), func.min(CompanyTag.name))
        .outerjoin(Concept, CompanyTag.concept_id == Concept.id)
        # The cluster's scoping alone is met by the same tags, but SQLite would test every sector tag of
        # the platform for it; naming the cluster's companies first reads only theirs.
        .where(CompanyTag.kind == "sector", CompanyTag.company_id.in_(select(CompanyMembership.company_id)))
        .group_by(CompanyTag.company_id, _grouped(CompanyTag))
    )
    for company_id, key, name in rows:
        of_company.setdefault(company_id, []).append(key)
        names[key] = min(names.get(key, name), name)
    return SectorNames(of_company, names)


def _sector_counts(span: Span) -> tuple[dict[str, dict[str, int]], dict[str, str]]:
    """{sector: {kind: posts}}, NO_SECTOR for the posts of companies that name none; and the sectors'
    names as written, of the same moment."""
    # Posts are counted per company, so each company's sectors are looked at once, not once per post.
    named = kept(current_tenant_id(), "sectors of companies", _sector_names)
    per_company = select(Post.company_id, Post.kind, func.count(Post.id)).where(*_counted(span))
    counts: dict[str, dict[str, int]] = {}
    for company_id, kind, count in db.session.execute(per_company.group_by(Post.company_id, Post.kind)):
        # A company that names no sector is one without sectors here: no query of its own for them.
        for key in named.of_company.get(company_id) or (NO_SECTOR,):
            counts.setdefault(key, dict.fromkeys(KINDS, 0))[kind] += count
    return counts, named.names


def _sectors(span: Span) -> list[Tally]:
    """The sectors with the most posts (a post counts in each sector its company names), then the
    posts of companies that name none."""
    counts, names = _kept_counts(span, "sector counts", lambda: _sector_counts(span))
    sectors = [Tally(key, dict(by_kind)) for key, by_kind in counts.items() if key != NO_SECTOR]
    shown = _biggest_first(sectors)[:SECTORS_SHOWN]
    for tally in shown:  # named in the reader's language, each time
        tally.name = counted_name(tally.value, names[tally.value])
    unnamed = Tally(NO_SECTOR, dict(counts.get(NO_SECTOR, dict.fromkeys(KINDS, 0))))
    return shown + ([unnamed] if unnamed.total else [])


def _regions(span: Span) -> list[Tally]:
    """Every region (a post counts in each region it names), and the posts meant for all regions."""
    # One read of the posts: those that name no region come out of the outer join with none.
    rows = _counted_rows(
        span,
        "regions",
        lambda: (
            select(PostRegion.region, Post.kind, func.count(Post.id))
            .outerjoin(PostRegion, PostRegion.post_id == Post.id)
            .where(*_counted(span))
            .group_by(PostRegion.region, Post.kind)
        ),
    )
    regions = _tallies(((region or ALL_REGIONS, kind, count) for region, kind, count in rows), REGIONS)
    regions.setdefault(ALL_REGIONS, Tally(ALL_REGIONS))
    order = (ALL_REGIONS, *REGIONS)
    return _biggest_first(regions.values(), order)


def _groups(span: Span) -> list[Tally]:
    """The posts of each open interest group (a post counts in every group it concerns), biggest first."""
    tallies = []
    for group in open_groups():
        tally = _tally_where(span, concerning(group.id), str(group.id))
        tally.name = group.name
        tallies.append(tally)
    return _biggest_first(tallies)


def _categories(span: Span) -> list[Tally]:
    rows = _counted_rows(
        span,
        "categories",
        lambda: (
            select(Post.category, Post.kind, func.count(Post.id))
            .where(*_counted(span))
            .group_by(Post.category, Post.kind)
        ),
    )
    return _biggest_first(_tallies(rows, CATEGORIES).values(), CATEGORIES)


def _post_words(span: Span, kinds: tuple[str, ...]) -> list[tuple]:
    return _counted_rows(span, f"words {' '.join(kinds)}", lambda: _post_words_statement(span, kinds))


def _post_words_statement(span: Span, kinds: tuple[str, ...]) -> Select:
    # An alias, so that the IN subquery of counted posts stays uncorrelated (read once).
    tagged = aliased(Post)
    return (
        select(
            _grouped(PostTag),
            func.min(PostTag.name),
            func.count(distinct(PostTag.post_id)),
            func.count(distinct(tagged.company_id)),
        )
        .join(tagged, tagged.id == PostTag.post_id)
        .outerjoin(Concept, PostTag.concept_id == Concept.id)
        .where(PostTag.post_id.in_(_counted_ids(span, Post.kind.in_(kinds))))
        .group_by(_grouped(PostTag))
    )


def _competence_counts() -> list[tuple[str, str, int]]:
    rows = db.session.execute(
        select(_grouped(CompanyTag), func.min(CompanyTag.name), func.count(distinct(CompanyTag.company_id)))
        .outerjoin(Concept, CompanyTag.concept_id == Concept.id)
        .where(CompanyTag.kind == "competence", CompanyTag.company_id.in_(current_member_ids()))
        .group_by(_grouped(CompanyTag))
    )
    return [tuple(row) for row in rows]


def _competences() -> list[tuple[str, str, int]]:
    """Each competence of the current members, with how many name it; kept until the companies change."""
    return kept(current_tenant_id(), "competence counts", _competence_counts)


def _word(found: dict[str, Word], value: str, written: str) -> Word:
    if value not in found:
        found[value] = Word(value, written)
    return found[value]


def words(span: Span) -> list[Word]:
    """Every tag word of the counted posts and of the current members' competences, compared on concepts
    (or, for words that name none, by key)."""
    found: dict[str, Word] = {}
    for value, written, count, askers in _post_words(span, SEEKING):
        word = _word(found, value, written)
        word.requested, word.askers = count, askers
    for value, written, count, _ in _post_words(span, OFFERING):
        _word(found, value, written).offered = count
    for value, written, count in _competences():
        word = _word(found, value, written)
        word.companies, word.competence = count, written
    return list(found.values())


def _concepts(word: Word) -> set[str]:
    # A free tag may still speak of concepts among other words ("3D animācija bērniem").
    known = vocabulary()
    if word.key in known.concepts:
        return {word.key}
    return {mention.concept for mention in known.mentions(word.written)}


def gap(found: list[Word]) -> list[Word]:
    """Words asked for that no member offers, compared on concepts: "animācija" is offered by a member
    whose competence is "3D animācija" (a narrower concept), "co-production" by one offering "kopražojums"."""
    offered = set().union(*(_concepts(word) for word in found if word.supply))
    covered = offered | {vocabulary().concepts[key].broader for key in offered}
    missing = (word for word in found if word.requested and not word.supply and not _concepts(word) & covered)
    return sorted(missing, key=lambda word: (-word.requested, word.key))


def summary(today: date, months: int | None) -> Summary:
    """Every figure of the dashboard for the posts of the last `months` months (None: all of them)."""
    span = Span(today, months)
    states, responded = _states(span)
    found = words(span)
    return Summary(
        span=span,
        totals={kind: sum(state.counts[kind] for state in states) for kind in KINDS},
        responded=responded,
        median_days=_median_days(span),
        states=states,
        months=_months(span),
        categories=_categories(span),
        sectors=_sectors(span),
        regions=_regions(span),
        groups=_groups(span),
        requested=sorted((w for w in found if w.requested), key=lambda w: (-w.requested, w.key))[
            :WORDS_SHOWN
        ],
        offered=sorted((w for w in found if w.supply), key=lambda w: (-w.supply, w.key))[:WORDS_SHOWN],
        gap=gap(found),
    )


def sector_name(value: str) -> str | None:
    """The sector counted as `value` as the dashboard names it, or None if no company names it."""
    written = db.session.scalar(
        select(func.min(CompanyTag.name)).where(CompanyTag.kind == "sector", _named(CompanyTag, value))
    )
    return written and counted_name(value, written)


def word_name(value: str) -> str | None:
    """The tag word counted as `value` as the dashboard names it, or None if no post has it."""
    written = db.session.scalar(select(func.min(PostTag.name)).where(_named(PostTag, value)))
    return written and counted_name(value, written)


def asking_companies(span: Span, filters: Filters) -> list[Company]:
    """The member companies of the posts behind a figure, by name."""
    ids = select(Post.company_id).where(*_counted(span), *_filter_conditions(filters))
    return list(db.session.scalars(select(Company).where(Company.id.in_(ids)).order_by(Company.name_sort)))
