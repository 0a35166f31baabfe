"""`flask --app clusterhub search reindex|status|drain`"""

import click
from flask.cli import with_appcontext
from sqlalchemy import select

from clusterhub.extensions import db
from search import hooks
from search.index import IndexUnavailable
from search.services import database_counts, needs_rebuild, reindex, status
from tenants.models import Tenant


@click.group("search", help="The search indexes.")
def search_cli():
    pass


def _clusters(slug: str | None) -> list[Tenant]:
    query = select(Tenant).order_by(Tenant.slug)
    if slug:
        query = query.where(Tenant.slug == slug)
    tenants = list(db.session.scalars(query))
    if slug and not tenants:
        raise click.ClickException(f"There is no cluster {slug!r}.")
    return tenants


@search_cli.command("reindex")
@click.option("--tenant", "slug", help="Only this cluster (its slug).")
@click.option("--processes", default=1, show_default=True, help="Writer processes per cluster (Whoosh).")
@click.option(
    "--out-of-step",
    is_flag=True,
    help="Only clusters whose index is unreadable, missing, or (no work waiting) unlike the database.",
)
@with_appcontext
def reindex_clusters(slug: str | None, processes: int, out_of_step: bool):
    """Rebuild the indexes from the database, and the match suggestions from them."""
    for tenant in _clusters(slug):
        if out_of_step and not needs_rebuild(tenant):
            continue
        total = sum(database_counts(tenant).values())
        with click.progressbar(length=total, label=tenant.slug) as bar:
            count, suggestions = reindex(tenant, processes, step=lambda: bar.update(1))
        click.echo(f"{tenant.slug}: {count} documents indexed, {suggestions} match suggestions")


@search_cli.command("status")
@click.option("--tenant", "slug", help="Only this cluster (its slug).")
@with_appcontext
def show_status(slug: str | None):
    """Compare each index with the database."""
    problems = 0
    for tenant in _clusters(slug):
        try:
            found = status(tenant)
        except IndexUnavailable:
            click.echo(
                f"{tenant.slug}: the index cannot be read; run `search reindex --tenant {tenant.slug}`"
            )
            problems += 1
            continue
        in_step = found["database"] == found["index"] and not found["pending"]
        problems += not in_step
        database, indexed = found["database"], found["index"]
        click.echo(
            f"{tenant.slug}: database {database['company']} companies, {database['post']} posts;"
            f" index {indexed['company']} companies, {indexed['post']} posts;"
            f" {found['pending']} waiting{'' if in_step else '  <- out of step'}"
        )
    if problems:
        raise SystemExit(1)


@search_cli.command("drain")
@with_appcontext
def drain():
    """Apply index work that waits in the outbox (after a crash, say)."""
    click.echo(f"{hooks.drain()} documents updated")
