"""A match reason in plain words, for matches/_macros.html.

Made in Python, not by template macros: /matches and the own profile show a few dozen reasons, and a macro
per reason with another for where its words are took about a quarter of the page's function calls. The
texts are those the templates gave, translated and escaped as a template's `_()` does.
"""

from flask_babel import get_locale, get_translations
from markupsafe import Markup

from clusterhub.labels import label
from search.matching.scoring import Reason
from search.vocabulary.lookup import vocabulary


def N_(text: str) -> str:
    """Marks a text for the catalogue (`N_` is one of pybabel's keywords); it is translated where used,
    with the translations found once per reason rather than once per text."""
    return text


# Where the matched words are, on the side of the company that answers the need: as the need's company
# reads it (their …), and as the answering company reads it (your …). Anything else is the description.
SOURCES = {
    "competence": (N_("Their competence “%(text)s”"), N_("Your competence “%(text)s”")),
    "sector": (N_("Their sector “%(text)s”"), N_("Your sector “%(text)s”")),
    "offer": (N_("Their offer “%(text)s”"), N_("Your offer “%(text)s”")),
    "offer_text": (
        N_("The description of their offer “%(text)s”"),
        N_("The description of your offer “%(text)s”"),
    ),
    "infrastructure": (
        N_("Their infrastructure mentions “%(text)s”"),
        N_("Your infrastructure mentions “%(text)s”"),
    ),
    "description": (
        N_("Their description mentions “%(text)s”"),
        N_("Your company's description mentions “%(text)s”"),
    ),
}
# The need's words, by the reason's kind: on the viewer's own need, and on another company's.
WANTED = {
    "concept": (
        N_("your need %(need)s: your words “%(words)s” (concept: %(concept)s)"),
        N_("their need %(need)s: their words “%(words)s” (concept: %(concept)s)"),
    ),
    "words": (
        N_("your need %(need)s: your words “%(words)s”"),
        N_("their need %(need)s: their words “%(words)s”"),
    ),
}
ROLES = N_("Their role: %(theirs)s; yours: %(yours)s — complementary in the value chain.")
# By the side: the other company's role answers the viewer's need, or the viewer's answers theirs.
CATEGORY = (
    N_("Their role “%(role)s” usually answers needs of the kind “%(category)s”."),
    N_("Your role “%(role)s” usually answers needs of the kind “%(category)s”."),
)
GROUP = N_("Both in the group: %(groups)s.")
REGION = N_("Same region: %(region)s.")


def concept_label(key: str) -> str:
    return vocabulary().label(key, get_locale().language)


def reason_text(r: Reason, need_link: Markup, mine: bool = True) -> Markup:
    """One reason; `need_link`: the need's link, made once for all its reasons. `mine`: the need is the
    viewer's company's (the other company would answer it)."""
    translated = get_translations().ugettext
    side = 0 if mine else 1

    def text(msgid: str, **values) -> Markup:
        # As a template's `_()`: the values are escaped unless they are markup already.
        return Markup(translated(msgid)) % values

    if r.kind in WANTED:
        source = text(SOURCES.get(r.where, SOURCES["description"])[side], text=r.theirs)
        concept = concept_label(r.concept) if r.kind == "concept" else ""
        wanted = text(WANTED[r.kind][side], need=need_link, words=r.yours, concept=concept)
        return source + Markup(" ↔\n") + wanted
    if r.kind == "roles":
        # their_role is the answering company's, your_role the need's company's
        theirs, yours = (r.their_role, r.your_role) if mine else (r.your_role, r.their_role)
        return text(ROLES, theirs=label("role", theirs), yours=label("role", yours))
    if r.kind == "category":
        return text(CATEGORY[side], role=label("role", r.their_role), category=label("category", r.where))
    if r.kind == "group":
        return text(GROUP, groups=r.theirs)
    return text(REGION, region=label("region", r.theirs))
