"""A match suggestion's score and reasons in plain words, for the templates that show suggestions.

Made in Python, not by template macros: /matches and the own profile show a few dozen suggestions, and
macros for the score, the list, the need's link, each reason and where its words are took about a third of
the page's function calls. The texts are those the templates gave, translated and escaped as a template's
`_()` does.
"""

from functools import lru_cache

from flask import url_for
from flask_babel import get_locale, get_translations
from markupsafe import Markup

from clusterhub.labels import label
from search.matching import rules
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
SCORE = N_("Match score:")
OUT_OF_100 = N_("%(score)d / 100")
# What a score is made of, part by part.
PARTS = (
    ("words", N_("words %(points)d of %(max)d")),
    ("roles", N_("value-chain role %(points)d of %(max)d")),
    ("region", N_("region %(points)d of %(max)d")),
    ("group", N_("interest group %(points)d of %(max)d")),
)
BREAKDOWN = Markup("""  <p class="score">
    <span class="visually-hidden">%s</span> <strong>%s</strong>
    <span class="muted">(%s)</span>
  </p>
""")


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
        counted = translations.ungettext("and %(num)d more reason", "and %(num)d more reasons", more)
        counted = Markup(counted) % {"num": more}
        listed += Markup('<li class="muted">%s</li>') % counted
    return Markup('<ul class="reasons">\n%s</ul>\n') % listed


def breakdown(points: dict[str, int], total: int) -> Markup:
    """A score and what it is made of: made once per language and points, since a page of suggestions shows
    the same few combinations on card after card."""
    # Rows stored before a shared group earned points have none.
    parts = tuple(points[part] or 0 for part, _msgid in PARTS)
    return _breakdown(get_locale().language, total, parts)


@lru_cache(maxsize=1024)
def _breakdown(language: str, total: int, parts: tuple[int, ...]) -> Markup:
    translated = get_translations().ugettext
    made_of = ", ".join(
        translated(text) % {"points": points, "max": rules.WEIGHTS[part]}
        for (part, text), points in zip(PARTS, parts, strict=True)
    )
    return BREAKDOWN % (Markup(translated(SCORE)), _text(translated, OUT_OF_100, score=total), made_of)
