"""Hostile input everywhere: no form, query string or CSV import makes a 500 or half a record.

The routes come from the app's URL map (with the arguments of the isolation matrix), and each form's
fields from the page that shows it, so a new form is fuzzed without being named here. Each route is
opened by the first of the world's people who may see it. Hypothesis fills the fields with very long
text, control characters, NUL, mixed scripts, right-to-left marks, SQL and HTML fragments and bytes that
are not UTF-8. Whatever the app refuses (the form shown again with errors, or a 4xx page) leaves every
table as it was. The examples are few and fixed (derandomised) so that the run is short and repeatable.
"""

import io
import random
from collections import defaultdict
from html.parser import HTMLParser
from urllib.parse import parse_qsl, urlencode, urlsplit

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from clusterhub.extensions import db
from clusterhub.transfer.services import COLUMNS
from tests.routes import all_routes, route_path

EXAMPLES_PER_FORM = 5
EXAMPLES_PER_QUERY = 3
EXAMPLES_PER_IMPORT = 25
PEOPLE = ("manager@alfa.lv", "member@alfa.lv", "organiser@clusterhub.lv", None)  # None: not signed in
# Signing out would end the visit; the static files take no input.
NOT_FUZZED = {"accounts.logout", "static"}
# Tables that a refused request may still write to, on purpose: the audit log and the failed sign-ins (refused
# requests), the rate-limit counters, and the outbox the search index drains.
WRITTEN_WHEN_REFUSED = {"audit_events", "failed_logins", "rate_counts", "index_outbox"}
# A form refused, or a page telling why not: nothing may have been written.
REFUSED = {200, 400, 403, 404, 405, 413, 429}
FUZZ_SETTINGS = {
    "deadline": None,
    "database": None,
    "derandomize": True,
    "suppress_health_check": list(HealthCheck),
}

FRAGMENTS = (
    "",
    " ",
    "'; DROP TABLE users; --",
    "' OR '1'='1",
    '"><script>alert(1)</script>',
    "<img src=x onerror=alert(1)>",
    "{{ 7*7 }}{% raw %}",
    "%s%n%x%(name)s",
    "\x00",
    "a\x00b",
    "\x1b[31m\x07\x08\x0b\x0c\x7f",
    "\u202eevil\u202c \u200f\u200b\ufeff",
    "שלום مرحبا Привет 你好 Ēķis 🐝",
    "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
    "../../etc/passwd",
    "javascript:alert(1)",
    "-1",
    "0",
    "99999999999999999999999",
    "1e309",
    "NaN",
    "2026-02-30",
    "0001-01-01T00:00",
    "9999-12-31T23:59",
    '=HYPERLINK("http://x")',
    "a@b",
    "x" * 300,
)
# Text that survives a form's encoding: any code point but the lone surrogates UTF-8 cannot carry.
ANY_TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)
LONG_TEXT = st.builds(
    lambda piece, times: piece * times, st.sampled_from(["ā", "x", "<b>", "\x01"]), st.integers(5_000, 60_000)
)
# Numbers beyond what an id or a count column holds, in either direction.
HUGE_NUMBERS = st.integers(-(2**80), 2**80).map(str)
HOSTILE = st.one_of(st.sampled_from(FRAGMENTS), ANY_TEXT, LONG_TEXT, HUGE_NUMBERS)
NOT_UTF8 = st.sampled_from([b"\xff\xfe", b"\xc3\x28", b"\xed\xa0\x80", b"caf\xe9", b"\x80abc"])


class FormReader(HTMLParser):
    """A page's forms (method, action, fields with the values the page fills in) and its links."""

    def __init__(self):
        super().__init__()
        self.forms: list[dict] = []
        self.links: list[str] = []
        self._select = None
        self._textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            method = (attrs.get("method") or "get").lower()
            self.forms.append({"method": method, "action": attrs.get("action") or "", "fields": []})
        elif tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        elif tag == "option" and self._select is not None:
            self._option(attrs)
        elif self.forms and attrs.get("name") and tag in ("input", "textarea", "select"):
            kind = tag if tag != "input" else (attrs.get("type") or "text").lower()
            field = {"name": attrs["name"], "type": kind, "value": attrs.get("value") or "", "options": []}
            self.forms[-1]["fields"].append(field)
            self._select = field if tag == "select" else None
            self._textarea = field if tag == "textarea" else None

    def _option(self, attrs):
        self._select["options"].append(attrs.get("value") or "")
        if "selected" in attrs:
            self._select["value"] = attrs.get("value") or ""

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea["value"] += data

    def handle_endtag(self, tag):
        if tag in ("select", "textarea"):
            self._select = self._textarea = None


def _read(html: str) -> FormReader:
    reader = FormReader()
    reader.feed(html)
    return reader


def _row_counts() -> dict[str, int]:
    tables = [table for table in db.metadata.sorted_tables if table.name not in WRITTEN_WHEN_REFUSED]
    counts = db.session.execute(
        select(*(select(func.count()).select_from(t).scalar_subquery() for t in tables))
    ).one()
    db.session.rollback()
    return dict(zip([t.name for t in tables], counts, strict=True))


# What a person would type into an empty field of each kind, so that a form with one hostile field passes
# its other checks and the hostile value reaches the service and the database.
PLAUSIBLE = {
    "email": "someone@example.lv",
    "url": "https://example.lv",
    "number": "3",
    "date": "2030-01-15",
    "datetime-local": "2030-01-15T10:00",
    "time": "10:00",
    "password": "correct-horse-battery",
}


def _plausible(field) -> str:
    offered = [option for option in field["options"] if option]
    if field["value"] or field["type"] in ("hidden", "checkbox", "radio"):
        return field["value"] or "y"
    if offered:
        return offered[0]
    if "mail" in field["name"]:
        return PLAUSIBLE["email"]
    return PLAUSIBLE.get(field["type"], "Plausible text")


def _hostile(data, field):
    """A hostile value for one field, or now and then a value the page offers."""
    offered = [option for option in field["options"] if option] or [field["value"]]
    if field["type"] in ("select", "hidden", "radio", "checkbox") and data.draw(st.booleans()):
        return data.draw(st.sampled_from(offered))
    if data.draw(st.integers(0, 9)) == 0:
        return data.draw(NOT_UTF8)
    return data.draw(HOSTILE)


def _file_value(data):
    return (
        io.BytesIO(data.draw(st.binary(max_size=2000) | CSV_FILES)),
        data.draw(st.sampled_from(["a.csv", "logo.png", "x\x00.txt", ""])),
    )


def _form_body(data, fields: list[dict], token: str):
    """(data, content type): URL-encoded bytes (so values may be invalid UTF-8) or multipart with files."""
    pairs = [("csrf_token", token)]
    fields = [
        field
        for field in fields
        if field["name"] != "csrf_token" and field["type"] not in ("submit", "button")
    ]
    # Either every field hostile, or one among plausible values, so that the form's other checks pass.
    hostile = data.draw(
        st.sampled_from([set(range(len(fields))), *({number} for number in range(len(fields)))])
    )
    for number, field in enumerate(fields):
        if field["type"] == "checkbox" and data.draw(st.booleans()):
            continue
        if field["type"] == "file":
            value = _file_value(data)
        else:
            value = _hostile(data, field) if number in hostile else _plausible(field)
        pairs.append((field["name"], value))
    pairs += data.draw(st.lists(st.tuples(ANY_TEXT, HOSTILE), max_size=2))  # fields no form has
    if any(isinstance(value, tuple) for _, value in pairs):
        return {name: _text(value) for name, value in pairs}, "multipart/form-data"
    return urlencode(
        [(_bytes(name), _bytes(value)) for name, value in pairs]
    ), "application/x-www-form-urlencoded"


def _bytes(value) -> bytes:
    return value if isinstance(value, bytes) else value.encode("utf-8")


def _text(value):
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else value


class People:
    """One signed-in visitor per person of the world, made once per test."""

    def __init__(self, make_visitor):
        self.visitors = {}
        for email in PEOPLE:
            visitor = make_visitor()
            if email:
                visitor.login(email)
            self.visitors[email] = visitor

    def first_with_form(self, path: str):
        """The first person shown a page with a POST form at `path`, and that form's fields."""
        for visitor in self.visitors.values():
            response = visitor.get(path)
            if response.status_code == 200:
                for form in _read(visitor.last_page).forms:
                    if form["method"] == "post" and urlsplit(form["action"]).path in ("", path):
                        return visitor, form["fields"]
        return self.first_allowed_to_post(path), []

    def first_allowed_to_post(self, path: str):
        """For a route that has no page of its own: the first person whose bare POST is not refused."""
        for visitor in self.visitors.values():
            visitor.get("/login", follow_redirects=True)
            # Judged by the POST's own answer: a GET of a POST-only route says only 405.
            answer = visitor.post(path)
            if answer.status_code not in (403, 404) and "/login" not in answer.headers.get("Location", ""):
                return visitor
        return visitor

    def first_shown(self, path: str):
        for visitor in self.visitors.values():
            if visitor.get(path).status_code == 200:
                return visitor
        return None


def _post_routes(app):
    return [rule for rule, method in all_routes(app) if method == "POST" and rule.endpoint not in NOT_FUZZED]


def _get_routes(app):
    return [rule for rule, method in all_routes(app) if method == "GET" and rule.endpoint not in NOT_FUZZED]


def _fuzz_form(app, visitor, path: str, fields: list[dict]) -> None:
    token = visitor.token()

    @settings(max_examples=EXAMPLES_PER_FORM, **FUZZ_SETTINGS)
    @given(st.data())
    def send(data):
        random.seed()  # Hypothesis seeds `random` alike for every example; the index names its files with it
        body, content_type = _form_body(data, fields, token)
        with app.app_context():
            before = _row_counts()
        response = visitor.client.post(path, data=body, content_type=content_type)
        assert response.status_code < 500 and response.status_code != 409, (
            f"POST {path}: {response.status_code}"
        )
        if response.status_code in REFUSED:
            with app.app_context():
                assert _row_counts() == before, f"POST {path} refused ({response.status_code}) but wrote rows"

    send()


def _described(error: BaseException) -> str:
    causes = getattr(error, "exceptions", None) or [error]  # Hypothesis groups a flaky failure's causes
    return "; ".join(f"{type(cause).__name__}: {str(cause)[:300]}" for cause in causes)


def test_every_form_survives_hostile_input(app, world, make_visitor):
    people = People(make_visitor)
    failures = []
    for rule in _post_routes(app):
        path = route_path(rule, world)
        try:
            visitor, fields = people.first_with_form(path)
            _fuzz_form(app, visitor, path, fields)
        except Exception as error:  # noqa: BLE001 - every route's failure is reported, not only the first
            failures.append(f"{rule.endpoint} {path}: {_described(error)}")
    assert not failures, "\n".join(failures)


def _query_names(reader: FormReader) -> dict[str, set[str]]:
    """The parameters a page sends, by address: its GET forms' fields and its links' query strings."""
    names = defaultdict(set)
    for form in reader.forms:
        if form["method"] == "get":
            names[urlsplit(form["action"]).path] |= {field["name"] for field in form["fields"]}
    for link in reader.links:
        parts = urlsplit(link)
        names[parts.path] |= {name for name, _ in parse_qsl(parts.query)}
    return names


def _fuzz_query(visitor, path: str, names: set[str]) -> None:
    @settings(max_examples=EXAMPLES_PER_QUERY, **FUZZ_SETTINGS)
    @given(
        st.dictionaries(
            st.sampled_from(sorted(names)) | ANY_TEXT, HOSTILE | NOT_UTF8, max_size=len(names) + 1
        )
    )
    def open_with(query):
        query_string = urlencode([(_bytes(name), _bytes(value)) for name, value in query.items()])
        status = visitor.client.get(path, query_string=query_string).status_code
        assert status < 500, f"GET {path}?{query_string[:200]}: {status}"

    open_with()


def test_every_query_string_survives_hostile_input(app, world, make_visitor):
    people = People(make_visitor)
    shown, names = [], defaultdict(lambda: {"page", "sort", "next", "q"})
    for rule in _get_routes(app):
        path = route_path(rule, world)
        visitor = people.first_shown(path)
        if visitor is not None:
            shown.append((rule, path, visitor))
            for address, sent in _query_names(_read(visitor.last_page)).items():
                names[address or path] |= sent
    failures = []
    for rule, path, visitor in shown:
        try:
            _fuzz_query(visitor, path, names[path])
        except Exception as error:  # noqa: BLE001 - every route's failure is reported, not only the first
            failures.append(f"{rule.endpoint} {path}: {_described(error)}")
    assert not failures, "\n".join(failures)


def _csv(rows: list[list[str]], separator: str) -> str:
    return "\r\n".join(separator.join(cells) for cells in rows)


def _cell():
    return st.one_of(
        st.sampled_from(FRAGMENTS), ANY_TEXT, st.sampled_from(['"', '""', '"a,b"', "a;b", "\n", "\r"])
    )


@st.composite
def csv_files(draw):
    """A spreadsheet as managers send it, then spoilt: hostile cells, other encodings, NUL, cut bytes."""
    kind = draw(st.sampled_from(sorted(COLUMNS)))
    header = draw(st.permutations(COLUMNS[kind]))[: draw(st.integers(1, len(COLUMNS[kind])))]
    rows = draw(st.lists(st.lists(_cell(), min_size=len(header), max_size=len(header) + 1), max_size=4))
    text = _csv([list(header), *rows], draw(st.sampled_from([",", ";"])))
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "latin-1", "cp1257"]))
    content = text.encode(encoding, "replace")
    spoil = draw(st.sampled_from(["none", "none", "nul", "cut", "bad byte"]))
    if spoil == "nul":
        content = content.replace(b",", b"\x00,", 1)
    elif spoil == "cut":
        content = content[: draw(st.integers(0, len(content)))]
    elif spoil == "bad byte":
        content += b"\xff\xc3"
    return kind, content


CSV_FILES = csv_files().map(lambda drawn: drawn[1])
IMPORT_PATH = "/c/alfa/manage/import"


def test_hostile_csv_imports_are_refused_or_imported_whole(app, world, signed_in):
    visitor = signed_in("manager@alfa.lv")

    @settings(max_examples=EXAMPLES_PER_IMPORT, **FUZZ_SETTINGS)
    @given(csv_files())
    def upload(drawn):
        random.seed()  # as in _fuzz_form
        kind, content = drawn
        with app.app_context():
            before = _row_counts()
        preview = visitor.submit(IMPORT_PATH, {"kind": kind, "file": (io.BytesIO(content), "import.csv")})
        assert preview.status_code == 200
        with app.app_context():
            assert _row_counts() == before, "the preview wrote rows"
        if 'name="upload"' not in visitor.last_page:
            return
        confirmed = visitor.post(f"{IMPORT_PATH}/confirm", {"upload": _hidden_upload(visitor.last_page)})
        assert confirmed.status_code in (200, 302)
        if confirmed.status_code == 200:
            with app.app_context():
                assert _row_counts() == before, "a refused import wrote rows"

    upload()


def _hidden_upload(page: str) -> str:
    fields = [field for form in _read(page).forms for field in form["fields"] if field["name"] == "upload"]
    return fields[0]["value"]


def test_a_nul_character_anywhere_gets_a_clean_bad_request_page(app, world, signed_in):
    """PostgreSQL refuses NUL in text: wherever one comes, the app answers 400 before any query runs."""
    visitor = signed_in("manager@alfa.lv")
    with app.app_context():
        before = _row_counts()
    new_post = {"kind": "need", "category": "export", "title": "Kokskaidas\x00", "body": "Vajag"}
    assert visitor.submit("/c/alfa/posts/new", new_post).status_code == 400
    assert visitor.get("/c/alfa/search", query_string="q=koks%00").status_code == 400
    assert visitor.get("/c/alfa%00/").status_code == 400
    with app.app_context():
        assert _row_counts() == before


def test_numbers_too_large_for_the_database_are_no_ids_or_pages(app, world, signed_in):
    visitor = signed_in("member@alfa.lv")
    huge = "99999999999999999999999"
    assert visitor.get(f"/c/alfa/companies/{huge}").status_code == 404
    assert visitor.get("/c/alfa/companies", query_string=f"page={huge}").status_code == 200
    assert (
        visitor.get(f"/events/{world.conference}/meetings/new", query_string=f"with={huge}").status_code
        == 302
    )


# The next= family: addresses a sign-in or a language choice returns to.
NEXT_VALUES = (
    "/c/alfa\n",
    "/c/alfa\r\nSet-Cookie: x=1",
    "/\t/evil.example",
    "/\n/evil.example",
    "//evil.example",
    "/\\evil.example",
    "https://evil.example/",
    "\x00/",
    "/c/alfa/posts\x7f",
)


@settings(max_examples=40, **FUZZ_SETTINGS)
@given(st.one_of(st.sampled_from(NEXT_VALUES), HOSTILE.map(lambda text: "/" + text)))
def _next_survives(visitor, path: str, method: str, next_value: str) -> None:
    data = {"next": next_value, "language": "lv"}
    response = visitor.get(path, query_string=data) if method == "GET" else visitor.post(path, data)
    where = f"{method} {path} next={next_value!r}: {response.status_code}"
    assert response.status_code < 500, where
    location = response.headers.get("Location", "")
    assert not any(ord(char) < 32 for char in location), where
    assert not location.startswith(("//", "http")) or location.startswith("http://clusterhub.test/"), where


def test_every_next_parameter_stays_on_the_site_and_never_fails(app, world, make_visitor, signed_in):
    """A newline or a tab in next= on /login or /language: a clean redirect home, never a 500."""
    anonymous, member = make_visitor(), signed_in("member@alfa.lv")
    anonymous.get("/login")
    member.get("/account")
    for visitor, path, method in (
        (member, "/login", "GET"),
        (anonymous, "/language", "POST"),
        (member, "/language", "POST"),
    ):
        _next_survives(visitor, path, method)
