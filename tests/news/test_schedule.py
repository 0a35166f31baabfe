"""The digest sends itself: the worker sends each cluster's digest on the day its managers chose, once a
month; managers see a preview, can send it now (after confirming) and see the past digests."""

from datetime import UTC, datetime

from sqlalchemy import select

from clusterhub.extensions import db
from clusterhub.worker.models import JobRun
from tenants.models import Tenant
from tests.news.conftest import subscribe

DIGEST_PAGE = "/c/alfa/manage/digest"


def choose_day(app, slug: str, day: int) -> None:
    with app.app_context():
        db.session.scalar(select(Tenant).where(Tenant.slug == slug)).digest_day = day
        db.session.commit()


def worker_pass(runner) -> None:
    # The worker's daily retention compares mail files' real modification times with the test's clock.
    runner.app.config["MAIL_RETENTION_DAYS"] = 100 * 365
    result = runner.invoke(args=["worker", "run", "--once"])
    assert result.exit_code == 0, result.output


def digests_to(visitor) -> list[str]:
    # Only the digest carries a one-click unsubscribe header.
    return sorted(mail["To"] for mail in visitor.mails() if mail["List-Unsubscribe"])


def test_the_worker_sends_each_clusters_digest_on_its_day_and_once_a_month(
    app, world, visitor, runner, clock
):
    subscribe(app, "member@alfa.lv")
    subscribe(app, "member@beta.lv", "beta")
    choose_day(app, "alfa", 20)
    choose_day(app, "beta", 15)  # the tests' day

    worker_pass(runner)
    assert digests_to(visitor) == ["member@beta.lv"]
    worker_pass(runner)
    assert digests_to(visitor) == ["member@beta.lv"]

    clock.move_to(datetime(2030, 5, 20, 6, 0, tzinfo=UTC))
    worker_pass(runner)
    worker_pass(runner)
    assert digests_to(visitor) == ["member@alfa.lv", "member@beta.lv"]
    with app.app_context():
        alfa = db.session.scalar(select(Tenant.id).where(Tenant.slug == "alfa"))
        runs = dict(db.session.execute(select(JobRun.key, JobRun.summary)).all())
    assert runs[f"digest:{alfa}:2030-05"] == "1 sent, 0 failed, 0 skipped"


def test_managers_see_the_preview_the_schedule_and_choose_the_day(app, world, signed_in):
    subscribe(app, "member@alfa.lv")
    manager = signed_in("manager@alfa.lv")
    page = manager.get(DIGEST_PAGE).get_data(as_text=True)
    assert "Members who get it now: 1." in page
    assert "CANARYALFA ziņa" in page  # the news item, in the e-mail's preview
    assert "CANARYBETA" not in page
    assert "Next digest: May 15, 2030." in page

    wrong = manager.submit(DIGEST_PAGE, {"day": "31"})
    assert wrong.status_code == 200
    assert "Number must be between 1 and 28." in wrong.get_data(as_text=True)
    saved = manager.submit(DIGEST_PAGE, {"day": "20"}, follow_redirects=True).get_data(as_text=True)
    assert "The digest will be sent on day 20 of every month." in saved
    assert "Next digest: May 20, 2030." in saved


def test_send_now_asks_first_then_sends_records_it_and_the_schedule_skips_the_month(
    app, world, signed_in, visitor, runner
):
    subscribe(app, "member@alfa.lv")
    manager = signed_in("manager@alfa.lv")
    question = manager.get(f"{DIGEST_PAGE}/send").get_data(as_text=True)
    assert "Send the digest now? Month: May 2030; members who asked for it: 1." in question
    assert digests_to(visitor) == []

    page = manager.submit(f"{DIGEST_PAGE}/send", follow_redirects=True).get_data(as_text=True)
    assert "The digest was sent. Members reached: 1; not delivered: 0" in page
    assert digests_to(visitor) == ["member@alfa.lv"]
    history = page.split("Past digests")[1]
    assert "May 2030" in history and "<td>1</td>" in history
    assert "Next digest: June 1, 2030." in page

    choose_day(app, "alfa", 15)
    worker_pass(runner)
    assert digests_to(visitor) == ["member@alfa.lv"]
