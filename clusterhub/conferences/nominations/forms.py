"""The manager's nomination form and a nominated company's registration form."""

from wtforms import BooleanField, SelectField, TextAreaField
from wtforms.validators import DataRequired, Length

from clusterhub.conferences.models import SHOWABLE
from clusterhub.forms import CheckboxesField, Form, options
from clusterhub.i18n import lazy_gettext as _l

MAX_ANSWER = 2000

# What each optional field shows the other participants, in words a company representative understands.
SHOWN = {
    "description": (_l("Our company description"), _l("The description from the company's profile.")),
    "website": (_l("Our website"), _l("The address of the company's website.")),
    "region": (_l("Our region"), _l("Where in Latvia (or abroad) the company works.")),
    "size": (_l("Our size"), _l("Micro, small, medium or large company.")),
    "roles": (_l("Our roles in the value chain"), _l("For example producer, distributor, research.")),
    "contact": (
        _l("My name and e-mail"),
        _l("So that other participants can write to you before and after the conference."),
    ),
}
CONSENT = _l(
    "Show my company's name, cluster, sectors and these answers to the other participants of this conference"
)
CONSENT_NEEDED = _l(
    "The other participants find you by these answers: tick the box to register (or to stay registered)."
)


class NominateForm(Form):
    company = SelectField(_l("Member company"), validators=[DataRequired()])

    def __init__(self, *args, companies=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.company.choices = options(
            ((str(company.id), company.name) for company in companies), blank=_l("Choose a company")
        )


class RegistrationForm(Form):
    seeks = TextAreaField(
        _l("What we seek in other sectors"),
        validators=[DataRequired(), Length(max=MAX_ANSWER)],
        description=_l("Partners, skills, suppliers or markets you hope to find at the conference."),
    )
    offers = TextAreaField(
        _l("What we offer"),
        validators=[DataRequired(), Length(max=MAX_ANSWER)],
        description=_l("Products, services, capacities or know-how other sectors may need."),
    )
    interests = CheckboxesField(
        _l("Sectors that interest us"),
        render_kw={"class": "checkboxes"},
        description=_l("The sectors of the invited clusters' member companies."),
    )
    show_description = BooleanField(SHOWN["description"][0], description=SHOWN["description"][1])
    show_website = BooleanField(SHOWN["website"][0], description=SHOWN["website"][1])
    show_region = BooleanField(SHOWN["region"][0], description=SHOWN["region"][1])
    show_size = BooleanField(SHOWN["size"][0], description=SHOWN["size"][1])
    show_roles = BooleanField(SHOWN["roles"][0], description=SHOWN["roles"][1])
    show_contact = BooleanField(SHOWN["contact"][0], description=SHOWN["contact"][1])
    consent = BooleanField(CONSENT, validators=[DataRequired(message=CONSENT_NEEDED)])

    def __init__(self, *args, sectors=(), chosen=(), **kwargs):
        super().__init__(*args, **kwargs)
        # A sector chosen earlier stays a choice even if no member company names it any more.
        names = [*sectors, *(name for name in chosen if name not in sectors)]
        self.interests.choices = [(name, name) for name in names]

    @staticmethod
    def data_of(participant) -> dict:
        """A registration's answers as the form shows them; a nominated company starts empty."""
        registered = participant.status == "registered"
        return {
            "seeks": participant.seeks,
            "offers": participant.offers,
            "interests": participant.interest_names,
            "consent": registered,
            **{f"show_{field}": participant.shows(field) for field in SHOWABLE},
        }

    def values(self) -> dict:
        """What the registration service takes."""
        return {
            "seeks": self.seeks.data.strip(),
            "offers": self.offers.data.strip(),
            "interests": self.interests.data or [],
            **{f"show_{field}": self[f"show_{field}"].data for field in SHOWABLE},
        }
