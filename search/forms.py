"""The search page's form, read from the address (?q=…&region=riga), so a search can be linked to."""

from flask import request
from wtforms import IntegerField, SearchField, SelectField, StringField
from wtforms.validators import Length, NumberRange, Optional, Regexp

from clusterhub.forms import Form, options
from clusterhub.i18n import lazy_gettext as _l
from clusterhub.labels import POST_CATEGORIES, POST_KINDS, POST_STATUSES, REGIONS, ROLES, SIZES
from search.query import MAX_QUERY_LENGTH

TYPES = {"company": _l("Companies"), "post": _l("Posts")}
SORTS = {"relevance": _l("Best match first"), "date": _l("Newest first")}
# The filters shown beside the results with their counts, in this order; "type" is the select above them.
FACET_FILTERS = ("kind", "category", "status", "sector", "competence", "region", "size", "role")
# Tags are counted as their concept's key ("nace-62") or, naming none, by their own key (digits).
TAG_VALUE = r"^[A-Za-z0-9-]+$"
# Nobody reads further than this; a deep page only makes the index collect more hits.
MAX_PAGE = 500


def _strip(value):
    return " ".join(value.split()) if isinstance(value, str) else value


def _facet(label, vocabulary: dict) -> SelectField:
    return SelectField(label, choices=options(vocabulary.items(), _l("Any")), default="")


class SearchForm(Form):
    """What to search for, how to sort, and the chosen filters; a filter with an unknown value is ignored."""

    class Meta:
        csrf = False  # a search changes nothing

    q = SearchField(_l("Search for"), validators=[Length(max=MAX_QUERY_LENGTH)], filters=[_strip])
    type = SelectField(_l("Show"), choices=options(TYPES.items(), _l("Companies and posts")), default="")
    sort = SelectField(_l("Sort by"), choices=options(SORTS.items()), default="relevance")
    kind = _facet(_l("Kind"), POST_KINDS)
    category = _facet(_l("Category"), POST_CATEGORIES)
    status = _facet(_l("Status"), POST_STATUSES)
    sector = StringField(_l("Sector"), validators=[Optional(), Length(max=400), Regexp(TAG_VALUE)])
    competence = StringField(_l("Competence"), validators=[Optional(), Length(max=400), Regexp(TAG_VALUE)])
    region = _facet(_l("Region"), REGIONS)
    size = _facet(_l("Size"), SIZES)
    role = _facet(_l("Role in the value chain"), ROLES)
    page = IntegerField(default=1, validators=[Optional(), NumberRange(min=1, max=MAX_PAGE)])

    @classmethod
    def from_address(cls) -> "SearchForm":
        form = cls(formdata=request.args)
        form.validate()
        return form

    def _valid(self, name: str):
        field = self[name]
        return field.data if field.data and not field.errors else None

    @property
    def text(self) -> str:
        return self._valid("q") or ""

    @property
    def order(self) -> str:
        # Without words to match there is no best match: newest first.
        return (self._valid("sort") or "relevance") if self.text else "date"

    @property
    def page_number(self) -> int:
        return self._valid("page") or 1

    def filters(self) -> dict[str, str]:
        """The valid filters, "type" included, as `search.query.search` takes them."""
        return {name: value for name in ("type", *FACET_FILTERS) if (value := self._valid(name))}

    def address(self) -> dict[str, str]:
        """The search as address parameters, without the page: for filter links and pagination."""
        values = {"q": self.text, **self.filters()}
        if self._valid("sort") != self.sort.default:
            values["sort"] = self._valid("sort")
        return {name: value for name, value in values.items() if value}
