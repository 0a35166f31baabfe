"""The participant directory's search box and filters, read from the address so a search can be linked to."""

from flask import request
from flask_babel import gettext as _
from wtforms import SelectField, StringField, ValidationError
from wtforms.validators import Length

from clusterhub.forms import Form, options
from clusterhub.i18n import lazy_gettext as _l
from clusterhub.labels import REGIONS, ROLES
from search.analysis import terms

SORTS = {
    "name": _l("Company name (A–Ž)"),
    "cluster": _l("Cluster"),
}


def _strip(value):
    return " ".join(value.split()) if isinstance(value, str) else value


class ParticipantFilterForm(Form):
    class Meta:
        csrf = False  # a search changes nothing

    text = StringField(
        _l("Search"),
        validators=[Length(max=200)],
        filters=[_strip],
        description=_l("Words in the company's name, sectors, or what it seeks, offers or is interested in."),
    )
    cluster = SelectField(_l("Cluster"), default="")
    sector = SelectField(_l("Sector"), default="")
    region = SelectField(
        _l("Region"),
        choices=options(REGIONS.items(), _l("Any region")),
        default="",
        description=_l("Only participants who show their region."),
    )
    role = SelectField(
        _l("Role in the value chain"),
        choices=options(ROLES.items(), _l("Any role")),
        default="",
        description=_l("Only participants who show their roles."),
    )
    sort = SelectField(_l("Sort by"), choices=options(SORTS.items()), default="name")

    @classmethod
    def from_address(cls, clusters, sectors: list[str]) -> "ParticipantFilterForm":
        """The filters in the address; the choices are the invited clusters and the participants' sectors."""
        form = cls(formdata=request.args)
        form.cluster.choices = options(((c.slug, c.name) for c in clusters), _l("Any cluster"))
        form.sector.choices = options(((name, name) for name in sectors), _l("Any sector"))
        form.validate()
        return form

    def validate_text(self, field):
        if field.data and not terms(field.data):
            raise ValidationError(_("These words are too common to search for; try more specific ones."))

    def filters(self) -> dict:
        """The filters given and valid (a stale link's unknown choice is ignored, with a note)."""
        return {field.name: field.data for field in self if field.data and not field.errors}
