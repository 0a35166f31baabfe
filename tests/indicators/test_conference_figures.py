"""The cluster's part in inter-cluster conferences: participations, meetings with other clusters'
companies, their follow-ups and the rating given, counted in the quarter the conference began."""

from datetime import datetime, timedelta

from clusterhub.accounts.models import User
from clusterhub.conferences.models import Meeting, Participant
from clusterhub.events.models import Event
from clusterhub.indicators.periods import Period
from tenants.context import tenant_scope
from tenants.models import Tenant
from tests.factories import riga

Q1, Q2 = Period(2025, 1), Period(2025, 2)
KEYS = ("conference_participations", "cross_cluster_meetings", "cross_cluster_follow_ups")


class Conference:
    """A conference on the platform (no cluster), with participants of alfa (under test) and beta."""

    def __init__(self, cluster, starts_at: datetime, organiser: User, beta: Tenant):
        self.cluster, self.beta = cluster, beta
        with tenant_scope(None):
            self.event = cluster.add(
                Event(
                    kind="conference",
                    title="Konference",
                    starts_at=starts_at,
                    organiser=organiser,
                    slot_minutes=30,
                    tables=5,
                )
            )
        self.slot = 0

    def participant(self, name: str, person: User, of_beta=False, status="registered", rating=None):
        company = self.cluster.member(name, Q1.start)
        fields = {"user": person, "consented_at": self.event.starts_at} if status == "registered" else {}
        participant = Participant(event=self.event, company=company, status=status, rating=rating, **fields)
        if not of_beta:
            return self.cluster.add(participant)
        participant.tenant = self.beta
        with tenant_scope(self.beta):
            return self.cluster.add(participant)

    def meeting(self, requester, invitee, status="accepted", **answers) -> Meeting:
        self.slot += 1
        return self.cluster.add(
            Meeting(
                event=self.event,
                requester=requester,
                invitee=invitee,
                proposed_by=requester,
                starts_at=self.event.starts_at + timedelta(minutes=30 * self.slot),
                status=status,
                table_no=1 if status == "accepted" else None,
                **answers,
            )
        )


def _setting(cluster):
    people = [
        cluster.add(User(email=f"p{n}@example.lv", name=f"Person {n}", password_hash="-")) for n in range(6)
    ]
    beta = cluster.add(Tenant(slug="beta", name="Beta"))
    return people, beta


def test_conference_figures_count_the_clusters_companies_and_their_cross_cluster_meetings(cluster):
    people, beta = _setting(cluster)
    # The last minute of Q1 and the first of Q2 in Rīga (both still 31 March in UTC).
    march = Conference(cluster, riga(2025, 3, 31, 23, 59), people[0], beta)
    april = Conference(cluster, riga(2025, 4, 1, 0, 0), people[0], beta)

    ours = march.participant("Ours", people[1], rating=4)
    colleague = march.participant("Colleague", people[2], rating=1)
    theirs = march.participant("Theirs", people[3], of_beta=True, rating=5)
    march.participant("Only asked", None, status="requested")
    # With a company of another cluster: counted; ours said it led to a follow-up.
    march.meeting(ours, theirs, requester_followed_up=True, invitee_followed_up=False)
    # The other cluster asked; only its side says yes: not our follow-up.
    march.meeting(theirs, colleague, requester_followed_up=True, invitee_followed_up=False)
    # Between two of our own companies: not cross-cluster, whatever they say.
    march.meeting(ours, colleague, requester_followed_up=True)
    march.meeting(theirs, ours, status="declined")

    later = april.participant("Ours in April", people[4], rating=2)
    april.meeting(
        later, april.participant("Theirs in April", people[5], of_beta=True), invitee_followed_up=True
    )

    assert [cluster.value(key, Q1) for key in KEYS] == [2, 2, 1]
    assert cluster.value("conference_rating", Q1) == 2.5  # ours only: (4 + 1) / 2, not beta's 5
    assert [cluster.value(key, Q2) for key in KEYS] == [1, 1, 0]
    assert [cluster.value(key, Period(2025)) for key in KEYS] == [3, 3, 1]
    assert cluster.value("conference_rating", Period(2025)) == round((4 + 1 + 2) / 3, 2)


def test_conference_figures_are_empty_without_conferences(cluster):
    assert [cluster.value(key, Q1) for key in KEYS] == [0, 0, 0]
    figure = cluster.figures(Q1)["conference_rating"]
    assert figure.value is None and "1–5" in figure.definition


def test_another_cluster_sees_its_own_side_of_the_same_meetings(cluster):
    people, beta = _setting(cluster)
    march = Conference(cluster, riga(2025, 2, 10, 9, 0), people[0], beta)
    ours = march.participant("Ours", people[1])
    theirs = march.participant("Theirs", people[2], of_beta=True, rating=3)
    march.meeting(ours, theirs, requester_followed_up=False, invitee_followed_up=True)

    assert [cluster.value(key, Q1) for key in KEYS] == [1, 1, 0]
    with tenant_scope(beta):
        assert [cluster.value(key, Q1) for key in KEYS] == [1, 1, 1]
        assert cluster.value("conference_rating", Q1) == 3
