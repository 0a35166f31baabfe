"""Signing in and out, throttling, CSRF and no user enumeration."""

from clusterhub.accounts.services import find_user
from tests.factories import PASSWORD, make_user

WRONG = "The e-mail or password is wrong."


def test_member_signs_in_and_lands_on_their_clusters(app, world, visitor):
    response = visitor.submit("/login", {"email": "Member@Alfa.lv ", "password": PASSWORD})
    assert response.status_code == 302
    page = visitor.get("/").get_data(as_text=True)
    assert "Alfa CANARYALFA klasteris" in page


def test_sign_in_returns_to_the_page_asked_for(app, world, visitor):
    response = visitor.get("/c/alfa/members")
    assert response.status_code == 302 and "/login?next=%2Fc%2Falfa%2Fmembers" in response.location
    response = visitor.submit(
        "/login?next=/c/alfa/members", {"email": "member@alfa.lv", "password": PASSWORD}
    )
    assert response.location.endswith("/c/alfa/members")


def test_next_cannot_send_the_visitor_to_another_site(app, world, visitor):
    response = visitor.submit(
        "/login?next=//evil.example/x", {"email": "member@alfa.lv", "password": PASSWORD}
    )
    assert "evil.example" not in response.location


def test_unknown_email_and_wrong_password_get_the_same_answer(app, world, visitor):
    unknown = visitor.submit("/login", {"email": "nobody@alfa.lv", "password": PASSWORD})
    wrong = visitor.submit("/login", {"email": "member@alfa.lv", "password": "not-the-password"})
    assert unknown.status_code == wrong.status_code == 200
    assert WRONG in unknown.get_data(as_text=True) and WRONG in wrong.get_data(as_text=True)


def test_sign_in_is_throttled_after_five_failures_even_with_the_right_password(app, world, visitor):
    for _ in range(5):
        visitor.submit("/login", {"email": "member@alfa.lv", "password": "guess-guess-guess"})
    page = visitor.submit("/login", {"email": "member@alfa.lv", "password": PASSWORD}).get_data(as_text=True)
    assert "Too many failed attempts" in page
    assert visitor.get("/").status_code == 302  # still signed out


def test_throttling_one_address_does_not_lock_out_another_person(app, world, make_visitor):
    attacker = make_visitor()
    for _ in range(5):
        attacker.submit("/login", {"email": "member@alfa.lv", "password": "guess-guess-guess"})
    assert (
        make_visitor().submit("/login", {"email": "manager@alfa.lv", "password": PASSWORD}).status_code == 302
    )


def test_unknown_emails_are_throttled_too_so_throttling_reveals_nothing(app, world, visitor):
    for _ in range(5):
        visitor.submit("/login", {"email": "nobody@alfa.lv", "password": "guess-guess-guess"})
    page = visitor.submit("/login", {"email": "nobody@alfa.lv", "password": "x"}).get_data(as_text=True)
    assert "Too many failed attempts" in page


def test_a_form_sent_without_its_csrf_token_is_refused(app, world, visitor):
    response = visitor.client.post("/login", data={"email": "member@alfa.lv", "password": PASSWORD})
    assert response.status_code == 400
    assert "The form has expired" in response.get_data(as_text=True)
    assert visitor.get("/").status_code == 302


def test_sign_out_ends_the_session(app, world, visitor):
    visitor.login("member@alfa.lv")
    visitor.get("/")
    assert visitor.post("/logout").status_code == 302
    assert visitor.get("/c/alfa/").status_code == 302


def test_remember_me_sets_a_lasting_httponly_cookie(app, world, visitor):
    response = visitor.submit("/login", {"email": "member@alfa.lv", "password": PASSWORD, "remember": "y"})
    cookies = response.headers.getlist("Set-Cookie")
    remember = [c for c in cookies if c.startswith("remember_token=")]
    assert remember and "HttpOnly" in remember[0] and "Expires=" in remember[0]
    session = [c for c in cookies if c.startswith("session=")][0]
    assert "HttpOnly" in session and "SameSite=Lax" in session


def test_a_person_without_clusters_sees_an_explanation(app, visitor):
    make_user(app, "loner@example.lv", "Vientuļš")
    visitor.login("loner@example.lv")
    assert "not a member of any cluster yet" in visitor.get("/").get_data(as_text=True)


def test_passwords_are_stored_with_a_memory_hard_hash(app, world):
    with app.app_context():
        stored = find_user("member@alfa.lv").password_hash
    assert stored.startswith("scrypt:") and PASSWORD not in stored


def _fail_five_times(visitor, email: str = "member@alfa.lv") -> None:
    for _ in range(5):
        visitor.submit("/login", {"email": email, "password": "guess-guess-guess"})


def test_a_browser_that_signed_in_before_is_not_locked_out_by_a_strangers_guesses(app, world, make_visitor):
    own = make_visitor()
    own.login("member@alfa.lv")
    own.post("/logout")
    _fail_five_times(make_visitor())  # a stranger, anywhere
    assert own.submit("/login", {"email": "member@alfa.lv", "password": PASSWORD}).status_code == 302
    stranger = make_visitor()
    page = stranger.submit("/login", {"email": "member@alfa.lv", "password": PASSWORD}).get_data(as_text=True)
    assert "Too many failed attempts" in page  # unknown browsers are still slowed per account


def test_a_known_browser_that_guesses_is_locked_out_on_its_own(app, world, make_visitor):
    own = make_visitor()
    own.login("member@alfa.lv")
    own.post("/logout")
    _fail_five_times(own)
    page = own.submit("/login", {"email": "member@alfa.lv", "password": PASSWORD}).get_data(as_text=True)
    assert "Too many failed attempts" in page
    assert (
        make_visitor().submit("/login", {"email": "member@alfa.lv", "password": PASSWORD}).status_code == 302
    )


def test_an_office_behind_one_address_keeps_signing_in(app, world, make_visitor):
    office = [make_visitor() for _ in range(3)]
    for browser in office:
        browser.login("member@alfa.lv")
        browser.post("/logout")
    app.config["RATE_LIMITS"] = {**app.config["RATE_LIMITS"], "login": (3, 15 * 60)}
    # Known browsers count on their own against the per-address limit of sign-in forms.
    for browser in office:
        assert browser.submit("/login", {"email": "member@alfa.lv", "password": PASSWORD}).status_code == 302
