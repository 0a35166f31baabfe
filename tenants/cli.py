"""`flask --app clusterhub tenants …`"""

import click
from flask.cli import with_appcontext

from clusterhub.extensions import db
from tenants.services import TenantError, create_tenant


@click.group("tenants", help="Manage clusters (tenants).")
def tenants_cli():
    pass


@tenants_cli.command("create")
@click.argument("slug")
@click.option("--name", required=True, help="The cluster's name.")
@click.option("--vision", default="", help="The cluster's vision, at most 140 characters.")
@with_appcontext
def create(slug: str, name: str, vision: str):
    """Create a cluster reachable at /c/SLUG/."""
    try:
        tenant = create_tenant(slug, name, vision=vision)
    except TenantError as error:
        raise click.ClickException(str(error)) from None
    db.session.commit()
    click.echo(f"Created cluster {tenant.slug}: {tenant.name}")
