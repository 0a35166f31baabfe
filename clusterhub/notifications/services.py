"""Telling people what happened: in the app at once, and by e-mail once the action is committed.

Services call `notify`; the e-mails follow by themselves after the request's transaction commits and
are dropped with a rollback (session events collect the ids, `mail_committed` sends after the view).
"""

import logging
from datetime import datetime

from flask import current_app, g, has_request_context, request
from flask_babel import force_locale
from sqlalchemy import Select, event, func, select

from clusterhub.accounts.models import User
from clusterhub.clock import utcnow, zone
from clusterhub.dates import date_and_time
from clusterhub.extensions import db
from clusterhub.i18n import lazy_gettext as _l
from clusterhub.mail import send_mail
from clusterhub.notifications.models import Notification
from tenants.context import cross_tenant
from tenants.models import Membership

MESSAGES = {
    "response": _l("%(company)s answered your post “%(title)s”."),
    "message": _l("%(company)s wrote to you: “%(subject)s”."),
    "collaboration": _l("%(company)s recorded that you started working together: “%(subject)s”."),
    "rating": _l("%(company)s rated your company."),
    "rating_reply": _l("%(company)s replied to the rating you gave."),
    "rating_flagged": _l("A rating of %(company)s was reported and waits for your decision."),
    "match": _l("%(company)s may answer your need “%(title)s” (match %(score)s of 100)."),
    "introduction": _l("The cluster management introduced you to %(company)s about “%(title)s”."),
    "member_left": _l("%(company)s left the cluster."),
    "application": _l("%(company)s applied to join the cluster."),
    "admission_request": _l(
        "The cluster “%(cluster)s” asks your company to become its member. Accept or refuse on the "
        "request page."
    ),
    "representation_request": _l(
        "%(person)s applied to join the cluster as a representative of your company. Accept or refuse on "
        "the request page."
    ),
    "representation_accepted": _l(
        "%(company)s agreed that %(person)s represents it; the invitation was sent."
    ),
    "representation_refused": _l("%(company)s refused to let %(person)s represent it."),
    "admission_accepted": _l("%(company)s accepted your cluster's request and is now a member."),
    "admission_refused": _l("%(company)s refused your cluster's request to become a member."),
    "story_approval": _l(
        "%(author)s wrote a success story about %(company)s, “%(title)s”; it is published once your "
        "company approves it."
    ),
    "feedback_request": _l("Your company used “%(service)s”. How was it? Tell the cluster management."),
    "conference_invitation": _l(
        "Your cluster is invited to “%(event)s”: nominate up to %(quota)s member companies by %(deadline)s."
    ),
    "conference_request": _l("%(company)s asks to go to “%(event)s”."),
    "conference_nominated": _l("Your company is nominated for “%(event)s”: register by %(deadline)s."),
    "visit_application": _l("%(company)s of %(cluster)s applies to meet the delegation of “%(event)s”."),
    "visit_picked": _l(
        "The host picked your company to meet the delegation of “%(event)s”: register by %(deadline)s."
    ),
    "visit_not_picked": _l(
        "The host did not pick your company for “%(event)s” this time; your cluster's place is free again."
    ),
    "visit_changed": _l("The host changed “%(event)s”: read who comes, what they seek and when."),
    "meeting_requested": _l("%(company)s asks to meet you at “%(event)s” on %(when)s."),
    "meeting_proposed": _l("%(company)s proposes to meet at “%(event)s” on %(when)s instead."),
    "meeting_accepted": _l(
        "Meeting with %(company)s at “%(event)s” on %(when)s, table %(table)s, is agreed."
    ),
    "meeting_declined": _l("%(company)s declined the meeting at “%(event)s” on %(when)s."),
    "meeting_cancelled": _l("The meeting with %(company)s at “%(event)s” on %(when)s is cancelled."),
    # The acting side's own record of a request, a proposal or a refusal it sent.
    "meeting_request_sent": _l("You asked %(company)s to meet at “%(event)s” on %(when)s."),
    "meeting_proposal_sent": _l("You proposed to %(company)s to meet at “%(event)s” on %(when)s instead."),
    "meeting_decline_sent": _l("You declined the meeting with %(company)s at “%(event)s” on %(when)s."),
    "network_request": _l(
        "%(company)s of another cluster found your company in the network of clusters and wrote to you. "
        "Answer in the conversation to see each other's contacts."
    ),
    "network_answer": _l("%(company)s answered your message: you now see each other's contact people."),
    "network_message": _l("%(company)s of another cluster wrote to you in the network of clusters."),
}
# Each kind's e-mail subject: what happened, before the mail is opened.
SUBJECTS = {
    "response": _l("Answer to your post “%(title)s” from %(company)s"),
    "message": _l("New message from %(company)s"),
    "collaboration": _l("%(company)s recorded that you work together"),
    "rating": _l("%(company)s rated your company"),
    "rating_reply": _l("%(company)s replied to your rating"),
    "rating_flagged": _l("A rating of %(company)s was reported"),
    "match": _l("New match for your need “%(title)s”: %(company)s"),
    "introduction": _l("The cluster management introduces you to %(company)s"),
    "member_left": _l("%(company)s left the cluster"),
    "application": _l("New application to join: %(company)s"),
    "story_approval": _l("A success story about %(company)s waits for your approval"),
    "feedback_request": _l("How was “%(service)s”?"),
    "conference_invitation": _l("Your cluster is invited to “%(event)s”"),
    "conference_request": _l("%(company)s asks to go to “%(event)s”"),
    "conference_nominated": _l("Your company is nominated for “%(event)s”"),
    "visit_application": _l("%(company)s applies for “%(event)s”"),
    "visit_picked": _l("Your company is picked for “%(event)s”"),
    "visit_not_picked": _l("Your company was not picked for “%(event)s”"),
    "visit_changed": _l("“%(event)s” has changed"),
    "meeting_requested": _l("Meeting request from %(company)s"),
    "meeting_proposed": _l("%(company)s proposes another meeting time"),
    "meeting_accepted": _l("Meeting with %(company)s agreed"),
    "meeting_declined": _l("%(company)s declined the meeting"),
    "meeting_cancelled": _l("Meeting with %(company)s cancelled"),
    "meeting_request_sent": _l("Your meeting request to %(company)s"),
    "meeting_proposal_sent": _l("Your proposal of another time to %(company)s"),
    "meeting_decline_sent": _l("You declined the meeting with %(company)s"),
    "representation_request": _l("%(person)s asks to represent your company"),
    "representation_accepted": _l("%(company)s agreed that %(person)s represents it"),
    "representation_refused": _l("%(company)s refused to let %(person)s represent it"),
    "admission_request": _l("The cluster “%(cluster)s” invites your company to become a member"),
    "admission_accepted": _l("%(company)s accepted your cluster's request"),
    "admission_refused": _l("%(company)s refused your cluster's request"),
    "network_request": _l("%(company)s of another cluster would like to get in touch"),
    "network_answer": _l("%(company)s answered: you can now get in touch"),
    "network_message": _l("New message from %(company)s in the network of clusters"),
}
log = logging.getLogger(__name__)


# The parameters that hold a moment: kept as the UTC moment, written out in each reader's own language.
MOMENTS = ("when", "deadline")


def moment_param(moment: datetime) -> str:
    """A time as a notification keeps it."""
    return moment.isoformat()


def _moment(text: str) -> datetime:
    moment = datetime.fromisoformat(text)
    # Notifications written before moments were kept in UTC hold Rīga's wall clock without a zone.
    return moment if moment.tzinfo else moment.replace(tzinfo=zone())


def _readable(params: dict) -> dict:
    return {
        name: date_and_time(_moment(value)) if name in MOMENTS else value for name, value in params.items()
    }


def text_of(notification: Notification) -> str:
    """The notification as a sentence in the current language."""
    return str(MESSAGES[notification.kind]) % _readable(notification.params)


def subject_of(notification: Notification) -> str:
    """The notification's e-mail subject in the current language."""
    return str(SUBJECTS[notification.kind]) % _readable(notification.params)


def people_of(company_id: int) -> list[User]:
    """The people who represent a company in the current cluster."""
    return list(db.session.scalars(select(User).join(Membership).where(Membership.company_id == company_id)))


def managers() -> list[User]:
    """The current cluster's managers."""
    return list(db.session.scalars(select(User).join(Membership).where(Membership.role == "manager")))


def notify(
    users, kind: str, params: dict, link: str, mailed=lambda user: True, tenant_id: int | None = None
) -> list[Notification]:
    """Leave a notification for each of `users`; e-mailed too (to those `mailed` accepts) after the commit.

    It lands in the current cluster, or in `tenant_id`'s when the work spans clusters (conferences).
    """
    notifications = [
        Notification(user=user, kind=kind, params=params, link=link, tenant_id=tenant_id) for user in users
    ]
    db.session.add_all(notifications)
    db.session.flush()
    g.setdefault("unmailed_notifications", []).extend(n.id for n in notifications if mailed(n.user))
    return notifications


def _committed(session) -> None:
    # No SQL here: only move the ids along; they are read and mailed after the view has finished.
    g.setdefault("notifications_to_mail", []).extend(g.pop("unmailed_notifications", []))


def _rolled_back(session) -> None:
    g.pop("unmailed_notifications", None)


def install(session_class) -> None:
    """Follow commits and rollbacks of every session the app makes (once per process)."""
    for name, listener in (("after_commit", _committed), ("after_rollback", _rolled_back)):
        if not event.contains(session_class, name, listener):
            event.listen(session_class, name, listener)


def mail_committed(response):
    """After a request: e-mail the notifications its committed actions created."""
    ids = g.pop("notifications_to_mail", [])
    if ids:
        # This request's own committed notifications, of whichever clusters its actions touched: a view
        # outside any cluster (deleting a company tells each cluster's managers) must reach them too.
        with cross_tenant():
            mail_safely(db.session.scalars(select(Notification).where(Notification.id.in_(ids))))
    return response


def mail_safely(notifications) -> None:
    """E-mail committed notifications; a mail failure is logged, the notifications stay in the app."""
    try:
        mail(notifications)
    except OSError:
        log.exception("could not send notification e-mails")


def _site_url() -> str:
    # Work after a command (an import, say) has no request to take the address from.
    return request.host_url if has_request_context() else current_app.config["SITE_URL"]


def mail(notifications) -> None:
    """E-mail each notification to its reader, in the reader's language."""
    for notification in notifications:
        user = notification.user
        with force_locale(user.language):
            subject, sentence = subject_of(notification), text_of(notification)
        send_mail(
            user.email,
            user.language,
            "notification",
            subject=subject,
            text=sentence,
            link=_site_url().rstrip("/") + notification.link,
        )


def notifications_of(user: User) -> Select:
    """A person's notifications in the current cluster, newest first."""
    return (
        select(Notification)
        .where(Notification.user_id == user.id)
        .order_by(Notification.created_at.desc(), Notification.id.desc())
    )


def unread_by_cluster(user: User) -> dict[int, int]:
    """Unread notifications per cluster of a person's own memberships, for the cluster switcher."""
    with cross_tenant():
        rows = db.session.execute(
            select(Notification.tenant_id, func.count(Notification.id))
            .join(
                Membership,
                (Membership.tenant_id == Notification.tenant_id) & (Membership.user_id == user.id),
            )
            .where(Notification.user_id == user.id, Notification.read_at.is_(None))
            .group_by(Notification.tenant_id)
        )
        return dict(rows.all())


def mark_read(notification: Notification) -> None:
    """The reader has seen it; the first time counts."""
    notification.read_at = notification.read_at or utcnow()


def mark_all_read(user: User) -> None:
    """Every unread notification of a person in the current cluster is read now."""
    for notification in db.session.scalars(notifications_of(user).where(Notification.read_at.is_(None))):
        mark_read(notification)
    db.session.flush()
