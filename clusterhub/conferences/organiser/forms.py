"""The organiser's conference form: the event, its 1:1 meeting grid and the clusters it invites with quotas.

Times are typed as Rīga wall-clock times and stored in UTC (clusterhub.forms.wall_clock/from_wall_clock).
"""

import re
from datetime import datetime
from itertools import pairwise

from flask_babel import gettext as _
from wtforms import BooleanField, DateTimeLocalField, IntegerField, StringField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional, ValidationError

from clusterhub.forms import (
    INVALID_MOMENT,
    MOMENT_FORMATS,
    Form,
    from_wall_clock,
    plausible_year,
    wall_clock,
)
from clusterhub.i18n import lazy_gettext as _l
from clusterhub.posts.forms import MARKDOWN_HELP

DEFAULT_QUOTA = 10
QUOTAS = (1, 1000)
WINDOW_LINE = re.compile(r"(\d{4}-\d{2}-\d{2})\s+(\d{1,2}:\d{2})\s*[-–]\s*(\d{1,2}:\d{2})")
WINDOW_FORMAT = "%Y-%m-%d %H:%M"


def _moment_field(label, **kwargs) -> DateTimeLocalField:
    return DateTimeLocalField(
        label,
        validators=[InputRequired(), plausible_year],
        format=MOMENT_FORMATS,
        invalid_value_message=INVALID_MOMENT,
        **kwargs,
    )


def window_lines(spans: list[tuple[datetime, datetime]]) -> str:
    """Stored meeting windows (UTC) as the lines the form shows."""
    return "\n".join(f"{wall_clock(start):{WINDOW_FORMAT}}-{wall_clock(end):%H:%M}" for start, end in spans)


def _parse_window(line: str) -> tuple[datetime, datetime] | None:
    """A "YYYY-MM-DD HH:MM-HH:MM" line as wall-clock start and end, None when it does not read so."""
    found = WINDOW_LINE.fullmatch(line)
    if not found:
        return None
    day, start, end = found.groups()
    try:
        return (
            datetime.strptime(f"{day} {start}", WINDOW_FORMAT),
            datetime.strptime(f"{day} {end}", WINDOW_FORMAT),
        )
    except ValueError:
        return None


class ConferenceForm(Form):
    """Built through `conference_form(clusters)`, which adds an invitation checkbox and quota per cluster."""

    title = StringField(_l("Title"), validators=[DataRequired(), Length(max=200)])
    description = TextAreaField(_l("Description"), validators=[Length(max=20000)], description=MARKDOWN_HELP)
    venue = StringField(
        _l("Venue"),
        validators=[DataRequired(), Length(max=300)],
        description=_l("An address, or a link for an online conference."),
    )
    starts_at = _moment_field(_l("Starts"))
    ends_at = _moment_field(_l("Ends"))
    registration_closes_at = _moment_field(
        _l("Registration deadline"),
        description=_l("Managers nominate and companies register until then; it must be before the start."),
    )
    slot_minutes = IntegerField(
        _l("Length of a meeting slot (minutes)"),
        validators=[InputRequired(), NumberRange(5, 240)],
        default=30,
        description=_l("Between 5 and 240 minutes."),
    )
    tables = IntegerField(
        _l("Number of tables"),
        validators=[InputRequired(), NumberRange(1, 500)],
        default=10,
        description=_l("How many 1:1 meetings can take place at the same time (1 to 500)."),
    )
    windows = TextAreaField(
        _l("Meeting windows"),
        validators=[DataRequired(_l("Enter at least one meeting window."))],
        render_kw={"rows": 4},
        description=_l(
            "One window a line, the day and the start and end time, e.g. 2026-03-14 10:00-12:00. "
            "The windows lie within the conference and do not overlap; they are cut into meeting slots."
        ),
    )

    def __init__(self, *args, clusters=(), **kwargs):
        super().__init__(*args, **kwargs)
        # (cluster, its invitation checkbox, its quota input), by cluster name.
        self.clusters = [
            (cluster, self[f"invite_{cluster.id}"], self[f"quota_{cluster.id}"]) for cluster in clusters
        ]
        self.cluster_errors: list[str] = []

    def validate_ends_at(self, field):
        if field.data and self.starts_at.data and field.data <= self.starts_at.data:
            raise ValidationError(_l("The end must be after the start."))

    def validate_registration_closes_at(self, field):
        if field.data and self.starts_at.data and field.data >= self.starts_at.data:
            raise ValidationError(_l("The registration deadline must be before the conference starts."))

    def validate_windows(self, field):
        problems = []
        spans = []
        for number, line in enumerate(self._window_lines(), start=1):
            span = _parse_window(line)
            if span is None:
                problems.append(_("Line %(num)d: write a window as 2026-03-14 10:00-12:00.", num=number))
            elif span[1] <= span[0]:
                problems.append(_("Line %(num)d: the window must end after it starts.", num=number))
            elif not self._within_conference(span):
                problems.append(_("Line %(num)d: the window must lie within the conference.", num=number))
            else:
                spans.append((span, number))
        spans.sort()
        for (before, first), (after, second) in pairwise(spans):
            if after[0] < before[1]:
                problems.append(_("Line %(num)d overlaps line %(other)d.", num=second, other=first))
        # Every problem is listed (not only the first), so a long list is fixed in one go.
        field.errors.extend(problems[:-1])
        if problems:
            raise ValidationError(problems[-1])

    def validate(self, extra_validators=None) -> bool:
        valid = super().validate(extra_validators)
        invited = [(cluster, quota) for cluster, invite, quota in self.clusters if invite.data]
        for _cluster, quota in invited:
            if not quota.errors and (quota.data is None or not QUOTAS[0] <= quota.data <= QUOTAS[1]):
                quota.errors = [_("Enter a quota between %(min)d and %(max)d.", min=QUOTAS[0], max=QUOTAS[1])]
            valid = valid and not quota.errors
        if not invited:
            self.cluster_errors.append(_("Invite at least one cluster."))
            valid = False
        return valid

    def _window_lines(self) -> list[str]:
        return [line.strip() for line in (self.windows.data or "").splitlines() if line.strip()]

    def _within_conference(self, span: tuple[datetime, datetime]) -> bool:
        start, end = self.starts_at.data, self.ends_at.data
        return start is None or end is None or (start <= span[0] and span[1] <= end)

    def values(self) -> dict:
        """The event's columns as the services take them: times in UTC."""
        return {
            "title": self.title.data.strip(),
            "description": self.description.data or "",
            "venue": self.venue.data.strip(),
            "starts_at": from_wall_clock(self.starts_at.data),
            "ends_at": from_wall_clock(self.ends_at.data),
            "registration_closes_at": from_wall_clock(self.registration_closes_at.data),
            "slot_minutes": self.slot_minutes.data,
            "tables": self.tables.data,
        }

    def spans(self) -> list[tuple[datetime, datetime]]:
        """The meeting windows in time order, in UTC."""
        return sorted(
            (from_wall_clock(start), from_wall_clock(end))
            for start, end in map(_parse_window, self._window_lines())
        )

    def quotas(self) -> dict[int, int]:
        """The invited clusters' quotas by cluster id."""
        return {cluster.id: quota.data for cluster, invite, quota in self.clusters if invite.data}

    @staticmethod
    def data_of(event, spans, invitations) -> dict:
        """A conference's values as the form shows them for editing."""
        return {
            "title": event.title,
            "description": event.description,
            "venue": event.venue,
            "starts_at": wall_clock(event.starts_at),
            "ends_at": wall_clock(event.ends_at),
            "registration_closes_at": wall_clock(event.registration_closes_at),
            "slot_minutes": event.slot_minutes,
            "tables": event.tables,
            "windows": window_lines(spans),
            **{f"invite_{invitation.tenant_id}": True for invitation in invitations},
            **{f"quota_{invitation.tenant_id}": invitation.quota for invitation in invitations},
        }


def conference_form(clusters, base: type[ConferenceForm] = ConferenceForm, **kwargs) -> ConferenceForm:
    """The conference form (or a `base` that extends it) with an "invite" checkbox and a quota input for
    each of `clusters`."""
    fields = {}
    for cluster in clusters:
        fields[f"invite_{cluster.id}"] = BooleanField(cluster.name)
        fields[f"quota_{cluster.id}"] = IntegerField(
            _l("Quota of %(cluster)s", cluster=cluster.name),
            validators=[Optional()],
            default=DEFAULT_QUOTA,
            render_kw={"min": QUOTAS[0], "max": QUOTAS[1], "inputmode": "numeric"},
        )
    form_class = type(f"Clusters{base.__name__}", (base,), fields)
    return form_class(clusters=clusters, **kwargs)
