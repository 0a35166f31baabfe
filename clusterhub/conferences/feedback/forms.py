"""The participant's feedback after a conference: a rating, a comment, and an answer per meeting."""

from wtforms import RadioField, TextAreaField
from wtforms.validators import InputRequired, Length

from clusterhub.conferences.models import Meeting, Participant
from clusterhub.forms import Form, options
from clusterhub.i18n import lazy_gettext as _l
from clusterhub.ratings.forms import SCORE_CHOICES

COMMENT_MAX = 2000
# A meeting's answer as the form sends it, and as the database keeps it.
ANSWERS = {"yes": True, "no": False, "": None}
ANSWER_CHOICES = options([("yes", _l("Yes")), ("no", _l("No")), ("", _l("Cannot say yet"))])


def _strip(value):
    return value.strip() if value else value


class FeedbackForm(Form):
    # Strings, like the ratings' scores: anything outside 1-5 is "not a valid choice" next to the field.
    rating = RadioField(
        _l("How do you rate the conference?"),
        choices=SCORE_CHOICES[1:],
        coerce=str,
        validators=[InputRequired()],
    )
    comment = TextAreaField(
        _l("What would you tell the organiser?"),
        validators=[Length(max=COMMENT_MAX)],
        filters=[_strip],
        description=_l("Optional. The organiser reads it with your company's name."),
        render_kw={"maxlength": COMMENT_MAX, "rows": 4},
    )

    def meeting_fields(self) -> list:
        """The follow-up question of each meeting, in the meetings' order."""
        return [field for field in self if field.name.startswith("meeting_")]

    def follow_ups(self) -> dict[int, bool | None]:
        """The answers as {meeting id: led to a follow-up}."""
        return {
            int(field.name.removeprefix("meeting_")): ANSWERS[field.data] for field in self.meeting_fields()
        }


def feedback_form(
    participant: Participant, meetings: list[Meeting], answers: dict[int, bool | None]
) -> FeedbackForm:
    """The feedback form with a "did it lead to a follow-up?" question for each of `meetings`, filled with
    the participant's earlier rating, comment and `answers` (meeting id: answer)."""
    fields = {
        f"meeting_{meeting.id}": RadioField(
            _l("Did it lead to a follow-up?"), choices=ANSWER_CHOICES, coerce=str, default=""
        )
        for meeting in meetings
    }
    saved = {answer: value for value, answer in ANSWERS.items()}
    data = {
        "rating": str(participant.rating or ""),
        "comment": participant.rating_comment,
        **{f"meeting_{meeting.id}": saved[answers.get(meeting.id)] for meeting in meetings},
    }
    form_class = type("MeetingsFeedbackForm", (FeedbackForm,), fields)
    return form_class(data=data)
