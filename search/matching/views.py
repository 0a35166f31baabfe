"""Match suggestions for members: the /matches pages, the panels on post and profile pages, dismissing."""

from functools import cached_property
from typing import NamedTuple

from flask import abort, flash, g, redirect, render_template, request
from flask_babel import get_locale
from flask_babel import gettext as _
from markupsafe import Markup
from sqlalchemy.exc import IntegrityError

from clusterhub.clock import local_today
from clusterhub.companies.kept import kept_with_suggestions
from clusterhub.companies.models import Company
from clusterhub.extensions import db
from clusterhub.forms import ConfirmForm
from clusterhub.i18n import lazy_gettext as _l
from clusterhub.navigation import safe_next
from clusterhub.network.matching import from_other_clusters
from clusterhub.posts.models import Post
from search.matching import candidates, rules, stored, wording
from search.matching.scoring import Suggestion
from search.matching.services import dismiss, refusal_to_dismiss
from tenants.access import current_membership, load_or_404
from tenants.blueprint import TenantBlueprint

bp = TenantBlueprint("matches", __name__, "/matches")

# /matches stays short enough to read on a phone: the best partners, the newest needs with the best few
# companies each and a link to the need's page, whose panel shows more (IN_PANEL); all the needs are on
# /matches/needs, a page at a time.
PARTNERS_SHOWN = 10
NEEDS_SHOWN = 5
NEEDS_PER_PAGE = 10
PER_NEED = 2
# Panels on the post and profile pages stay short; the full list is on /matches.
IN_PANEL = 5
# The own profile is first of all the company's own: its best partners say what /matches holds.
ON_PROFILE = 3
# Companies of other clusters shown beside the cluster's own: the network's page shows more of them.
FROM_NETWORK = 3
# Reasons given per suggestion in the lists of /matches and the own profile: the strongest two say why, the
# score's parts sum up the rest, and the need's page (or the partner's profile) gives them all.
REASONS_IN_LISTS = 2
REFUSALS = {
    "no_company": _l(
        "Your account does not represent a member company in this cluster, so there are no suggestions "
        "for you. A cluster manager can link your account to a company."
    ),
    "own_company": _l("This is your own company."),
    "not_your_post": _l("Only the people of the company that wrote the post can dismiss its suggestions."),
}


class Lists:
    """The suggested partners and the suggestions for the company's needs that a page lists, read only when
    the page's HTML of them is not kept (`keep`).

    Ranking a company's stored suggestions and wording their reasons was half of /matches and of the own
    profile, for lists read far more often than what they show changes. `needs`: the company's needs whose
    suggestions are listed (none on the profile)."""

    def __init__(self, company: Company, partners_shown: int, needs: list[Post] | None = None):
        self.company = company
        self.partners_shown = partners_shown
        self.needs_shown = needs or []
        # Read for the key in any case: the lists leave out the companies dismissed.
        self.dismissed = candidates.dismissed_partners(company.id)

    @cached_property
    def partners(self) -> list[stored.Partner]:
        return stored.partners_for(self.company, self.partners_shown, stored.REASONS_SHOWN, self.dismissed)

    @cached_property
    def needs(self) -> list[tuple[Post, list[Suggestion]]]:
        return _with_suggestions(self.needs_shown, {self.company.id: self.dismissed})

    def keep(self, part: str, caller) -> Markup:
        """`{% call lists.keep(part) %}…{% endcall %}`: the part as rendered for this company, page and
        language, until the cluster's suggestions, posts or companies change, the company dismisses a
        partner or the day ends (a need's last day)."""
        tenant, language = g.tenant, get_locale().language
        what = (part, self.company.id, language, tenant.slug, request.script_root, request.full_path)
        dismissals = frozenset((post_id, frozenset(ids)) for post_id, ids in self.dismissed.items())
        return kept_with_suggestions(tenant.id, what, (local_today(), dismissals), caller)


class NeedPanel(NamedTuple):
    """Suggestions on a need's page: for its own company (`own`), or why the viewer's company fits it."""

    own: bool
    suggestions: list[Suggestion]


class CompanyPanel(NamedTuple):
    """Suggested partners on the viewer's own profile (`lists`, with those of other clusters in the
    network), or what connects the viewer to another company (`partners`)."""

    own: bool
    partners: list[stored.Partner]
    network: list[Suggestion] = []
    lists: Lists | None = None


def _need_panel(post: Post) -> NeedPanel | None:
    company = current_membership.company
    if company is None or not candidates.is_seeking(post):
        return None
    if post.company_id == company.id:
        return NeedPanel(True, stored.for_need(post, IN_PANEL))
    found = stored.fit(post, company)
    return NeedPanel(False, [found]) if found else None


def _company_panel(company: Company) -> CompanyPanel | None:
    mine = current_membership.company
    if mine is None:
        return None
    if mine.id != company.id:
        partner = stored.between(mine, company, stored.REASONS_SHOWN)
        return CompanyPanel(False, [partner] if partner else [])
    return CompanyPanel(True, [], from_other_clusters(g.tenant, mine, FROM_NETWORK), Lists(mine, ON_PROFILE))


@bp.app_context_processor
def match_panels():
    """`need_matches(post)` and `company_matches(company)` for matches/_for_need.html and _company.html,
    and what matches/_macros.html reads."""
    return {
        "need_matches": _need_panel,
        "company_matches": _company_panel,
        "match_weights": rules.WEIGHTS,
        "concept_label": wording.concept_label,
        "match_reasons": wording.reasons_list,
        "match_breakdown": wording.breakdown,
        "reasons_in_lists": REASONS_IN_LISTS,
    }


@bp.route("")
def index():
    company = current_membership.company
    if company is None:
        return render_template("matches/index.html", company=None, no_company=REFUSALS["no_company"])
    needs = candidates.open_needs(company.id)
    return render_template(
        "matches/index.html",
        company=company,
        lists=Lists(company, PARTNERS_SHOWN, needs[:NEEDS_SHOWN]),
        more_needs=len(needs) > NEEDS_SHOWN,
        per_need=PER_NEED,
        network=from_other_clusters(g.tenant, company, FROM_NETWORK, needs),
    )


@bp.route("/needs")
def needs():
    company = current_membership.company
    if company is None:
        return render_template("matches/needs.html", company=None, no_company=REFUSALS["no_company"])
    page = candidates.open_needs_page(company.id, NEEDS_PER_PAGE)
    return render_template(
        "matches/needs.html",
        company=company,
        page=page,
        needs=_with_suggestions(page.items),
        per_need=PER_NEED,
    )


def _with_suggestions(
    needs: list[Post], dismissed: dict | None = None
) -> list[tuple[Post, list[Suggestion]]]:
    # One more than shown per need tells whether its page has more.
    return list(stored.for_needs(needs, PER_NEED + 1, dismissed).items())


def _dismiss(partner_id: int, post: Post | None = None):
    """Ask, then stop suggesting a company (for one post, or at all); back to where the visitor came from."""
    partner = load_or_404(Company, partner_id)
    company = current_membership.company
    reason = refusal_to_dismiss(company, partner, post)
    if reason == "not_your_post":
        abort(403, REFUSALS[reason])
    if reason:
        flash(REFUSALS[reason], "info")
        return redirect(safe_next("matches.index"))
    form = ConfirmForm()
    if form.validate_on_submit():
        try:
            dismiss(company, partner, post)
            db.session.commit()
        except IntegrityError:
            db.session.rollback()  # the same dismissal sent twice at once: the first one counts
        if post is None:
            flash(_("%(company)s will not be suggested again.", company=partner.name), "success")
        else:
            flash(
                _(
                    "%(company)s will not be suggested again for “%(title)s”.",
                    company=partner.name,
                    title=post.title,
                ),
                "success",
            )
        return redirect(safe_next("matches.index"))
    return render_template(
        "matches/dismiss.html", form=form, partner=partner, post=post, back=safe_next("matches.index")
    )


@bp.route("/companies/<int:company_id>/dismiss", methods=["GET", "POST"])
def dismiss_partner(company_id: int):
    return _dismiss(company_id)


@bp.route("/posts/<int:post_id>/companies/<int:company_id>/dismiss", methods=["GET", "POST"])
def dismiss_for_post(post_id: int, company_id: int):
    return _dismiss(company_id, load_or_404(Post, post_id))
