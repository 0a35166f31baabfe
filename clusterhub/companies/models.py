"""Member companies: one profile per legal entity, shown in every cluster it is a member of."""

from datetime import date, datetime

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
    and_,
    exists,
    false,
    or_,
    select,
)
from sqlalchemy.ext.hybrid import hybrid_property
from sqlalchemy.orm import Mapped, aliased, declared_attr, mapped_column, relationship

from clusterhub.clock import utcnow
from clusterhub.collation import company_sort_key, keeps_sort_key
from clusterhub.db import CreatedAtMixin, UTCDateTime, db
from tenants.models import Tenant, TenantScoped, TenantShared

SIZES = ("micro", "small", "medium", "large")
REGIONS = ("riga", "pieriga", "vidzeme", "kurzeme", "zemgale", "latgale", "abroad")
ROLES = (
    "producer",
    "resource_holder",
    "intermediary",
    "distributor",
    "education_research",
    "public_sector",
    "finance",
)


def in_chain_order(roles) -> list[str]:
    """Role names in the order of the value chain (producer first), not alphabetically."""
    return sorted(roles, key=ROLES.index)


TAG_KINDS = ("sector", "competence")
# "left": the company left by itself; "former": a manager ended an inactive member's membership.
LEAVING = ("left", "former")
ADMISSION_STATUSES = ("waiting", "accepted", "refused")


def _one_of(column: str, values: tuple[str, ...]) -> str:
    return f"{column} in ({', '.join(repr(v) for v in values)})"


class Company(TenantShared, CreatedAtMixin, db.Model):
    """A legal entity; visible inside a cluster only while it is a member there."""

    __tablename__ = "companies"
    __table_args__ = (
        CheckConstraint("length(name) > 0", name="name_present"),
        CheckConstraint(f"size is null or {_one_of('size', SIZES)}", name="size_known"),
        CheckConstraint(f"region is null or {_one_of('region', REGIONS)}", name="region_known"),
        CheckConstraint(
            "logo_type is null or logo_type in ('image/png', 'image/jpeg', 'image/webp')",
            name="logo_type_known",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    name_sort: Mapped[str] = mapped_column(String(800), index=True)
    registration_number: Mapped[str | None] = mapped_column(String(40), unique=True)
    description: Mapped[str] = mapped_column(Text, default="")
    website: Mapped[str] = mapped_column(String(300), default="")
    size: Mapped[str | None] = mapped_column(String(10))
    region: Mapped[str | None] = mapped_column(String(20))
    infrastructure: Mapped[str] = mapped_column(Text, default="")
    development_directions: Mapped[str] = mapped_column(Text, default="")
    partnership_interests: Mapped[str] = mapped_column(Text, default="")
    other_clusters: Mapped[str] = mapped_column(Text, default="")
    logo: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)
    logo_type: Mapped[str | None] = mapped_column(String(20))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)
    # Set when the company, having left every cluster, was deleted: its profile is then erased.
    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # Its representatives' choice: its public card may be found by members of the platform's other clusters.
    network_visible: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())

    tags: Mapped[list["CompanyTag"]] = relationship(
        back_populates="company", cascade="all, delete-orphan", order_by="CompanyTag.key"
    )
    roles: Mapped[list["CompanyRole"]] = relationship(
        cascade="all, delete-orphan", order_by="CompanyRole.role"
    )
    contacts: Mapped[list["ContactPerson"]] = relationship(
        cascade="all, delete-orphan", order_by="ContactPerson.position"
    )

    _keep_sort_key = keeps_sort_key("name", "name_sort", key=company_sort_key)

    @classmethod
    def visible_in_tenant(cls, tenant_id: int):
        # An alias, so the EXISTS keeps its own FROM when the outer query joins company_memberships too.
        return exists(
            select(_LINK.id)
            .where(_LINK.company_id == cls.id, _LINK.tenant_id == tenant_id)
            .correlate_except(_LINK)
        )

    def tag_names(self, kind: str) -> list[str]:
        """The company's sectors or competences, as written."""
        return [tag.name for tag in self.tags if tag.kind == kind]

    @property
    def role_names(self) -> list[str]:
        """The roles in the order of the value chain (producer first), not alphabetically."""
        return in_chain_order(role.role for role in self.roles)

    def __repr__(self) -> str:
        return f"<Company {self.name!r}>"


class CompanyOwned(TenantShared):
    """A row that belongs to one company and is visible wherever the company is."""

    @declared_attr
    def company_id(cls) -> Mapped[int]:
        return mapped_column(ForeignKey("companies.id", ondelete="CASCADE"), index=True)

    @classmethod
    def visible_in_tenant(cls, tenant_id: int):
        return exists(
            select(_LINK.id)
            .where(_LINK.company_id == cls.company_id, _LINK.tenant_id == tenant_id)
            .correlate_except(_LINK)
        )


class CompanyTag(CompanyOwned, db.Model):
    """A sector or a competence of a company; `key` compares names without case or accents."""

    __tablename__ = "company_tags"
    __table_args__ = (
        UniqueConstraint("company_id", "kind", "key"),
        CheckConstraint(_one_of("kind", TAG_KINDS), name="kind_known"),
        CheckConstraint("length(name) > 0", name="name_present"),
        Index("ix_company_tags_kind_key", "kind", "key"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(String(100))
    key: Mapped[str] = mapped_column(String(400))
    # The concept the name stands for, when the vocabulary knows it; the name stays as typed.
    concept_id: Mapped[int | None] = mapped_column(ForeignKey("concepts.id", ondelete="SET NULL"), index=True)

    company: Mapped[Company] = relationship(back_populates="tags")

    _keep_key = keeps_sort_key("name", "key")

    def __repr__(self) -> str:
        return f"<CompanyTag {self.kind}:{self.name}>"


class CompanyRole(CompanyOwned, db.Model):
    """A company's place in the value chain (seed 001: producer, resource holder, …)."""

    __tablename__ = "company_roles"
    __table_args__ = (
        UniqueConstraint("company_id", "role"),
        CheckConstraint(_one_of("role", ROLES), name="role_known"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    role: Mapped[str] = mapped_column(String(30))

    def __repr__(self) -> str:
        return f"<CompanyRole {self.company_id}:{self.role}>"


class ContactPerson(CompanyOwned, db.Model):
    """Whom to call at a company about cooperation."""

    __tablename__ = "contact_people"
    __table_args__ = (CheckConstraint("length(name) > 0", name="name_present"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(200), default="")
    email: Mapped[str] = mapped_column(String(254), default="")
    phone: Mapped[str] = mapped_column(String(50), default="")
    position: Mapped[int] = mapped_column(Integer, default=0)

    def __repr__(self) -> str:
        return f"<ContactPerson {self.name!r}>"


class CompanyChange(CompanyOwned, CreatedAtMixin, db.Model):
    """Who changed what in a profile, and when; old and new values per field."""

    __tablename__ = "company_changes"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    changes: Mapped[dict] = mapped_column(JSON)

    company: Mapped[Company] = relationship()
    user: Mapped["User | None"] = relationship()  # noqa: F821

    def __repr__(self) -> str:
        return f"<CompanyChange company={self.company_id} fields={sorted(self.changes)}>"


class CompanyMembership(TenantScoped, CreatedAtMixin, db.Model):
    """A company's membership of one cluster."""

    __tablename__ = "company_memberships"
    __table_args__ = (
        UniqueConstraint("tenant_id", "company_id"),
        CheckConstraint(
            f"left_reason is null or {_one_of('left_reason', LEAVING)}", name="left_reason_known"
        ),
        CheckConstraint("(left_on is null) = (left_reason is null)", name="left_with_reason"),
        # The directory, segments and indicators read a cluster's current members by date.
        Index("ix_company_memberships_current", "tenant_id", "left_on", "member_since"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    company_id: Mapped[int] = mapped_column(ForeignKey("companies.id", ondelete="CASCADE"), index=True)
    member_since: Mapped[date] = mapped_column(Date)
    # A company that left (or that a manager moved to "former") keeps its row, so its history stays readable.
    left_on: Mapped[date | None] = mapped_column(Date)
    left_reason: Mapped[str | None] = mapped_column(String(10))

    company: Mapped[Company] = relationship()
    tenant: Mapped[Tenant] = relationship()

    def __repr__(self) -> str:
        return f"<CompanyMembership company={self.company_id} tenant={self.tenant_id}>"

    @hybrid_property
    def is_current(self) -> bool:
        """Still a member: not left, not moved to the former members. Also a SQL condition."""
        return self.left_on is None

    @is_current.inplace.expression
    @classmethod
    def _is_current_condition(cls):
        return cls.left_on.is_(None)

    @classmethod
    def member_on(cls, day: date):
        """The SQL condition for a company that was a member at the end of `day`."""
        return and_(cls.member_since <= day, or_(cls.left_on.is_(None), cls.left_on > day))


class AdmissionRequest(TenantScoped, CreatedAtMixin, db.Model):
    """A cluster's request to admit a company that is a member elsewhere: its own representatives decide.

    A cluster never changes or reads beyond the public card a company that does not belong to it, so an
    import row naming such a company waits here until the company accepts.
    """

    __tablename__ = "admission_requests"
    __table_args__ = (
        CheckConstraint(_one_of("status", ADMISSION_STATUSES), name="status_known"),
        CheckConstraint("(status = 'waiting') = (decided_at is null)", name="decided_with_time"),
        Index("ix_admission_requests_company_status", "company_id", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    company_id: Mapped[int] = mapped_column(ForeignKey("companies.id", ondelete="CASCADE"))
    requested_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    member_since: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(10), default="waiting")
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    company: Mapped[Company] = relationship()
    tenant: Mapped[Tenant] = relationship()

    def __repr__(self) -> str:
        return f"<AdmissionRequest company={self.company_id} tenant={self.tenant_id} {self.status}>"


class DirectoryStamp(db.Model):
    """A mark that a cluster's member companies, their tags or their memberships (or its vocabulary) changed:
    a new random stamp at each change (never a counter a rollback could hand out twice), so every process
    and server can tell whether the directory's filter lists, or the suggestions from other clusters
    (clusterhub/network/matching.py), it holds are still those of the data. `posts_stamp` is the same mark
    for the cluster's posts, their tags and regions, which the needs dashboard counts: a post changes far
    more often than a company, and the directory's lists need not be read again for it. `matches_stamp`
    marks a change of its stored match suggestions (search/matching/stored.py), which /matches and the
    own profile list.

    Not cluster-scoped on purpose: the change hook writes it for every cluster a company belongs to.
    """

    __tablename__ = "directory_stamps"

    tenant_id: Mapped[int] = mapped_column(ForeignKey("tenants.id", ondelete="CASCADE"), primary_key=True)
    stamp: Mapped[str] = mapped_column(String(32))
    posts_stamp: Mapped[str] = mapped_column(String(32))
    matches_stamp: Mapped[str] = mapped_column(String(32))

    def __repr__(self) -> str:
        return f"<DirectoryStamp {self.tenant_id}:{self.stamp}:{self.posts_stamp}:{self.matches_stamp}>"


_LINK = aliased(CompanyMembership, name="company_link")
