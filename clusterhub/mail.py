"""Outgoing e-mail: SMTP in production, one .eml file per message in development."""

import re
import smtplib
import uuid
from email.message import EmailMessage
from email.utils import make_msgid
from pathlib import Path

from flask import current_app, render_template
from flask_babel import force_locale
from markupsafe import Markup, escape

from clusterhub.clock import utcnow

LINK = re.compile(r"https?://[^\s<>\"]+")


class _OneLine(str):
    """A header value written out on one line exactly as given (RFC 5322 allows up to 998 characters).

    The standard policy folds a long value without spaces into encoded words, and mail programs do not
    decode those in a List-Unsubscribe link.
    """

    def __new__(cls, name: str, value: str):
        if not value.isascii() or "\r" in value or "\n" in value:
            raise ValueError(f"{name}: a one-line header must be ASCII without line breaks")
        header = super().__new__(cls, value)
        header.name = name
        return header

    def fold(self, *, policy) -> str:
        return f"{self.name}: {self}{policy.linesep}"


def _build(to: str, subject: str, body: str, html: str, headers: dict) -> EmailMessage:
    config = current_app.config
    message = EmailMessage()
    message["From"] = config["MAIL_FROM"]
    message["To"] = to
    message["Subject"] = subject
    message["Message-ID"] = make_msgid(domain="clusterhub")
    for name, value in headers.items():
        message[name] = _OneLine(name, value)
    message.set_content(body)
    message.add_alternative(html, subtype="html")
    return message


def _write_file(message: EmailMessage) -> None:
    folder = Path(current_app.config["MAIL_DIR"])
    folder.mkdir(parents=True, exist_ok=True)
    name = f"{utcnow():%Y%m%dT%H%M%S%f}-{uuid.uuid4().hex[:8]}.eml"
    (folder / name).write_bytes(bytes(message))


def _send_smtp(message: EmailMessage) -> None:
    config = current_app.config
    with smtplib.SMTP(config["MAIL_HOST"], config["MAIL_PORT"], timeout=30) as smtp:
        if config["MAIL_STARTTLS"]:
            smtp.starttls()
        if config.get("MAIL_USERNAME"):
            smtp.login(config["MAIL_USERNAME"], config["MAIL_PASSWORD"])
        smtp.send_message(message)


def _linked(line: str) -> Markup:
    """A line of the text as HTML, its web addresses as links."""
    return Markup(LINK.sub(lambda found: f'<a href="{found[0]}">{found[0]}</a>', str(escape(line))))


def _paragraphs(body: str) -> list[list[Markup]]:
    """The text's paragraphs (split at blank lines), each as its lines."""
    return [
        [_linked(line) for line in part.strip().splitlines()] for part in body.split("\n\n") if part.strip()
    ]


BACKENDS = {"file": _write_file, "smtp": _send_smtp}


def send_mail(to: str, language: str, template: str, headers: dict | None = None, **context) -> None:
    """Render `mail/<template>.txt` in the recipient's language and send it; the first line is the subject.

    The message has the plain text and the same text as HTML (paragraphs, links), for mail programs that
    show only one. `headers` (List-Unsubscribe, say) are added as they are, each on one line.
    """
    with force_locale(language):
        text = render_template(f"mail/{template}.txt", **context)
        subject, _, body = text.strip().partition("\n")
        html = render_template("mail/message.html", subject=subject.strip(), paragraphs=_paragraphs(body))
    message = _build(to, subject.strip(), body.strip() + "\n", html, headers or {})
    BACKENDS[current_app.config["MAIL_BACKEND"]](message)
