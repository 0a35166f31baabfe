"""`digest send`: one e-mail per subscriber and month with the 3 latest news, retried after a failure."""

from datetime import timedelta

import pytest
from aiosmtpd.controller import Controller
from babel.dates import format_date
from flask_babel import force_locale, gettext
from sqlalchemy import select

from clusterhub.accounts.models import User
from clusterhub.clock import local_today
from clusterhub.extensions import db
from clusterhub.news.digest import month_of
from clusterhub.news.models import DigestDelivery
from tenants.context import cross_tenant, tenant_scope
from tenants.models import Tenant
from tests.factories import make_tenant, make_user
from tests.mailbox import plain_text
from tests.news.conftest import add_news, subscribe
from tests.pgserver import free_port


def _deliveries(app) -> list[tuple]:
    with app.app_context(), cross_tenant():
        return [
            (d.user_id, d.month, d.status, d.attempts)
            for d in db.session.scalars(select(DigestDelivery).order_by(DigestDelivery.id))
        ]


def test_each_subscriber_gets_one_digest_with_the_cluster_news(app, world, visitor, send_digest):
    subscribe(app, "member@alfa.lv")
    result = send_digest()
    assert result.exit_code == 0, result.output
    assert "alfa: 1 sent, 0 failed, 0 skipped" in result.output
    assert "beta: 0 sent" in result.output
    [mail] = visitor.mails()
    assert mail["To"] == "member@alfa.lv"
    assert mail["Subject"].startswith("1 new item in Alfa CANARYALFA klasteris — ")
    text = plain_text(mail)
    assert "CANARYALFA ziņa" in text and "CANARYBETA" not in text
    assert f"/c/alfa/news/{world.managed_a['news']}" in text


def test_the_digest_shows_a_news_items_formatting_as_words_not_marks(app, world, visitor, send_digest):
    add_news(app, "Kopīgais stends", body="**Svarīgi:** pieteikties līdz [piektdienai](https://alfa.lv).")
    subscribe(app, "member@alfa.lv")
    assert send_digest().exit_code == 0
    mail = visitor.mails()[0]
    assert "Svarīgi: pieteikties līdz piektdienai." in plain_text(mail)
    assert "**" not in plain_text(mail)
    assert "Kopīgais stends" in mail.get_body(("html",)).get_content()


def test_members_who_did_not_ask_for_the_digest_get_nothing(app, world, visitor, send_digest):
    assert send_digest().exit_code == 0
    assert visitor.mails() == []


def test_sending_twice_in_a_month_sends_nothing_new(app, world, visitor, send_digest):
    subscribe(app, "member@alfa.lv")
    subscribe(app, "manager@alfa.lv")
    send_digest()
    second = send_digest()
    assert second.exit_code == 0
    assert "alfa: 0 sent, 0 failed, 2 skipped" in second.output
    assert sorted(m["To"] for m in visitor.mails()) == ["manager@alfa.lv", "member@alfa.lv"]
    month = month_of(local_today())
    assert [(status, attempts) for _, m, status, attempts in _deliveries(app) if m == month] == [
        ("sent", 1),
        ("sent", 1),
    ]


def test_a_new_month_brings_a_new_digest(app, world, visitor, send_digest):
    subscribe(app, "member@alfa.lv")
    last_month = month_of(month_of(local_today()) - timedelta(days=1))
    with app.app_context(), tenant_scope(db.session.scalar(select(Tenant).where(Tenant.slug == "alfa"))):
        db.session.add(DigestDelivery(user_id=world.member_a, month=last_month, status="sent", attempts=1))
        db.session.commit()
    assert "alfa: 1 sent, 0 failed, 0 skipped" in send_digest().output
    assert len(visitor.mails()) == 1


def test_the_digest_carries_the_three_latest_news_only(app, world, visitor, send_digest):
    add_news(app, "Oldest item", days_ago=30)
    for days_ago in (3, 2, 1):
        add_news(app, f"Recent item {days_ago}", days_ago=days_ago)
    subscribe(app, "member@alfa.lv")
    send_digest()
    text = plain_text(visitor.mails()[0])
    # news_a of the world is newest (today), then the items of 1 and 2 days ago.
    assert "CANARYALFA ziņa" in text and "Recent item 1" in text and "Recent item 2" in text
    assert "Recent item 3" not in text and "Oldest item" not in text
    assert text.index("CANARYALFA ziņa") < text.index("Recent item 1") < text.index("Recent item 2")


def test_the_digest_speaks_the_subscribers_language(app, world, visitor, send_digest):
    make_user(app, "latvietis@alfa.lv", "Latvietis Ozols", "alfa", language="lv")
    add_news(app, "Kopīgais stends")
    add_news(app, "Eksporta seminārs")
    subscribe(app, "latvietis@alfa.lv")
    subscribe(app, "member@alfa.lv")
    send_digest()
    mails = {m["To"]: m for m in visitor.mails()}
    with app.test_request_context(), force_locale("lv"):
        greeting = gettext("Hello %(name)s,", name="Latvietis Ozols")
    month_lv = format_date(local_today(), "LLLL", locale="lv")
    assert greeting != "Hello Latvietis Ozols,"
    assert greeting in plain_text(mails["latvietis@alfa.lv"])
    # The subject says how many items, with the Latvian plural: 1 jaunums, 3 jaunumi, 10 jaunumu.
    assert mails["latvietis@alfa.lv"]["Subject"].startswith(
        f"3 jaunumi klasterī „Alfa CANARYALFA klasteris” — {month_lv}"
    )
    english = mails["member@alfa.lv"]
    assert "Hello Andris CANARYALFA," in plain_text(english)
    assert format_date(local_today(), "LLLL", locale="en") in english["Subject"]


def test_a_cluster_without_news_sends_nothing(app, world, visitor, send_digest):
    make_tenant(app, "koks", "Kokrūpniecības klasteris")
    make_user(app, "koks@koks.lv", "Koka Cilvēks", "koks")
    subscribe(app, "koks@koks.lv", "koks")
    result = send_digest("--tenant", "koks")
    assert result.exit_code == 0
    assert result.output == "koks: no news items, nothing sent\n"
    assert visitor.mails() == []


def test_people_who_can_no_longer_sign_in_get_no_digest(app, world, visitor, send_digest):
    subscribe(app, "member@alfa.lv")
    with app.app_context():
        db.session.get(User, world.member_a).active = False
        db.session.commit()
    assert "alfa: 0 sent" in send_digest().output
    assert visitor.mails() == []


def test_an_unknown_cluster_is_one_error_line(app, world, send_digest):
    result = send_digest("--tenant", "nav-tads")
    assert result.exit_code != 0
    assert result.output.startswith("Error: ") and result.output.count("\n") == 1


def test_a_failed_delivery_is_recorded_and_retried_by_the_next_run(app, world, visitor, send_digest):
    subscribe(app, "member@alfa.lv")
    # Nothing listens on this port: the SMTP connection is refused.
    app.config.update(MAIL_BACKEND="smtp", MAIL_HOST="127.0.0.1", MAIL_PORT=free_port())
    failed = send_digest("--tenant", "alfa")
    assert failed.exit_code == 1
    assert "alfa: 0 sent, 1 failed, 0 skipped" in failed.output
    assert [(status, attempts) for _, _, status, attempts in _deliveries(app)] == [("failed", 1)]

    app.config.update(MAIL_BACKEND="file")
    retried = send_digest("--tenant", "alfa")
    assert retried.exit_code == 0
    assert "alfa: 1 sent, 0 failed, 0 skipped" in retried.output
    assert [m["To"] for m in visitor.mails()] == ["member@alfa.lv"]
    assert [(status, attempts) for _, _, status, attempts in _deliveries(app)] == [("sent", 2)]


class RefusingInbox:
    """An SMTP server that refuses one recipient and takes the rest."""

    def __init__(self, refused: str):
        self.refused = refused
        self.messages = []

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address == self.refused:
            return "550 mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(envelope)
        return "250 OK"


@pytest.fixture
def refusing_smtp(app):
    inbox = RefusingInbox("manager@alfa.lv")
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    app.config.update(MAIL_BACKEND="smtp", MAIL_HOST="127.0.0.1", MAIL_PORT=controller.port)
    yield inbox
    controller.stop()


def test_one_refused_address_does_not_stop_the_others(app, world, refusing_smtp, send_digest):
    subscribe(app, "member@alfa.lv")
    subscribe(app, "manager@alfa.lv")
    result = send_digest("--tenant", "alfa")
    assert "alfa: 1 sent, 1 failed, 0 skipped" in result.output
    assert [m.rcpt_tos for m in refusing_smtp.messages] == [["member@alfa.lv"]]
    # Through SMTP too, the one-click link stays a plain link that mail programs can follow.
    assert (
        b"\r\nList-Unsubscribe: <http://127.0.0.1:5000/digest/unsubscribe/"
        in refusing_smtp.messages[0].content
    )
    refusing_smtp.refused = None
    again = send_digest("--tenant", "alfa")
    assert "alfa: 1 sent, 0 failed, 1 skipped" in again.output
    assert [m.rcpt_tos for m in refusing_smtp.messages] == [["member@alfa.lv"], ["manager@alfa.lv"]]
