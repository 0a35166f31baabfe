"""The one hook: committed changes become searchable, rolled back ones never do, a crash loses nothing."""

import logging
import threading

from sqlalchemy import func, select

from clusterhub import create_app
from clusterhub.companies.models import Company, CompanyMembership
from clusterhub.companies.services import update_profile
from clusterhub.extensions import db
from clusterhub.posts.models import Post
from clusterhub.posts.services import create_post, update_post
from search import hooks, index
from search.backends import whoosh
from search.documents import documents_for
from search.hooks import drain
from search.models import IndexOutbox
from search.services import status
from tests.companies.helpers import add_company, admit_elsewhere
from tests.conftest import Visitor, app_config
from tests.factories import make_tenant
from tests.search.conftest import POSTER, POSTER_COMPANY, add_post, found, in_cluster, waiting

NEED = {
    "kind": "need",
    "category": "other",
    "title": "Zāģmateriālu piegāde uz Liepāju",
    "body": "Katru nedēļu.",
}


def _edit_post(app, post_id: int, **values) -> None:
    with in_cluster(app, "alfa"):
        update_post(db.session.get(Post, post_id), values)
        db.session.commit()


def _leave(app, company_id: int, slug: str) -> None:
    with in_cluster(app, slug):
        link = db.session.scalars(select(CompanyMembership).where(CompanyMembership.company_id == company_id))
        db.session.delete(link.one())
        db.session.commit()


def _in_step(app, slug: str = "alfa") -> bool:
    with in_cluster(app, slug) as tenant:
        counts = status(tenant)
    return counts["database"] == counts["index"] and not counts["pending"]


def test_a_flushed_then_rolled_back_post_never_reaches_the_index(app, alfa):
    with in_cluster(app, "alfa"):
        company = db.session.scalar(select(Company).where(Company.name == POSTER_COMPANY))
        create_post(company, None, "need", "other", NEED["title"])
        # The work is recorded in the same transaction as the post, so the rollback takes it too.
        assert db.session.scalar(select(func.count(IndexOutbox.id))) == 1
        db.session.rollback()
    assert found(app, "alfa", "zāģmateriāli") == []
    assert waiting(app) == 0
    assert _in_step(app)


def test_a_post_is_searchable_as_soon_as_the_request_that_wrote_it_ends(app, alfa, visitor):
    visitor.login(POSTER)
    assert visitor.submit("/c/alfa/posts/new", NEED).status_code == 302
    assert found(app, "alfa", "zagmaterialu piegade") == [NEED["title"]]
    assert waiting(app) == 0


def test_an_edited_post_is_found_by_its_new_words_only(app, alfa):
    post_id = add_post(app, "Zāģmateriālu piegāde", tags=["kokmateriāli"])
    _edit_post(app, post_id, title="Granulu piegāde", tags=["kurināmais"])
    assert found(app, "alfa", "granulas") == ["Granulu piegāde"]
    assert found(app, "alfa", "kurināmais") == ["Granulu piegāde"]
    assert found(app, "alfa", "zāģmateriāli") == found(app, "alfa", "kokmateriāli") == []


def test_a_deleted_post_leaves_the_results(app, alfa):
    post_id = add_post(app, "Zāģmateriālu piegāde")
    with in_cluster(app, "alfa"):
        db.session.delete(db.session.get(Post, post_id))
        db.session.commit()
    assert found(app, "alfa", "zāģmateriāli") == []
    assert _in_step(app)


def test_a_company_that_leaves_the_cluster_leaves_its_results(app, alfa):
    company_id = add_company(app, "alfa", "SIA Kokzāģētava", competences=["Zāģēšana"])
    _leave(app, company_id, "alfa")
    assert found(app, "alfa", "zāģēšana") == []
    assert _in_step(app)


def test_new_competences_are_searchable_and_dropped_ones_are_not(app, alfa):
    # The dropped word is no typo of a kept one ("zāģēšana" is one letter from "žāvēšana"): a word no
    # document has any more is read with one typo, and would rightly find the company by "žāvēšana".
    company_id = add_company(app, "alfa", "SIA Kokzāģētava", competences=["Frēzēšana"])
    with in_cluster(app, "alfa"):
        update_profile(db.session.get(Company, company_id), None, {"competences": ["Žāvēšana", "Ēvelēšana"]})
        db.session.commit()
    assert found(app, "alfa", "zavesana") == found(app, "alfa", "ēvelēšana") == ["SIA Kokzāģētava"]
    assert found(app, "alfa", "frēzēšana") == []


def test_a_company_of_two_clusters_is_found_in_both_until_it_leaves_one(app, alfa):
    make_tenant(app, "beta", "Beta klasteris")
    company_id = add_company(app, "alfa", "SIA Kokzāģētava", competences=["Zāģēšana"])
    admit_elsewhere(app, company_id, "beta")
    assert found(app, "alfa", "zāģēšana") == found(app, "beta", "zāģēšana") == ["SIA Kokzāģētava"]
    # One profile, shared: an edit made in one cluster is searchable in the other too.
    with in_cluster(app, "alfa"):
        update_profile(db.session.get(Company, company_id), None, {"competences": ["Žāvēšana"]})
        db.session.commit()
    assert found(app, "alfa", "žāvēšana") == found(app, "beta", "žāvēšana") == ["SIA Kokzāģētava"]
    _leave(app, company_id, "beta")
    assert found(app, "beta", "žāvēšana") == []
    assert found(app, "alfa", "žāvēšana") == ["SIA Kokzāģētava"]
    assert _in_step(app, "alfa") and _in_step(app, "beta")


def test_a_locked_index_does_not_fail_the_post_and_the_next_drain_applies_it(
    app, alfa, visitor, monkeypatch, whoosh_only
):
    monkeypatch.setattr(whoosh, "WRITE_TIMEOUT", 0.2)
    visitor.login(POSTER)
    with in_cluster(app, "alfa") as tenant:
        other_process = whoosh.open_index(tenant.id).writer()  # holds the index's lock
    try:
        response = visitor.submit("/c/alfa/posts/new", NEED, follow_redirects=True)
    finally:
        other_process.cancel()
    assert response.status_code == 200 and "Your post is on the board." in response.text
    assert waiting(app) == 1
    assert found(app, "alfa", "zāģmateriāli") == []
    with app.app_context():
        assert drain() == 1
    assert found(app, "alfa", "zāģmateriāli") == [NEED["title"]]
    assert waiting(app) == 0 and _in_step(app)


def test_a_crash_before_the_index_write_is_repaired_by_the_next_process(
    app, alfa, visitor, monkeypatch, caplog, migrated_url, tmp_path
):
    def crash(tenant_id, read_documents):
        raise OSError("No space left on device")

    monkeypatch.setattr(index, "write", crash)
    visitor.login(POSTER)
    with caplog.at_level(logging.ERROR, "search.hooks"):
        response = visitor.submit("/c/alfa/posts/new", NEED, follow_redirects=True)
    assert response.status_code == 200 and "Your post is on the board." in response.text
    assert "the work stays in the outbox" in caplog.text
    assert waiting(app) == 1
    monkeypatch.undo()
    # A new process (a restarted worker) drains what was left on its first request.
    restarted = create_app(app_config(migrated_url, tmp_path))
    assert Visitor(restarted).get("/login").status_code == 200
    assert waiting(app) == 0
    assert found(app, "alfa", "zāģmateriāli") == [NEED["title"]]


def test_a_drain_that_waited_for_the_lock_never_writes_an_older_version(app, alfa, monkeypatch):
    """Two workers edit one post at once: the index must end with the newer text, not the one read first."""
    post_id = add_post(app, "Zāģmateriālu piegāde")
    read_first, edited_again = threading.Event(), threading.Event()

    def slow_reader(keys):
        # The first worker pauses after reading the post, while the second edits it and updates the index.
        documents = documents_for(keys)
        if threading.current_thread().name == "slow":
            read_first.set()
            edited_again.wait(2)
        return documents

    monkeypatch.setattr(hooks, "documents_for", slow_reader)
    slow = threading.Thread(
        target=_edit_post, args=(app, post_id), kwargs={"title": "Granulu piegāde"}, name="slow"
    )
    slow.start()
    assert read_first.wait(10)
    _edit_post(app, post_id, title="Briketu piegāde")
    edited_again.set()
    slow.join(20)
    assert found(app, "alfa", "briketes") == ["Briketu piegāde"]
    assert found(app, "alfa", "granulas") == []


def test_work_queued_after_a_slow_drain_read_its_batch_is_not_dropped_with_that_batch(app, alfa, monkeypatch):
    # With a background worker the outbox waits for it; here the drains are run by hand, interleaved as
    # two workers (or two requests' teardowns on SQLite, which has no row locks) can run them.
    monkeypatch.setitem(app.config, "OUTBOX_WORKER", True)
    add_post(app, "Zāģmateriālu piegāde")
    with app.app_context():
        slow = hooks._pending(alfa)  # this drain read its batch, then waits for the index's lock
    with app.app_context():
        drain()  # another drain applies the same batch meanwhile and removes it from the outbox
    add_post(app, "Kokskaidu granulas")  # new work, queued after the first batch was done
    with in_cluster(app, "alfa"):
        hooks._apply(alfa, slow)  # the slow drain goes on with the batch it read
    with app.app_context():
        drain()
    assert found(app, "alfa", "granulas") == ["Kokskaidu granulas"]
