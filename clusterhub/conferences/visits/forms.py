"""The host's form for a visit or mission: the conference form with the host, the kind and the delegation."""

from flask_babel import gettext as _
from wtforms import SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length

from clusterhub.conferences.organiser.forms import QUOTAS, ConferenceForm, conference_form
from clusterhub.conferences.visits.services import Delegation
from clusterhub.events.models import DELEGATION_KINDS
from clusterhub.forms import Form, options, tags_field
from clusterhub.i18n import lazy_gettext as _l
from clusterhub.labels import EVENT_KINDS


class DelegationForm(Form):
    """Who the delegation is and what it seeks: part of the visit form, and the host's page to change it."""

    delegation = StringField(
        _l("Delegation"),
        validators=[DataRequired(), Length(max=200)],
        description=_l("Who comes, or whom the mission meets, e.g. Norwegian furniture buyers."),
    )
    about = TextAreaField(_l("About the delegation"), validators=[Length(max=5000)])
    interests = TextAreaField(
        _l("What the delegation seeks"),
        validators=[DataRequired(), Length(max=5000)],
        description=_l("The member companies read it before they apply."),
    )
    tags = tags_field(_l("Interests as tags"), _l("Separated by commas, e.g. furniture, wood, design."))

    @staticmethod
    def data_of(values: Delegation) -> dict:
        """The form's fields filled with the delegation as it is."""
        return {
            "delegation": values.name,
            "about": values.about,
            "interests": values.interests,
            "tags": values.tags,
        }

    def delegation_values(self) -> Delegation:
        """The delegation as the services take it."""
        return Delegation(
            name=self.delegation.data.strip(),
            about=(self.about.data or "").strip(),
            interests=self.interests.data.strip(),
            tags=self.tags.data or [],
        )


class VisitForm(ConferenceForm, DelegationForm):
    """Built through `visit_form(hosts, clusters)`: `hosts` are the clusters the person manages."""

    host = SelectField(_l("Host cluster"), coerce=int, validate_choice=True)
    kind = SelectField(_l("Kind"), choices=options((kind, EVENT_KINDS[kind]) for kind in DELEGATION_KINDS))

    def __init__(self, *args, hosts=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.host.choices = [(cluster.id, cluster.name) for cluster in hosts]

    def validate(self, extra_validators=None) -> bool:
        valid = super().validate(extra_validators)
        hosting = self.quotas().get(self.host.data)
        if hosting is not None and hosting >= QUOTAS[1]:
            self[f"quota_{self.host.data}"].errors = [
                _("At most %(max)d: one more place is the delegation's.", max=QUOTAS[1] - 1)
            ]
            valid = False
        return valid


def visit_form(hosts, clusters, **kwargs) -> VisitForm:
    """The visit form with an "invite" checkbox and a quota input for each of `clusters`."""
    return conference_form(clusters, base=VisitForm, hosts=hosts, **kwargs)
