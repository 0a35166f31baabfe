"""`flask --app clusterhub users …`"""

import click
from flask.cli import with_appcontext
from sqlalchemy import select

from clusterhub.accounts.services import AccountError, create_user
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
    """Create a person, optionally as a member of one cluster."""
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
