"""Command groups of `flask --app clusterhub`; each feature keeps its own."""

from clusterhub.accounts.cli import users_cli
from clusterhub.demo.cli import demo_cli
from clusterhub.news.cli import digest_cli
from clusterhub.ops.cli import backup_cli, check
from clusterhub.retention.cli import retention_cli
from clusterhub.transfer.cli import import_cli
from clusterhub.worker.cli import worker_cli
from search.cli import search_cli
from search.vocabulary.cli import vocabulary_cli
from tenants.cli import tenants_cli

GROUPS = (
    tenants_cli,
    users_cli,
    demo_cli,
    import_cli,
    search_cli,
    vocabulary_cli,
    digest_cli,
    retention_cli,
    check,
    backup_cli,
    worker_cli,
)


def init_app(app) -> None:
    """Register every feature's command group."""
    for group in GROUPS:
        app.cli.add_command(group)
