"""Every route, four visitors: nothing of one cluster ever reaches another, members stay out of manager pages.

The routes come from the app's URL map, so a new route cannot be forgotten: a route with an
argument this test does not know how to fill fails until it is added to ARGUMENTS in tests/routes.py.
"""

import pytest

from tests.conftest import World
from tests.routes import all_routes, route_path, visitor_as

PERSONAS = ("anonymous", "member_a", "manager_a", "member_b")


# Where a rule of the feature itself refuses cluster A's own people (e.g. rating one's own company),
# name the endpoint, the persona and the status here, with the reason in a comment.
OVERRIDES: dict[tuple[str, str], set[int]] = {
    # member@alfa.lv represents company_a: a company cannot rate itself.
    ("ratings.rate_company", "member_a"): {403},
    # manager@alfa.lv's company wrote rating_a: only the rated company replies, and the author edits
    # its rating rather than reporting it.
    ("ratings.reply_to_rating", "manager_a"): {403},
    ("ratings.flag_rating", "manager_a"): {403},
    # notification_a is member@alfa.lv's: another person's notification is not found, managers' included.
    ("notifications.follow", "manager_a"): {404},
    # companies: company_a has no logo, so its logo image is not found, for its own people too.
    ("companies.logo_image", "member_a"): {404},
    ("companies.logo_image", "manager_a"): {404},
    # matches: post_a is company_a's need; only its own people dismiss suggestions for it.
    ("matches.dismiss_for_post", "manager_a"): {403},
    # members: only a company's own representatives take it out of the cluster (manager@alfa.lv represents
    # Ābele, not company_a); managers move a member to the former members on its own page instead.
    ("members.leave", "manager_a"): {403},
    # companies: only company_a's own people answer other clusters' requests to admit it.
    ("companies.admissions", "manager_a"): {403},
    ("companies.representation", "manager_a"): {403},
    # network: only company_a's own people choose whether other clusters find it, managers not.
    ("network.company_choice", "manager_a"): {403},
    # network: company_a is a member of cluster A itself; one talks only with other clusters' companies.
    ("network.conversation", "member_a"): {404},
    ("network.conversation", "manager_a"): {404},
    # catalogue: use_a is company_a's, so only its people give feedback on it; the world's current quarter
    # is not published (the manager's walk visits the report before it publishes), so members find no report.
    ("catalogue.feedback", "manager_a"): {403},
    ("catalogue.report", "member_a"): {404},
    ("catalogue.report", "manager_a"): {404},
    # stories: story_a is about company_a and written by manager@alfa.lv; only its author and the managers
    # edit it, and only company_a's people (member@alfa.lv) approve or decline it.
    ("stories.edit", "member_a"): {403},
    ("stories.approve", "manager_a"): {403},
    ("stories.decline", "manager_a"): {403},
    # conferences: manager@alfa.lv's company only asked to go (request_a); only nominated or registered
    # companies' people register.
    ("conferences.register", "manager_a"): {403},
    # visits and missions: only a cluster's managers host one; the two members manage no cluster.
    ("conferences.new_visit", "member_a"): {403},
    ("conferences.new_visit", "member_b"): {403},
}


# Public pages, open without signing in. /join/alfa is cluster A's admission page: whoever reads it sees
# cluster A's name and vision there, and nothing else of cluster A. The list of clusters that take
# applications names every one of them on purpose.
PUBLIC_PAGES_OF_A = {"admission.join", "admission.thanks"}
PUBLIC_OF_A = (f"Alfa {World.CANARY_A} klasteris", f"{World.CANARY_A} vīzija")
PUBLIC_LISTS = {"admission.clusters"}

# Conference pages (/events/…) show each registered participant's company name, cluster and sectors to
# the other participants, whatever their cluster: that is what consenting at registration means. Nothing
# else of the other cluster may show there (its people, descriptions, contacts, posts).
SHOWN_TO_PARTICIPANTS = {
    World.CANARY_A: (
        f"SIA {World.CANARY_A} Čiekurs",
        f"{World.CANARY_A} nozare",
        f"Alfa {World.CANARY_A} klasteris",
    ),
    World.CANARY_B: (
        f"SIA {World.CANARY_B} Dārzs",
        f"{World.CANARY_B} nozare",
        f"Beta {World.CANARY_B} klasteris",
    ),
}
# A person's own data download holds their notifications, conference meeting ones included: those name the
# other participant's company as the conference pages do.
OWN_DATA = {"privacy.account_data", "privacy.account_data_json"}


def _expected_in_cluster(persona: str, endpoint: str, view) -> set[int]:
    if (endpoint, persona) in OVERRIDES:
        return OVERRIDES[(endpoint, persona)]
    if persona == "anonymous":
        return {302}
    if persona == "member_b":
        return {404}
    if persona == "member_a" and getattr(view, "access", None) == "manager":
        return {403}
    return {200, 302}


def _expected_at_conference(persona: str, endpoint: str, view) -> set[int]:
    # member@alfa.lv and member@beta.lv are registered participants; manager@alfa.lv's company only asked
    # to go, and nobody of the four organises the conference.
    if (endpoint, persona) in OVERRIDES:
        return OVERRIDES[(endpoint, persona)]
    if persona == "anonymous":
        return {302}
    access = getattr(view, "access", None)
    if access == "organiser" or (access and access.startswith("participant") and persona == "manager_a"):
        return {403}
    return {200, 302}


@pytest.mark.parametrize("persona", PERSONAS)
def test_no_route_leaks_across_clusters(app, world, make_visitor, persona):
    visitor = visitor_as(persona, make_visitor)
    foreign = World.CANARY_A if persona == "member_b" else World.CANARY_B
    for rule, method in all_routes(app):
        path = route_path(rule, world)
        response = visitor.get(path) if method == "GET" else visitor.post(path)
        body = visitor.last_page
        where = f"{persona} {method} {path}"
        assert response.status_code != 500, where
        if rule.endpoint in PUBLIC_PAGES_OF_A:
            for text in PUBLIC_OF_A:
                body = body.replace(text, "")
        if rule.rule.startswith("/events") or rule.endpoint in OWN_DATA:
            for text in SHOWN_TO_PARTICIPANTS[foreign]:
                body = body.replace(text, "")
        if rule.endpoint not in PUBLIC_LISTS:
            assert foreign not in body, f"{where} shows another cluster's data"
        if rule.rule.startswith("/c/<tenant_slug>"):
            assert response.status_code in _expected_in_cluster(
                persona, rule.endpoint, app.view_functions[rule.endpoint]
            ), where
            if persona == "anonymous":
                assert "/login?next=" in response.headers["Location"], where
        if rule.rule.startswith("/admin"):
            # The platform administrators' pages (the clusters, the audit log): none of the four is one.
            assert response.status_code == (302 if persona == "anonymous" else 403), where
        if rule.rule.startswith("/events"):
            assert response.status_code in _expected_at_conference(
                persona, rule.endpoint, app.view_functions[rule.endpoint]
            ), where
