"""Managers import member companies and posts from spreadsheets (upload, preview, confirm) and export them."""

from flask import flash, g, redirect, render_template, url_for
from flask_babel import get_locale, ngettext
from flask_babel import gettext as _
from flask_login import current_user

from clusterhub.clock import local_today
from clusterhub.extensions import db
from clusterhub.i18n import lazy_gettext as _l
from clusterhub.invitations.services import send_invitation
from clusterhub.labels import choices
from clusterhub.transfer.forms import ConfirmImportForm, UploadForm
from clusterhub.transfer.report import Problem, Report
from clusterhub.transfer.services import COLUMNS, SHEETS, export_rows, run_import
from clusterhub.transfer.tables import Table, send_table
from clusterhub.transfer.upload import seal, unseal
from tenants.access import manager_required
from tenants.blueprint import TenantBlueprint

bp = TenantBlueprint("transfer", __name__, "/manage")

TOO_LARGE = _l("The file is too large to import at once. Split it into smaller files.")
# The fixed vocabularies the import page lists, with the column each one fills.
VOCABULARIES = (
    ("size", "size"),
    ("region", "region"),
    ("roles", "role"),
    ("kind", "kind"),
    ("category", "category"),
    ("status", "status"),
)


def _preview(report: Report, kind: str, content: bytes, invite: bool):
    """Every row and its problems, the invitations it would send; the button that imports the file when
    there are no problems."""
    confirm = None
    if report.ok:
        token = seal(kind, content, invite, g.tenant.id, current_user.id)
        if token is None:
            report.problems.append(Problem(None, "", TOO_LARGE))
        else:
            confirm = ConfirmImportForm(upload=token)
    return render_template(
        "transfer/preview.html",
        report=report,
        invite=invite,
        confirm=confirm,
        form=UploadForm(formdata=None, kind=kind, invite=invite),
    )


@bp.route("/import", methods=["GET", "POST"])
@manager_required
def import_file():
    form = UploadForm()
    if form.validate_on_submit():
        content, invite = form.file.data.read(), form.invite.data and form.kind.data == "companies"
        report = run_import(form.kind.data, content, current_user, preview=True, invite=invite)
        db.session.rollback()  # the preview only shows what the import would do
        return _preview(report, form.kind.data, content, invite)
    vocabularies = [(column, choices(name)) for column, name in VOCABULARIES]
    return render_template("transfer/import_file.html", form=form, columns=COLUMNS, vocabularies=vocabularies)


@bp.route("/import/confirm", methods=["POST"])
@manager_required
def confirm_import():
    form = ConfirmImportForm()
    upload = unseal(form.upload.data, g.tenant.id, current_user.id) if form.validate_on_submit() else None
    if upload is None:
        flash(_("The preview has expired. Upload the file again."), "error")
        return redirect(url_for(".import_file"))
    kind, content, invite = upload
    report = run_import(kind, content, current_user, invite=invite)
    if not report.ok:  # the cluster has changed since the preview
        db.session.rollback()
        return _preview(report, kind, content, invite)
    db.session.commit()
    for invitation in report.sent:  # after the commit, so that a failed import sends nothing
        send_invitation(invitation, str(get_locale()))
    flash(_("The file was imported (%(summary)s).", summary=report.summary()), "success")
    if invite:
        sent = len(report.sent)
        flash(ngettext("%(num)d invitation was sent.", "%(num)d invitations were sent.", sent), "success")
    return redirect(url_for(".import_file"))


def _download(kind: str, file_format: str):
    name = f"{g.tenant.slug}-{kind}-{local_today().isoformat()}"
    table = Table(name, str(SHEETS[kind]), COLUMNS[kind], export_rows(kind))
    return send_table(table, file_format, f"{kind}.{file_format}")


@bp.route("/export/companies.<any(csv, xlsx):file_format>")
@manager_required
def export_companies(file_format: str):
    return _download("companies", file_format)


@bp.route("/export/posts.<any(csv, xlsx):file_format>")
@manager_required
def export_posts(file_format: str):
    return _download("posts", file_format)
