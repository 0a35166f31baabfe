"""`flask --app clusterhub retention prune`"""

import click
from flask.cli import with_appcontext

from clusterhub.clock import utcnow
from clusterhub.extensions import db
from clusterhub.retention.services import prune


@click.group("retention", help="Delete what is kept only for a while.")
def retention_cli():
    pass


@retention_cli.command("prune")
@with_appcontext
def prune_command():
    """Delete audit events, sent-mail files, rate-limit counters, failed sign-ins and one-time form tokens
    past their retention."""
    counts = prune(utcnow())
    db.session.commit()
    for name, count in counts.items():
        click.echo(f"{name}: {count} deleted")
