"""What a search document holds: texts to match, values to filter and count, and a date to sort by.

Only the key is stored: results are read back from the database through the cluster's scope, so
the index never shows a text the database would not.
"""

from whoosh.fields import DATETIME, ID, KEYWORD, TEXT, Schema

from search.analysis import ANALYZER

# Bump when the schema or the analysis changes: an index of another version is rebuilt.
VERSION = 2
INDEX_NAME = f"docs_v{VERSION}"

# The fields a search looks in, with their weight: names and competences count above body text.
TEXT_FIELDS = {
    "title": 3.0,
    "competences": 2.0,
    "sectors": 1.5,
    "infrastructure": 1.0,
    "directions": 1.0,
    "body": 1.0,
}
FACETS = ("type", "kind", "category", "status", "sector", "competence", "region", "size", "role")


def _text(boost: float) -> TEXT:
    return TEXT(analyzer=ANALYZER, field_boost=boost, chars=True)


def _keywords() -> KEYWORD:
    return KEYWORD(commas=True, scorable=False)


def make_schema() -> Schema:
    return Schema(
        key=ID(unique=True, stored=True),
        tenant=ID,
        company=ID(stored=True),
        date=DATETIME(sortable=True),
        type=_keywords(),
        kind=_keywords(),
        category=_keywords(),
        status=_keywords(),
        sector=_keywords(),
        competence=_keywords(),
        region=_keywords(),
        size=_keywords(),
        role=_keywords(),
        **{name: _text(boost) for name, boost in TEXT_FIELDS.items()},
    )


SCHEMA = make_schema()
