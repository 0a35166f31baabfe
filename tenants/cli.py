"""`flask --app clusterhub tenants …`: the same operations as the administrators' pages (/admin/)."""

import click
from flask.cli import with_appcontext
from sqlalchemy import select

from clusterhub.admin.managers import appoint_manager
from clusterhub.extensions import db
from clusterhub.invitations.models import Invitation
from clusterhub.invitations.services import InvitationError, send_invitation
from tenants.models import Tenant
from tenants.services import TenantError, create_tenant, set_active, update_tenant


@click.group("tenants", help="Manage clusters (tenants).")
def tenants_cli():
    pass


def _tenant(slug: str) -> Tenant:
    tenant = db.session.scalar(select(Tenant).where(Tenant.slug == slug))
    if tenant is None:
        raise click.ClickException(f"no cluster with slug {slug!r}")
    return tenant


@tenants_cli.command("create")
@click.argument("slug")
@click.option("--name", required=True, help="The cluster's name.")
@click.option("--vision", default="", help="The cluster's vision, at most 140 characters.")
@click.option("--criteria", default="", help="Admission criteria (Markdown), shown to applicants.")
@with_appcontext
def create(slug: str, name: str, vision: str, criteria: str):
    """Create a cluster reachable at /c/SLUG/."""
    try:
        tenant = create_tenant(slug, name, vision=vision, admission_criteria=criteria)
    except TenantError as error:
        raise click.ClickException(str(error)) from None
    db.session.commit()
    click.echo(f"Created cluster {tenant.slug}: {tenant.name}")


@tenants_cli.command("edit")
@click.argument("slug")
@click.option("--new-slug", help="Move the cluster to /c/NEW_SLUG/.")
@click.option("--name", help="The cluster's name.")
@click.option("--vision", help="The cluster's vision, at most 140 characters.")
@click.option("--criteria", help="Admission criteria (Markdown).")
@with_appcontext
def edit(slug: str, new_slug: str | None, name: str | None, vision: str | None, criteria: str | None):
    """Change a cluster's address, name, vision or admission criteria; what is not given stays."""
    tenant = _tenant(slug)
    try:
        update_tenant(
            tenant,
            new_slug or tenant.slug,
            tenant.name if name is None else name,
            tenant.vision if vision is None else vision,
            tenant.admission_criteria if criteria is None else criteria,
        )
    except TenantError as error:
        raise click.ClickException(str(error)) from None
    db.session.commit()
    click.echo(f"Saved cluster {tenant.slug}: {tenant.name}")


def _set_active(slug: str, active: bool) -> None:
    set_active(_tenant(slug), active)
    db.session.commit()
    click.echo(f"{'Opened' if active else 'Closed'} cluster {slug}")


@tenants_cli.command("deactivate")
@click.argument("slug")
@click.confirmation_option(prompt="Its members will no longer reach the cluster's pages. Close it?")
@with_appcontext
def deactivate(slug: str):
    """Close a cluster: its pages and invitation links stop working, its data stays."""
    _set_active(slug, False)


@tenants_cli.command("reactivate")
@click.argument("slug")
@with_appcontext
def reactivate(slug: str):
    """Open a closed cluster again."""
    _set_active(slug, True)


@tenants_cli.command("appoint")
@click.argument("slug")
@click.argument("email")
@click.option("--language", type=click.Choice(("lv", "en")), default="lv", show_default=True)
@with_appcontext
def appoint(slug: str, email: str, language: str):
    """Make EMAIL a manager of the cluster: at once if the person has an account, otherwise by invitation."""
    try:
        appointed = appoint_manager(_tenant(slug), email, None)
    except InvitationError:
        raise click.ClickException(f"{email} is a member of the cluster already") from None
    db.session.commit()
    if isinstance(appointed, Invitation):
        send_invitation(appointed, language)
        click.echo(f"Invited {appointed.email} as manager of {slug}")
    else:
        click.echo(f"{appointed.user.email} is a manager of {slug}")
