"""The manager's upload form and the confirmation of a previewed import."""

from flask_wtf.file import FileField, FileRequired, FileSize
from wtforms import BooleanField, HiddenField, SelectField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired

from clusterhub.forms import Form
from clusterhub.i18n import lazy_gettext as _l
from clusterhub.transfer.upload import MAX_UPLOAD_BYTES


class UploadForm(Form):
    kind = SelectField(
        _l("The file contains"),
        choices=[
            SelectChoice("companies", _l("Member companies")),
            SelectChoice("posts", _l("Needs, offers and partnership interests")),
        ],
    )
    file = FileField(
        _l("CSV file"),
        validators=[
            FileRequired(_l("Choose the file to import.")),
            FileSize(
                MAX_UPLOAD_BYTES, message=_l("The file is larger than 512 KB. Split it into smaller files.")
            ),
        ],
        description=_l("UTF-8 CSV: in Excel, choose “Save as” and “CSV UTF-8”."),
    )
    invite = BooleanField(
        _l("Invite the contact people into this cluster"),
        description=_l(
            "Member companies only: each contact person with an e-mail address who is not a member of this "
            "cluster and has not been invited to it gets an invitation as a member of their company. "
            "The preview lists them."
        ),
    )


class ConfirmImportForm(Form):
    """The previewed file, signed (see clusterhub/transfer/upload.py), and the CSRF token."""

    upload = HiddenField(validators=[DataRequired()])
