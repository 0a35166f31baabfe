"""Tag suggestions for the profile and post forms: the names of the vocabulary's concepts, the cluster's
own words included, that begin a word as typed. A progressive enhancement: the forms take free tags
without it."""

from flask import jsonify, request

from clusterhub.collation import fold
from search.vocabulary.lookup import vocabulary
from tenants.blueprint import TenantBlueprint

bp = TenantBlueprint("tag_suggestions", __name__, "/tags")

SHOWN = 10
SHORTEST = 2  # one letter names too many concepts to help
LONGEST = 100  # a tag's column length


def suggestions(typed: str) -> list[str]:
    """The concept names in which a word begins with `typed` (no case or accents), those that begin with
    it first, shorter ones first."""
    wanted = fold(" ".join(typed.split()))[:LONGEST]
    if len(wanted) < SHORTEST:
        return []
    found = {}
    for forms in vocabulary().written_of.values():
        for form in forms:
            folded = fold(form)
            if folded.startswith(wanted) or f" {wanted}" in folded:
                found.setdefault(folded, form)
    ranked = sorted(found.items(), key=lambda pair: (not pair[0].startswith(wanted), len(pair[0]), pair[0]))
    return [form for _, form in ranked[:SHOWN]]


@bp.route("/suggestions")
def index():
    return jsonify(suggestions(request.args.get("q", "")))
