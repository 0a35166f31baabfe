"""Moving between pages: safe redirects and pagination."""

from math import ceil
from urllib.parse import urlsplit

from flask import current_app, request, url_for
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
        page=request.args.get("page", 1, type=number),
        per_page=current_app.config["PAGE_SIZE"],
        error_out=False,
    )


def path_for(endpoint: str, **values) -> str:
    """The path of a page, built the same inside a request and in a command (no SERVER_NAME needed)."""
    current_app.inject_url_defaults(endpoint, values)
    return current_app.url_map.bind("").build(endpoint, values)


class ListPage:
    """One page of a list computed in Python, with what the pagination macro reads of a database page."""

    def __init__(self, items: list, page: int, per_page: int):
        self.total = len(items)
        self.page = max(1, page)
        self.per_page = per_page
        self.pages = max(1, ceil(self.total / per_page))
        self.items = items[(self.page - 1) * per_page : self.page * per_page]
        self.has_prev, self.has_next = self.page > 1, self.page < self.pages
        self.prev_num, self.next_num = self.page - 1, self.page + 1


def paginate_list(items: list) -> ListPage:
    """One page of `items`, the page number taken from ?page=, the size from the settings."""
    return ListPage(items, request.args.get("page", 1, type=number), current_app.config["PAGE_SIZE"])
