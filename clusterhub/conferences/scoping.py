"""The ONE place where conference data is kept inside its conference, the way clusters are kept apart.

A conference's pages show several clusters at once, so the cluster criterion (tenants/scoping.py) cannot
keep them apart. Instead the access guard (access.py) enters the conference it has checked: from then on
every ORM statement for conference data (`ConferenceScoped`: invitations, participants, meeting windows,
meetings, seats) is limited to that conference, and meetings and seats to the visitor's own unless they
organise it. Every other kind of cluster data stays refused there (TenantScopeError) unless a named
function reads it with `cross_tenant()`, which lifts the cluster criterion but not this one. The few
rules that must see the whole conference (is a slot taken, is a table free) say so with
`whole_conference()`.
"""

from contextlib import contextmanager
from dataclasses import dataclass, replace
from functools import cache

from sqlalchemy import event
from sqlalchemy.orm import ORMExecuteState, with_loader_criteria

from clusterhub.conferences.models import ConferenceScoped
from clusterhub.db import Base
from tenants.context import set_spanning_scope, spanning_scope
from tenants.scoping import needs_scope


@dataclass(frozen=True)
class ConferenceScope:
    """The conference a page runs in, and the visitor's part in it."""

    event_id: int
    participant_id: int | None = None  # the visitor's registered participation
    whole: bool = False  # the organiser, or a rule about the whole conference

    def governs(self, model: type) -> bool:
        """Conference data is kept apart here, not by the cluster criterion."""
        return issubclass(model, ConferenceScoped)


def current_scope() -> ConferenceScope | None:
    """The conference the current work runs in, if any."""
    scope = spanning_scope()
    return scope if isinstance(scope, ConferenceScope) else None


def enter_conference(event_id: int, participant=None, whole: bool = False) -> None:
    """Keep the rest of this request inside conference `event_id`, as `participant` (or its organiser)."""
    set_spanning_scope(ConferenceScope(event_id, participant.id if participant is not None else None, whole))


@contextmanager
def conference_scope(event_id: int, participant=None, whole: bool = False):
    """Run a block (tests, background work) as if on the conference's pages."""
    previous = spanning_scope()
    enter_conference(event_id, participant, whole)
    try:
        yield
    finally:
        set_spanning_scope(previous)


@contextmanager
def whole_conference():
    """Within the current conference, read every participant's meetings and seats (slots, tables).

    Also a decorator: `@whole_conference()` on a rule that must see them all."""
    previous = current_scope()
    if previous is not None:
        set_spanning_scope(replace(previous, whole=True))
    try:
        yield
    finally:
        if previous is not None:
            set_spanning_scope(previous)


@cache
def _conference_models() -> tuple[type, ...]:
    return tuple(m.class_ for m in Base.registry.mappers if issubclass(m.class_, ConferenceScoped))


def _scope_statement(state: ORMExecuteState) -> None:
    scope = current_scope()
    if scope is None or not needs_scope(state):
        return
    state.statement = state.statement.options(
        *(
            with_loader_criteria(model, model.in_conference(scope), include_aliases=True)
            for model in _conference_models()
        )
    )


def install(session_class) -> None:
    """Attach the conference criterion to every session the app makes (once per process)."""
    if not event.contains(session_class, "do_orm_execute", _scope_statement):
        event.listen(session_class, "do_orm_execute", _scope_statement)
