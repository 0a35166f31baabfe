"""`flask --app clusterhub vocabulary load`"""

import click
from flask.cli import with_appcontext
from sqlalchemy import select

from clusterhub.extensions import db
from search.hooks import rescore
from search.vocabulary.services import load_vocabulary
from tenants.models import Tenant


@click.group("vocabulary", help="The shared vocabulary of sectors and competences.")
def vocabulary_cli():
    pass


@vocabulary_cli.command("load")
@with_appcontext
def load():
    """Load NACE and the thesaurus from the data files (safe to run again)."""
    count = load_vocabulary()
    # Every cluster matches with the shared vocabulary: its suggestions are computed again in the background.
    for tenant_id in db.session.scalars(select(Tenant.id)):
        rescore(tenant_id)
    db.session.commit()
    click.echo(f"{count} concepts are loaded; the clusters' match suggestions are being computed again.")
