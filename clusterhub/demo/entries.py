"""The shapes of the demo's entries: company profiles, posts, threads and ratings."""

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
