"""The secret address of a person's calendar feed, kept only as a hash."""

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from clusterhub.accounts.models import User
from clusterhub.db import CreatedAtMixin, db


class CalendarFeed(CreatedAtMixin, db.Model):
    """One person's calendar subscription; a new one replaces the old, whose address stops working."""

    __tablename__ = "calendar_feeds"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), unique=True)
    # Calendar programs fetch the feed without a session, so the address is the key: only its hash is
    # stored, and a copy of the database opens nobody's calendar.
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)

    user: Mapped[User] = relationship()

    def __repr__(self) -> str:
        return f"<CalendarFeed user={self.user_id}>"
