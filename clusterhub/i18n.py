"""Latvian and English: which language a request speaks, and how to switch it."""

from pathlib import Path

from flask import request, session
from flask_babel import get_locale
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from clusterhub import dates

TRANSLATIONS = Path(__file__).resolve().parent / "translations"
LANGUAGES = {"lv": "Latviešu", "en": "English"}
DEFAULT_LANGUAGE = "lv"


def select_locale() -> str:
    """The signed-in person's language, else the one chosen this session, else the browser's."""
    if current_user and current_user.is_authenticated:
        return current_user.language
    chosen = session.get("language")
    if chosen in LANGUAGES:
        return chosen
    return request.accept_languages.best_match(LANGUAGES) or DEFAULT_LANGUAGE


def init_app(app, babel) -> None:
    """Bind Flask-Babel and give templates the language list and the date filters."""
    babel.init_app(app, locale_selector=select_locale, default_translation_directories=str(TRANSLATIONS))
    dates.init_app(app)
    app.context_processor(lambda: {"LANGUAGES": LANGUAGES, "get_locale": get_locale})


LOGIN_MESSAGE = _l("Please sign in to see this page.")
