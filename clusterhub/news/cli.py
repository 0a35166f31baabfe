"""`flask --app clusterhub digest send [--tenant SLUG]`"""

import click
from flask.cli import with_appcontext
from sqlalchemy import select

from clusterhub.clock import local_today
from clusterhub.extensions import db
from clusterhub.news.digest import month_of, send_month
from tenants.context import tenant_scope
from tenants.models import Tenant


@click.group("digest", help="The monthly news digest.")
def digest_cli():
    pass


def _clusters(slug: str | None) -> list[Tenant]:
    query = select(Tenant).where(Tenant.active.is_(True)).order_by(Tenant.slug)
    if slug:
        query = query.where(Tenant.slug == slug)
    tenants = list(db.session.scalars(query))
    if slug and not tenants:
        raise click.ClickException(f"There is no active cluster {slug!r}.")
    return tenants


@digest_cli.command("send")
@click.option("--tenant", "slug", help="Only this cluster (its slug).")
@with_appcontext
def send(slug: str | None):
    """E-mail this month's digest to every subscriber who has not had it yet; retry failed ones."""
    month = month_of(local_today())
    failed = 0
    for tenant in _clusters(slug):
        with tenant_scope(tenant):
            outcomes = send_month(month)
        if outcomes is None:
            click.echo(f"{tenant.slug}: no news items, nothing sent")
            continue
        failed += outcomes["failed"]
        click.echo(
            f"{tenant.slug}: {outcomes['sent']} sent, {outcomes['failed']} failed,"
            f" {outcomes['skipped']} skipped (sent already this month)"
        )
    if failed:
        # Cron tells someone; the failed ones are tried again by the next run.
        raise SystemExit(1)
