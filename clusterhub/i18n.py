"""Latvian and English: which language a request speaks, and how to switch it."""

from pathlib import Path

from flask import g, request, session
from flask_babel import get_locale, get_translations
from flask_babel.speaklater import LazyString
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


def _translations():
    """The translations of the language in use, found once per request and language.

    Flask-Babel finds them anew for every string of a template, about half of what a string costs; a page
    of match suggestions has over a thousand. Kept with the locale they are for, so `force_locale` (mails
    in the reader's language) still gets its own."""
    locale = get_locale()
    if locale is None:
        return get_translations()  # outside any app context: Flask-Babel's untranslated fallback
    held = g.get("translations_of")
    if held is None or held[0] is not locale:
        held = g.translations_of = (locale, get_translations())
    return held[1]


def _gettext(string: str, **variables) -> str:
    text = _translations().ugettext(string)
    return text % variables if variables else text


def lazy_gettext(string: str, **variables) -> LazyString:
    """Flask-Babel's lazy_gettext through the translations kept for the request: a page's labels, form
    fields and choices are read as these, a hundred and more per page."""
    return LazyString(_gettext, string, **variables)


_l = lazy_gettext


def init_app(app, babel) -> None:
    """Bind Flask-Babel and give templates the language list and the date filters."""
    babel.init_app(app, locale_selector=select_locale, default_translation_directories=str(TRANSLATIONS))
    app.jinja_env.install_gettext_callables(
        gettext=lambda s: _translations().ugettext(s),
        ngettext=lambda s, p, n: _translations().ungettext(s, p, n),
        newstyle=True,
        pgettext=lambda c, s: _translations().upgettext(c, s),
        npgettext=lambda c, s, p, n: _translations().unpgettext(c, s, p, n),
    )
    dates.init_app(app)
    app.context_processor(lambda: {"LANGUAGES": LANGUAGES, "get_locale": get_locale})


LOGIN_MESSAGE = _l("Please sign in to see this page.")
