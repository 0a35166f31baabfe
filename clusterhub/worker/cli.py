"""`flask --app clusterhub worker run [--once]`"""

import click
from flask.cli import with_appcontext

from clusterhub.worker import loop


@click.group("worker", help="The background worker: outbox work and scheduled jobs.")
def worker_cli():
    pass


@worker_cli.command("run")
@click.option("--once", is_flag=True, help="One pass over the outbox and the schedule, then stop.")
@with_appcontext
def run(once: bool):
    """Drain the outbox as work arrives and run the scheduled jobs (the monthly digests, retention)."""
    if once:
        jobs_ran = loop.scheduled()
        click.echo(f"{loop.work_once()} documents updated, {jobs_ran} scheduled jobs run")
        return
    loop.run()
