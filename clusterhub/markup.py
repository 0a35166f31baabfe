"""Text shaped for pages: members' Markdown rendered so that it can never carry script, company initials."""

from html import unescape

import nh3
from markdown_it import MarkdownIt
from markupsafe import Markup

# Raw HTML is escaped by the parser and the result is cleaned again: two independent guards.
_PARSER = MarkdownIt("commonmark", {"html": False, "linkify": False}).disable("image")
_TAGS = {"p", "br", "strong", "em", "ul", "ol", "li", "a", "blockquote", "code", "pre", "h3", "h4", "hr"}
_ATTRIBUTES = {"a": {"href", "title"}}

# Latvian legal forms that begin most company names and would make every avatar "S".
LEGAL_FORMS = {"SIA", "AS", "IK", "BIEDRĪBA", "NODIBINĀJUMS", "PS", "KS", "VSIA"}


def render_markdown(text: str | None) -> Markup:
    """Safe HTML for a member's Markdown: no script, no event handlers, only http(s) and mailto links."""
    html = _PARSER.render(text or "").replace("<h1>", "<h3>").replace("</h1>", "</h3>")
    html = html.replace("<h2>", "<h4>").replace("</h2>", "</h4>")
    cleaned = nh3.clean(
        html,
        tags=_TAGS,
        attributes=_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="nofollow noopener",
    )
    return Markup(cleaned)


def initials(name: str) -> str:
    """Up to two initials of a company's name for its avatar: "SIA Kino un Rīga" -> "KR"."""
    # Capitalised words and numbers only, without quotes: legal forms, "un" and "and" do not name the company.
    words = [word.strip("\"'“”„«»()") for word in name.split()]
    naming = [w for w in words if w[:1].isupper() and w.upper() not in LEGAL_FORMS or w[:1].isdigit()]
    return "".join(word[0] for word in naming[:2]).upper() or "?"


def markdown_as_text(text: str | None) -> str:
    """A member's Markdown as plain text (for e-mails): the words without the formatting marks."""
    return unescape(nh3.clean(_PARSER.render(text or ""), tags=set()))
