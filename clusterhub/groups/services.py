"""Interest and working groups of the current cluster: who is in them, and what is addressed to them."""

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import aliased, selectinload

from clusterhub.accounts.models import User
from clusterhub.clock import utcnow
from clusterhub.extensions import db
from clusterhub.groups.models import Group, GroupMember
from clusterhub.news.models import NewsItem
from clusterhub.posts.models import Post
from clusterhub.posts.services import open_and_valid
from tenants.models import Membership


class GroupError(ValueError):
    """The action is not allowed on this group; `reason` names why."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def groups_with_counts() -> list[tuple[Group, int]]:
    """Every group of the cluster with its number of members: open ones first, then by name."""
    counted = (
        select(GroupMember.group_id, func.count(GroupMember.id).label("people"))
        .group_by(GroupMember.group_id)
        .subquery()
    )
    rows = db.session.execute(
        select(Group, func.coalesce(counted.c.people, 0))
        .outerjoin(counted, counted.c.group_id == Group.id)
        .order_by(Group.archived_at.is_not(None), Group.name, Group.id)
    )
    return [(group, people) for group, people in rows]


def open_groups() -> list[Group]:
    """The groups that take members and addressed posts, by name."""
    return list(db.session.scalars(select(Group).where(Group.archived_at.is_(None)).order_by(Group.name)))


def _name_taken(name: str, group: Group | None) -> bool:
    statement = select(Group.id).where(func.lower(Group.name) == name.lower())
    if group is not None:
        statement = statement.where(Group.id != group.id)
    return db.session.scalar(statement) is not None


def create_group(name: str, description: str) -> Group:
    """Start a group in the current cluster; the name must be new there."""
    name = name.strip()
    if _name_taken(name, None):
        raise GroupError("name_taken")
    group = Group(name=name, description=description)
    db.session.add(group)
    db.session.flush()
    return group


def update_group(group: Group, name: str, description: str) -> None:
    """Rename a group or rewrite its description."""
    name = name.strip()
    if _name_taken(name, group):
        raise GroupError("name_taken")
    group.name, group.description = name, description
    db.session.flush()


def set_archived(group: Group, archived: bool) -> None:
    """Archive a group (it keeps its members and history, takes nobody new) or open it again."""
    group.archived_at = (group.archived_at or utcnow()) if archived else None
    db.session.flush()


def membership_of(group: Group, user_id: int) -> GroupMember | None:
    """A person's place in a group, if they are in it."""
    return db.session.scalar(
        select(GroupMember).where(GroupMember.group_id == group.id, GroupMember.user_id == user_id)
    )


def join(group: Group, user: User) -> GroupMember:
    """Put a person in a group (once); an archived group takes nobody."""
    if group.archived:
        raise GroupError("archived")
    found = membership_of(group, user.id)
    if found is None:
        found = GroupMember(group=group, user=user)
        db.session.add(found)
        db.session.flush()
    return found


def leave(group: Group, user: User) -> None:
    """Take a person out of a group; leaving a group one is not in changes nothing."""
    found = membership_of(group, user.id)
    if found is not None:
        db.session.delete(found)
        db.session.flush()


def members_of(group: Group) -> list[Membership]:
    """The cluster memberships of the group's people (with their companies), by the person's name."""
    return list(
        db.session.scalars(
            select(Membership)
            .join(GroupMember, GroupMember.user_id == Membership.user_id)
            .join(Membership.user)
            .where(GroupMember.group_id == group.id)
            .options(selectinload(Membership.user), selectinload(Membership.company))
            .order_by(User.name, User.id)
        )
    )


def groups_of(user_id: int) -> list[Group]:
    """The groups a person is in, by name."""
    return list(
        db.session.scalars(
            select(Group).join(GroupMember).where(GroupMember.user_id == user_id).order_by(Group.name)
        )
    )


def posts_to(group: Group) -> Select:
    """The open posts addressed to a group, newest first: the group's own board."""
    return (
        select(Post)
        .where(Post.group_id == group.id, open_and_valid())
        .options(selectinload(Post.company))
        .order_by(Post.created_at.desc(), Post.id.desc())
    )


def news_to(group: Group, limit: int = 5) -> list[NewsItem]:
    """The newest news items addressed to a group."""
    return list(
        db.session.scalars(
            select(NewsItem)
            .where(NewsItem.group_id == group.id)
            .order_by(NewsItem.created_at.desc(), NewsItem.id.desc())
            .limit(limit)
        )
    )


def company_ids_in(group_id: int) -> Select:
    """The ids of the companies whose people are in a group, for `Company.id.in_(…)`."""
    return (
        select(Membership.company_id)
        .join(GroupMember, GroupMember.user_id == Membership.user_id)
        .where(GroupMember.group_id == group_id, Membership.company_id.is_not(None))
    )


def concerning(group_id: int):
    """The SQL condition of a group's posts: addressed to it, or written by a company of its people."""
    return or_(Post.group_id == group_id, Post.company_id.in_(company_ids_in(group_id)))


def group_name(group_id: int) -> str | None:
    """A group's name, or None if the cluster has no such group."""
    return db.session.scalar(select(Group.name).where(Group.id == group_id))


def groups_shared_with(company_id: int) -> dict[int, list[str]]:
    """For every company whose people share an open group with `company_id`'s people, the names of those
    groups (matching: natural partners), read in one query for all of them."""
    return groups_shared_among([company_id]).get(company_id, {})


def groups_shared_among(company_ids) -> dict[int, dict[int, list[str]]]:
    """`groups_shared_with` of each of the companies, read in one query for all of them."""
    mine, theirs = aliased(GroupMember), aliased(GroupMember)
    my_people, their_people = aliased(Membership), aliased(Membership)
    rows = db.session.execute(
        select(my_people.company_id, their_people.company_id, Group.name)
        .join(mine, mine.group_id == Group.id)
        .join(my_people, my_people.user_id == mine.user_id)
        .join(theirs, theirs.group_id == Group.id)
        .join(their_people, their_people.user_id == theirs.user_id)
        .where(
            Group.archived_at.is_(None),
            my_people.company_id.in_(company_ids),
            their_people.company_id.is_not(None),
            their_people.company_id != my_people.company_id,
        )
        .distinct()
        .order_by(Group.name)
    )
    shared: dict[int, dict[int, list[str]]] = {}
    for company_id, other_id, name in rows:
        shared.setdefault(company_id, {}).setdefault(other_id, []).append(name)
    return shared
