"""`flask --app clusterhub import companies|posts FILE --tenant SLUG [--dry-run]`"""

from pathlib import Path

import click
from flask.cli import with_appcontext
from flask_babel import force_locale
from sqlalchemy import select

from clusterhub.accounts.models import User, normalise_email
from clusterhub.extensions import db
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


def _run(kind: str, path: str, tenant_slug: str, dry_run: bool, admin: User | None = None) -> None:
    tenant, content = _tenant(tenant_slug), _read(path)
    # The command line speaks English, like every other command.
    with force_locale("en"), tenant_scope(tenant):
        report = run_import(kind, content, admin, admit_existing=admin is not None)
        if dry_run:
            _show_rows(report)
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
@with_appcontext
def companies(path: str, tenant_slug: str, dry_run: bool, admin_email: str | None):
    """Add and update member companies from a CSV file; ask companies of other clusters to join.

    Columns: name, registration_number, sectors, size, region, roles, competences, description, website,
    contact_name, contact_email, member_since. Nothing is written unless every row is valid.
    """
    _run("companies", path, tenant_slug, dry_run, _administrator(admin_email))


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
