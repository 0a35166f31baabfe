"""The network page's search, a company's opt-in and the cluster's switch."""

from wtforms import BooleanField, SearchField, SelectField, TextAreaField
from wtforms.validators import DataRequired, Length

from clusterhub.forms import Form, options
from clusterhub.i18n import lazy_gettext as _l
from clusterhub.labels import REGIONS
from clusterhub.network.models import MESSAGE_MAX


class NetworkSearchForm(Form):
    """Read from the address (?text=…&region=…), so a search can be linked to."""

    class Meta:
        csrf = False

    text = SearchField(_l("Name, description or tag contains"), validators=[Length(max=200)])
    region = SelectField(_l("Region"), choices=options(REGIONS.items(), _l("All regions")), default="")

    def filters(self) -> dict:
        """The chosen filters; a bad value is left out."""
        self.validate()
        return {name: field.data for name, field in self._fields.items() if field.data and not field.errors}


class CompanyNetworkForm(Form):
    visible = BooleanField(
        _l("Members of the platform's other clusters may find our company"),
        description=_l(
            "They see only the public card: name, sectors, competences, value-chain roles, region and "
            "description. Never your contacts, posts, ratings or anything else of this cluster."
        ),
    )


class ClusterNetworkForm(Form):
    open = BooleanField(
        _l("This cluster takes part in the network of clusters"),
        description=_l(
            "When it does, the member companies that chose so can be found by other clusters' members, and "
            "this cluster's members search the network. Switched off, none of its companies is shown "
            "elsewhere, whatever they chose."
        ),
    )


class AskForm(Form):
    message = TextAreaField(
        _l("Your message"),
        validators=[DataRequired(), Length(max=MESSAGE_MAX)],
        description=_l("Say who you are and what you would like to do together."),
    )
