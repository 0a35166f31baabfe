"""`flask import posts`: needs, offers and partnership interests of member companies from a spreadsheet."""

from datetime import date

from sqlalchemy import select

from clusterhub.extensions import db
from clusterhub.posts.models import Post
from tests.factories import make_profile
from tests.transfer.conftest import POST_HEADER, csv_bytes, everything, in_cluster


def _import(runner, path: str, *options: str):
    return runner.invoke(args=["import", "posts", path, "--tenant", "alfa", *options])


def _posts_file() -> bytes:
    return csv_bytes(
        POST_HEADER,
        [
            [
                "40003111111",
                "need",
                "export",
                "Meklējam partneri Vācijas tirgum",
                "Vajadzīgs izplatītājs ar pieredzi.",
                "eksports; Vācija",
                "2030-06-30",
            ],
            ["SIA CANARYALFA Ābele", "Offer", "Equipment sharing", "Iznomājam CNC darbgaldu", "", "", ""],
            ["sia canaryalfa ābele", "interest", "research", "Kopīgs pētījums ar RTU", "", "", ""],
        ],
    )


def test_posts_are_added_for_companies_named_by_registration_number_or_name(app, world, runner, write_file):
    make_profile(app, "alfa", "SIA CANARYALFA Čiekurs", registration_number="40003111111")
    result = _import(runner, write_file(_posts_file()))
    assert result.exit_code == 0, result.output
    assert result.output == "3 posts: 3 new\n"
    with in_cluster(app, "alfa"):
        post = db.session.scalar(select(Post).where(Post.title == "Meklējam partneri Vācijas tirgum"))
        assert post.company.name == "SIA CANARYALFA Čiekurs"
        assert (post.kind, post.category, post.status, post.valid_until) == (
            "need",
            "export",
            "open",
            date(2030, 6, 30),
        )
        assert post.tag_names == ["eksports", "Vācija"] or sorted(post.tag_names) == ["eksports", "Vācija"]
        assert post.author is None
        offer = db.session.scalar(select(Post).where(Post.title == "Iznomājam CNC darbgaldu"))
        assert (offer.company.name, offer.kind, offer.category) == (
            "SIA CANARYALFA Ābele",
            "offer",
            "equipment",
        )


def test_importing_the_same_posts_again_adds_nothing(app, world, runner, write_file):
    make_profile(app, "alfa", "SIA CANARYALFA Čiekurs", registration_number="40003111111")
    path = write_file(_posts_file())
    _import(runner, path)
    before = everything(app)
    result = _import(runner, path)
    assert result.exit_code == 0 and result.output == "3 posts: 3 already on the board\n"
    assert everything(app) == before


def test_a_company_of_another_cluster_or_no_company_is_an_error_and_nothing_is_posted(
    app, world, runner, write_file
):
    rows = [
        ["SIA CANARYALFA Ābele", "need", "training", "Apmācības metinātājiem", "", "", ""],
        ["SIA CANARYBETA Dārzs", "need", "training", "Svešā klastera vajadzība", "", "", ""],
        ["SIA CANARYALFA Ābele", "wish", "", "", "", "", "30.02.2030"],
    ]
    before = everything(app)
    result = _import(runner, write_file(csv_bytes(POST_HEADER, rows)))
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert (
        "Error: row 3, company: No member company of this cluster has this registration number or name."
        in (result.output)
    )
    for column in ("kind", "category", "title", "valid_until"):
        assert f"Error: row 4, {column}: " in result.output
    assert everything(app) == before


def test_a_dry_run_of_posts_writes_nothing(app, world, runner, write_file):
    make_profile(app, "alfa", "SIA CANARYALFA Čiekurs", registration_number="40003111111")
    before = everything(app)
    result = _import(runner, write_file(_posts_file()), "--dry-run")
    assert result.exit_code == 0
    assert "row 2: Meklējam partneri Vācijas tirgum: new" in result.output
    assert everything(app) == before
