"""Each indicator counts what was recorded in the period, by Rīga's calendar; quarters add up to the year."""

from datetime import date

from clusterhub.catalogue.models import Service, ServiceFeedback, ServiceUse
from clusterhub.events.models import Event, EventAttendance
from clusterhub.indicators.periods import Period
from clusterhub.posts.models import Collaboration, Post, Thread
from clusterhub.ratings.models import Rating
from tenants.context import tenant_scope
from tenants.models import Tenant
from tests.factories import riga

Q1, Q2, Q3, Q4 = (Period(2025, quarter) for quarter in range(1, 5))
YEAR = Period(2025)
LONG_AGO = date(2019, 6, 1)
# A flow is something that happens in a period; these figures must add up over the quarters of a year.
FLOWS = (
    "new_members",
    "leaving_members",
    "posts",
    "posts_answered",
    "posts_fulfilled",
    "contacts",
    "collaborations",
    "ratings",
    "service_uses",
    "events",
    "attendances",
)


def _post(cluster, company, created_at, kind="need", **fields) -> Post:
    return cluster.add(
        Post(company=company, kind=kind, category="other", title="Vajag", created_at=created_at, **fields)
    )


def _thread(cluster, post, initiator, created_at) -> Thread:
    return cluster.add(
        Thread(
            post=post, initiator=initiator, recipient=post.company, subject="Atbilde", created_at=created_at
        )
    )


def _use(cluster, service, company, used_on, score=None) -> ServiceUse:
    use = cluster.add(ServiceUse(service=service, company=company, used_on=used_on))
    if score:
        cluster.add(ServiceFeedback(use=use, score=score))
    return use


def test_members_at_the_end_of_a_quarter_by_size_region_and_segment(cluster):
    cluster.member("Old micro in Rīga", LONG_AGO, size="micro", region="riga")
    cluster.member("Joined on the last day", date(2025, 3, 31), size="small", region="riga")
    cluster.member("Joined the next day", date(2025, 4, 1), size="small")
    cluster.member("Left on the last day", LONG_AGO, date(2025, 3, 31), "former", size="large")
    cluster.member("Left the next day", LONG_AGO, date(2025, 4, 1))

    assert cluster.parts("members_by_size", Q1) == {"micro": 1, "small": 1, "medium": 0, "large": 0, "": 1}
    assert cluster.parts("members_by_region", Q1)["riga"] == 2
    assert cluster.parts("members_by_region", Q1)[""] == 1  # not given
    # Long-standing members with no recorded activity are to be re-activated; the newcomer is new.
    assert cluster.parts("members_by_segment", Q1) == {"new": 1, "active": 0, "reactivate": 2}
    assert {
        cluster.value(key, Q1) for key in ("members_by_size", "members_by_region", "members_by_segment")
    } == {3}


def test_a_quarters_members_are_the_last_ones_plus_the_new_minus_the_leaving(cluster):
    cluster.member("Old", LONG_AGO)
    cluster.member("Joined on the last day of Q1", date(2025, 3, 31))
    cluster.member("Joined on the first day of Q2", date(2025, 4, 1))
    cluster.member("Moved to former on the last day of Q1", LONG_AGO, date(2025, 3, 31), "former")
    cluster.member("Left on the first day of Q2", LONG_AGO, date(2025, 4, 1), "left")
    cluster.member("Came and went in Q2", date(2025, 4, 10), date(2025, 6, 30), "left")

    assert cluster.value("new_members", Q1) == 1 and cluster.value("new_members", Q2) == 2
    assert cluster.parts("leaving_members", Q1) == {"left": 0, "former": 1}
    assert cluster.parts("leaving_members", Q2) == {"left": 2, "former": 0}
    members_q1, members_q2 = (cluster.value("members_by_size", q) for q in (Q1, Q2))
    assert (members_q1, members_q2) == (3, 3)
    assert members_q2 == members_q1 + cluster.value("new_members", Q2) - cluster.value("leaving_members", Q2)


def test_a_post_belongs_to_the_quarter_of_its_day_in_riga(cluster):
    company = cluster.member("Poster", LONG_AGO)
    _post(cluster, company, riga(2025, 3, 31, 23, 59))  # 20:59 UTC
    _post(cluster, company, riga(2025, 4, 1, 0, 30), kind="offer")  # 21:30 UTC, still 31 March in UTC
    _post(cluster, company, riga(2025, 1, 1, 0, 30), kind="interest")  # 22:30 UTC on 31 December 2024

    assert cluster.parts("posts", Q1) == {"need": 1, "offer": 0, "interest": 1}
    assert cluster.parts("posts", Q2) == {"need": 0, "offer": 1, "interest": 0}
    assert cluster.value("posts", Period(2024)) == 0


def test_a_post_counts_as_answered_once_in_the_quarter_of_its_first_answer(cluster):
    poster, first, second = (cluster.member(name, LONG_AGO) for name in ("Poster", "First", "Second"))
    post = _post(cluster, poster, riga(2025, 2, 1, 12, 0))
    _thread(cluster, post, first, riga(2025, 4, 1, 0, 5))
    _thread(cluster, post, second, riga(2025, 8, 1, 9, 0))
    cluster.add(
        Thread(initiator=first, recipient=second, subject="From a profile", created_at=riga(2025, 8, 2, 9, 0))
    )

    assert [cluster.value("posts_answered", q) for q in (Q1, Q2, Q3)] == [0, 1, 0]
    assert cluster.parts("posts_answered", Q2)["need"] == 1
    assert [cluster.value("contacts", q) for q in (Q1, Q2, Q3)] == [0, 1, 2]


def test_a_fulfilled_post_counts_in_the_quarter_of_its_last_change(cluster):
    company = cluster.member("Poster", LONG_AGO)
    posted = riga(2025, 1, 15, 10, 0)
    _post(cluster, company, posted, status="fulfilled", updated_at=riga(2025, 6, 30, 23, 30))
    _post(cluster, company, posted, kind="offer", status="open", updated_at=riga(2025, 5, 1, 10, 0))
    _post(cluster, company, posted, status="withdrawn", updated_at=riga(2025, 5, 1, 10, 0))

    assert cluster.value("posts_fulfilled", Q1) == 0
    assert cluster.parts("posts_fulfilled", Q2) == {"need": 1, "offer": 0, "interest": 0}


def test_collaborations_and_ratings_count_when_they_were_recorded(cluster):
    one, other = cluster.member("One", LONG_AGO), cluster.member("Other", LONG_AGO)
    thread = _thread(cluster, _post(cluster, one, riga(2025, 3, 1, 9, 0)), other, riga(2025, 3, 2, 9, 0))
    cluster.add(Collaboration(thread=thread, created_at=riga(2025, 3, 31, 23, 0)))
    scores = {"quality": 5, "reliability": 4, "communication": 5}
    cluster.add(Rating(rater=other, rated=one, created_at=riga(2025, 4, 1, 0, 0), **scores))
    cluster.add(
        Rating(
            rater=one,
            rated=other,
            created_at=riga(2025, 6, 1, 0, 0),
            hidden_at=riga(2025, 6, 2, 0, 0),
            **scores,
        )
    )

    assert (cluster.value("collaborations", Q1), cluster.value("collaborations", Q2)) == (1, 0)
    assert (cluster.value("ratings", Q1), cluster.value("ratings", Q2)) == (0, 2)


def test_services_used_companies_and_average_feedback_of_a_quarter(cluster):
    one, other = cluster.member("One", LONG_AGO), cluster.member("Other", LONG_AGO)
    course = cluster.add(Service(name="Kurss", kind="training"))
    fair = cluster.add(Service(name="Izstāde", kind="exhibition"))
    _use(cluster, course, one, date(2025, 3, 31), score=2)
    _use(cluster, course, one, date(2025, 4, 1), score=5)
    _use(cluster, fair, one, date(2025, 5, 5), score=4)
    _use(cluster, fair, other, date(2025, 6, 30))

    assert cluster.value("service_uses", Q1) == 1 and cluster.value("feedback_score", Q1) == 2
    assert cluster.parts("service_uses", Q2) == {
        "training": 1,
        "trade_mission": 0,
        "exhibition": 2,
        "consultation": 0,
        "joint_purchasing": 0,
        "networking": 0,
        "other": 0,
    }
    assert cluster.value("service_companies", Q2) == 2
    assert cluster.value("feedback_score", Q2) == 4.5  # the use without feedback does not count
    assert cluster.value("feedback_score", Q3) is None
    assert cluster.value("service_companies", YEAR) == 2  # each company once, not 1 + 2
    assert cluster.value("feedback_score", YEAR) == round((2 + 5 + 4) / 3, 2)


def test_events_held_and_attendances_of_a_quarter(cluster):
    one, other = cluster.member("One", LONG_AGO), cluster.member("Other", LONG_AGO)
    meeting = cluster.add(Event(title="Sapulce", kind="member_meeting", starts_at=riga(2025, 3, 31, 23, 30)))
    breakfast = cluster.add(Event(title="Brokastis", kind="breakfast", starts_at=riga(2025, 4, 1, 0, 0)))
    cluster.add(
        EventAttendance(event=meeting, company=one),
        EventAttendance(event=breakfast, company=one),
        EventAttendance(event=breakfast, company=other),
    )

    assert cluster.parts("events", Q1)["member_meeting"] == 1 and cluster.value("events", Q1) == 1
    assert cluster.parts("events", Q2)["breakfast"] == 1 and cluster.value("events", Q2) == 1
    assert (cluster.value("attendances", Q1), cluster.value("attendances", Q2)) == (1, 2)


def test_every_figure_has_a_label_and_a_definition(cluster):
    for figure in cluster.figures(Q1).values():
        assert figure.label and len(figure.definition) > 20, figure.key


def _a_busy_year(cluster) -> None:
    """Records spread over 2025 and its edges, including the first and last moments of each quarter."""
    companies = [cluster.member(f"Company {n}", date(2025, 3 * n - 2, 1)) for n in range(1, 5)]
    cluster.member("Leaver", LONG_AGO, date(2025, 12, 31), "former")
    service = cluster.add(Service(name="Konsultācija", kind="consultation"))
    for n, company in enumerate(companies, start=1):
        start_month = 3 * n - 2
        partner = companies[n % 4]
        post = _post(cluster, company, riga(2025, start_month, 1, 0, 0))
        done = riga(2025, start_month + 2, 28, 23, 59)
        _post(cluster, company, riga(2025, start_month, 2), kind="offer", status="fulfilled", updated_at=done)
        thread = _thread(
            cluster, post, partner, riga(2025, start_month + 2, 31 if n in (1, 4) else 30, 23, 59)
        )
        cluster.add(Collaboration(thread=thread, created_at=riga(2025, start_month + 1, 15, 12, 0)))
        cluster.add(
            Rating(
                rater=partner,
                rated=company,
                quality=4,
                reliability=4,
                communication=4,
                created_at=riga(2025, start_month, 1, 0, 0),
            )
        )
        _use(cluster, service, company, date(2025, start_month, 1), score=n % 5 + 1)
        event = cluster.add(Event(title=f"Sapulce {n}", starts_at=riga(2025, start_month, 10, 18, 0)))
        cluster.add(EventAttendance(event=event, company=company))
    _post(cluster, companies[0], riga(2024, 12, 31, 23, 59))  # 2024 in Rīga
    _post(cluster, companies[0], riga(2026, 1, 1, 0, 0))  # 2026 in Rīga, 2025 in UTC


def test_the_year_is_the_sum_of_its_quarters_for_every_flow(cluster):
    _a_busy_year(cluster)
    year = cluster.figures(YEAR)
    quarters = [cluster.figures(q) for q in YEAR.quarters]
    for key in FLOWS:
        assert year[key].value == sum(q[key].value for q in quarters), key
        for n, part in enumerate(year[key].breakdown):
            assert part.value == sum(q[key].breakdown[n].value for q in quarters), (key, part.key)
    assert [q["posts"].value for q in quarters] == [2, 2, 2, 2]
    assert [q["contacts"].value for q in quarters] == [1, 1, 1, 1]
    # Members are counted at the end of the period: the year's are the fourth quarter's.
    assert year["members_by_size"].value == quarters[3]["members_by_size"].value == 4


def test_another_clusters_records_are_not_counted(cluster):
    cluster.member("Ours", LONG_AGO)
    beta = cluster.add(Tenant(slug="beta", name="Beta"))
    with tenant_scope(beta):
        theirs = cluster.member("Theirs", LONG_AGO)
        _post(cluster, theirs, riga(2025, 2, 1, 12, 0))
    assert cluster.value("members_by_size", Q1) == 1
    assert cluster.value("posts", Q1) == 0
