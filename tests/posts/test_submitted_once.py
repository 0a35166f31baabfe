"""A form that creates something is acted on once: a repeated submit shows the first result."""

import re

from sqlalchemy import func, select

from clusterhub.extensions import db
from clusterhub.posts.models import Message, Post
from tenants.context import cross_tenant

NEED = {"kind": "need", "category": "export", "title": "Meklējam kravu pārvadātāju", "body": "Uz Somiju."}


def _count(app, model) -> int:
    with app.app_context(), cross_tenant():
        return db.session.scalar(select(func.count(model.id)))


def _once(page: str) -> str:
    return re.search(r'name="once" type="hidden" value="([^"]+)"', page).group(1)


def test_a_repeated_new_post_shows_the_first_post_instead_of_a_second(app, world, signed_in):
    member = signed_in("member@alfa.lv")
    form = {**NEED, "once": _once(member.get("/c/alfa/posts/new").get_data(as_text=True))}
    before = _count(app, Post)
    first = member.post("/c/alfa/posts/new", form)
    again = member.post("/c/alfa/posts/new", form)  # the browser's retry after a lost answer
    assert first.status_code == again.status_code == 302
    assert again.location == first.location and "/c/alfa/posts/" in first.location
    assert _count(app, Post) == before + 1


def test_a_repeated_answer_is_stored_once(app, world, signed_in):
    manager = signed_in("manager@beta.lv")
    before = _count(app, Message)
    path = f"/c/beta/threads/{world.thread_b}"
    form = {"body": "Vēl viens jautājums.", "once": _once(manager.get(path).get_data(as_text=True))}
    first, again = manager.post(path, form), manager.post(path, form)
    assert again.location == first.location
    assert _count(app, Message) == before + 1


def test_another_person_cannot_replay_someone_elses_token(app, world, signed_in):
    member = signed_in("member@alfa.lv")
    form = {**NEED, "once": _once(member.get("/c/alfa/posts/new").get_data(as_text=True))}
    member.post("/c/alfa/posts/new", form)
    manager = signed_in("manager@alfa.lv")
    manager.get("/c/alfa/posts/new")
    before = _count(app, Post)
    assert manager.post("/c/alfa/posts/new", form).status_code == 400  # not led to another person's post
    assert _count(app, Post) == before
