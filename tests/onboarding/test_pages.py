"""New members get the onboarding kit on their home page; managers define the road map and follow it."""

import re
from datetime import date

from tests.factories import make_profile, make_tenant, make_user

KIT = "your onboarding kit"


def _steps_in_order(page: str) -> list[str]:
    road_map = page[page.index('id="road-map"') : page.index("Add a step")]
    return re.findall(r"<strong>([^<]+)</strong>", road_map)


def test_a_new_member_finds_the_onboarding_kit_on_the_cluster_home_page(app, world, visitor):
    make_profile(app, "alfa", "SIA CANARYALFA Ābele", sectors=["CANARYALFA nozare"])
    visitor.login("member@alfa.lv")
    page = visitor.get("/c/alfa/").get_data(as_text=True)
    assert KIT in page
    assert page.count("CANARYALFA vīzija") == 1  # the kit shows the vision instead of the page head
    assert "CANARYALFA pakalpojums" in page and "used 1 time in the last 12 months" in page
    assert 'name="steps"' in page and "CANARYALFA solis" in page
    assert "SIA CANARYALFA Ābele" in page and "Same sector as yours: CANARYALFA nozare." in page
    assert f'href="/c/alfa/events/{world.managed_a["event"]}">CANARYALFA sapulce</a>' in page


def test_the_kit_says_what_is_missing_in_a_cluster_that_is_just_starting(app, visitor):
    make_tenant(app, "gamma", "Gamma", vision="")
    make_user(app, "first@gamma.lv", "Pirmais", "gamma", "member", "SIA Pirmā")
    visitor.login("first@gamma.lv")
    page = visitor.get("/c/gamma/").get_data(as_text=True)
    assert KIT in page
    assert "No member has used a cluster service in the last 12 months yet." in page
    assert "The managers have not set up the road map yet." in page
    assert "No suggestions yet." in page
    assert "No meeting where new members can present themselves is planned yet." in page


def test_a_longer_standing_member_gets_no_kit(app, world, visitor):
    make_profile(app, "alfa", "SIA CANARYALFA Čiekurs", member_since=date(2020, 1, 1))
    visitor.login("member@alfa.lv")
    page = visitor.get("/c/alfa/").get_data(as_text=True)
    assert KIT not in page and "CANARYALFA vīzija" in page
    assert visitor.get("/c/alfa/onboarding").status_code == 403
    assert (
        visitor.post("/c/alfa/onboarding/progress", {"steps": [world.managed_a["step"]]}).status_code == 403
    )


def test_a_member_ticks_steps_and_the_manager_sees_who_did_which_and_when(app, world, visitor, signed_in):
    step = world.managed_a["step"]
    visitor.login("member@alfa.lv")
    visitor.get("/c/alfa/")
    response = visitor.post("/c/alfa/onboarding/progress?next=/c/alfa/", {"steps": [step]})
    assert response.status_code == 302 and response.location.endswith("/c/alfa/")
    page = visitor.get("/c/alfa/").get_data(as_text=True)
    assert re.search(rf'value="{step}" id="step-{step}" checked>', page)
    assert "1 of 1 step done." in page and "done on" in page

    manager = signed_in("manager@alfa.lv")
    table = manager.get("/c/alfa/manage/onboarding").get_data(as_text=True)
    row = re.search(r"<tr>\s*<th scope=\"row\"><a[^>]*>SIA CANARYALFA Čiekurs</a></th>.*?</tr>", table, re.S)
    assert "✓" in row.group(0) and "1 of 1" in row.group(0)

    visitor.post("/c/alfa/onboarding/progress", {})  # every box unticked
    table = manager.get("/c/alfa/manage/onboarding").get_data(as_text=True)
    row = re.search(r"<tr>\s*<th scope=\"row\"><a[^>]*>SIA CANARYALFA Čiekurs</a></th>.*?</tr>", table, re.S)
    assert "not done" in row.group(0) and "0 of 1" in row.group(0)


def test_only_new_members_are_in_the_progress_table(app, world, visitor):
    make_profile(app, "alfa", "SIA CANARYALFA Čiekurs", member_since=date(2020, 1, 1))
    visitor.login("manager@alfa.lv")
    table = visitor.get("/c/alfa/manage/onboarding").get_data(as_text=True)
    assert ">SIA CANARYALFA Ābele</a></th>" in table
    assert ">SIA CANARYALFA Čiekurs</a></th>" not in table


def test_managers_add_reorder_edit_and_delete_steps(app, world, visitor):
    visitor.login("manager@alfa.lv")
    for title in ("Aizpildiet profilu", "Publicējiet vajadzību"):
        response = visitor.submit("/c/alfa/manage/onboarding", {"title": title, "description": ""})
        assert response.status_code == 302
    page = visitor.get("/c/alfa/manage/onboarding").get_data(as_text=True)
    assert _steps_in_order(page) == ["CANARYALFA solis", "Aizpildiet profilu", "Publicējiet vajadzību"]

    ups = re.findall(r'action="(/c/alfa/manage/onboarding/steps/\d+/up)"', page)
    assert len(ups) == 2  # the first step has no "Up"
    visitor.post(ups[-1])  # "Publicējiet vajadzību" up
    page = visitor.get("/c/alfa/manage/onboarding").get_data(as_text=True)
    assert _steps_in_order(page) == ["CANARYALFA solis", "Publicējiet vajadzību", "Aizpildiet profilu"]
    downs = re.findall(r'action="(/c/alfa/manage/onboarding/steps/\d+/down)"', page)
    visitor.post(downs[0])  # "CANARYALFA solis" down
    page = visitor.get("/c/alfa/manage/onboarding").get_data(as_text=True)
    assert _steps_in_order(page) == ["Publicējiet vajadzību", "CANARYALFA solis", "Aizpildiet profilu"]

    step = world.managed_a["step"]
    response = visitor.submit(
        f"/c/alfa/manage/onboarding/steps/{step}/edit",
        {"title": "Iepazīstieties ar vadību", "description": "Zvaniet **Mārai**"},
    )
    assert response.status_code == 302
    page = visitor.get("/c/alfa/manage/onboarding").get_data(as_text=True)
    assert "Iepazīstieties ar vadību" in page and "<strong>Mārai</strong>" in page

    question = visitor.get(f"/c/alfa/manage/onboarding/steps/{step}/delete").get_data(as_text=True)
    assert "0 companies have ticked it done" in question
    assert visitor.post(f"/c/alfa/manage/onboarding/steps/{step}/delete").status_code == 302
    page = visitor.get("/c/alfa/manage/onboarding").get_data(as_text=True)
    assert _steps_in_order(page) == ["Publicējiet vajadzību", "Aizpildiet profilu"]


def test_a_step_needs_a_title(app, world, visitor):
    visitor.login("manager@alfa.lv")
    response = visitor.submit("/c/alfa/manage/onboarding", {"title": " ", "description": "x"})
    assert response.status_code == 200
    assert re.search(r'id="title-errors">\s*<li>This field is required.', visitor.last_page)


def test_a_manager_previews_the_kit_without_ticking_it(app, world, visitor):
    make_profile(app, "alfa", "SIA CANARYALFA Ābele", member_since=date(2020, 1, 1))
    visitor.login("manager@alfa.lv")
    assert KIT not in visitor.get("/c/alfa/").get_data(as_text=True)
    page = visitor.get("/c/alfa/onboarding").get_data(as_text=True)
    assert KIT in page and "You see the kit as the cluster's new members see it." in page
    assert 'name="steps"' not in page and "CANARYALFA solis" in page
    assert visitor.post("/c/alfa/onboarding/progress", {}).status_code == 403


def test_members_cannot_open_the_road_map_tools(app, world, visitor):
    visitor.login("member@alfa.lv")
    assert visitor.get("/c/alfa/manage/onboarding").status_code == 403
    assert visitor.get(f"/c/alfa/manage/onboarding/steps/{world.managed_a['step']}/edit").status_code == 403
