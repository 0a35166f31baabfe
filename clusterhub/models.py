"""Every model, imported once so that mappers and Alembic see the whole schema."""

from clusterhub.accounts.models import FailedLogin, User
from clusterhub.companies.models import Company, CompanyMembership
from clusterhub.invitations.models import Invitation
from tenants.models import Membership, Tenant

__all__ = ["Company", "CompanyMembership", "FailedLogin", "Invitation", "Membership", "Tenant", "User"]
