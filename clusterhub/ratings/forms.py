"""Rating a partner, replying, reporting a rating, and the managers' moderation forms."""

from wtforms import SelectField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, InputRequired, Length, Optional

from clusterhub.forms import Form
from clusterhub.i18n import lazy_gettext as _l
from clusterhub.ratings.models import SCORES
from clusterhub.ratings.services import MODERATION_FILTERS

TEXT_MAX = 2000
SCORE_CHOICES = [
    SelectChoice("", _l("Choose…")),
    SelectChoice("5", _l("5 – excellent")),
    SelectChoice("4", _l("4 – good")),
    SelectChoice("3", _l("3 – acceptable")),
    SelectChoice("2", _l("2 – weak")),
    SelectChoice("1", _l("1 – poor")),
]
FILTER_LABELS = (_l("All ratings"), _l("Reported"), _l("Hidden"))


def _score(label, description):
    # Choices are strings, so a value outside 1–5 is "not a valid choice" next to the field.
    return SelectField(
        label,
        choices=SCORE_CHOICES,
        coerce=str,
        default="",
        validators=[InputRequired()],
        description=description,
    )


def _strip(value):
    return value.strip() if value else value


def _text(label, description=None, required=False, maximum=TEXT_MAX):
    # Stripped first, so that a reason of only spaces counts as no reason.
    first = DataRequired() if required else Optional()
    return TextAreaField(
        label, validators=[first, Length(max=maximum)], filters=[_strip], description=description
    )


class RatingForm(Form):
    quality = _score(_l("Quality"), _l("Of the work, products or services delivered."))
    reliability = _score(_l("Reliability"), _l("Deadlines and promises kept."))
    communication = _score(_l("Communication"), _l("Reachable, clear and open."))
    comment = _text(
        _l("Comment"),
        _l("What you worked on together and how it went. Your company's name is shown with the rating."),
    )

    def scores(self) -> dict[str, int]:
        return {score: int(self[score].data) for score in SCORES}


class ReplyForm(Form):
    text = _text(
        _l("Your reply"),
        _l("Shown under the rating, with your company's name. You can reply once."),
        required=True,
    )


class FlagForm(Form):
    reason = _text(
        _l("Why should the cluster management look at this rating?"),
        _l("Only the cluster management sees your report."),
        required=True,
        maximum=1000,
    )


class HideForm(Form):
    reason = _text(
        _l("Reason"),
        _l("Managers see the reason in the rating's history; members see only that the rating is hidden."),
        required=True,
        maximum=1000,
    )


class ShowForm(Form):
    note = _text(_l("Note for the history"), maximum=1000)


class ModerationFilterForm(Form):
    """The filter above the managers' list: a GET form, so it needs no CSRF token."""

    class Meta:
        csrf = False

    show = SelectField(
        _l("Show"),
        choices=[SelectChoice(*pair) for pair in zip(MODERATION_FILTERS, FILTER_LABELS, strict=True)],
        default="all",
    )
