"""`flask --app clusterhub demo load`"""
import click
from flask.cli import with_appcontext

from clusterhub.demo.data import DEMO_PASSWORD
from clusterhub.demo.load import load_demo
from clusterhub.extensions import db


@click.group("demo", help="Demo data.")
def demo_cli():
    pass


@demo_cli.command("load")
@with_appcontext
def load():
    """Load the demo clusters (safe to run again) and print the demo logins."""
    logins = load_demo()
    db.session.commit()
    click.echo(f"Demo data is loaded. Every demo login has the password: {DEMO_PASSWORD}")
    for email, what in logins:
        click.echo(f"  {email:40} {what}")
