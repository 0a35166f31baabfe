"""The members' search page: what people type, what they see, and what they never see."""

import shutil
import threading
from pathlib import Path

import pytest
from sqlalchemy import select

from clusterhub.companies.models import Company
from clusterhub.dates import short_date
from clusterhub.extensions import db
from clusterhub.posts.models import Post
from search import index
from search.documents import company_key, documents_for
from tests.conftest import World
from tests.factories import make_post, make_profile, make_user
from tests.search.conftest import in_cluster, lose_index

SEARCHER = "searcher@alfa.lv"
ANIMATOR = "SIA Kadrs"


@pytest.fixture
def cluster(app, alfa, signed_in):
    """Cluster "alfa" with an animation studio in Rīga; a visitor signed in as a member of it."""
    make_user(app, SEARCHER, "Sanita Meklētāja", "alfa", "member", ANIMATOR)
    make_profile(
        app,
        "alfa",
        ANIMATOR,
        description="Birojs Rīgā. Veidojam 3D animācija reklāmām un filmām.",
        region="riga",
        size="small",
        roles=["producer", "distributor"],
        competences=["Skaņas ierakstīšana"],
    )
    visitor = signed_in(SEARCHER)
    return visitor


def page(visitor, **args):
    response = visitor.get("/c/alfa/search", query_string=args)
    return response, response.get_data(as_text=True)


def result_names(body: str) -> list[str]:
    """The headings of the result cards, in order."""
    if '<ol class="results">' not in body:
        return []
    results = body.split('<ol class="results">', 1)[1].split("</ol>", 1)[0]
    return [part.split("</a>", 1)[0].rsplit(">", 1)[-1] for part in results.split("<h2>")[1:]]


def company(app, email: str, name: str, **profile) -> None:
    make_user(app, email, f"{name} pārstāvis", "alfa", "member", name)
    make_profile(app, "alfa", name, **profile)


def in_new_worker(visitor, path: str):
    """The page as a worker that has not opened the index yet shows it (searchers are kept per thread)."""
    answer = {}
    worker = threading.Thread(target=lambda: answer.update(response=visitor.get(path)))
    worker.start()
    worker.join()
    return answer["response"]


def test_the_empty_page_explains_what_can_be_searched_and_how(cluster):
    response, body = page(cluster)
    assert response.status_code == 200
    assert "What you can search" in body
    assert "animācija" in body and "Rīga" in body
    assert (
        "Quotes find a phrase" in body and "OR finds either word" in body and "A minus before a word" in body
    )
    assert '<ol class="results">' not in body


def test_every_cluster_page_has_a_search_box_and_link(cluster):
    body = cluster.get("/c/alfa/companies").get_data(as_text=True)
    assert 'action="/c/alfa/search"' in body and 'name="q"' in body
    assert '<label for="nav-search"' in body
    assert '<a href="/c/alfa/search">Search</a>' in body


@pytest.mark.parametrize(
    "typed",
    ["animācija", "animacija", "ANIMACIJA", "animāciju", "animācijas", "animacoja", "riga", "Rīga"],
    ids=["as written", "without accents", "capitals", "other case", "genitive", "a typo", "riga", "Rīga"],
)
def test_a_company_is_found_whatever_form_of_the_word_is_typed(cluster, typed):
    response, body = page(cluster, q=typed)
    assert response.status_code == 200
    assert result_names(body) == [ANIMATOR]
    assert "1 result" in body


def test_the_snippet_shows_the_original_text_with_the_match_marked(cluster):
    _, body = page(cluster, q="riga")
    assert '<mark class="match term0">Rīgā</mark>' in body
    _, body = page(cluster, q="animacija")
    assert '<mark class="match term0">animācija</mark>' in body


def test_a_company_result_links_to_its_profile_with_region_size_and_roles(app, cluster):
    _, body = page(cluster, q="animācija")
    with in_cluster(app, "alfa"):
        company_id = db.session.scalar(select(Company.id).where(Company.name == ANIMATOR))
    assert f'<a href="/c/alfa/companies/{company_id}">{ANIMATOR}</a>' in body
    assert "Rīga · Small" in body
    assert "Producer, Distributor" in body


def test_a_post_result_links_to_the_post_with_its_badges_company_and_date(app, cluster):
    post_id = make_post(
        app, "alfa", ANIMATOR, SEARCHER, "Meklējam eksporta partneri", "offer", "export", body="Vācija"
    )
    _, body = page(cluster, q="eksporta partneri")
    assert result_names(body) == ["Meklējam eksporta partneri"]
    assert f'<a href="/c/alfa/posts/{post_id}">Meklējam eksporta partneri</a>' in body
    assert '<span class="badge kind-offer">Offer</span>' in body
    assert '<span class="muted">Export and new markets</span>' in body
    assert '<span class="badge status-open">Open</span>' in body
    assert f">{ANIMATOR}</a>" in body
    with app.test_request_context(headers={"Accept-Language": "en"}), in_cluster(app, "alfa"):
        posted = short_date(db.session.get(Post, post_id).created_at)
    assert posted in body


def test_markup_in_a_description_is_shown_as_text_not_run(app, cluster):
    make_profile(app, "alfa", ANIMATOR, description="Mūsu <script>alert('uzbrukums')</script> animācija")
    _, body = page(cluster, q="uzbrukums")
    assert result_names(body) == [ANIMATOR]
    assert "<script>alert" not in body
    assert "&lt;script&gt;alert(" in body


def test_phrases_or_and_minus_work_as_the_start_page_says(app, cluster):
    company(app, "video@alfa.lv", "SIA Video", description="Video montāža un animācija Kurzemē.")
    company(app, "skana@alfa.lv", "SIA Skaņa", description="Skaņas ierakstīšana studijā.")
    assert sorted(result_names(page(cluster, q="animācija")[1])) == [ANIMATOR, "SIA Video"]
    assert result_names(page(cluster, q="animācija -montāža")[1]) == [ANIMATOR]
    assert result_names(page(cluster, q='"3D animācija"')[1]) == [ANIMATOR]
    assert sorted(result_names(page(cluster, q="montāža OR studijā")[1])) == ["SIA Skaņa", "SIA Video"]
    # A hyphen inside a word is part of the word, not an exclusion.
    assert result_names(page(cluster, q="3D-animācija")[1]) == [ANIMATOR]


def test_newest_first_puts_the_latest_post_on_top(app, cluster):
    for title in ("Kamera nomai", "Kameras operators", "Kamera projektam"):
        make_post(app, "alfa", ANIMATOR, SEARCHER, title, body="kamera")
    _, body = page(cluster, q="kamera", sort="date")
    assert result_names(body) == ["Kamera projektam", "Kameras operators", "Kamera nomai"]
    assert '<option selected value="date">Newest first</option>' in body


def test_results_come_in_pages_that_keep_the_search(app, cluster):
    app.config["PAGE_SIZE"] = 2
    for number in range(4):
        company(app, f"c{number}@alfa.lv", f"SIA Kino {number}", description="Kino iekārtu noma.")
    _, first = page(cluster, q="kino")
    assert "4 results" in first and "Page 1 of 2" in first
    assert len(result_names(first)) == 2
    assert 'href="/c/alfa/search?page=2&amp;q=kino" rel="next"' in first
    _, second = page(cluster, q="kino", page=2)
    assert len(result_names(second)) == 2
    assert set(result_names(first)).isdisjoint(result_names(second))
    _, beyond = page(cluster, q="kino", page=7)
    assert "There is nothing on this page." in beyond
    assert 'href="/c/alfa/search?q=kino">Go to the first page' in beyond


@pytest.mark.parametrize("typed", ['"', "(", "-", 'NOT NOT "['])
def test_a_query_that_cannot_be_read_is_a_message_beside_the_field(cluster, typed):
    response, body = page(cluster, q=typed)
    assert response.status_code == 200
    assert 'id="q-errors"' in body
    assert "Could not understand the query: check the quotes and brackets." in body


def test_field_syntax_is_read_as_plain_words(cluster):
    response, body = page(cluster, q="date:[foo TO bar] tenant:2")
    assert response.status_code == 200
    assert 'id="q-errors"' not in body


def test_only_very_common_words_are_a_message_beside_the_field(cluster):
    response, body = page(cluster, q="un the and")
    assert response.status_code == 200
    assert "These words are too common to search for" in body
    assert 'id="q-errors"' in body


def test_an_overlong_search_gets_an_error_beside_the_field(cluster):
    response, body = page(cluster, q="animācija " * 25)
    assert response.status_code == 200
    assert "Field cannot be longer than 200 characters." in body
    assert 'id="q-errors"' in body
    assert '<ol class="results">' not in body


def test_nothing_found_suggests_spelling_fewer_words_and_removing_filters(cluster):
    _, body = page(cluster, q="zemūdene", region="riga", type="company")
    assert "Nothing found for “zemūdene”." in body
    assert "Check the spelling" in body and "Use fewer words" in body
    assert 'href="/c/alfa/search?q=zem%C5%ABdene&amp;type=company">× Rīga</a>' in body
    assert 'href="/c/alfa/search?q=zem%C5%ABdene&amp;region=riga">× Companies</a>' in body
    assert 'href="/c/alfa/search?q=zem%C5%ABdene">Remove all filters</a>' in body


def _damage(folder: Path) -> None:
    # Each file is replaced by a new one full of junk: rewriting a file in place that a searcher has
    # memory-mapped would bring the whole test process down with SIGBUS.
    for path in folder.iterdir():
        path.unlink()
        path.write_bytes(b"\x00junk" * 200)


def test_a_damaged_index_shows_a_friendly_message_not_an_error(app, cluster, alfa, whoosh_only):
    _damage(Path(app.config["INDEX_DIR"]) / f"cluster-{alfa}")
    response = in_new_worker(cluster, "/c/alfa/search?q=anim%C4%81cija")
    body = response.get_data(as_text=True)
    assert response.status_code == 503
    assert "Search is not available at the moment" in body
    assert 'href="/c/alfa/companies">Browse the member companies' in body
    assert 'id="q"' in body  # the form stays, to try again


def _tenant_id(app, slug: str) -> int:
    with in_cluster(app, slug) as tenant:
        return tenant.id


def test_a_search_never_shows_another_clusters_data(app, world, signed_in):
    visitor = signed_in("member@alfa.lv")
    # Typed in lower case, so the page repeating the query never shows the canary in capitals.
    _, own = page(visitor, q=World.CANARY_A.lower())
    assert f"SIA {World.CANARY_A} Čiekurs" in result_names(own)
    _, body = page(visitor, q=World.CANARY_B.lower())
    assert World.CANARY_B not in body
    assert "Nothing found" in body


def test_another_clusters_index_copied_over_shows_nothing_of_it(app, world, signed_in, whoosh_only):
    visitor = signed_in("member@alfa.lv")
    folder_a = Path(app.config["INDEX_DIR"]) / f"cluster-{_tenant_id(app, 'alfa')}"
    folder_b = Path(app.config["INDEX_DIR"]) / f"cluster-{_tenant_id(app, 'beta')}"
    shutil.rmtree(folder_a)
    shutil.copytree(folder_b, folder_a)
    for typed in (World.CANARY_B.lower(), "vajadziba", "kompetence"):
        response = in_new_worker(visitor, f"/c/alfa/search?q={typed}")
        assert response.status_code == 200
        assert World.CANARY_B not in response.get_data(as_text=True), typed


def test_a_stale_entry_naming_another_clusters_company_is_not_shown(app, world, signed_in):
    # Cluster B's company, indexed as if it were cluster A's: the page reads hits back through A's scope.
    tenant_a = _tenant_id(app, "alfa")
    with in_cluster(app, "beta"):
        document = documents_for({company_key(world.company_b)})[company_key(world.company_b)]
    with in_cluster(app, "alfa"):
        index.write(tenant_a, lambda: {document["key"]: {**document, "tenant": str(tenant_a)}})
        db.session.commit()
    visitor = signed_in("member@alfa.lv")
    _, body = page(visitor, q="nozare")
    assert result_names(body) == [f"SIA {World.CANARY_A} Čiekurs"]
    assert World.CANARY_B not in body
    assert document["sector"] not in body  # a sector key spells its name out in digits


def test_a_deleted_index_says_search_is_being_rebuilt_not_nothing_found(app, world, signed_in):
    lose_index(app, "alfa")
    response = signed_in("member@alfa.lv").get("/c/alfa/search?q=CANARYALFA")
    body = response.get_data(as_text=True)
    assert response.status_code == 503
    assert "Search is being rebuilt for this cluster" in body and "Nothing found" not in body
