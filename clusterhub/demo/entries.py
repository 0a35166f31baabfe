"""The shapes of the demo's entries: company profiles, posts, threads, ratings, the cluster's own life and
the inter-cluster conferences."""

from typing import NamedTuple


class Profile(NamedTuple):
    """A member company: its place in the value chain and what it can do."""

    name: str
    size: str
    region: str
    roles: tuple[str, ...]
    sectors: tuple[str, ...]
    competences: tuple[str, ...]
    description: str
    joined_days_ago: int | None = None  # None: spread by the company's place in the list


class Post(NamedTuple):
    """A need, offer or partnership interest; `days` is how long it stays valid, None for open-ended."""

    company: str
    kind: str
    category: str
    title: str
    body: str
    tags: tuple[str, ...] = ()
    days: int | None = None


class Thread(NamedTuple):
    """An answer to a post (by its title) and the replies: the answering company writes first, then the
    two sides take turns; `collaboration` records that they started working together."""

    post: str
    company: str
    messages: tuple[str, ...]
    collaboration: bool = False


class Rating(NamedTuple):
    """One company's rating of a partner it has talked to: quality, reliability, communication (1–5)."""

    rater: str
    rated: str
    scores: tuple[int, int, int]
    comment: str


class Service(NamedTuple):
    """A service of the cluster (a kind of catalogue.models.KINDS); activity.py dates its uses."""

    name: str
    kind: str
    description: str


class News(NamedTuple):
    title: str
    body: str
    days_ago: int


class Group(NamedTuple):
    """An interest or working group: its members (company names, joined by their representatives) and the
    posts and news (by title) addressed to it."""

    name: str
    description: str
    members: tuple[str, ...]
    posts: tuple[str, ...] = ()
    news: tuple[str, ...] = ()


class Story(NamedTuple):
    """A success story about a member company: published (the company approved it) or awaiting approval."""

    company: str
    title: str
    body: str
    published: bool


class Visit(NamedTuple):
    """The manager's annual visit to a member company."""

    company: str
    days_ago: int
    problems: tuple[str, ...]
    goals_2_years: str
    goals_5_years: str
    success_story: str
    next_step: str


class Past(NamedTuple):
    """A post of the two years before the board's current posts and what became of it: "fulfilled",
    "withdrawn" or still "open"; the answering company writes first, then the two sides take turns."""

    post: Post
    status: str
    answers: tuple[str, ...] = ()


class Pitch(NamedTuple):
    """How a company registers for an inter-cluster conference: what it seeks in other sectors and offers
    them, the sectors that interest it, the profile fields it shows the other participants (a part of
    conferences.models.SHOWABLE) and who registers it (an e-mail; "" for its first representative)."""

    seeks: str
    offers: str
    interests: tuple[str, ...]
    shows: tuple[str, ...] = ()
    person: str = ""


class Talk(NamedTuple):
    """A 1:1 meeting at a conference between two companies, asked for in a slot (its place in the grid).

    `outcome` is how the invitee answered: "accepted", "declined", "pending" (not yet) or "proposed"
    (`other_slot` instead, waiting for the requester). After the event each side says whether the meeting
    led to a follow-up (requester's, invitee's; None: not answered).
    """

    requester: str
    invitee: str
    slot: int
    message: str
    outcome: str = "accepted"
    other_slot: int | None = None
    followed_up: tuple[bool | None, bool | None] = (None, None)


class Application(NamedTuple):
    """An application from the public admission page; declined when it has a reason."""

    company_name: str
    registration_number: str
    website: str
    contact_name: str
    email: str
    phone: str
    motivation: str
    days_ago: int
    reason: str = ""
