"""The reasons of a match suggestion in plain words, for matches/_macros.html.

Made in Python, not by template macros: /matches and the own profile show a few dozen reasons, and macros
for the list, the need's link, each reason and where its words are took about a quarter of the page's
function calls. The texts are those the templates gave, translated and escaped as a template's `_()` does.
"""

from flask import url_for
from flask_babel import get_locale, get_translations
from markupsafe import Markup

from clusterhub.labels import label
from search.matching.scoring import Reason, Suggestion
from search.vocabulary.lookup import vocabulary


def N_(text: str) -> str:
    """Marks a text for the catalogue (`N_` is one of pybabel's keywords); it is translated where used,
    with the translations found once per list of reasons rather than once per text."""
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
QUOTED = N_("“%(text)s”")
MORE = (N_("and %(num)d more reason"), N_("and %(num)d more reasons"))


def concept_label(key: str) -> str:
    return vocabulary().label(key, get_locale().language)


def _text(translated, msgid: str, **values) -> Markup:
    # As a template's `_()`: the values are escaped unless they are markup already.
    return Markup(translated(msgid)) % values


def reason_text(r: Reason, need_link: Markup, mine: bool, translated) -> Markup:
    """One reason; `need_link`: the need's link, made once for all its reasons. `mine`: the need is the
    viewer's company's (the other company would answer it). `translated`: the reader's gettext."""
    side = 0 if mine else 1
    if r.kind in WANTED:
        source = _text(translated, SOURCES.get(r.where, SOURCES["description"])[side], text=r.theirs)
        concept = concept_label(r.concept) if r.kind == "concept" else ""
        wanted = _text(translated, WANTED[r.kind][side], need=need_link, words=r.yours, concept=concept)
        return source + Markup(" ↔\n") + wanted
    if r.kind == "roles":
        # their_role is the answering company's, your_role the need's company's
        theirs, yours = (r.their_role, r.your_role) if mine else (r.your_role, r.their_role)
        return _text(translated, ROLES, theirs=label("role", theirs), yours=label("role", yours))
    if r.kind == "category":
        role, category = label("role", r.their_role), label("category", r.where)
        return _text(translated, CATEGORY[side], role=role, category=category)
    if r.kind == "group":
        return _text(translated, GROUP, groups=r.theirs)
    return _text(translated, REGION, region=label("region", r.theirs))


def reasons_list(s: Suggestion, shown: int) -> Markup:
    """The list of a suggestion's first `shown` reasons (strongest first) and how many more there are."""
    translations = get_translations()
    translated = translations.ugettext
    link = Markup('<a href="%s">%s</a>') % (url_for("posts.detail", post_id=s.need.id), s.need.title)
    need_link = _text(translated, QUOTED, text=link)
    items = [reason_text(r, need_link, s.answers_mine, translated) for r in s.reasons[:shown]]
    listed = Markup("").join(Markup("<li>%s</li>") % item for item in items)
    more = len(s.reasons) - shown
    if more > 0:
        counted = Markup(translations.ungettext(*MORE, more)) % {"num": more}
        listed += Markup('<li class="muted">%s</li>') % counted
    return Markup('<ul class="reasons">\n%s</ul>\n') % listed
