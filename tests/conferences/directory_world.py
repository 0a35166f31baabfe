"""A conference of three invited clusters for the directory and matching tests (helpers, not fixtures)."""

from tests.factories import make_conference, make_participant, make_profile, make_tenant, make_user


class Fair:
    """Alfa, Beta and Gamma invited, Delta not. Anna (Alfa, wood processing) seeks logistics for export;
    Ceļvedis (Beta, logistics) shows its region, roles, description and contact; Skaidas (Gamma, wood
    processing, like Anna) shows nothing optional. Gamma also has a company that only asked to go, one
    that was nominated but has not registered, and a member whose company is not going at all."""

    def __init__(self, app):
        for slug in ("alfa", "beta", "gamma", "delta"):
            make_tenant(app, slug, f"{slug.capitalize()} klasteris")
        make_user(app, "org@clusterhub.lv", "Olga Organizatore", is_organiser=True)
        self.conference = make_conference(app, "org@clusterhub.lv", {"alfa": 10, "beta": 10, "gamma": 10})
        self.anna = self._participant(
            app,
            "alfa",
            "anna@alfa.lv",
            "SIA Kokmeistars",
            {"sectors": ["Kokapstrāde"], "roles": ["producer"], "region": "kurzeme"},
            seeks="Meklējam loģistikas partneri eksportam uz Vāciju",
            offers="Koka iepakojums un paletes",
            interests="Loģistika",
        )
        self.celvedis = self._participant(
            app,
            "beta",
            "bruno@beta.lv",
            "SIA Ceļvedis",
            {
                "sectors": ["Loģistika"],
                "roles": ["distributor"],
                "region": "vidzeme",
                "description": "Kravas vedam REDZAMS apraksts",
                "website": "https://celvedis.lv",
            },
            seeks="Iepakojumu kravām",
            offers="Loģistikas pakalpojumi un kravu pārvadājumi eksportam",
            interests="Kokapstrāde",
            show_region=True,
            show_roles=True,
            show_description=True,
            show_website=True,
            show_contact=True,
        )
        self.skaidas = self._participant(
            app,
            "gamma",
            "gita@gamma.lv",
            "SIA Skaidas",
            {
                "sectors": ["kokapstrāde"],
                "roles": ["distributor"],
                "region": "latgale",
                "description": "SLEPENS apraksts",
                "website": "https://slepens.lv",
                "size": "small",
            },
            seeks="Kokmateriāli",
            offers="Loģistika eksportam",
        )
        make_user(app, "asks@gamma.lv", "Ilze Lūdzēja", "gamma", "member", "SIA Lūdzējs")
        make_participant(app, self.conference, "gamma", "SIA Lūdzējs", "asks@gamma.lv", status="requested")
        make_user(app, "nominee@gamma.lv", "Nils Nominētais", "gamma", "member", "SIA Nominētais")
        make_participant(app, self.conference, "gamma", "SIA Nominētais", status="nominated")
        make_user(app, "stay@gamma.lv", "Sandra Mājās", "gamma", "member", "SIA Mājās")
        make_user(app, "delta@delta.lv", "Dace Delta", "delta", "member", "SIA Delta")

    def _participant(self, app, slug, email, company, profile, **fields) -> int:
        make_user(app, email, f"Persona {company}", slug, "member", company)
        make_profile(app, slug, company, **profile)
        return make_participant(app, self.conference, slug, company, email, **fields)

    def participants(self) -> str:
        return f"/events/{self.conference}/participants"

    def matches(self) -> str:
        return f"/events/{self.conference}/matches"
