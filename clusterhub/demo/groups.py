"""The demo clusters' interest groups: who is in them, and which posts and news are addressed to them."""

from sqlalchemy import select

from clusterhub.demo.entries import Group as GroupEntry
from clusterhub.extensions import db
from clusterhub.groups.models import Group
from clusterhub.groups.services import create_group, join
from clusterhub.news.models import NewsItem
from clusterhub.posts.models import Post


def _load_group(entry: GroupEntry, people: dict, posts: dict[str, Post]) -> None:
    group = create_group(entry.name, entry.description)
    for company in entry.members:
        join(group, people[company][1])
    for title in entry.posts:
        posts[title].group_id = group.id
    for item in db.session.scalars(select(NewsItem).where(NewsItem.title.in_(entry.news))):
        item.group_id = group.id


def load_groups(spec: dict, people: dict, posts: dict[str, Post]) -> None:
    """Start the cluster's missing groups, with their members and the posts and news addressed to them."""
    existing = set(db.session.scalars(select(Group.name)))
    for entry in spec["groups"]:
        if entry.name not in existing:
            _load_group(entry, people, posts)
    db.session.flush()
