"""The managers' brokering desk: every open need with its ranked candidates, and introductions."""

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user
from wtforms import TextAreaField
from wtforms.validators import DataRequired, Length

from clusterhub.companies.models import Company
from clusterhub.extensions import db
from clusterhub.forms import Form
from clusterhub.i18n import lazy_gettext as _l
from clusterhub.posts.models import Post
from search.matching import stored
from search.matching.services import introduce as introduce_companies
from search.matching.services import refusal_to_introduce
from tenants.access import load_or_404, manager_required
from tenants.blueprint import TenantBlueprint

bp = TenantBlueprint("brokering", __name__, "/manage/matches")

# Each need of a page with its best candidates.
CANDIDATES = 5
NOTE_LENGTH = 2000
REFUSALS = {
    "not_open": _l("This need is no longer open, so nobody is introduced for it."),
    "own_company": _l("A company cannot be introduced to its own need."),
    "in_contact": _l("These two companies are already in a conversation about this need."),
}


class IntroductionForm(Form):
    note = TextAreaField(
        _l("Your note to both companies"),
        description=_l("Why they should talk: both companies read it at the start of their conversation."),
        validators=[DataRequired(), Length(max=NOTE_LENGTH)],
    )


@bp.route("")
@manager_required
def index():
    page, needs = stored.desk(CANDIDATES)
    return render_template("brokering/index.html", page=page, needs=needs)


@bp.route("/posts/<int:post_id>/companies/<int:company_id>/introduce", methods=["GET", "POST"])
@manager_required
def introduce(post_id: int, company_id: int):
    need, company = load_or_404(Post, post_id), load_or_404(Company, company_id)
    if reason := refusal_to_introduce(need, company):
        flash(REFUSALS[reason], "info")
        return redirect(url_for("brokering.index"))
    form = IntroductionForm()
    if form.validate_on_submit():
        introduce_companies(need, company, current_user, form.note.data)
        db.session.commit()
        flash(
            _(
                "%(company)s and %(author)s are introduced: their conversation has begun.",
                company=company.name,
                author=need.company.name,
            ),
            "success",
        )
        return redirect(url_for("brokering.index"))
    return render_template("brokering/introduce.html", form=form, need=need, company=company)
