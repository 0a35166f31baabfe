"""Latvian and English: every interface string is translated, and each person reads their own language."""

import os
import re
from datetime import date
from pathlib import Path

import pytest
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po
from sqlalchemy import select

from clusterhub.companies.services import company_named
from clusterhub.extensions import db
from clusterhub.i18n import TRANSLATIONS
from tenants.context import tenant_scope
from tenants.models import Tenant
from tests.factories import make_tenant, make_user

ROOT = Path(__file__).resolve().parent.parent
CATALOGUE = TRANSLATIONS / "lv" / "LC_MESSAGES" / "messages.po"
# The code imports lazy_gettext as _l (forms, error pages); neither Babel nor babel.cfg knows that name.
KEYWORDS = {**DEFAULT_KEYWORDS, "_l": None, "lazy_ngettext": (1, 2)}
PLACEHOLDER = re.compile(r"%\(\w+\)[a-z]")
# Every page has the language form in its header; its button shows which language the page speaks.
CHANGE_BUTTON = {"lv": ">Mainīt</button>", "en": ">Change</button>"}
SIGN_IN_HEADING = {"lv": "<h1>Pieteikties</h1>", "en": "<h1>Sign in</h1>"}
OTHER = {"lv": "en", "en": "lv"}


def _read_catalogue():
    with CATALOGUE.open("rb") as po:
        return read_po(po)


def _visible_folder(path) -> bool:
    # Babel's default filter also skips folders starting with "_", which would hide templates/_macros.
    return not os.path.basename(path).startswith(".")


def _source_msgids() -> set[str]:
    """The msgids in the code and templates, found with the method map of babel.cfg."""
    with (ROOT / "babel.cfg").open() as cfg:
        method_map, options_map = parse_mapping_cfg(cfg, cfg.name)
    found = extract_from_dir(
        ROOT, method_map, options_map, keywords=KEYWORDS, directory_filter=_visible_folder
    )
    return {_singular(message) for _, _, message, _, _ in found}


def _singular(msgid):
    # A plural message (ngettext) comes as a tuple of forms and is known by its singular.
    return msgid[0] if isinstance(msgid, tuple) else msgid


def _forms(text) -> tuple:
    return text if isinstance(text, tuple) else (text,)


def _placeholders(text) -> set[str]:
    return set(PLACEHOLDER.findall(" ".join(_forms(text))))


def test_every_interface_string_has_a_latvian_translation():
    catalogue = _read_catalogue()
    # pybabel compile skips a catalogue whose header is fuzzy: the whole site would stay English.
    assert not catalogue.fuzzy, "remove the fuzzy flag from the header of messages.po"
    translated = {_singular(m.id) for m in catalogue if m.id and all(_forms(m.string)) and not m.fuzzy}
    missing = sorted(_source_msgids() - translated)
    assert not missing, "translate these in messages.po:\n" + "\n".join(missing)


def test_every_placeholder_survives_translation():
    wrong = [
        m.id
        for m in _read_catalogue()
        if m.id and m.string and _placeholders(m.id) != _placeholders(m.string)
    ]
    assert not wrong, f"these translations lose or invent a %(name)s placeholder: {wrong}"


@pytest.fixture
def visitor_asking(make_visitor):
    """visitor_asking(language): a visitor whose browser asks for `language` on every request."""
    return make_visitor


def _language_of(page: str) -> str | None:
    """The language a page speaks: its <html lang> and the text of its header agree."""
    return next(
        (
            lang
            for lang, button in CHANGE_BUTTON.items()
            if f'<html lang="{lang}">' in page and button in page
        ),
        None,
    )


@pytest.mark.parametrize("language", ["lv", "en"])
def test_login_page_speaks_the_browsers_language(visitor_asking, language):
    page = visitor_asking(language).get("/login").get_data(as_text=True)
    assert _language_of(page) == language
    assert SIGN_IN_HEADING[language] in page


def test_language_form_switches_the_next_page(visitor_asking):
    visitor = visitor_asking("en")
    assert _language_of(visitor.get("/login").get_data(as_text=True)) == "en"
    page = visitor.post("/language", {"language": "lv", "next": "/login"}, follow_redirects=True)
    assert SIGN_IN_HEADING["lv"] in page.get_data(as_text=True)
    assert _language_of(visitor.get("/reset").get_data(as_text=True)) == "lv"


def test_signed_in_persons_language_choice_is_remembered_at_next_sign_in(world, visitor_asking):
    visitor = visitor_asking("lv")
    visitor.login("member@alfa.lv")
    page = visitor.post("/language", {"language": "en", "next": "/c/alfa/"}, follow_redirects=True)
    assert _language_of(page.get_data(as_text=True)) == "en"

    # Another day, another browser that prefers Latvian: the person's own choice still wins.
    later = visitor_asking("lv")
    later.login("member@alfa.lv")
    assert _language_of(later.get("/").get_data(as_text=True)) == "en"


def _admit_company(app, tenant_slug: str, name: str, since: date) -> None:
    with app.app_context(), tenant_scope(db.session.scalar(select(Tenant).where(Tenant.slug == tenant_slug))):
        company_named(name, member_since=since)
        db.session.commit()


# Inside a sentence a date is short, so Latvian needs no case ending for it.
@pytest.mark.parametrize(
    ("language", "shown"), [("lv", "iestājies: 14.07.2025"), ("en", "member since 14 Jul 2025")]
)
def test_member_since_dates_are_written_in_the_readers_language(app, visitor_asking, language, shown):
    make_tenant(app, "alfa")
    _admit_company(app, "alfa", "SIA Vasaras Dārzs", date(2025, 7, 14))
    make_user(app, "reader@alfa.lv", "Rita Lasītāja", "alfa", language=language)
    # The browser asks for the other language, so only the person's setting can explain the result.
    visitor = visitor_asking(OTHER[language])
    visitor.login("reader@alfa.lv")
    page = visitor.get("/c/alfa/").get_data(as_text=True)
    assert "SIA Vasaras Dārzs" in page
    assert shown in page


@pytest.mark.parametrize(
    ("language", "required"), [("lv", "Šis lauks ir jāaizpilda."), ("en", "This field is required.")]
)
def test_form_errors_beside_the_fields_speak_the_visitors_language(visitor_asking, language, required):
    page = visitor_asking(language).submit("/login", {"email": "", "password": ""}).get_data(as_text=True)
    assert required in page
    assert 'id="email-errors"' in page
