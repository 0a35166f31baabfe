"""`flask --app clusterhub import companies|posts FILE --tenant SLUG [--dry-run]`"""

from pathlib import Path

import click
from flask.cli import with_appcontext
from flask_babel import force_locale
from sqlalchemy import select

from clusterhub.accounts.models import User, normalise_email
from clusterhub.extensions import db
from clusterhub.i18n import LANGUAGES
from clusterhub.invitations.services import send_invitation
from clusterhub.transfer.report import Report
from clusterhub.transfer.services import run_import
from tenants.context import tenant_scope
from tenants.models import Tenant


@click.group("import", help="Import member companies or posts of a cluster from a CSV file.")
def import_cli():
    pass


def _tenant(slug: str) -> Tenant:
    tenant = db.session.scalar(select(Tenant).where(Tenant.slug == slug))
    if tenant is None:
        raise click.ClickException(f"no cluster with slug {slug!r}")
    return tenant


def _read(path: str) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as error:
        raise click.ClickException(f"cannot read {path}: {error.strerror}") from None


def _administrator(email: str | None) -> User | None:
    """The platform administrator who admits companies of other clusters without asking them."""
    if email is None:
        return None
    admin = db.session.scalar(select(User).where(User.email == normalise_email(email), User.is_admin))
    if admin is None:
        raise click.ClickException(f"{email} is not a platform administrator")
    return admin


def _show_rows(report: Report) -> None:
    for row in report.rows:
        if row.problems:
            what = "see the errors"
        elif report.ok:
            what = row.outcome_text + (f" ({', '.join(row.changed)})" if row.changed else "")
        else:
            what = "no errors"
        click.echo(f"row {row.number}: {row.label}: {what}")


def _show_invitations(report: Report) -> None:
    for invitation in report.invitations:
        click.echo(
            f"row {invitation.row}: {invitation.name} <{invitation.email}>, {invitation.company}: "
            f"{invitation.status_text}"
        )


def _send(report: Report, language: str) -> None:
    """E-mail the invitations the committed import made, in the language the command was given."""
    for invitation in report.sent:
        send_invitation(invitation, language)
    if report.sent:
        click.echo(f"{len(report.sent)} invitation(s) sent")


def _run(
    kind: str,
    path: str,
    tenant_slug: str,
    dry_run: bool,
    admin: User | None = None,
    invite_in: str | None = None,
) -> None:
    """Import the file; with `invite_in` (a language), invite its contact people and e-mail them in it."""
    tenant, content = _tenant(tenant_slug), _read(path)
    # The command line speaks English, like every other command.
    with force_locale("en"), tenant_scope(tenant):
        report = run_import(
            kind, content, admin, admit_existing=admin is not None, invite=invite_in is not None
        )
        if dry_run:
            _show_rows(report)
            _show_invitations(report)
        for problem in report.all_problems:
            click.echo(f"Error: {problem}", err=True)
        if not report.ok:
            db.session.rollback()
            click.echo("Nothing was imported.")
            raise SystemExit(1)
        if dry_run:
            db.session.rollback()
            click.echo(f"{report.summary()} (dry run: nothing was written)")
        else:
            db.session.commit()
            click.echo(report.summary())
            _send(report, invite_in)


@import_cli.command("companies")
@click.argument("path", metavar="FILE")
@click.option("--tenant", "tenant_slug", required=True, help="The slug of the cluster to import into.")
@click.option("--dry-run", is_flag=True, help="Check the file and show every row; write nothing.")
@click.option(
    "--admit-existing",
    "admin_email",
    metavar="ADMIN_EMAIL",
    help="Admit companies of other clusters at once instead of asking them (a platform administrator).",
)
@click.option(
    "--invite",
    is_flag=True,
    help="Invite the contact people with an e-mail address who are not members or invited yet.",
)
@click.option(
    "--language",
    type=click.Choice(list(LANGUAGES)),
    default="lv",
    show_default=True,
    help="The invitations' language.",
)
@with_appcontext
def companies(
    path: str, tenant_slug: str, dry_run: bool, admin_email: str | None, invite: bool, language: str
):
    """Add and update member companies from a CSV file; ask companies of other clusters to join.

    Columns: name, registration_number, sectors, size, region, roles, competences, description,
    infrastructure, development_directions, partnership_interests, website, member_since, and up to three
    contact people: contact_name, contact_email, contact_phone, contact_role, the same ending in _2 and
    _3. Nothing is written unless every row is valid. --dry-run --invite lists the invitations.
    """
    _run("companies", path, tenant_slug, dry_run, _administrator(admin_email), language if invite else None)


@import_cli.command("posts")
@click.argument("path", metavar="FILE")
@click.option("--tenant", "tenant_slug", required=True, help="The slug of the cluster to import into.")
@click.option("--dry-run", is_flag=True, help="Check the file and show every row; write nothing.")
@with_appcontext
def posts(path: str, tenant_slug: str, dry_run: bool):
    """Add needs, offers and partnership interests of member companies from a CSV file.

    Columns: company (registration number or name), kind, category, title, body, tags, valid_until, and
    optionally status. Nothing is written unless every row is valid.
    """
    _run("posts", path, tenant_slug, dry_run)
