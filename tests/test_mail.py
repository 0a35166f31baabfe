"""E-mail leaves through a real SMTP conversation in production and as .eml files in development."""

import pytest
from aiosmtpd.controller import Controller

from tests.conftest import Visitor
from tests.pgserver import free_port


class Inbox:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(envelope)
        return "250 OK"


@pytest.fixture
def smtp_server():
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    yield controller, inbox
    controller.stop()


def test_a_password_reset_mail_goes_through_smtp(app, world, smtp_server):
    controller, inbox = smtp_server
    app.config.update(MAIL_BACKEND="smtp", MAIL_HOST="127.0.0.1", MAIL_PORT=controller.port)
    Visitor(app).submit("/reset", {"email": "member@alfa.lv"})
    assert [m.rcpt_tos for m in inbox.messages] == [["member@alfa.lv"]]
    assert b"/reset/" in inbox.messages[0].content


def test_the_development_backend_writes_one_eml_file_per_message(app, world, visitor):
    visitor.submit("/reset", {"email": "member@alfa.lv"})
    visitor.submit("/reset", {"email": "manager@alfa.lv"})
    assert [m["To"] for m in visitor.mails()] == ["member@alfa.lv", "manager@alfa.lv"]
