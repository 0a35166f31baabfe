"""A conference with known answers for the organiser's report and the feedback tests (helpers, not fixtures).

Alfa (quota 3): Ābols (sectors Kokapstrāde and Loģistika, Anna), Bērzs (Kokapstrāde, Bruno), Cits asked
to go. Beta (quota 2): Dzērve (Pārtika, Dace), Egle nominated. Gamma (quota 2): Gulbis (no sector, Gita).
Meetings: Ābols-Dzērve slot 1 table 1 and Bērzs-Gulbis slot 1 table 2 and Ābols-Bērzs slot 2 table 1
(accepted), Dzērve-Gulbis declined, Gulbis-Ābols cancelled, Bērzs-Dzērve pending.
"""

from datetime import timedelta

from clusterhub.clock import local_today
from tests.factories import (
    make_conference,
    make_meeting,
    make_participant,
    make_profile,
    make_tenant,
    make_user,
    riga,
)

ORGANISER = "org@clusterhub.lv"
PEOPLE = {
    "anna@alfa.lv": ("alfa", "Anna Ābola", "SIA Ābols", ["Kokapstrāde", "Loģistika"]),
    "bruno@alfa.lv": ("alfa", "Bruno Bērziņš", "SIA Bērzs", ["Kokapstrāde"]),
    "cits@alfa.lv": ("alfa", "Cilda Cita", "SIA Cits", ["Kokapstrāde"]),
    "dace@beta.lv": ("beta", "Dace Dzērvīte", "SIA Dzērve", ["Pārtika"]),
    "egle@beta.lv": ("beta", "Elza Eglīte", "SIA Egle", ["Pārtika"]),
    "gita@gamma.lv": ("gamma", "Gita Gulbe", "SIA Gulbis", []),
}


def days_from_today(days: int):
    """9:00 in Rīga `days` from today (negative: in the past)."""
    return riga(*(local_today() + timedelta(days=days)).timetuple()[:3], 9, 0)


class Fair:
    """The conference described above; `past=True` makes it one that ended yesterday."""

    def __init__(self, app, past: bool = False, **conference):
        for slug in ("alfa", "beta", "gamma"):
            make_tenant(app, slug, f"{slug.capitalize()} klasteris")
        make_user(app, ORGANISER, "Olga Organizatore", is_organiser=True)
        for email, (slug, name, company, sectors) in PEOPLE.items():
            make_user(app, email, name, slug, "member", company)
            if sectors:
                make_profile(app, slug, company, sectors=sectors)
        if past:
            conference.setdefault("starts_at", days_from_today(-1))
        self.conference = make_conference(app, ORGANISER, {"alfa": 3, "beta": 2, "gamma": 2}, **conference)
        self.abols = make_participant(app, self.conference, "alfa", "SIA Ābols", "anna@alfa.lv")
        self.berzs = make_participant(app, self.conference, "alfa", "SIA Bērzs", "bruno@alfa.lv")
        make_participant(app, self.conference, "alfa", "SIA Cits", "cits@alfa.lv", status="requested")
        self.dzerve = make_participant(app, self.conference, "beta", "SIA Dzērve", "dace@beta.lv")
        make_participant(app, self.conference, "beta", "SIA Egle", status="nominated")
        self.gulbis = make_participant(app, self.conference, "gamma", "SIA Gulbis", "gita@gamma.lv")
        self.abols_dzerve = make_meeting(app, self.abols, self.dzerve, 0, status="accepted", table_no=1)
        self.berzs_gulbis = make_meeting(app, self.berzs, self.gulbis, 0, status="accepted", table_no=2)
        self.abols_berzs = make_meeting(app, self.abols, self.berzs, 1, status="accepted", table_no=1)
        make_meeting(app, self.dzerve, self.gulbis, 2, status="declined")
        make_meeting(app, self.gulbis, self.abols, 3, status="cancelled")
        make_meeting(app, self.berzs, self.dzerve, 3)

    def path(self, page: str = "") -> str:
        return f"/events/{self.conference}{page}"
