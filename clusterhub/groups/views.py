"""Interest and working groups: members join or leave, managers start, edit, archive and reopen them."""

from typing import NamedTuple

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy.exc import IntegrityError

from clusterhub.extensions import db
from clusterhub.forms import ConfirmForm
from clusterhub.groups.forms import GroupForm
from clusterhub.groups.models import Group
from clusterhub.groups.services import (
    GroupError,
    create_group,
    groups_of,
    groups_with_counts,
    join,
    leave,
    members_of,
    membership_of,
    news_to,
    posts_to,
    set_archived,
    update_group,
)
from clusterhub.i18n import lazy_gettext as _l
from clusterhub.navigation import paginate
from tenants.access import load_or_404, manager_required
from tenants.blueprint import TenantBlueprint

bp = TenantBlueprint("groups", __name__)

NAME_TAKEN = _l("This cluster has a group of this name already.")


class Switch(NamedTuple):
    archived: bool
    template: str
    done: str


SWITCHES = {
    "archive": Switch(True, "groups/archive.html", _l("The group “%(name)s” is archived.")),
    "reopen": Switch(False, "groups/reopen.html", _l("The group “%(name)s” is open again.")),
}


@bp.route("/groups")
def index():
    mine = {group.id for group in groups_of(current_user.id)}
    return render_template("groups/index.html", groups=groups_with_counts(), mine=mine, form=ConfirmForm())


@bp.route("/groups/<int:group_id>")
def detail(group_id: int):
    group = load_or_404(Group, group_id)
    return render_template(
        "groups/detail.html",
        group=group,
        joined=membership_of(group, current_user.id) is not None,
        members=members_of(group),
        posts=paginate(posts_to(group)),
        news=news_to(group),
        form=ConfirmForm(),
    )


@bp.route("/groups/<int:group_id>/join", methods=["POST"])
def join_group(group_id: int):
    group = load_or_404(Group, group_id)
    if ConfirmForm().validate_on_submit():
        try:
            join(group, current_user._get_current_object())
            db.session.commit()
        except GroupError:
            flash(_("This group is archived and takes no new members."), "info")
        except IntegrityError:
            db.session.rollback()  # joined twice at once (a double click): once is enough
        else:
            flash(_("You joined the group “%(name)s”.", name=group.name), "success")
    return redirect(url_for(".detail", group_id=group.id))


@bp.route("/groups/<int:group_id>/leave", methods=["POST"])
def leave_group(group_id: int):
    group = load_or_404(Group, group_id)
    if ConfirmForm().validate_on_submit():
        leave(group, current_user._get_current_object())
        db.session.commit()
        flash(_("You left the group “%(name)s”.", name=group.name), "info")
    return redirect(url_for(".detail", group_id=group.id))


@bp.route("/manage/groups")
@manager_required
def manage():
    return render_template("groups/manage.html", groups=groups_with_counts())


@bp.route("/manage/groups/new", methods=["GET", "POST"])
@manager_required
def new():
    form = GroupForm()
    if form.validate_on_submit():
        try:
            group = create_group(form.name.data, form.description.data or "")
            db.session.commit()
        except (GroupError, IntegrityError):
            db.session.rollback()
            form.name.errors.append(NAME_TAKEN)
        else:
            flash(_("The group “%(name)s” is open for members.", name=group.name), "success")
            return redirect(url_for(".detail", group_id=group.id))
    return render_template("groups/new.html", form=form)


@bp.route("/manage/groups/<int:group_id>/edit", methods=["GET", "POST"])
@manager_required
def edit(group_id: int):
    group = load_or_404(Group, group_id)
    form = GroupForm(obj=group)
    if form.validate_on_submit():
        try:
            update_group(group, form.name.data, form.description.data or "")
            db.session.commit()
        except (GroupError, IntegrityError):
            db.session.rollback()
            form.name.errors.append(NAME_TAKEN)
        else:
            flash(_("The group was saved."), "success")
            return redirect(url_for(".detail", group_id=group.id))
    return render_template("groups/edit.html", form=form, group=group)


def _switch(group_id: int, action: str):
    """Ask, then archive a group or open it again."""
    group = load_or_404(Group, group_id)
    switch = SWITCHES[action]
    form = ConfirmForm()
    if form.validate_on_submit():
        set_archived(group, switch.archived)
        db.session.commit()
        flash(switch.done % {"name": group.name}, "success")
        return redirect(url_for(".detail", group_id=group.id))
    return render_template(switch.template, form=form, group=group)


@bp.route("/manage/groups/<int:group_id>/archive", methods=["GET", "POST"])
@manager_required
def archive(group_id: int):
    return _switch(group_id, "archive")


@bp.route("/manage/groups/<int:group_id>/reopen", methods=["GET", "POST"])
@manager_required
def reopen(group_id: int):
    return _switch(group_id, "reopen")
