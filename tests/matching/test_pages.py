"""Match suggestions as members meet them: on a need's page, at /matches, on profiles, in notifications."""

import re
from pathlib import Path

import pytest
from sqlalchemy import select

from clusterhub.companies.models import Company
from clusterhub.extensions import db
from clusterhub.notifications.models import Notification
from clusterhub.posts.models import Post, Thread
from search.matching import candidates, rules
from tests.conftest import World
from tests.factories import make_post, make_profile, make_tenant, make_user
from tests.mailbox import plain_text
from tests.search.conftest import in_cluster
from tests.search.test_page import _damage as damage
from tests.search.test_page import in_new_worker

CLUSTER = "rada"
AUTHOR = "anna@kokapstrade.lv"
WORKSHOP = "SIA Kokapstrāde"
ANIMATOR = "janis@kadrufabrika.lv"
STUDIO = "SIA Kadru Fabrika"
ILLUSTRATOR = "zane@zimuli.lv"
DRAWINGS = "SIA Zīmuļu Darbnīca"
TITLE = "Meklējam 3D animācijas partneri"
CHECKED = r'<input[^>]*\bchecked\b[^>]*id="match_emails"'
STUDIO_PROFILE = {
    "roles": ["distributor"],
    "region": "vidzeme",
    "competences": ["3D animācija", "Renderēšana"],
    "description": "Animācijas studija Valmierā.",
}


def build_need(app) -> int:
    """A furniture maker (a producer in Vidzeme) needs 3D animation; two studios could answer; its id."""
    make_tenant(app, CLUSTER, "Radošo industriju klasteris")
    make_user(app, AUTHOR, "Anna Liepa", CLUSTER, "member", WORKSHOP)
    make_user(app, ANIMATOR, "Jānis Ozols", CLUSTER, "member", STUDIO)
    make_user(app, ILLUSTRATOR, "Zane Zīle", CLUSTER, "member", DRAWINGS)
    make_profile(
        app, CLUSTER, WORKSHOP, roles=["producer"], region="vidzeme", competences=["Mēbeļu ražošana"]
    )
    post_id = make_post(
        app,
        CLUSTER,
        WORKSHOP,
        AUTHOR,
        TITLE,
        category="research",
        body="Vajag 3D animāciju mūsu izstādes stendam.",
        tags=["3D animācija"],
    )
    make_profile(app, CLUSTER, STUDIO, **STUDIO_PROFILE)
    make_profile(
        app,
        CLUSTER,
        DRAWINGS,
        roles=["producer"],
        region="riga",
        competences=["2D animācija", "Ilustrācija"],
        description="Zīmētā animācija bērnu seriāliem, dažreiz arī 3D animācija.",
    )
    return post_id


@pytest.fixture
def need(app) -> int:
    return build_need(app)


def visitor_of(make_visitor, email: str):
    visitor = make_visitor()
    visitor.login(email)
    return visitor


def suggestions(app, post_id: int) -> dict[str, int]:
    """Who the matcher suggests for the need, with the score, as the pages should show it."""
    with in_cluster(app, CLUSTER):
        return {s.company.name: s.score for s in candidates.for_post(db.session.get(Post, post_id))}


def company_id(app, name: str) -> int:
    with in_cluster(app, CLUSTER):
        return db.session.scalar(select(Company.id).where(Company.name == name))


def match_notifications(app, email: str) -> list[str]:
    with in_cluster(app, CLUSTER):
        found = db.session.scalars(
            select(Notification).where(Notification.kind == "match").order_by(Notification.id)
        )
        return [n.params["company"] for n in found if n.user.email == email]


def mails_about_matches(visitor, email: str) -> list:
    return [m for m in visitor.mails() if m["To"] == email and "may answer your need" in plain_text(m)]


def test_the_author_sees_the_answering_company_with_its_reasons_and_score_on_the_need_page(
    app, need, make_visitor
):
    scores = suggestions(app, need)
    page = visitor_of(make_visitor, AUTHOR).get(f"/c/{CLUSTER}/posts/{need}").get_data(as_text=True)
    assert "Companies that may answer this need" in page
    assert STUDIO in page
    assert f"{scores[STUDIO]} / 100" in page
    assert re.search(
        r"words \d+ of 70,\s+value-chain role 15 of 15,\s+region 10 of 10,\s+interest group 0 of 5", page
    )
    assert "Their competence “3D animācija” ↔" in page
    assert "your words “3D animācijas” (concept: 3D animation)" in page
    assert "Their role: Distributor; yours: Producer — complementary in the value chain." in page
    assert "Same region: Vidzeme." in page
    # The best match comes first.
    assert page.index(STUDIO) < page.index(DRAWINGS)


def test_matches_page_shows_the_partner_and_each_need_with_its_suggestions(app, need, make_visitor):
    scores = suggestions(app, need)
    page = visitor_of(make_visitor, AUTHOR).get(f"/c/{CLUSTER}/matches").get_data(as_text=True)
    partners, by_need = page.split("Suggestions for your open needs")
    assert STUDIO in partners and f"{scores[STUDIO]} / 100" in partners
    assert "Their competence “3D animācija” ↔" in partners
    assert TITLE in by_need and STUDIO in by_need
    assert f"/c/{CLUSTER}/companies/{company_id(app, STUDIO)}/contact?subject=" in page


def test_a_partner_connected_by_many_needs_shows_the_best_two_and_counts_the_rest(app, need, make_visitor):
    for title in ("3D animācija reklāmai", "3D animācija mājaslapai"):
        make_post(app, CLUSTER, WORKSHOP, AUTHOR, title, category="research", tags=["3D animācija"])
    page = visitor_of(make_visitor, AUTHOR).get(f"/c/{CLUSTER}/matches").get_data(as_text=True)
    partners = page.split("Suggestions for your open needs")[0]
    studio_card = partners[partners.index(STUDIO) :].split('<li class="card match">')[0]
    assert studio_card.count("Match score:") == 2
    assert "1 more need connects you." in studio_card


def _card_of(page: str, company: str) -> str:
    return page[page.index(company) :].split('<li class="card match">')[0]


def test_matches_gives_each_need_its_best_two_companies_and_the_need_page_gives_more(app, need, make_visitor):
    make_user(app, "peteris@render.lv", "Pēteris Kalns", CLUSTER, "member", "SIA Renderu Nams")
    make_profile(app, CLUSTER, "SIA Renderu Nams", **STUDIO_PROFILE)
    author = visitor_of(make_visitor, AUTHOR)
    by_need = (
        author.get(f"/c/{CLUSTER}/matches").get_data(as_text=True).split("Suggestions for your open needs")[1]
    )
    assert by_need.count('<li class="card match">') == 2
    assert f'href="/c/{CLUSTER}/posts/{need}#need-matches">More companies for “{TITLE}”</a>' in by_need
    need_page = author.get(f"/c/{CLUSTER}/posts/{need}").get_data(as_text=True)
    assert all(name in need_page for name in (STUDIO, "SIA Renderu Nams", DRAWINGS))


def test_lists_give_a_suggestion_its_two_strongest_reasons_and_count_the_rest(app, need, make_visitor):
    page = visitor_of(make_visitor, AUTHOR).get(f"/c/{CLUSTER}/matches").get_data(as_text=True)
    studio = _card_of(page.split("Suggestions for your open needs")[1], STUDIO)
    assert "Their competence “3D animācija” ↔" in studio
    assert "Same region: Vidzeme." not in studio
    assert re.search(r"and \d+ more reasons?", studio)


def test_matches_shows_the_newest_needs_and_the_needs_page_all_of_them_a_page_at_a_time(
    app, need, make_visitor
):
    titles = [f"3D animācija projektam {n}" for n in range(1, 11)]
    for title in titles:
        make_post(app, CLUSTER, WORKSHOP, AUTHOR, title, category="research", tags=["3D animācija"])
    headings = [f">{title}</a></h" for title in [*reversed(titles), TITLE]]
    author = visitor_of(make_visitor, AUTHOR)

    by_need = (
        author.get(f"/c/{CLUSTER}/matches").get_data(as_text=True).split("Suggestions for your open needs")[1]
    )
    assert [heading in by_need for heading in headings] == [True] * 5 + [False] * 6
    assert f'href="/c/{CLUSTER}/matches/needs">Suggestions for all your open needs</a>' in by_need
    first = author.get(f"/c/{CLUSTER}/matches/needs").get_data(as_text=True)
    assert "11 open needs and partnership interests, the newest first." in first and "Page 1 of 2" in first
    assert [heading in first for heading in headings] == [True] * 10 + [False]
    second = author.get(f"/c/{CLUSTER}/matches/needs?page=2").get_data(as_text=True)
    assert [heading in second for heading in headings] == [False] * 10 + [True]
    assert STUDIO in second and "More companies for" not in second


def test_a_dismissed_company_is_not_suggested_again_even_after_its_profile_changes(app, need, make_visitor):
    author = visitor_of(make_visitor, AUTHOR)
    dismiss = f"/c/{CLUSTER}/matches/companies/{company_id(app, STUDIO)}/dismiss?next=/c/{CLUSTER}/matches"
    question = author.get(dismiss).get_data(as_text=True)
    assert f"Stop suggesting {STUDIO} to your company?" in question
    assert STUDIO in author.get(f"/c/{CLUSTER}/matches").get_data(as_text=True)  # asking changed nothing

    response = author.submit(dismiss, follow_redirects=True)
    page = response.get_data(as_text=True)
    assert response.request.path == f"/c/{CLUSTER}/matches"
    assert f"{STUDIO} will not be suggested again." in page
    assert f">{STUDIO}<" not in page.split("will not be suggested again")[1]
    assert DRAWINGS in page

    make_profile(
        app, CLUSTER, STUDIO, competences=["3D animācija", "3D animācijas partneris", "Izstāžu stendi"]
    )
    assert STUDIO not in suggestions(app, need)
    assert f">{STUDIO}<" not in author.get(f"/c/{CLUSTER}/posts/{need}").get_data(as_text=True)
    assert f">{STUDIO}<" not in author.get(f"/c/{CLUSTER}/matches").get_data(as_text=True)


def test_dismissing_on_the_need_page_hides_the_company_for_that_need_and_returns_there(
    app, need, make_visitor
):
    author = visitor_of(make_visitor, AUTHOR)
    post_page = f"/c/{CLUSTER}/posts/{need}"
    dismiss = (
        f"/c/{CLUSTER}/matches/posts/{need}/companies/{company_id(app, DRAWINGS)}/dismiss?next={post_page}"
    )
    assert f'href="{dismiss}"' in author.get(post_page).get_data(as_text=True)
    assert f"for your need “{TITLE}”?" in author.get(dismiss).get_data(as_text=True)
    response = author.post(dismiss, follow_redirects=True)
    assert response.request.path == post_page
    page = response.get_data(as_text=True)
    assert f"{DRAWINGS} will not be suggested again for “{TITLE}”." in page
    assert f">{DRAWINGS}<" not in page
    assert STUDIO in page
    author.post(dismiss)  # twice is the same as once
    assert DRAWINGS not in suggestions(app, need)


def test_only_the_needs_company_may_dismiss_its_suggestions(app, need, make_visitor):
    illustrator = visitor_of(make_visitor, ILLUSTRATOR)
    response = illustrator.post(
        f"/c/{CLUSTER}/matches/posts/{need}/companies/{company_id(app, STUDIO)}/dismiss"
    )
    assert response.status_code == 403
    assert STUDIO in suggestions(app, need)


def test_a_company_cannot_dismiss_itself(app, need, make_visitor):
    author = visitor_of(make_visitor, AUTHOR)
    response = author.get(
        f"/c/{CLUSTER}/matches/companies/{company_id(app, WORKSHOP)}/dismiss", follow_redirects=True
    )
    assert "This is your own company." in response.get_data(as_text=True)


def test_contact_opens_the_form_with_the_need_as_subject_and_sending_opens_a_thread(app, need, make_visitor):
    author = visitor_of(make_visitor, AUTHOR)
    author.get(f"/c/{CLUSTER}/posts/{need}")
    contact = (
        re.search(r'href="([^"]+/contact\?subject=[^"]+)"', author.last_page).group(1).replace("&amp;", "&")
    )
    form = author.get(contact).get_data(as_text=True)
    assert re.search(rf'<input[^>]*name="subject"[^>]*value="{TITLE}"', form)

    response = author.post(
        contact, {"subject": TITLE, "body": "Labdien! Vai varat palīdzēt?"}, follow_redirects=True
    )
    assert f"Your message was sent to {STUDIO}." in response.get_data(as_text=True)
    assert re.fullmatch(rf"/c/{CLUSTER}/threads/\d+", response.request.path)
    with in_cluster(app, CLUSTER):
        assert db.session.scalar(select(Thread.subject)) == TITLE


def test_other_members_see_why_their_company_may_fit_the_need(app, need, make_visitor):
    page = visitor_of(make_visitor, ANIMATOR).get(f"/c/{CLUSTER}/posts/{need}").get_data(as_text=True)
    assert "Why your company may fit this need" in page
    assert f"{suggestions(app, need)[STUDIO]} / 100" in page
    assert "Your competence “3D animācija” ↔" in page
    assert "their words “3D animācijas” (concept: 3D animation)" in page
    assert "Their role: Producer; yours: Distributor — complementary in the value chain." in page
    assert "Companies that may answer this need" not in page


def test_members_whose_company_does_not_fit_see_no_match_panel(app, need, make_visitor):
    make_user(app, "cits@baltic.lv", "Ilze Cita", CLUSTER, "member", "SIA Grāmatvedība")
    make_profile(app, CLUSTER, "SIA Grāmatvedība", competences=["Grāmatvedība"])
    page = visitor_of(make_visitor, "cits@baltic.lv").get(f"/c/{CLUSTER}/posts/{need}").get_data(as_text=True)
    assert "Why your company may fit this need" not in page
    assert "Companies that may answer this need" not in page


def test_own_profile_suggests_partners_and_another_profile_says_what_connects_you(app, need, make_visitor):
    author = visitor_of(make_visitor, AUTHOR)
    own = author.get(f"/c/{CLUSTER}/companies/{company_id(app, WORKSHOP)}").get_data(as_text=True)
    assert "Suggested partners" in own and STUDIO in own
    assert f'href="/c/{CLUSTER}/matches"' in own
    theirs = author.get(f"/c/{CLUSTER}/companies/{company_id(app, STUDIO)}").get_data(as_text=True)
    assert "What connects you" in theirs
    assert "Their competence “3D animācija” ↔" in theirs


def test_a_strong_new_match_tells_the_author_once_in_the_app_but_not_by_mail_unless_asked(
    app, need, make_visitor
):
    assert suggestions(app, need)[STUDIO] >= rules.STRONG
    assert match_notifications(app, AUTHOR) == [STUDIO]
    author = visitor_of(make_visitor, AUTHOR)
    assert f"{STUDIO} may answer your need “{TITLE}”" in author.get(f"/c/{CLUSTER}/notifications/").get_data(
        as_text=True
    )
    assert mails_about_matches(author, AUTHOR) == []

    edit = {"kind": "need", "category": "research", "title": TITLE, "tags": "3D animācija, izstāde"}
    assert (
        author.submit(f"/c/{CLUSTER}/posts/{need}/edit", {**edit, "body": "Stends Rīgā."}).status_code == 302
    )
    make_profile(app, CLUSTER, STUDIO, description="3D animācija izstāžu stendiem.")
    assert match_notifications(app, AUTHOR) == [STUDIO]


def test_the_author_who_asked_for_match_mails_gets_one_for_a_strong_new_match(app, need, make_visitor):
    author = visitor_of(make_visitor, AUTHOR)
    settings = author.get("/account").get_data(as_text=True)
    assert "E-mail me about strong matches for my needs" in settings
    assert not re.search(CHECKED, settings)
    author.post("/account", {"name": "Anna Liepa", "language": "en", "match_emails": "y"})
    assert re.search(CHECKED, author.get("/account").get_data(as_text=True))

    make_user(app, "peteris@render.lv", "Pēteris Kalns", CLUSTER, "member", "SIA Renderu Nams")
    make_profile(app, CLUSTER, "SIA Renderu Nams", **STUDIO_PROFILE)
    assert match_notifications(app, AUTHOR) == [STUDIO, "SIA Renderu Nams"]
    mails = mails_about_matches(author, AUTHOR)
    assert len(mails) == 1
    assert f"SIA Renderu Nams may answer your need “{TITLE}”" in plain_text(mails[0])
    assert f"/c/{CLUSTER}/posts/{need}" in plain_text(mails[0])


def test_turning_match_mails_off_again_is_saved(app, need, make_visitor):
    author = visitor_of(make_visitor, AUTHOR)
    author.submit("/account", {"name": "Anna Liepa", "language": "en", "match_emails": "y"})
    author.submit("/account", {"name": "Anna Liepa", "language": "en"})
    make_user(app, "peteris@render.lv", "Pēteris Kalns", CLUSTER, "member", "SIA Renderu Nams")
    make_profile(app, CLUSTER, "SIA Renderu Nams", **STUDIO_PROFILE)
    assert "SIA Renderu Nams" in match_notifications(app, AUTHOR)
    assert mails_about_matches(author, AUTHOR) == []


def test_empty_states_say_what_to_do(app, need, make_visitor):
    make_user(app, "bez@uznemuma.lv", "Bez Uzņēmuma", CLUSTER)
    for path in ("matches", "matches/needs"):
        page = visitor_of(make_visitor, "bez@uznemuma.lv").get(f"/c/{CLUSTER}/{path}").get_data(as_text=True)
        assert "does not represent a member company in this cluster" in page

    page = visitor_of(make_visitor, ILLUSTRATOR).get(f"/c/{CLUSTER}/matches").get_data(as_text=True)
    assert "Your company has no open needs or partnership interests." in page
    assert f'href="/c/{CLUSTER}/posts/new">Post a need to get suggestions' in page

    make_user(app, "vientulis@sala.lv", "Vientulis", CLUSTER, "member", "SIA Sala")
    page = visitor_of(make_visitor, "vientulis@sala.lv").get(f"/c/{CLUSTER}/matches").get_data(as_text=True)
    assert "Your company's profile does not say yet what it does, so there is nothing to match it on." in page
    assert "Fill in your company's profile" in page
    assert "Suggested partners" in page and "card match" not in page


def test_a_damaged_index_leaves_the_stored_suggestions_on_the_pages(app, need, make_visitor, whoosh_only):
    author, animator = visitor_of(make_visitor, AUTHOR), visitor_of(make_visitor, ANIMATOR)
    with in_cluster(app, CLUSTER) as tenant:
        damage(Path(app.config["INDEX_DIR"]) / f"cluster-{tenant.id}")
    response = in_new_worker(author, f"/c/{CLUSTER}/matches")
    assert response.status_code == 200 and STUDIO in response.get_data(as_text=True)
    response = in_new_worker(author, f"/c/{CLUSTER}/posts/{need}")
    assert response.status_code == 200 and STUDIO in response.get_data(as_text=True)
    response = in_new_worker(animator, f"/c/{CLUSTER}/posts/{need}")
    assert "Why your company may fit this need" in response.get_data(as_text=True)
    response = in_new_worker(author, f"/c/{CLUSTER}/companies/{company_id(app, STUDIO)}")
    assert response.status_code == 200


def test_nothing_of_another_cluster_shows_in_matches(app, world, make_visitor):
    # The same need and the same answering competence in both clusters: only A's company may answer A's need.
    for slug, canary, member in (("alfa", World.CANARY_A, "Čiekurs"), ("beta", World.CANARY_B, "Dārzs")):
        answerer = "Ābele" if slug == "alfa" else "Ēna"
        make_profile(
            app, slug, f"SIA {canary} {answerer}", competences=["Eksports uz Vāciju"], roles=["distributor"]
        )
        make_post(
            app, slug, f"SIA {canary} {member}", f"member@{slug}.lv", "Eksports uz Vāciju", category="export"
        )
    member_a = visitor_of(make_visitor, "member@alfa.lv")
    pages = [
        member_a.get("/c/alfa/matches").get_data(as_text=True),
        member_a.get(f"/c/alfa/posts/{world.post_a}").get_data(as_text=True),
        member_a.get(f"/c/alfa/companies/{world.company_a}").get_data(as_text=True),
    ]
    assert f"SIA {World.CANARY_A} Ābele" in pages[0]
    for page in pages:
        assert World.CANARY_B not in page
