"""Recomputing many needs and companies at once stores the same suggestions as scoring them one by one."""

import pytest
from sqlalchemy import delete, select

from clusterhub.companies.directory import current_member_ids
from clusterhub.companies.models import Company
from clusterhub.extensions import db
from clusterhub.groups.services import groups_shared_with
from clusterhub.posts.models import Post
from search.documents import company_key, post_key
from search.matching import rules, stored
from search.matching.candidates import for_post, is_seeking, needs_found_for, ranked
from search.matching.scoring import offers_of, score
from search.models import MatchSuggestion
from tenants.models import Tenant
from tests.search.conftest import in_cluster


def _scored_against(company: Company, offers, need_ids) -> list:
    """How `company` answers each of these needs, every need read and scored on its own."""
    needs = db.session.scalars(select(Post).where(Post.id.in_(need_ids), Post.company_id != company.id))
    shared = groups_shared_with(company.id)
    return ranked(
        score(need, company, offers, shared={company.id: shared.get(need.company_id, [])})
        for need in needs
        if is_seeking(need)
    )


def _one_by_one(need_ids: set[int], company_ids: set[int]) -> None:
    """The stored suggestions written need by need, then company by company, as they were before batches."""
    for need_id in sorted(need_ids):
        db.session.execute(delete(MatchSuggestion).where(MatchSuggestion.need_id == need_id))
        need = db.session.get(Post, need_id)
        stored._stored(for_post(need, stored.STORED, dismissed=False))
    members = set(db.session.scalars(current_member_ids()))
    for company_id in sorted(company_ids & members):
        company = db.session.get(Company, company_id)
        answered = select(MatchSuggestion.need_id).where(MatchSuggestion.company_id == company_id)
        before = set(db.session.scalars(answered))
        offers = offers_of([company_id])[company_id]
        found = _scored_against(company, offers, before | set(needs_found_for(company, offers)))
        db.session.execute(delete(MatchSuggestion).where(MatchSuggestion.company_id == company_id))
        stored._stored(found)


def _rows() -> dict[tuple[int, int], tuple[int, dict]]:
    rows = db.session.scalars(select(MatchSuggestion))
    return {(row.need_id, row.company_id): (row.score, row.detail) for row in rows}


def _everything() -> tuple[set[int], set[int]]:
    """Every post that may get suggestions, every member company."""
    seeking = select(Post.id).where(Post.kind.in_(rules.SEEKING_KINDS), Post.status == "open")
    return set(db.session.scalars(seeking)), set(db.session.scalars(current_member_ids()))


BATCHED = {
    "changes": lambda needs, companies: stored.recompute(
        {post_key(i) for i in needs} | {company_key(i) for i in companies}
    ),
    "cluster": lambda needs, companies: stored.recompute_all(),
}


@pytest.mark.parametrize("batched", BATCHED)
def test_batches_store_what_one_by_one_scoring_stores_in_every_demo_cluster(app, demo, batched):
    with app.app_context():
        slugs = list(db.session.scalars(select(Tenant.slug)))
    compared = 0
    for slug in slugs:
        with in_cluster(app, slug):
            needs, companies = _everything()
            _one_by_one(needs, companies)
            expected = _rows()
            db.session.rollback()
            BATCHED[batched](needs, companies)
            assert _rows() == expected, slug
            compared += len(expected)
            db.session.rollback()
    assert compared > 20, "the demo should have suggestions to compare"
