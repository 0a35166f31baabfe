"""Success stories: drafted by a manager or a member, published in the cluster once the company approves."""

from sqlalchemy import Select, or_, select

from clusterhub.clock import utcnow
from clusterhub.companies.directory import is_current_member
from clusterhub.companies.models import Company
from clusterhub.extensions import db
from clusterhub.navigation import path_for
from clusterhub.notifications.services import notify, people_of
from clusterhub.stories.models import SuccessStory
from tenants.models import Membership


class StoryError(ValueError):
    """A story cannot be written or changed as asked; `reason` says why."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def published() -> Select:
    """The stories the whole cluster reads, most recently approved first."""
    return (
        select(SuccessStory)
        .where(SuccessStory.status == "published")
        .order_by(SuccessStory.decided_at.desc(), SuccessStory.id.desc())
    )


def unpublished_for(membership: Membership) -> list[SuccessStory]:
    """Unpublished stories this person may see: all for a manager, else their own and their company's."""
    statement = (
        select(SuccessStory)
        .where(SuccessStory.status != "published")
        .order_by(SuccessStory.created_at.desc(), SuccessStory.id.desc())
    )
    if not membership.is_manager:
        statement = statement.where(
            or_(
                SuccessStory.author_id == membership.user_id,
                SuccessStory.company_id == membership.company_id,
            )
        )
    return list(db.session.scalars(statement))


def may_read(story: SuccessStory, membership: Membership) -> bool:
    """Published stories are for every member; a draft only for its author, its company and the managers."""
    return story.status == "published" or may_edit(story, membership) or may_decide(story, membership)


def may_edit(story: SuccessStory, membership: Membership) -> bool:
    """The author and the managers may change a story (while it awaits approval)."""
    return membership.is_manager or story.author_id == membership.user_id


def may_decide(story: SuccessStory, membership: Membership) -> bool:
    """Only the people of the company the story is about approve or decline it."""
    return membership.company_id == story.company_id


def may_write_about(company: Company, membership: Membership) -> bool:
    """A member writes about their own company; a manager about any member company."""
    return membership.is_manager or membership.company_id == company.id


def draft(company: Company, author, title: str, body: str) -> SuccessStory:
    """Write a story about a member company and ask the company's people to approve it."""
    if not is_current_member(company.id):
        raise StoryError("not_member")
    story = SuccessStory(company=company, author=author, title=title.strip(), body=body)
    db.session.add(story)
    db.session.flush()
    readers = [person for person in people_of(company.id) if person.id != author.id]
    params = {"author": author.name, "company": company.name, "title": story.title}
    notify(readers, "story_approval", params, path_for("stories.detail", story_id=story.id))
    return story


def _awaiting(story: SuccessStory) -> None:
    if story.status != "awaiting_approval":
        raise StoryError("decided")


def update_story(story: SuccessStory, title: str, body: str) -> None:
    """Correct a story that still awaits approval."""
    _awaiting(story)
    story.title, story.body = title.strip(), body
    db.session.flush()


def decide(story: SuccessStory, person, approved: bool) -> None:
    """The company's answer: publish the story in the cluster, or keep it unpublished for good."""
    _awaiting(story)
    story.status = "published" if approved else "declined"
    story.decided_by_id, story.decided_at = person.id, utcnow()
    db.session.flush()
