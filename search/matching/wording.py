"""A match reason in plain words, for matches/_macros.html.

Made in Python, not by template macros: /matches and the own profile show a few dozen reasons, and a macro
per reason with another for where its words are took about a quarter of the page's function calls. The
texts are those the templates gave, translated and escaped as a template's `_()` does.
"""

from flask_babel import get_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from markupsafe import Markup

from clusterhub.labels import label
from search.matching.scoring import Reason
from search.vocabulary.lookup import vocabulary

# Where the matched words are, on the side of the company that answers the need: as the need's company
# reads it (their …), and as the answering company reads it (your …). Anything else is the description.
SOURCES = {
    "competence": (_l("Their competence “%(text)s”"), _l("Your competence “%(text)s”")),
    "sector": (_l("Their sector “%(text)s”"), _l("Your sector “%(text)s”")),
    "offer": (_l("Their offer “%(text)s”"), _l("Your offer “%(text)s”")),
    "offer_text": (
        _l("The description of their offer “%(text)s”"),
        _l("The description of your offer “%(text)s”"),
    ),
    "infrastructure": (
        _l("Their infrastructure mentions “%(text)s”"),
        _l("Your infrastructure mentions “%(text)s”"),
    ),
    "description": (
        _l("Their description mentions “%(text)s”"),
        _l("Your company's description mentions “%(text)s”"),
    ),
}
# The need's words, by the reason's kind: on the viewer's own need, and on another company's.
WANTED = {
    "concept": (
        _l("your need %(need)s: your words “%(words)s” (concept: %(concept)s)"),
        _l("their need %(need)s: their words “%(words)s” (concept: %(concept)s)"),
    ),
    "words": (
        _l("your need %(need)s: your words “%(words)s”"),
        _l("their need %(need)s: their words “%(words)s”"),
    ),
}


def _escaped(translated, /, **values) -> Markup:
    """The `translated` text with its values put in, escaped unless they are markup already."""
    return Markup(str(translated)) % values


def concept_label(key: str) -> str:
    return vocabulary().label(key, get_locale().language)


def _words(r: Reason, need_link: Markup, mine: bool) -> Markup:
    theirs, yours = SOURCES.get(r.where, SOURCES["description"])
    source = _escaped(theirs if mine else yours, text=r.theirs)
    wanted = WANTED[r.kind][0 if mine else 1]
    concept = concept_label(r.concept) if r.kind == "concept" else ""
    return source + Markup(" ↔\n") + _escaped(wanted, need=need_link, words=r.yours, concept=concept)


def reason_text(r: Reason, need_link: Markup, mine: bool = True) -> Markup:
    """One reason; `need_link`: the need's link, made once for all its reasons. `mine`: the need is the
    viewer's company's (the other company would answer it)."""
    if r.kind in WANTED:
        return _words(r, need_link, mine)
    if r.kind == "roles":
        # their_role is the answering company's, your_role the need's company's
        theirs, yours = (r.their_role, r.your_role) if mine else (r.your_role, r.their_role)
        return _escaped(
            _("Their role: %(theirs)s; yours: %(yours)s — complementary in the value chain."),
            theirs=label("role", theirs),
            yours=label("role", yours),
        )
    if r.kind == "category":
        usually = (
            _("Their role “%(role)s” usually answers needs of the kind “%(category)s”.")
            if mine
            else _("Your role “%(role)s” usually answers needs of the kind “%(category)s”.")
        )
        return _escaped(usually, role=label("role", r.their_role), category=label("category", r.where))
    if r.kind == "group":
        return _escaped(_("Both in the group: %(groups)s."), groups=r.theirs)
    return _escaped(_("Same region: %(region)s."), region=label("region", r.theirs))
