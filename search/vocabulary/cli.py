"""`flask --app clusterhub vocabulary load`"""

import click
from flask.cli import with_appcontext

from clusterhub.extensions import db
from search.vocabulary.services import load_vocabulary


@click.group("vocabulary", help="The shared vocabulary of sectors and competences.")
def vocabulary_cli():
    pass


@vocabulary_cli.command("load")
@with_appcontext
def load():
    """Load NACE and the thesaurus from the data files (safe to run again)."""
    count = load_vocabulary()
    db.session.commit()
    click.echo(f"{count} concepts are loaded.")
