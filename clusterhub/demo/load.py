"""Loading the demo clusters; running it again adds only what is missing.

Each piece is found by what identifies it (a person by e-mail, a company by name, a post by its company
and title, a thread by its post and the answering company, a rating by its two companies) and made only
when it is not there, so a second run writes nothing. A profile is filled in only while its description
is empty, so what someone changed by hand stays. The clusters' dated activity (activity.py) is made once
per cluster, in one go, and the organiser's inter-cluster forums (conferences.py) once for the platform.
"""

import unicodedata
import zlib
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import select

from clusterhub.accounts.models import User
from clusterhub.accounts.services import create_user, find_user
from clusterhub.clock import local_today
from clusterhub.companies.models import Company
from clusterhub.companies.services import admit_company, company_named, membership_in_cluster, update_profile
from clusterhub.demo import data, entries
from clusterhub.demo.activity import load_activity
from clusterhub.demo.conferences import load_conferences
from clusterhub.demo.groups import load_groups
from clusterhub.demo.network import load_network
from clusterhub.demo.visits import load_visits
from clusterhub.extensions import db
from clusterhub.posts.models import Post, Thread
from clusterhub.posts.services import create_post, mark_collaboration, respond, send_message, thread_about
from clusterhub.ratings.models import SCORES
from clusterhub.ratings.services import existing_rating, rate
from search.vocabulary.services import load_vocabulary
from tenants.context import tenant_scope
from tenants.models import Membership, Tenant
from tenants.services import add_member, create_tenant


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


def _number(text: str, digits: int = 7) -> int:
    """A number that stays the same for the same text on every run (unlike hash())."""
    return zlib.crc32(text.encode()) % 10**digits


def _person(name: str, email: str, **flags) -> User:
    return find_user(email) or create_user(email, name, data.DEMO_PASSWORD, **flags)


def _join(user: User, role: str, company: Company | None = None) -> None:
    if db.session.scalar(select(Membership.id).where(Membership.user_id == user.id)) is None:
        add_member(user, role, company)


def _representative(index: int, cluster_index: int, slug: str) -> tuple[str, str]:
    first = data.FIRST_NAMES[index % len(data.FIRST_NAMES)]
    masculine, feminine = data.SURNAMES[(index * 7 + cluster_index * 3) % len(data.SURNAMES)]
    last = feminine if first in data.FEMININE else masculine
    return f"{first} {last}", f"{_ascii(first)}.{_ascii(last)}@{slug}.demo.lv"


def _member_since(index: int, profile: entries.Profile) -> date:
    # Spread over eight years so that new, long-standing and drifting members all appear.
    days = profile.joined_days_ago or 30 + (index * 173) % 2900
    return local_today() - timedelta(days=days)


def _tenant_by_slug(slug: str) -> Tenant | None:
    return db.session.scalar(select(Tenant).where(Tenant.slug == slug))


def _tenant(spec: dict) -> Tenant:
    return _tenant_by_slug(spec["slug"]) or create_tenant(
        spec["slug"],
        spec["name"],
        vision=spec["vision"],
        description=spec["description"],
        sector=spec["sector"],
        region=spec["region"],
        # A cluster without written criteria is not listed for applicants (the food cluster's are not yet).
        admission_criteria=spec.get("admission_criteria", ""),
    )


def _contact(person: User, index: int) -> dict:
    masculine, feminine = data.CONTACT_ROLES[index % len(data.CONTACT_ROLES)]
    role = feminine if person.name.split()[0] in data.FEMININE else masculine
    phone = f"{_number(person.email, 7):07d}"
    return {
        "name": person.name,
        "role": role,
        "email": person.email,
        "phone": f"+371 2{phone[:3]} {phone[3:]}",
    }


def _fill_profile(company: Company, profile: entries.Profile, person: User, index: int) -> None:
    if company.description:
        return
    values = {
        "description": profile.description,
        "size": profile.size,
        "region": profile.region,
        "roles": list(profile.roles),
        "sectors": list(profile.sectors),
        "competences": list(profile.competences),
        "contacts": [_contact(person, index)],
    }
    # Two companies in three show a registration number, as a manager's import would leave them.
    if profile.name.startswith(("SIA ", "AS ")) and index % 3 != 2:
        values["registration_number"] = f"4000{_number(profile.name):07d}"
    update_profile(company, None, values)


def _posts(spec: dict) -> list[entries.Post]:
    names = [profile.name for profile in spec["companies"]]
    places = zip(data.COMMON_POSTERS, data.COMMON_POSTS, strict=True)
    return spec["posts"] + [post._replace(company=names[place]) for place, post in places]


def _office_hours(days_ago: int, number: int) -> datetime:
    """A moment during a working day in Riga, `days_ago` days back."""
    return datetime.combine(local_today() - timedelta(days=days_ago), time(7 + number % 8, 30), tzinfo=UTC)


def _load_posts(spec: dict, people: dict) -> dict[str, Post]:
    """Every post of the cluster's board by title, made where missing, spread over the last year."""
    on_board = {(post.company_id, post.title): post for post in db.session.scalars(select(Post))}
    posts = {}
    for number, item in enumerate(_posts(spec)):
        company, person = people[item.company]
        post = on_board.get((company.id, item.title))
        if post is None:
            valid_until = local_today() + timedelta(days=item.days) if item.days else None
            post = create_post(
                company, person, item.kind, item.category, item.title, item.body, item.tags, (), valid_until
            )
            # Spread over the last year, but never before the company joined.
            joined = membership_in_cluster(company).member_since
            post.created_at = _office_hours(
                min(3 + (number * 11) % 360, (local_today() - joined).days), number
            )
        posts[item.title] = post
    return posts


def _talk(post: Post, item: entries.Thread, people: dict) -> Thread:
    """The answer and the replies, a few hours apart, and the collaboration they led to."""
    (answerer, answerer_person), (owner, owner_person) = people[item.company], people[post.company.name]
    thread = respond(post, answerer, answerer_person, item.messages[0])
    messages = [thread.messages[-1]]
    for turn, body in enumerate(item.messages[1:], start=1):
        company, person = (owner, owner_person) if turn % 2 else (answerer, answerer_person)
        messages.append(send_message(thread, company, person, body))
    for turn, message in enumerate(messages):
        message.created_at = post.created_at + timedelta(days=turn, hours=1 + turn)
    thread.created_at, thread.last_message_at = messages[0].created_at, messages[-1].created_at
    if item.collaboration:
        collaboration = mark_collaboration(thread, owner, owner_person)
        collaboration.created_at = thread.last_message_at
    return thread


def _load_threads(spec: dict, posts: dict[str, Post], people: dict) -> None:
    for item in spec["threads"]:
        post = posts[item.post]
        if thread_about(post, people[item.company][0]) is None:
            _talk(post, item, people)


def _load_ratings(spec: dict, people: dict) -> None:
    for item in spec["ratings"]:
        (rater, person), (rated, _) = people[item.rater], people[item.rated]
        if existing_rating(rater, rated) is None:
            rate(rater, rated, person, dict(zip(SCORES, item.scores, strict=True)), item.comment)


def _open_to_network(spec: dict, people: dict) -> None:
    """The companies that chose to be found by the other clusters' members (their own choice, not the demo's
    managers')."""
    for name in spec["network"]:
        people[name][0].network_visible = True


def _load_cluster(cluster_index: int, spec: dict) -> list[tuple[str, str]]:
    tenant = _tenant(spec)
    with tenant_scope(tenant):
        manager = _person(*spec["manager"])
        _join(manager, "manager")
        people = {}
        for index, profile in enumerate(spec["companies"]):
            company = company_named(profile.name, member_since=_member_since(index, profile))
            person = _person(*_representative(index, cluster_index, tenant.slug))
            _join(person, "member", company)
            _fill_profile(company, profile, person, index)
            people[profile.name] = (company, person)
        posts = _load_posts(spec, people)
        _load_threads(spec, posts, people)
        _load_ratings(spec, people)
        load_activity(spec, manager, people)
        load_groups(spec, people, posts)
        _open_to_network(spec, people)
    first_member = _representative(0, cluster_index, tenant.slug)[1]
    return [(manager.email, f"manager of {tenant.slug}"), (first_member, f"new member of {tenant.slug}")]


def _two_cluster_person() -> tuple[str, str]:
    """One company, one profile, two clusters: its representative switches between them."""
    name, email, company_name, (home_slug, second_slug) = data.TWO_CLUSTER_PERSON
    person = _person(name, email)
    with tenant_scope(_tenant_by_slug(home_slug)):
        company = company_named(company_name)
        _join(person, "member", company)
    with tenant_scope(_tenant_by_slug(second_slug)):
        if db.session.scalar(select(Company.id).where(Company.id == company.id)) is None:
            admit_company(company)
        _join(person, "member", company)
    return email, f"member of {home_slug} and {second_slug}"


def load_demo() -> list[tuple[str, str]]:
    """Create whatever of the demo is missing; return the logins worth showing (e-mail, what it is)."""
    # Matching the demo's profiles and posts reads the shared vocabulary.
    load_vocabulary()
    admin = _person(*data.ADMIN, is_admin=True)
    organiser = _person(*data.ORGANISER, is_organiser=True)
    logins = [(admin.email, "platform administrator"), (organiser.email, "event organiser")]
    for cluster_index, spec in enumerate(data.CLUSTERS):
        logins += _load_cluster(cluster_index, spec)
    logins.append(_two_cluster_person())
    load_conferences(organiser)
    load_visits()
    load_network()
    db.session.flush()
    return logins
