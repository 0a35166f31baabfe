"""Every model, imported once so that mappers and Alembic see the whole schema."""

from clusterhub.accounts.models import FailedLogin, SignIn, User
from clusterhub.admission.models import Application
from clusterhub.api.models import ApiToken
from clusterhub.catalogue.models import FeedbackReport, Service, ServiceFeedback, ServiceUse
from clusterhub.companies.models import (
    Company,
    CompanyChange,
    CompanyMembership,
    CompanyRole,
    CompanyTag,
    ContactPerson,
)
from clusterhub.conferences.models import EventCluster, Meeting, MeetingSeat, MeetingWindow, Participant
from clusterhub.events.models import Event, EventAttendance
from clusterhub.feeds.models import CalendarFeed
from clusterhub.groups.models import Group, GroupMember
from clusterhub.invitations.models import Invitation
from clusterhub.members.models import Visit
from clusterhub.network.models import NetworkMessage, NetworkThread
from clusterhub.news.models import DigestDelivery, NewsItem
from clusterhub.notifications.models import Notification
from clusterhub.onboarding.models import RoadmapProgress, RoadmapStep
from clusterhub.posts.models import Collaboration, Message, Post, PostRegion, PostTag, Thread
from clusterhub.ratings.models import Rating, RatingEvent, RatingFlag
from clusterhub.security.models import AuditEvent, RateCount
from clusterhub.stories.models import SuccessStory
from clusterhub.worker.models import JobRun
from search.backends.models import SearchDocument, SearchTerm, SearchVersion
from search.models import IndexOutbox, MatchDismissal, MatchNotice, MatchSuggestion
from search.vocabulary.models import ClusterConcept, ClusterForm, Concept, ConceptForm
from tenants.models import Membership, Tenant

__all__ = [
    "ApiToken",
    "Application",
    "CalendarFeed",
    "AuditEvent",
    "ClusterConcept",
    "ClusterForm",
    "Collaboration",
    "Company",
    "Concept",
    "ConceptForm",
    "CompanyChange",
    "CompanyMembership",
    "CompanyRole",
    "CompanyTag",
    "ContactPerson",
    "DigestDelivery",
    "Event",
    "EventAttendance",
    "EventCluster",
    "FailedLogin",
    "FeedbackReport",
    "Group",
    "GroupMember",
    "IndexOutbox",
    "Invitation",
    "JobRun",
    "MatchDismissal",
    "MatchNotice",
    "MatchSuggestion",
    "Meeting",
    "MeetingSeat",
    "MeetingWindow",
    "Membership",
    "Message",
    "NetworkMessage",
    "NetworkThread",
    "NewsItem",
    "Notification",
    "Participant",
    "Post",
    "PostRegion",
    "PostTag",
    "RateCount",
    "Rating",
    "RatingEvent",
    "RatingFlag",
    "RoadmapProgress",
    "RoadmapStep",
    "SearchDocument",
    "SearchTerm",
    "SearchVersion",
    "Service",
    "ServiceFeedback",
    "ServiceUse",
    "SignIn",
    "SuccessStory",
    "Tenant",
    "Thread",
    "User",
    "Visit",
]
