"""`flask --app clusterhub check` and `backup create|restore`."""

from pathlib import Path

import click
from flask import current_app
from flask.cli import with_appcontext

from clusterhub.ops import backup
from clusterhub.ops.check import problems


@click.command("check")
@with_appcontext
def check():
    """Report configuration problems; exit 1 when there are any."""
    found = problems(current_app)
    for problem in found:
        click.echo(problem)
    if found:
        click.echo(f"{len(found)} problem(s) found.", err=True)
        raise SystemExit(1)
    click.echo("No configuration problems found.")


@click.group("backup", help="Back up the database; restore it (and rebuild the search indexes).")
def backup_cli():
    pass


@backup_cli.command("create")
@click.argument("path", type=click.Path(path_type=Path))
@with_appcontext
def create(path: Path):
    """Write a backup to PATH: a new folder, or a .tar / .tar.gz file."""
    try:
        manifest = backup.create(path)
    except backup.BackupError as error:
        raise click.ClickException(str(error)) from error
    rows = sum(manifest["rows"].values())
    click.echo(f"{path}: {manifest['database']} database, {len(manifest['rows'])} tables, {rows} rows")


@backup_cli.command("restore")
@click.argument("path", type=click.Path(exists=True, path_type=Path))
@click.option("--processes", default=1, show_default=True, help="Index writer processes per cluster.")
@with_appcontext
def restore(path: Path, processes: int):
    """Replace this instance's database with the backup at PATH and rebuild the search indexes.

    Stop the application first: nothing may write to the database while it is replaced.
    """
    try:
        restored = backup.restore(path, processes)
    except backup.BackupError as error:
        raise click.ClickException(str(error)) from error
    click.echo(f"{path}: {restored['rows']} rows restored; {restored['documents']} documents indexed")
