"""The command line: clusters and people, with one-line errors and non-zero exits on bad input."""

from pathlib import Path

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


def _role(app, email: str, slug: str) -> str | None:
    with app.app_context():
        tenant = db.session.scalar(select(Tenant).where(Tenant.slug == slug))
        with tenant_scope(tenant):
            return db.session.scalar(select(Membership.role).where(Membership.user_id == find_user(email).id))


def test_an_existing_person_is_made_manager_and_organiser_on_the_command_line(app, runner, world):
    appointed = runner.invoke(args=["tenants", "appoint", "alfa", "member@beta.lv"])
    assert appointed.exit_code == 0, appointed.output
    assert _role(app, "member@beta.lv", "alfa") == "manager"
    granted = runner.invoke(args=["users", "grant", "member@beta.lv", "organiser"])
    assert granted.exit_code == 0, granted.output
    with app.app_context():
        assert find_user("member@beta.lv").is_organiser


def test_a_new_manager_is_invited_from_the_command_line(app, runner, world):
    result = runner.invoke(args=["tenants", "appoint", "beta", "jauna@beta.lv", "--language", "en"])
    assert result.output == "Invited jauna@beta.lv as manager of beta\n"
    mails = [path.read_text() for path in Path(app.config["MAIL_DIR"]).glob("*.eml")]
    assert any("jauna@beta.lv" in mail and "/invitation/" in mail for mail in mails)


def test_the_last_administrator_keeps_the_role_on_the_command_line(app, runner, world):
    runner.invoke(args=["users", "grant", "member@alfa.lv", "admin"])
    last = runner.invoke(args=["users", "revoke", "member@alfa.lv", "admin"])
    assert last.exit_code != 0 and "last platform administrator" in last.output
    runner.invoke(args=["users", "grant", "member@beta.lv", "admin"])
    assert runner.invoke(args=["users", "revoke", "member@alfa.lv", "admin"]).exit_code == 0
    with app.app_context():
        assert not find_user("member@alfa.lv").is_admin and find_user("member@beta.lv").is_admin


def test_a_cluster_is_changed_and_closed_on_the_command_line(app, runner, world):
    edited = runner.invoke(args=["tenants", "edit", "alfa", "--new-slug", "alfa2", "--criteria", "Ražotāji"])
    assert edited.exit_code == 0, edited.output
    closed = runner.invoke(args=["tenants", "deactivate", "alfa2", "--yes"])
    assert closed.exit_code == 0, closed.output
    with app.app_context():
        tenant = db.session.scalar(select(Tenant).where(Tenant.slug == "alfa2"))
        assert (tenant.admission_criteria, tenant.active) == ("Ražotāji", False)
