"""What the API reads and answers: marshmallow schemas that validate requests and describe the OpenAPI.

Times are ISO 8601 in UTC; dates are calendar days in the cluster's (Latvian) calendar; texts are returned as
their authors wrote them (Markdown where the pages render it). Codes (kinds, regions, sizes…) are the
platform's own, listed in each field's enum.
"""

from datetime import UTC

import marshmallow as ma
from marshmallow import fields, validate

from clusterhub.clock import local_today
from clusterhub.companies.models import REGIONS, ROLES, SIZES
from clusterhub.posts.models import CATEGORIES, KINDS, STATUSES
from clusterhub.posts.services import is_expired

MAX_TAGS = 30


class Instant(fields.DateTime):
    """A moment, always written in UTC with a Z."""

    def _serialize(self, value, attr, obj, **kwargs):
        if value is None:
            return None
        return value.astimezone(UTC).isoformat().replace("+00:00", "Z")


class Text(fields.String):
    """Text as people type it: no NUL character, which PostgreSQL refuses in any text (the pages refuse it
    in forms and addresses before any view, clusterhub/errors.py)."""

    default_error_messages = {"nul": "Text cannot contain a NUL character."}

    def _deserialize(self, value, attr, data, **kwargs):
        text = super()._deserialize(value, attr, data, **kwargs)
        if "\x00" in text:
            raise self.make_error("nul")
        return text


def _enum(values, **kwargs):
    return fields.String(validate=validate.OneOf(values), metadata={"enum": list(values)}, **kwargs)


class FieldError(ma.Schema):
    location = fields.String(required=True, metadata={"description": "json, query or path"})
    field = fields.String(required=True)
    pointer = fields.String(required=True, metadata={"description": "JSON pointer to the field"})
    detail = fields.String(required=True)


class Problem(ma.Schema):
    """An error, as RFC 9457 problem details; `errors` lists a validation failure's fields."""

    type = fields.String(required=True)
    title = fields.String(required=True)
    status = fields.Integer(required=True)
    detail = fields.String()
    errors = fields.List(fields.Nested(FieldError))


class CompanyRef(ma.Schema):
    id = fields.Integer(required=True)
    name = fields.String(required=True)


class CompanyFilters(ma.Schema):
    """The directory's filters and search, as on the members' directory page."""

    text = Text(load_default="", validate=validate.Length(max=200), metadata={"description": "Words"})
    sector = Text(load_default="", validate=validate.Length(max=100))
    competence = Text(load_default="", validate=validate.Length(max=100))
    region = _enum(REGIONS, load_default="")
    size = _enum(SIZES, load_default="")
    role = _enum(ROLES, load_default="")
    sort = _enum(("name", "newest", "region", "updated"), load_default="name")


class CompanySummary(ma.Schema):
    id = fields.Integer(attribute="company.id", required=True)
    name = fields.String(attribute="company.name", required=True)
    region = fields.String(attribute="company.region", allow_none=True, required=True)
    size = fields.String(attribute="company.size", allow_none=True, required=True)
    sectors = fields.Method(
        "_sectors", required=True, metadata={"type": "array", "items": {"type": "string"}}
    )
    competences = fields.Method("_competences", metadata={"type": "array", "items": {"type": "string"}})
    roles = fields.Function(
        lambda link: link.company.role_names, metadata={"type": "array", "items": {"type": "string"}}
    )
    member_since = fields.Date(required=True)

    def _sectors(self, link):
        return link.company.tag_names("sector")

    def _competences(self, link):
        return link.company.tag_names("competence")


class Contact(ma.Schema):
    name = fields.String(required=True)
    role = fields.String(required=True)
    email = fields.String(required=True)
    phone = fields.String(required=True)


class CompanyProfile(ma.Schema):
    id = fields.Integer(required=True)
    name = fields.String(required=True)
    registration_number = fields.String(allow_none=True, required=True)
    description = fields.String(required=True)
    website = fields.String(required=True)
    region = fields.String(allow_none=True, required=True)
    size = fields.String(allow_none=True, required=True)
    sectors = fields.Function(
        lambda c: c.tag_names("sector"), metadata={"type": "array", "items": {"type": "string"}}
    )
    competences = fields.Function(
        lambda c: c.tag_names("competence"), metadata={"type": "array", "items": {"type": "string"}}
    )
    roles = fields.Function(lambda c: c.role_names, metadata={"type": "array", "items": {"type": "string"}})
    infrastructure = fields.String(required=True)
    development_directions = fields.String(required=True)
    partnership_interests = fields.String(required=True)
    other_clusters = fields.String(required=True)
    contacts = fields.List(fields.Nested(Contact), required=True)
    updated_at = Instant(required=True)


class PostFilters(ma.Schema):
    """The board's filters, as on the needs-and-offers board."""

    kind = _enum(KINDS, load_default="")
    category = _enum(CATEGORIES, load_default="")
    status = _enum((*STATUSES, "expired", "all"), load_default="open")
    region = _enum(REGIONS, load_default="")
    tag = Text(load_default="", validate=validate.Length(max=100))
    text = Text(load_default="", validate=validate.Length(max=200), metadata={"description": "In the title"})
    order = _enum(("newest", "oldest", "deadline"), load_default="newest")


class Post(ma.Schema):
    id = fields.Integer(required=True)
    kind = fields.String(required=True, metadata={"enum": list(KINDS)})
    category = fields.String(required=True, metadata={"enum": list(CATEGORIES)})
    title = fields.String(required=True)
    body = fields.String(required=True)
    status = fields.String(required=True, metadata={"enum": list(STATUSES)})
    expired = fields.Function(is_expired, required=True, metadata={"type": "boolean"})
    tags = fields.List(fields.String(), attribute="tag_names", required=True)
    regions = fields.List(fields.String(), attribute="region_names", required=True)
    valid_until = fields.Date(allow_none=True, required=True)
    company = fields.Nested(CompanyRef, required=True)
    created_at = Instant(required=True)
    updated_at = Instant(required=True)


def _not_in_the_past(day) -> None:
    if day is not None and day < local_today():
        raise ma.ValidationError("The date cannot be in the past.")


def _has_text(text: str) -> None:
    if not text.strip():
        raise ma.ValidationError("Write a title.")


_TAG = Text(validate=validate.Length(1, 100))


class PostInput(ma.Schema):
    """A post as its company writes it; on update, only the fields sent change."""

    kind = _enum(KINDS, required=True)
    category = _enum(CATEGORIES, required=True)
    title = Text(required=True, validate=[validate.Length(1, 200), _has_text])
    body = Text(load_default="", validate=validate.Length(max=20000))
    tags = fields.List(_TAG, load_default=list, validate=validate.Length(max=MAX_TAGS))
    regions = fields.List(_enum(REGIONS), load_default=list)
    valid_until = fields.Date(load_default=None, allow_none=True, validate=_not_in_the_past)

    class Meta:
        unknown = ma.RAISE


class PostChanges(PostInput):
    """The fields of a post to change; those not sent stay as they are."""


class Reason(ma.Schema):
    kind = fields.String(
        required=True, metadata={"enum": ["concept", "words", "roles", "category", "region", "group"]}
    )
    where = fields.String(required=True)
    theirs = fields.String(required=True)
    yours = fields.String(required=True)
    their_role = fields.String(required=True)
    your_role = fields.String(required=True)
    concept = fields.String(required=True)


class Suggestion(ma.Schema):
    """A company suggested for a need, with the points it scored and why."""

    company = fields.Nested(CompanyRef, required=True)
    post_id = fields.Integer(attribute="need.id", required=True)
    points = fields.Dict(keys=fields.String(), values=fields.Integer(), required=True)
    reasons = fields.List(fields.Nested(Reason), required=True)


class Partner(ma.Schema):
    company = fields.Nested(CompanyRef, required=True)
    suggestions = fields.List(fields.Nested(Suggestion), required=True)


class Event(ma.Schema):
    id = fields.Integer(required=True)
    kind = fields.String(required=True)
    title = fields.String(required=True)
    description = fields.String(required=True)
    venue = fields.String(required=True)
    starts_at = Instant(required=True)
    ends_at = Instant(allow_none=True, required=True)


class NewsItem(ma.Schema):
    id = fields.Integer(required=True)
    title = fields.String(required=True)
    body = fields.String(required=True)
    created_at = Instant(required=True)


class Story(ma.Schema):
    id = fields.Integer(required=True)
    title = fields.String(required=True)
    body = fields.String(required=True)
    company = fields.Nested(CompanyRef, required=True)
    published_at = Instant(attribute="decided_at", allow_none=True, required=True)


class Conference(Event):
    """An inter-cluster conference (kind "conference")."""


class Meeting(ma.Schema):
    id = fields.Integer(required=True)
    status = fields.String(required=True, metadata={"enum": ["pending", "accepted", "declined", "cancelled"]})
    starts_at = Instant(required=True)
    ends_at = Instant(required=True)
    table_no = fields.Integer(allow_none=True, required=True)
    partner = fields.String(required=True, metadata={"description": "The other side's company"})
    proposed_by_me = fields.Boolean(required=True)


class Member(ma.Schema):
    company = fields.Nested(CompanyRef, required=True)
    member_since = fields.Date(required=True)
    segment = fields.String(required=True, metadata={"enum": ["new", "active", "reactivate"]})
    service_uses = fields.Integer(
        required=True,
        metadata={"description": "Catalogue uses and event attendances over 12 months: the segment's count"},
    )
    other_actions = fields.Integer(
        required=True,
        metadata={"description": "Count of sign-ins, posts and messages over 12 months, shown as context"},
    )
    last_activity = fields.Date(allow_none=True, required=True)
    last_visit = fields.Date(allow_none=True, required=True)


class MemberFilters(ma.Schema):
    segment = _enum(("new", "active", "reactivate"), load_default="")


class Tally(ma.Schema):
    value = fields.String(required=True)
    name = fields.String(required=True)
    counts = fields.Dict(keys=fields.String(), values=fields.Integer(), required=True)


class Word(ma.Schema):
    key = fields.String(required=True)
    name = fields.String(required=True)
    requested = fields.Integer(required=True)
    offered = fields.Integer(required=True)
    companies = fields.Integer(required=True)


class NeedsArguments(ma.Schema):
    months = fields.Integer(
        load_default=12,
        allow_none=True,
        validate=validate.OneOf([3, 6, 12, 24]),
        metadata={"enum": [3, 6, 12, 24]},
    )


class Needs(ma.Schema):
    """The members' needs, offers and interests counted, as on the managers' needs dashboard."""

    start = fields.Date(attribute="span.start", allow_none=True, required=True)
    until = fields.Date(attribute="span.today", required=True)
    totals = fields.Dict(keys=fields.String(), values=fields.Integer(), required=True)
    responded = fields.Dict(keys=fields.String(), values=fields.Integer(), required=True)
    categories = fields.List(fields.Nested(Tally), required=True)
    sectors = fields.List(fields.Nested(Tally), required=True)
    regions = fields.List(fields.Nested(Tally), required=True)
    requested = fields.List(fields.Nested(Word), required=True)
    offered = fields.List(fields.Nested(Word), required=True)
    gap = fields.List(fields.Nested(Word), required=True)


class Part(ma.Schema):
    key = fields.String(required=True)
    label = fields.String(required=True)
    value = fields.Integer(required=True)


class Figure(ma.Schema):
    key = fields.String(required=True)
    label = fields.String(required=True)
    definition = fields.String(required=True)
    value = fields.Float(allow_none=True, required=True)
    breakdown = fields.List(fields.Nested(Part), required=True)


class Indicators(ma.Schema):
    start = fields.Date(required=True)
    until = fields.Date(required=True, metadata={"description": "The first day not counted"})
    figures = fields.List(fields.Nested(Figure), required=True)
