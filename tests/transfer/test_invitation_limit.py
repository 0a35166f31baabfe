"""The invitations of an import: logged with who imported and how many, and limited per cluster and day,
all or nothing: an import whose invitations pass the limit writes nothing."""

import html

import pytest
from sqlalchemy import select

from clusterhub.extensions import db
from clusterhub.security.models import AuditEvent, RateCount
from tests.transfer.conftest import csv_bytes, member_names
from tests.transfer.test_contacts import HEADER, _confirm, _invitation_rows, _invitations, _members, _preview

# The cluster may invite three people a day; _members() invites three.
LIMIT = 3


@pytest.fixture
def daily_limit(app):
    limits = {**app.config["RATE_LIMITS"], "cluster_invitations": (LIMIT, 24 * 60 * 60)}
    app.config.update(RATE_LIMITS_ENABLED=True, RATE_LIMITS=limits)


def _one_more(name: str = "SIA Jaunā Pļava", email: str = "liga@plava.lv") -> bytes:
    """A new company with one contact person nobody has invited."""
    return csv_bytes(HEADER, [[name, "", "Līga Pļava", email, *[""] * 8]])


def _logged(app) -> list[tuple[str, str, str]]:
    with app.app_context():
        events = db.session.scalars(select(AuditEvent).where(AuditEvent.kind == "import_invitations"))
        return [
            (event.actor.email if event.actor else "", event.tenant.slug, event.subject) for event in events
        ]


def _counted(app) -> list[int]:
    with app.app_context():
        return list(
            db.session.scalars(select(RateCount.hits).where(RateCount.key.like("cluster_invitations:%")))
        )


def test_an_import_that_invites_is_logged_with_who_imported_and_how_many(app, world, visitor):
    visitor.login("manager@alfa.lv")
    assert "3 invitations were sent." in _confirm(visitor, _preview(visitor, _members(), invite=True))
    assert _logged(app) == [("manager@alfa.lv", "alfa", "invitations:3")]
    # An import that invites nobody (everyone is invited already) logs nothing more.
    _confirm(visitor, _preview(visitor, _members(), invite=True))
    assert _logged(app) == [("manager@alfa.lv", "alfa", "invitations:3")]


def test_the_preview_refuses_invitations_past_the_daily_limit_and_shows_who_they_are(
    app, world, visitor, daily_limit
):
    visitor.login("manager@alfa.lv")
    _confirm(visitor, _preview(visitor, _members(), invite=True))
    page = html.unescape(_preview(visitor, _one_more(), invite=True))
    assert (
        "This import would invite 1 person, but the cluster may invite only 0 more today (3 a day)." in page
    )
    assert 'name="upload"' not in page  # no button that imports
    assert _invitation_rows(page) == [
        ["2", "Līga Pļava", "liga@plava.lv", "SIA Jaunā Pļava", "will be invited"]
    ]
    # Without invitations the same file imports.
    assert "The file was imported" in _confirm(visitor, _preview(visitor, _one_more(), invite=False))
    assert "SIA Jaunā Pļava" in member_names(app, "alfa")


def test_a_confirmed_import_past_the_limit_writes_nothing(
    app, world, visitor, runner, write_file, daily_limit
):
    visitor.login("manager@alfa.lv")
    page = _preview(visitor, _members(), invite=True)  # three invitations: within the limit
    before = _invitations(app)
    # Meanwhile another import of the cluster invites one person.
    result = runner.invoke(
        args=["import", "companies", write_file(_one_more()), "--tenant", "alfa", "--invite"]
    )
    assert result.exit_code == 0, result.output
    assert _counted(app) == [1]
    answer = html.unescape(_confirm(visitor, page))
    assert (
        "This import would invite 3 people, but the cluster may invite only 2 more today (3 a day)." in answer
    )
    assert "SIA Ērgļu Kamera" not in member_names(app, "alfa")
    assert _invitations(app) == [*before, ("liga@plava.lv", "SIA Jaunā Pļava")]
    assert [mail["To"] for mail in visitor.mails()] == ["liga@plava.lv"]
    assert _counted(app) == [1]  # the refused import counted nothing
    assert [subject for *_, subject in _logged(app)] == ["invitations:1"]


def test_the_limit_is_each_clusters_own(app, world, signed_in, runner, write_file, daily_limit):
    alfa = signed_in("manager@alfa.lv")
    _confirm(alfa, _preview(alfa, _members(), invite=True))
    result = runner.invoke(
        args=["import", "companies", write_file(_one_more()), "--tenant", "beta", "--invite"]
    )
    assert result.output.endswith("1 invitation(s) sent\n")
    assert sorted(_counted(app)) == [1, 3]


def test_the_command_line_refuses_past_the_limit_and_imports_nothing(
    app, world, runner, write_file, visitor, daily_limit
):
    runner.invoke(args=["import", "companies", write_file(_members()), "--tenant", "alfa", "--invite"])
    result = runner.invoke(
        args=["import", "companies", write_file(_one_more()), "--tenant", "alfa", "--invite"]
    )
    assert result.exit_code == 1
    assert "may invite only 0 more today (3 a day)" in result.output
    assert "Nothing was imported." in result.output
    assert "SIA Jaunā Pļava" not in member_names(app, "alfa")
