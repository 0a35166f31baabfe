"""Reading the e-mails the tests sent: each is plain text with an HTML alternative."""

from email.message import EmailMessage


def plain_text(mail: EmailMessage) -> str:
    """The plain-text part of an e-mail, as a mail program that shows text reads it."""
    return mail.get_body(("plain",)).get_content()
