"""Every route of the app, and how to fill its arguments with the world's objects of cluster A.

The isolation matrix, the IDOR sweep and the fuzzer walk the same routes in the same order."""

from werkzeug.routing import Rule

from clusterhub.clock import local_today

ARGUMENTS = {
    "tenant_slug": lambda world: "alfa",
    "invitation_id": lambda world: world.invitation_a,
    "membership_id": lambda world: world.membership_a,
    "company_id": lambda world: world.company_a,
    "post_id": lambda world: world.post_a,
    "thread_id": lambda world: world.thread_a,
    "rating_id": lambda world: world.rating_a,
    "notification_id": lambda world: world.notification_a,
    "visit_id": lambda world: world.managed_a["visit"],
    "service_id": lambda world: world.managed_a["service"],
    "use_id": lambda world: world.managed_a["use"],
    "story_id": lambda world: world.managed_a["story"],
    "news_id": lambda world: world.managed_a["news"],
    "application_id": lambda world: world.managed_a["application"],
    "event_id": lambda world: world.managed_a["event"],
    "step_id": lambda world: world.managed_a["step"],
    "group_id": lambda world: world.managed_a["group"],
    "conference_id": lambda world: world.conference,
    "participant_id": lambda world: world.request_a,
    "meeting_id": lambda world: world.meeting,
    # Nobody's signed-in browser: ending one's own session mid-walk would sign the visitor out.
    "session_id": lambda world: 999999,
    "year": lambda world: local_today().year,
    "quarter": lambda world: (local_today().month + 2) // 3,
    "token": lambda world: "not-a-valid-token",
    "filename": lambda world: "clusterhub.css",
    # The administrators' pages name a cluster by its address and a person by their id.
    "cluster_slug": lambda world: "alfa",
    "person_id": lambda world: world.member_a,
    # The workbook: the CSV file of the same rows is the older route, walked by the export tests.
    "file_format": lambda world: "xlsx",
}


# Routes that remove or publish what later routes visit (a record, a request, a meeting, a quarter's report)
# are walked after the others, whatever order their modules define them in.
DESTRUCTIVE = ("delete", "remove", "withdraw", "cancel", "publish")


def _walk_order(rule: Rule) -> int:
    # Signing out would end the visit, so it comes last of all.
    if rule.endpoint == "accounts.logout":
        return 2
    return 1 if rule.endpoint.rsplit(".", 1)[-1].startswith(DESTRUCTIVE) else 0


def all_routes(app) -> list[tuple[Rule, str]]:
    rules = sorted(app.url_map.iter_rules(), key=_walk_order)
    return [(rule, method) for rule in rules for method in sorted(rule.methods & {"GET", "POST"})]


def route_path(rule: Rule, world) -> str:
    missing = set(rule.arguments) - set(ARGUMENTS)
    assert not missing, f"{rule.rule}: add {missing} to ARGUMENTS in tests/routes.py"
    return rule.build({name: ARGUMENTS[name](world) for name in rule.arguments})[1]


# The world's people a walk signs in as.
PEOPLE = {
    "member_a": "member@alfa.lv",
    "manager_a": "manager@alfa.lv",
    "member_b": "member@beta.lv",
    "organiser": "organiser@clusterhub.lv",
}


def visitor_as(persona: str, make_visitor, language: str = "en"):
    """A browser of one of the world's people (or nobody's), holding a form so a POST carries a token."""
    visitor = make_visitor(language)
    if persona != "anonymous":
        visitor.login(PEOPLE[persona])
    visitor.get("/login", follow_redirects=True)
    return visitor
