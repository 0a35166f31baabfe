"""Every model, imported once so that mappers and Alembic see the whole schema."""

from clusterhub.accounts.models import FailedLogin, User
from clusterhub.companies.models import (
    Company,
    CompanyChange,
    CompanyMembership,
    CompanyRole,
    CompanyTag,
    ContactPerson,
)
from clusterhub.invitations.models import Invitation
from clusterhub.notifications.models import Notification
from clusterhub.posts.models import Collaboration, Message, Post, PostRegion, PostTag, Thread
from clusterhub.ratings.models import Rating, RatingEvent, RatingFlag
from search.models import IndexOutbox, MatchDismissal, MatchNotice
from tenants.models import Membership, Tenant

__all__ = [
    "Collaboration",
    "Company",
    "CompanyChange",
    "CompanyMembership",
    "CompanyRole",
    "CompanyTag",
    "ContactPerson",
    "FailedLogin",
    "IndexOutbox",
    "Invitation",
    "Membership",
    "MatchDismissal",
    "MatchNotice",
    "Message",
    "Notification",
    "Post",
    "PostRegion",
    "PostTag",
    "Rating",
    "RatingEvent",
    "RatingFlag",
    "Tenant",
    "Thread",
    "User",
]
