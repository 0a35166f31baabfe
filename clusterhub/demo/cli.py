"""`flask --app clusterhub demo load`"""

import click
from flask.cli import with_appcontext
from sqlalchemy import select

from clusterhub.demo.data import DEMO_PASSWORD
from clusterhub.demo.load import load_demo
from clusterhub.extensions import db
from tenants.models import Tenant


@click.group("demo", help="Demo data.")
def demo_cli():
    pass


@demo_cli.command("load")
@click.option("--if-empty", is_flag=True, help="Only when the database has no clusters yet.")
@with_appcontext
def load(if_empty: bool):
    """Load the demo clusters (safe to run again) and print the demo logins."""
    if if_empty and db.session.scalar(select(Tenant.id).limit(1)) is not None:
        click.echo("The database has clusters already; the demo data was not loaded.")
        return
    logins = load_demo()
    db.session.commit()
    click.echo(f"Demo data is loaded. Every demo login has the password: {DEMO_PASSWORD}")
    for email, what in logins:
        click.echo(f"  {email:40} {what}")
