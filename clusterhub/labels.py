"""What the fixed vocabularies (regions, sizes, roles, kinds of posts…) are called in each language."""

from clusterhub.i18n import LANGUAGES
from clusterhub.i18n import lazy_gettext as _l

REGIONS = {
    "riga": _l("Rīga"),
    "pieriga": _l("Pierīga"),
    "vidzeme": _l("Vidzeme"),
    "kurzeme": _l("Kurzeme"),
    "zemgale": _l("Zemgale"),
    "latgale": _l("Latgale"),
    "abroad": _l("Abroad"),
}
SIZES = {
    "micro": _l("Micro"),
    "small": _l("Small"),
    "medium": _l("Medium"),
    "large": _l("Large"),
}
# The EU definition (Recommendation 2003/361/EC), shown as help beside the size field.
SIZE_HELP = _l(
    "Micro: fewer than 10 employees and turnover or balance sheet up to EUR 2 million. "
    "Small: fewer than 50 employees, up to EUR 10 million. "
    "Medium: fewer than 250 employees, turnover up to EUR 50 million or balance sheet up to EUR 43 million. "
    "Large: anything bigger."
)
ROLES = {
    "producer": _l("Producer"),
    "resource_holder": _l("Resource holder"),
    "intermediary": _l("Intermediary"),
    "distributor": _l("Distributor"),
    "education_research": _l("Education and research"),
    "public_sector": _l("Public sector"),
    "finance": _l("Finance"),
}
POST_KINDS = {
    "need": _l("Need"),
    "offer": _l("Offer"),
    "interest": _l("Partnership interest"),
}
POST_CATEGORIES = {
    "export": _l("Export and new markets"),
    "research": _l("New product with research"),
    "automation": _l("Automation and efficiency"),
    "training": _l("Training"),
    "staff": _l("Staff and talent"),
    "purchasing": _l("Joint purchasing"),
    "exhibitions": _l("Exhibitions and trade missions"),
    "equipment": _l("Equipment sharing"),
    "other": _l("Other"),
}
POST_STATUSES = {
    "open": _l("Open"),
    "fulfilled": _l("Fulfilled"),
    "withdrawn": _l("Withdrawn"),
}
SERVICE_KINDS = {
    "training": _l("Training"),
    "trade_mission": _l("Trade mission"),
    "exhibition": _l("Exhibition"),
    "consultation": _l("Consultation"),
    "joint_purchasing": _l("Joint purchasing"),
    "networking": _l("Networking"),
    "other": _l("Other"),
}
EVENT_KINDS = {
    "member_meeting": _l("Member meeting"),
    "breakfast": _l("Members' breakfast"),
    "general_meeting": _l("General meeting"),
    "training": _l("Training"),
    "other": _l("Other"),
    "conference": _l("Inter-cluster conference"),
    "visit": _l("Visit"),
    "mission": _l("Trade mission"),
}
# Member segments (source study, chapter 6) and the two ways a membership ends.
SEGMENTS = {
    "new": _l("New"),
    "active": _l("Active"),
    "reactivate": _l("To be re-activated"),
}
LEAVING = {
    "left": _l("Left on their own"),
    "former": _l("Moved to former members by a manager"),
}
# A company on its cluster's list for an inter-cluster conference.
PARTICIPATION = {
    "requested": _l("Asked to go"),
    "nominated": _l("Nominated"),
    "registered": _l("Registered"),
}
# A 1:1 meeting at a conference, from the request on.
MEETING_STATUSES = {
    "pending": _l("Waiting for an answer"),
    "accepted": _l("Accepted"),
    "declined": _l("Declined"),
    "cancelled": _l("Cancelled"),
}
# What each kind of audit event is called on the admins' audit page (clusterhub/security/audit.py KINDS).
AUDIT_KINDS = {
    "login": _l("Signed in"),
    "login_failed": _l("Failed sign-in"),
    "password_changed": _l("Password changed"),
    "email_changed": _l("E-mail address changed"),
    "role_changed": _l("Role changed"),
    "rating_hidden": _l("Rating hidden"),
    "rating_restored": _l("Rating shown again"),
    "export": _l("Export"),
    "data_downloaded": _l("Personal data downloaded"),
    "account_deleted": _l("Account deleted"),
    "company_deleted": _l("Company deleted"),
    "admission_requested": _l("Company asked to join a cluster"),
    "admission_accepted": _l("Company accepted a cluster's request"),
    "admission_refused": _l("Company refused a cluster's request"),
    "company_admitted": _l("Company admitted by a platform administrator"),
    "representation_requested": _l("Applicant asked to represent a member company"),
    "representation_accepted": _l("Company accepted an applicant as its representative"),
    "representation_refused": _l("Company refused an applicant as its representative"),
    "rate_limited": _l("Too many requests"),
    "api_token_created": _l("API token created"),
    "api_token_revoked": _l("API token revoked"),
    "cluster_created": _l("Cluster created"),
    "cluster_changed": _l("Cluster changed"),
    "cluster_deactivated": _l("Cluster closed"),
    "cluster_reactivated": _l("Cluster opened again"),
    "manager_appointed": _l("Manager appointed"),
    "manager_invited": _l("Manager invited"),
    "platform_role_granted": _l("Platform role granted"),
    "platform_role_removed": _l("Platform role removed"),
    "import_invitations": _l("Contact people invited by an import"),
    "visit_changed": _l("Visit or trade mission changed by its host"),
}
# What each company profile field is called, on the form, in the change history and in data downloads.
PROFILE_FIELDS = {
    "name": _l("Company name"),
    "registration_number": _l("Registration number"),
    "description": _l("About the company"),
    "website": _l("Website"),
    "size": _l("Size"),
    "region": _l("Region"),
    "sectors": _l("Sectors"),
    "competences": _l("Competences"),
    "roles": _l("Roles in the value chain"),
    "infrastructure": _l("Infrastructure and equipment offered to others"),
    "development_directions": _l("Development directions"),
    "partnership_interests": _l("Partnership interests"),
    "other_clusters": _l("Other clusters and associations"),
    "contacts": _l("Contact people"),
    "logo": _l("Logo"),
}
MEMBERSHIP_ROLES = {
    "member": _l("Member"),
    "manager": _l("Manager"),
}
APPLICATION_STATUSES = {
    "new": _l("waiting for a decision"),
    "accepted": _l("accepted"),
    "declined": _l("declined"),
}
DELIVERY_STATUSES = {
    "sent": _l("Sent"),
    "failed": _l("Not delivered"),
}
LABELS = {
    "region": REGIONS,
    "size": SIZES,
    "role": ROLES,
    "kind": POST_KINDS,
    "category": POST_CATEGORIES,
    "status": POST_STATUSES,
    "segment": SEGMENTS,
    "leaving": LEAVING,
    "service_kind": SERVICE_KINDS,
    "event_kind": EVENT_KINDS,
    "participation": PARTICIPATION,
    "meeting_status": MEETING_STATUSES,
    "audit_kind": AUDIT_KINDS,
    "profile_field": PROFILE_FIELDS,
    "membership_role": MEMBERSHIP_ROLES,
    "language": LANGUAGES,
    "application_status": APPLICATION_STATUSES,
    "delivery_status": DELIVERY_STATUSES,
}


def label(vocabulary: str, value: str | None) -> str:
    """The word for `value` in the current language (the value itself if it is unknown, empty if None)."""
    if value is None:
        return ""
    return str(LABELS[vocabulary].get(value, value))


def choices(vocabulary: str) -> list[tuple[str, str]]:
    """(value, label) pairs for a select field, in the vocabulary's own order."""
    return [(value, str(text)) for value, text in LABELS[vocabulary].items()]
