"""Outgoing e-mail: SMTP in production, one .eml file per message in development."""

import smtplib
import uuid
from email.message import EmailMessage
from email.utils import make_msgid
from pathlib import Path

from flask import current_app, render_template
from flask_babel import force_locale

from clusterhub.db import utcnow


def _build(to: str, subject: str, body: str) -> EmailMessage:
    config = current_app.config
    message = EmailMessage()
    message["From"] = config["MAIL_FROM"]
    message["To"] = to
    message["Subject"] = subject
    message["Message-ID"] = make_msgid(domain="clusterhub")
    message.set_content(body)
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


BACKENDS = {"file": _write_file, "smtp": _send_smtp}


def send_mail(to: str, language: str, template: str, **context) -> None:
    """Render `mail/<template>.txt` in the recipient's language and send it; the first line is the subject."""
    with force_locale(language):
        text = render_template(f"mail/{template}.txt", **context)
    subject, _, body = text.strip().partition("\n")
    BACKENDS[current_app.config["MAIL_BACKEND"]](_build(to, subject.strip(), body.strip() + "\n"))
