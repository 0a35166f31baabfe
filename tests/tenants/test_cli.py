"""The command line: clusters and people, with one-line errors and non-zero exits on bad input."""

from sqlalchemy import select

from clusterhub.accounts.services import find_user
from clusterhub.extensions import db
from tenants.context import tenant_scope
from tenants.models import Membership, Tenant


def test_tenants_create_makes_a_reachable_cluster(app, runner):
    result = runner.invoke(
        args=[
            "tenants",
            "create",
            "koks",
            "--name",
            "Kokrūpniecības klasteris",
            "--vision",
            "Koks ir nākotne",
        ]
    )
    assert result.exit_code == 0, result.output
    with app.app_context():
        tenant = db.session.scalar(select(Tenant).where(Tenant.slug == "koks"))
        assert (tenant.name, tenant.vision, tenant.active) == (
            "Kokrūpniecības klasteris",
            "Koks ir nākotne",
            True,
        )


def test_tenants_create_rejects_bad_input_in_one_line(app, runner):
    for args in (
        ["Bad Slug", "--name", "X"],
        ["ok", "--name", "X", "--vision", "v" * 141],
        ["ok", "--name", "N" * 201],
    ):
        result = runner.invoke(args=["tenants", "create", *args])
        assert result.exit_code != 0
        assert result.output.startswith("Error: ") and "Traceback" not in result.output
        assert result.output.count("\n") == 1


def test_tenants_create_refuses_a_taken_slug(app, runner, world):
    result = runner.invoke(args=["tenants", "create", "alfa", "--name", "Cits"])
    assert result.exit_code != 0 and "exists already" in result.output


def test_users_create_with_a_cluster_role_and_company(app, runner, world):
    result = runner.invoke(
        args=[
            "users",
            "create",
            "Jana@Beta.lv",
            "--password",
            "diezgan-gara-parole",
            "--name",
            "Jana Šmite",
            "--tenant",
            "beta",
            "--role",
            "manager",
            "--company",
            "SIA Ūdensroze",
            "--organiser",
        ]
    )
    assert result.exit_code == 0, result.output
    with app.app_context():
        user = find_user("jana@beta.lv")
        assert user.is_organiser and not user.is_admin
        with tenant_scope(db.session.scalar(select(Tenant).where(Tenant.slug == "beta"))):
            membership = db.session.scalar(select(Membership).where(Membership.user_id == user.id))
            assert membership.role == "manager" and membership.company.name == "SIA Ūdensroze"


def test_users_create_rejects_bad_input_without_a_traceback(app, runner, world):
    cases = [
        ["x@y.lv", "--password", "short", "--name", "X"],
        ["x@y.lv", "--password", "long-enough-pass", "--name", "X" * 201],
        ["not-an-address", "--password", "long-enough-pass", "--name", "X"],
        ["member@alfa.lv", "--password", "long-enough-pass", "--name", "X"],
        ["x@y.lv", "--password", "long-enough-pass", "--name", "X", "--tenant", "nope"],
        ["x@y.lv", "--password", "long-enough-pass", "--name", "X", "--tenant", "alfa", "--role", "owner"],
    ]
    for args in cases:
        result = runner.invoke(args=["users", "create", *args])
        assert result.exit_code != 0, args
        errors = [line for line in result.output.splitlines() if line.startswith("Error: ")]
        assert len(errors) == 1 and "Traceback" not in result.output, result.output
    with app.app_context():
        assert find_user("x@y.lv") is None
