"""`flask --app clusterhub users …`"""

import click
from flask.cli import with_appcontext
from sqlalchemy import select

from clusterhub.accounts.services import (
    PLATFORM_ROLES,
    AccountError,
    create_user,
    find_user,
    set_platform_role,
)
from clusterhub.companies.services import company_or_none
from clusterhub.extensions import db
from tenants.context import tenant_scope
from tenants.models import ROLES, Tenant
from tenants.services import MembershipError, add_member


@click.group("users", help="Manage people.")
def users_cli():
    pass


@users_cli.command("create")
@click.argument("email")
@click.option("--password", required=True, help="At least 10 characters.")
@click.option("--name", required=True)
@click.option("--tenant", "tenant_slug", help="Add the person to this cluster.")
@click.option("--role", type=click.Choice(ROLES), default="member", show_default=True)
@click.option("--company", default="", help="The company the person represents in the cluster.")
@click.option("--admin", is_flag=True, help="Platform administrator.")
@click.option("--organiser", is_flag=True, help="May organise inter-cluster events.")
@with_appcontext
def create(email, password, name, tenant_slug, role, company, admin, organiser):
    """Create a person, optionally as a member of one cluster.

    An existing person is given a role with `users grant` or made a manager with `tenants appoint`."""
    tenant = None
    if tenant_slug:
        tenant = db.session.scalar(select(Tenant).where(Tenant.slug == tenant_slug))
        if tenant is None:
            raise click.ClickException(f"no cluster with slug {tenant_slug!r}")
    try:
        user = create_user(email, name, password, is_admin=admin, is_organiser=organiser)
        if tenant is not None:
            with tenant_scope(tenant):
                add_member(user, role, company_or_none(company))
    except (AccountError, MembershipError, ValueError) as error:
        raise click.ClickException(str(error)) from None
    db.session.commit()
    click.echo(f"Created user {user.email}" + (f" as {role} of {tenant.slug}" if tenant else ""))


def _set_role(email: str, role: str, granted: bool) -> None:
    user = find_user(email)
    if user is None:
        raise click.ClickException(f"no user with e-mail {email}")
    try:
        set_platform_role(user, role, granted)
    except AccountError as error:
        raise click.ClickException(str(error)) from None
    db.session.commit()
    click.echo(f"{user.email} {'is' if granted else 'is no longer'} {role}")


@users_cli.command("grant")
@click.argument("email")
@click.argument("role", type=click.Choice(PLATFORM_ROLES))
@with_appcontext
def grant(email: str, role: str):
    """Give an existing person a platform role (admin or organiser)."""
    _set_role(email, role, True)


@users_cli.command("revoke")
@click.argument("email")
@click.argument("role", type=click.Choice(PLATFORM_ROLES))
@with_appcontext
def revoke(email: str, role: str):
    """Take a platform role from a person; the last administrator keeps theirs."""
    _set_role(email, role, False)
