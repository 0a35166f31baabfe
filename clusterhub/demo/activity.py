"""Two years of each demo cluster's own life, dated back from today, so the managers' pages mean something.

Sign-ins, services with their uses and feedback, member meetings and who came, needs and offers answered
and fulfilled over 24 months, annual visits, news, success stories, a road map and applications. Two
companies have a story of their own: the newcomer joined two months ago and has done half of the road
map; the drifting member has been in the cluster for years but has done nothing for more than a year.

Members differ in how keen they are (by their place in the list), so the segments fill: some companies
sign in every fortnight and come to most meetings, others rarely. The dates are drawn from a generator
seeded with the cluster's address, so every load tells the same story. It is made once, in one go: a
cluster that has services already (loaded before, or the manager's own) gets nothing more.
"""

from datetime import UTC, date, datetime, time, timedelta
from random import Random
from typing import NamedTuple

from sqlalchemy import insert, select

from clusterhub.accounts.models import SignIn, User
from clusterhub.admission.models import Application
from clusterhub.admission.services import APPLICATION_FIELDS
from clusterhub.catalogue.models import Service, ServiceFeedback, ServiceUse
from clusterhub.catalogue.services import publish
from clusterhub.clock import local_today
from clusterhub.companies.models import Company, CompanyMembership
from clusterhub.demo import files
from clusterhub.events.models import Event, EventAttendance
from clusterhub.extensions import db
from clusterhub.indicators.periods import Period
from clusterhub.members.models import Visit
from clusterhub.news.models import NewsItem
from clusterhub.onboarding.models import RoadmapProgress, RoadmapStep
from clusterhub.posts.models import Message, Thread
from clusterhub.posts.services import create_post
from clusterhub.stories.models import SuccessStory

YEARS_BACK = 730  # days of history
SILENT_DAYS = 400  # the drifting member's last action was longer ago than this
# Days between a member's sign-ins, by its place in the list: most are keen, some steady, a few quiet.
RHYTHMS = (14, 12, 35, 200)
NEWCOMER_RHYTHM, DRIFTING_RHYTHM, MANAGER_RHYTHM = 5, 40, 3
PAST_POSTS = files.past_posts()

ROAD_MAP = [
    (
        "Aizpildiet uzņēmuma profilu",
        "Kompetences, aprīkojums un sadarbības intereses: pēc tām Jūs atradīs citi biedri.",
    ),
    ("Iepazīstieties ar klastera vadību", "Īsa tikšanās vai zvans: pastāstiet, ko sagaidāt no klastera."),
    (
        "Publicējiet pirmo vajadzību vai piedāvājumu",
        "Uz dēļa to redz visi biedri, un klastera vadība redz, kas biedriem vajadzīgs.",
    ),
    (
        "Prezentējiet uzņēmumu biedru sapulcē",
        "Piecas minūtes nākamajā biedru sapulcē, lai citi zina, ar ko Jūs varat sadarboties.",
    ),
]

# How often a kind of service takes place (days) and how many companies use it each time.
CADENCE = {
    "training": 95,
    "trade_mission": 200,
    "exhibition": 365,
    "consultation": 30,
    "joint_purchasing": 365,
    "networking": 60,
    "other": 120,
}
GROUP = {
    "training": (4, 8),
    "trade_mission": (3, 6),
    "exhibition": (3, 6),
    "consultation": (1, 3),
    "joint_purchasing": (5, 9),
    "networking": (4, 8),
    "other": (2, 5),
}
SCORES, SCORE_WEIGHTS = (5, 4, 3, 2), (50, 33, 12, 5)
FEEDBACK_SHARE = 0.85  # of the uses older than FEEDBACK_AFTER days
FEEDBACK_AFTER = 10
PRAISE = (
    "Praktiski piemēri, ko uzreiz varam izmantot",
    "Labi sagatavotas tikšanās ar pircējiem",
    "Ļoti zinošs lektors",
    "Ieguvām divus jaunus kontaktus",
    "Viss labi noorganizēts, skaidra programma",
    "Izdevīgāki nosacījumi nekā iepirkt pašiem",
    "Noderīgas sarunas ar citiem biedriem",
    "Konkrēti padomi tieši mūsu situācijai",
)
WISHES = (
    "",
    "",
    "Vairāk laika individuālām sarunām",
    "Materiālus vēlams saņemt iepriekš",
    "Nākamreiz arī angļu valodā",
)
MIXED = ("Daži noderīgi kontakti", "Tēma bija aktuāla", "Laba iespēja satikt citus biedrus")
COMPLAINTS = (
    "Pārāk vispārīgi, maz par mūsu nozari",
    "Tikšanās ar pircējiem bija par īsu",
    "Programmu saņēmām pārāk vēlu",
    "Dārgi mazam uzņēmumam",
    "Grupa bija par lielu",
)

MEETING = ("Biedru sapulce", "Klastera jaunumi, pakalpojumu atgriezeniskā saite un biedru prezentācijas.")
NEXT_MEETING = (
    "Biedru sapulce: jauno biedru prezentācijas",
    "Jaunie biedri iepazīstina ar sevi (5 minūtes katrs), klastera vadība pārskata ceturkšņa atsauksmes "
    "par pakalpojumiem.",
)
GENERAL_MEETING = ("Klastera biedru kopsapulce", "Gada pārskats, budžets un nākamā gada plāns.")
BREAKFAST_TEXT = "Īss ievads par tēmu, pēc tam sarunas pie kafijas."
BREAKFASTS = (
    "Biedru brokastis: eksporta pieredze Vācijā",
    "Biedru brokastis: darbinieku piesaiste reģionos",
    "Biedru brokastis: ES finansējums 2026. gadā",
    "Biedru brokastis: kopīgie iepirkumi",
    "Biedru brokastis: digitalizācija mazā uzņēmumā",
    "Biedru brokastis: sadarbība ar augstskolām",
    "Biedru brokastis: energoefektivitāte",
    "Biedru brokastis: jaunie tirgi Skandināvijā",
    "Biedru brokastis: zīmola veidošana",
    "Biedru brokastis: pieredze izstādēs",
)
# How likely a company is to come to a meeting, by its rhythm of sign-ins.
TURNOUT = {12: 0.8, 14: 0.75, 35: 0.45, 200: 0.1, NEWCOMER_RHYTHM: 0.9, DRIFTING_RHYTHM: 0.5}


class Member(NamedTuple):
    company: Company
    person: User
    joined: date
    rhythm: int  # days between sign-ins
    until: date  # the last day it did anything (today, or more than a year ago for the drifting member)

    def acts_on(self, day: date) -> bool:
        return self.joined <= day <= self.until


class Life(NamedTuple):
    spec: dict
    manager: User
    members: list[Member]
    today: date
    random: Random

    def days_ago(self, days: int) -> date:
        return self.today - timedelta(days=days)

    def member(self, name: str) -> Member:
        return next(m for m in self.members if m.company.name == name)

    def acting_on(self, day: date) -> list[Member]:
        return [m for m in self.members if m.acts_on(day)]


def _moment(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=UTC)


def _members(spec: dict, people: dict, today: date) -> list[Member]:
    joined = dict(
        db.session.execute(select(CompanyMembership.company_id, CompanyMembership.member_since)).all()
    )
    members = []
    for index, profile in enumerate(spec["companies"]):
        company, person = people[profile.name]
        rhythm, until = RHYTHMS[index % len(RHYTHMS)], today
        if profile.name == spec["newcomer"]:
            rhythm = NEWCOMER_RHYTHM
        elif profile.name == spec["drifting"]:
            rhythm, until = DRIFTING_RHYTHM, today - timedelta(days=SILENT_DAYS)
        members.append(Member(company, person, joined[company.id], rhythm, until))
    return members


def _every(life: Life, start: date, end: date, days: int):
    """Days from `start` to `end`, about `days` apart (a quarter either way)."""
    day = start + timedelta(days=life.random.randint(0, days))
    while day <= end:
        yield day
        day += timedelta(days=max(1, round(days * life.random.uniform(0.75, 1.25))))


def _sign_ins(life: Life) -> None:
    rows = []
    start = life.days_ago(YEARS_BACK)
    for member in life.members:
        for day in _every(life, max(member.joined, start), member.until, member.rhythm):
            rows.append({"user_id": member.person.id, "at": _moment(day, life.random.randint(6, 17), 15)})
    for day in _every(life, start, life.today, MANAGER_RHYTHM):
        rows.append({"user_id": life.manager.id, "at": _moment(day, 7, 40)})
    db.session.execute(insert(SignIn), rows)


def _pick(life: Life, members: list[Member], count: int) -> list[Member]:
    """`count` of `members`, the keener ones more likely (weighted sampling without replacement)."""
    # Each gets the key u ** (1 / weight), weight 1 / rhythm; the largest keys win.
    keyed = sorted(members, key=lambda m: life.random.random() ** m.rhythm, reverse=True)
    return keyed[:count]


def _feedback(life: Life, use: ServiceUse, member: Member) -> ServiceFeedback:
    score = life.random.choices(SCORES, SCORE_WEIGHTS)[0]
    good = score >= 4
    return ServiceFeedback(
        use=use,
        author_id=member.person.id,
        score=score,
        worked=life.random.choice(PRAISE if good else MIXED),
        change=life.random.choice(WISHES if good else COMPLAINTS),
        created_at=_moment(use.used_on + timedelta(days=life.random.randint(1, 6)), 9),
    )


def _services(life: Life) -> None:
    start, last = life.days_ago(YEARS_BACK), life.days_ago(2)
    for entry in life.spec["services"]:
        service = Service(name=entry.name, kind=entry.kind, description=entry.description)
        service.created_at = _moment(start - timedelta(days=30), 9)
        db.session.add(service)
        for day in _every(life, start, last, CADENCE[entry.kind]):
            for member in _pick(life, life.acting_on(day), life.random.randint(*GROUP[entry.kind])):
                use = ServiceUse(
                    service=service,
                    company=member.company,
                    used_on=day,
                    recorded_by_id=life.manager.id,
                    created_at=_moment(day, 15),
                )
                db.session.add(use)
                if day <= life.days_ago(FEEDBACK_AFTER) and life.random.random() < FEEDBACK_SHARE:
                    db.session.add(_feedback(life, use, member))


def _report(life: Life) -> None:
    """The last quarter's service feedback report, published to the members a few days after it ended."""
    quarter = Period.containing(life.today).previous
    published_on = min(quarter.end + timedelta(days=4), life.today)
    publish(
        quarter.year,
        quarter.quarter,
        life.manager,
        _moment(published_on, 10),
        running=False,
        preliminary=False,
    )


def _event(life: Life, kind: str, text: tuple[str, str], day: date, hour: int, presentations=False) -> Event:
    title, description = text
    starts_at = _moment(day, hour)
    event = Event(
        kind=kind,
        title=title,
        description=description,
        venue=life.spec["venue"],
        starts_at=starts_at,
        ends_at=starts_at + timedelta(hours=2),
        presentations=presentations,
        created_at=starts_at - timedelta(days=21),
    )
    db.session.add(event)
    if day < life.today:
        for member in life.acting_on(day):
            if life.random.random() < TURNOUT[member.rhythm]:
                db.session.add(EventAttendance(event=event, company=member.company))
    return event


def _events(life: Life) -> None:
    for quarter in range(8):
        # Every other meeting gave new members the floor.
        _event(life, "member_meeting", MEETING, life.days_ago(25 + 91 * quarter), 14, quarter % 2 == 1)
    _event(life, "member_meeting", NEXT_MEETING, life.today + timedelta(days=18), 14, presentations=True)
    for number, day in enumerate(_every(life, life.days_ago(YEARS_BACK), life.days_ago(5), 75)):
        _event(life, "breakfast", (BREAKFASTS[number % len(BREAKFASTS)], BREAKFAST_TEXT), day, 6)
    for year in range(2):
        _event(life, "general_meeting", GENERAL_MEETING, life.days_ago(300 + 365 * year), 13)


def _conversation(life: Life, post, answerer: Member, owner: Member, answers: tuple[str, ...]) -> None:
    thread = Thread(post=post, initiator=answerer.company, recipient=owner.company, subject=post.title)
    at = post.created_at + timedelta(days=life.random.randint(1, 6), hours=life.random.randint(1, 5))
    thread.created_at = at
    for turn, body in enumerate(answers):
        side = owner if turn % 2 else answerer
        thread.messages.append(
            Message(company=side.company, author=side.person, body=body, created_at=at + timedelta(days=turn))
        )
    thread.last_message_at = thread.messages[-1].created_at
    db.session.add(thread)


def _past_posts(life: Life) -> None:
    """The needs and offers of the two years before the board's current ones, some answered and done."""
    for number, past in enumerate(PAST_POSTS):
        day = life.days_ago(90 + number * (YEARS_BACK - 100) // len(PAST_POSTS))
        owner, answerer = _pick(life, life.acting_on(day), 2)
        item = past.post
        post = create_post(
            owner.company, owner.person, item.kind, item.category, item.title, item.body, item.tags
        )
        post.created_at = _moment(day, 8 + number % 8, 10)
        post.status = past.status
        post.updated_at = post.created_at + timedelta(days=20)
        if past.answers:
            _conversation(life, post, answerer, owner, past.answers)


def _visits(life: Life) -> None:
    for entry in life.spec["visits"]:
        day = life.days_ago(entry.days_ago)
        problems = dict(zip(("problem_1", "problem_2", "problem_3"), entry.problems, strict=False))
        db.session.add(
            Visit(
                company=life.member(entry.company).company,
                author_id=life.manager.id,
                visited_on=day,
                visitors=life.manager.name,
                goals_2_years=entry.goals_2_years,
                goals_5_years=entry.goals_5_years,
                success_story=entry.success_story,
                next_step=entry.next_step,
                created_at=_moment(day, 15),
                **problems,
            )
        )


def _news(life: Life) -> None:
    for entry in life.spec["news"]:
        at = _moment(life.days_ago(entry.days_ago), 8)
        db.session.add(NewsItem(title=entry.title, body=entry.body, author_id=life.manager.id, created_at=at))


def _stories(life: Life) -> None:
    for entry in life.spec["stories"]:
        member = life.member(entry.company)
        story = SuccessStory(
            company=member.company,
            author_id=life.manager.id,
            title=entry.title,
            body=entry.body,
            created_at=_moment(life.days_ago(70 if entry.published else 5), 10),
        )
        if entry.published:
            story.status, story.decided_by_id = "published", member.person.id
            story.decided_at = _moment(life.days_ago(62), 11)
        db.session.add(story)


def _applications(life: Life) -> None:
    for entry in life.spec["applications"]:
        details = {name: value for name, value in entry._asdict().items() if name in APPLICATION_FIELDS}
        application = Application(**details, created_at=_moment(life.days_ago(entry.days_ago), 12))
        if entry.reason:
            application.status, application.reason = "declined", entry.reason
            application.decided_by_id = life.manager.id
            application.decided_at = application.created_at + timedelta(days=6)
        db.session.add(application)


def _road_map(life: Life) -> None:
    steps = [
        RoadmapStep(title=title, description=text, position=n) for n, (title, text) in enumerate(ROAD_MAP, 1)
    ]
    db.session.add_all(steps)
    for member in life.members:
        if member.joined < life.days_ago(YEARS_BACK):
            continue  # the road map is for new members
        # A step a month after joining; the newcomer has done exactly half of them.
        done = [s for n, s in enumerate(steps, 1) if member.joined + timedelta(days=30 * n) <= life.today]
        if member.company.name == life.spec["newcomer"]:
            done = steps[: len(steps) // 2]
        for number, step in enumerate(done, 1):
            day = member.joined + timedelta(days=min(20 * number, (life.today - member.joined).days))
            db.session.add(
                RoadmapProgress(
                    step=step, company=member.company, done_by_id=member.person.id, done_at=_moment(day, 10)
                )
            )


def load_activity(spec: dict, manager: User, people: dict) -> None:
    """Give the current cluster its two years of dated activity, unless it has services already."""
    if db.session.scalar(select(Service.id).limit(1)) is not None:
        return
    db.session.flush()  # the people and companies need their ids
    today = local_today()
    life = Life(spec, manager, _members(spec, people, today), today, Random(spec["slug"]))
    for part in (
        _sign_ins,
        _services,
        _report,
        _events,
        _past_posts,
        _visits,
        _news,
        _stories,
        _applications,
        _road_map,
    ):
        part(life)
    db.session.flush()
