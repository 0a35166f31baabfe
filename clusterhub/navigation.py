"""Moving between pages: safe redirects and pagination."""

from collections.abc import Callable
from math import ceil
from urllib.parse import urlencode, urlsplit

from flask import current_app, request, url_for
from sqlalchemy import Select, func, select
from werkzeug.routing import IntegerConverter

from clusterhub.extensions import db

# Ids are INTEGER columns: PostgreSQL refuses a larger number in a query, SQLite one beyond 64 bits, so a
# number from an address or a query string beyond this is no id (or page) at all.
LARGEST_NUMBER = 2**31 - 1


class IdConverter(IntegerConverter):
    """`<int:…>` in every route: an address with a number no row can have matches no route (404)."""

    def __init__(self, map, fixed_digits=0, min=None, max=LARGEST_NUMBER, signed=False):
        super().__init__(map, fixed_digits, min, max, signed)


def number(text: str) -> int:
    """A whole number from a query string, `request.args.get(name, type=number)`: one too large for a
    query raises ValueError, so `get` answers its default."""
    value = int(text)
    if abs(value) > LARGEST_NUMBER:
        raise ValueError(text)
    return value


def _stays_here(target: str) -> bool:
    # Browsers drop tabs and newlines from an address ("/\t/evil.example" leaves the site), and a newline
    # cannot go into a Location header at all: any control character sends the visitor home instead.
    if any(ord(char) < 32 or ord(char) == 127 for char in target):
        return False
    return (
        target.startswith("/")
        and not target.startswith("//")
        and "\\" not in target
        and not urlsplit(target).netloc
    )


def safe_next(default_endpoint: str = "home.index") -> str:
    """The `next` address if it stays on this site, otherwise the default page."""
    target = request.values.get("next", "")
    return target if _stays_here(target) else url_for(default_endpoint)


def paginate(statement):
    """One page of `statement`, the page number taken from ?page=, the size from the settings."""
    return db.paginate(
        statement,
        page=page_number(),
        per_page=current_app.config["PAGE_SIZE"],
        error_out=False,
    )


def path_for(endpoint: str, **values) -> str:
    """The path of a page, built the same inside a request and in a command (no SERVER_NAME needed)."""
    current_app.inject_url_defaults(endpoint, values)
    return current_app.url_map.bind("").build(endpoint, values)


class Page:
    """One page of a list, with what the pagination macro reads of a Flask-SQLAlchemy page."""

    def __init__(self, items: list, total: int, page: int, per_page: int):
        self.items, self.total, self.page, self.per_page = items, total, page, per_page
        self.pages = max(1, ceil(total / per_page))
        self.has_prev, self.has_next = page > 1, page < self.pages
        self.prev_num, self.next_num = page - 1, page + 1


class ListPage(Page):
    """One page of a list computed in Python."""

    def __init__(self, items: list, page: int, per_page: int):
        page = max(1, page)
        super().__init__(items[(page - 1) * per_page : page * per_page], len(items), page, per_page)


def page_number() -> int:
    """The page asked for by ?page= (the first if none or nonsense)."""
    return max(1, request.args.get("page", 1, type=number))


# What url_for leaves unescaped in a query string (werkzeug.urls._urlencode, after the URL standard).
QUERY_SAFE = "!$'()*,/:;?@"


def with_query(path: str, pairs) -> str:
    """`path` with the query `pairs` (a dict or (name, value) pairs, in order), encoded as url_for encodes
    it: for the many links of one page to one route that differ only in their query (facet values, a
    dashboard's figures), whose route is then built once rather than through the URL map for each."""
    query = urlencode(pairs, safe=QUERY_SAFE)
    return f"{path}?{query}" if query else path


def paginate_list(items: list) -> ListPage:
    """One page of `items`, the page number taken from ?page=, the size from the settings."""
    return ListPage(items, page_number(), current_app.config["PAGE_SIZE"])


def paginate_ids(
    ids: Select,
    rows: Callable[[list[int]], Select],
    count: Select | int | None = None,
    per_page: int | None = None,
    matched_by: str = "id",
) -> Page:
    """One page of a sorted query of ids, the page number taken from ?page=: the database sorts and cuts
    the ids alone, then `rows(ids)` loads just that page's rows with what they show. The total is
    `count` (a query, or the number when the caller knows it), or the ids counted (a query as narrow as
    the list allows, never loading a row). `per_page`: for lists whose items are bigger than a row (the
    settings' size otherwise). `matched_by`: the attribute of a row that holds its id in `ids`."""
    page, per_page = page_number(), per_page or current_app.config["PAGE_SIZE"]
    chosen = list(db.session.scalars(ids.limit(per_page).offset((page - 1) * per_page)))
    found = {getattr(row, matched_by): row for row in db.session.scalars(rows(chosen))} if chosen else {}
    if count is None:
        count = select(func.count()).select_from(ids.order_by(None).subquery())
    total = count if isinstance(count, int) else db.session.scalar(count)
    # A row deleted between the two reads is left out rather than shown as a gap.
    return Page([found[id_] for id_ in chosen if id_ in found], total, page, per_page)
