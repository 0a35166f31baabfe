"""Every page a person may open speaks Latvian to a Latvian reader: no English interface text, no raw codes.

The pages come from the app's URL map and are walked as the isolation matrix walks them
(tests/test_isolation.py), by each persona who may see them, everyone reading Latvian. English is
recognised by the catalogue itself: a msgid whose Latvian translation differs must not show on a Latvian page.
"""

import re
from html.parser import HTMLParser

import pytest
from babel.messages.pofile import read_po
from sqlalchemy import update

from clusterhub.accounts.models import User
from clusterhub.extensions import db
from clusterhub.i18n import TRANSLATIONS
from clusterhub.labels import LABELS
from tests.factories import make_user
from tests.routes import all_routes, route_path, visitor_as

PLACEHOLDER = re.compile(r"%\(\w+\)[a-z]|%[a-z]")
# Attributes a visitor reads (or hears from a screen reader) besides the text itself.
READ_ATTRIBUTES = {"title", "placeholder", "aria-label", "alt"}
# A phrase this long, with a space, is English wherever it appears; shorter ones only as a whole text.
PHRASE = 12
PERSONAS = ("anonymous", "member_a", "manager_a", "organiser", "admin")
ADMIN = "admin@clusterhub.lv"


# Not read as interface text: scripts and styles, and <code> (a CSV column or value named as the file
# writes it, beside its label).
UNREAD = ("script", "style", "code")


class _VisibleText(HTMLParser):
    """The texts a reader sees: every text node and the read attributes, whitespace folded."""

    def __init__(self):
        super().__init__()
        self.texts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag, attrs):
        self._hidden += tag in UNREAD
        self.texts += [" ".join(value.split()) for name, value in attrs if name in READ_ATTRIBUTES and value]

    def handle_endtag(self, tag):
        self._hidden -= tag in UNREAD

    def handle_data(self, data):
        if not self._hidden and data.strip():
            self.texts.append(" ".join(data.split()))


def visible_texts(page: str) -> list[str]:
    parser = _VisibleText()
    parser.feed(page)
    return parser.texts


def _english_catalogue() -> tuple[set[str], set[str]]:
    """English that a Latvian page must not show: whole short messages, and longer phrases anywhere."""
    with (TRANSLATIONS / "lv" / "LC_MESSAGES" / "messages.po").open("rb") as po:
        catalogue = read_po(po)
    messages = [m for m in catalogue if m.id]
    translations = {" ".join(text.split()) for m in messages for text in _forms(m.string)}
    latvian = "\n".join(translations)
    whole, phrases = set(), set()
    for message in messages:
        for english, translated in zip(_forms(message.id), _forms(message.string), strict=False):
            if english == translated:
                continue  # a name (Rīga, Kurzeme) reads the same in both languages
            for part in PLACEHOLDER.split(english):
                part = " ".join(part.split())
                # A phrase the Latvian catalogue uses too (an example name, "CSV") proves nothing.
                if len(part) >= PHRASE and " " in part and part not in latvian:
                    phrases.add(part)
            if not PLACEHOLDER.search(english):
                whole.add(" ".join(english.split()))
    # "No" and "Segments" are Latvian words too ("From", "Segment"): a whole translation is Latvian.
    return whole - translations, phrases


def _forms(text) -> tuple:
    return text if isinstance(text, tuple) else (text,)


# Codes of every fixed vocabulary (role, region, category, language…) that only a label may stand for.
CODES = {code for vocabulary in LABELS.values() for code in vocabulary if code.isascii()}


def problems_of(page: str, whole: set[str], phrases: set[str]) -> list[str]:
    """What on the page is English or a raw code."""
    texts = visible_texts(page)
    found = [f"English: {text!r}" for text in texts if text in whole]
    found += [f"raw code: {text!r}" for text in texts if text in CODES]
    joined = "\n".join(texts)
    found += [f"English: {phrase!r}" for phrase in phrases if phrase in joined]
    return found


@pytest.fixture
def latvian_world(app, world):
    """The two-cluster world, with an administrator, everyone reading Latvian."""
    make_user(app, ADMIN, "Aija Administratore", is_admin=True)
    with app.app_context():
        db.session.execute(update(User).values(language="lv"))
        db.session.commit()
    return world


def _visitor(persona: str, make_visitor):
    if persona == "admin":
        visitor = make_visitor("lv")
        visitor.login(ADMIN)
        return visitor
    return visitor_as(persona, make_visitor, "lv")


@pytest.mark.parametrize("persona", PERSONAS)
def test_every_page_speaks_latvian_without_raw_codes(app, latvian_world, make_visitor, persona):
    whole, phrases = _english_catalogue()
    visitor = _visitor(persona, make_visitor)
    wrong, read = {}, 0
    for rule, method in all_routes(app):
        if method != "GET" or rule.endpoint == "accounts.logout":
            continue
        path = route_path(rule, latvian_world)
        response = visitor.get(path)
        if response.mimetype == "text/html":
            read += 1
            found = problems_of(response.get_data(as_text=True), whole, phrases)
            if found:
                wrong[path] = found
    assert read > 10, f"{persona} read only {read} pages"
    assert not wrong, "\n".join(f"{path}: {found}" for path, found in wrong.items())


def test_the_check_finds_english_and_raw_codes():
    whole, phrases = _english_catalogue()
    page = "<p>Saglabāt</p><p>Save</p><dd>member</dd><p>SIA Tests answered your post “Eksports”.</p>"
    assert problems_of(page, whole, phrases) == [
        "English: 'Save'",
        "raw code: 'member'",
        "English: 'answered your post “'",
    ]
