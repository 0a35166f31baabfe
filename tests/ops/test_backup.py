"""`flask backup create|restore`: a restored instance has the same rows and content, and its search works."""

import stat
import uuid

from sqlalchemy import select

from clusterhub import create_app
from clusterhub.companies.models import Company
from clusterhub.extensions import db
from clusterhub.ops.backup import contents
from clusterhub.posts.models import Post
from tests.conftest import World, app_config
from tests.search.conftest import found, in_cluster

NEED = f"{World.CANARY_A} vajadzība"  # post_a's title


def _rows(app) -> tuple[dict[str, int], list[str]]:
    with app.app_context(), db.engine.connect() as connection:
        return contents(connection)


def _texts(app) -> tuple[list[str], list[str]]:
    with in_cluster(app, "alfa"):
        companies = db.session.scalars(select(Company.name).order_by(Company.id)).all()
        posts = db.session.scalars(select(Post.title).order_by(Post.id)).all()
    return companies, posts


def _invoke(app, *args: str):
    result = app.test_cli_runner().invoke(args=list(args))
    assert result.exit_code == 0, result.output
    return result.output


def test_a_backup_restored_into_a_fresh_instance_has_the_same_rows_content_and_search(
    app, world, fresh_database, tmp_path
):
    archive = tmp_path / "backup"
    _invoke(app, "backup", "create", str(archive))
    assert stat.S_IMODE(archive.stat().st_mode) == 0o700
    fresh = create_app(app_config(fresh_database(f"restored_{uuid.uuid4().hex[:8]}"), tmp_path / "fresh"))
    output = _invoke(fresh, "backup", "restore", str(archive))
    assert "documents indexed" in output
    assert _rows(fresh) == _rows(app)
    assert _texts(fresh) == _texts(app)
    assert found(fresh, "alfa", NEED) == [NEED]


def test_a_tar_backup_brings_back_what_was_deleted_after_it(app, world, tmp_path):
    archive = tmp_path / "nightly.tar.gz"
    _invoke(app, "backup", "create", str(archive))
    assert stat.S_IMODE(archive.stat().st_mode) == 0o600
    before = _rows(app)
    with in_cluster(app, "alfa"):
        db.session.delete(db.session.get(Post, world.post_a))
        db.session.commit()
    assert found(app, "alfa", NEED) == []
    _invoke(app, "backup", "restore", str(archive))
    assert _rows(app) == before
    assert found(app, "alfa", NEED) == [NEED]


def test_a_backup_never_overwrites_and_a_restore_needs_a_backup(app, tmp_path):
    (tmp_path / "taken").mkdir()
    (tmp_path / "notes.txt").write_text("not a backup")
    runner = app.test_cli_runner()
    taken = runner.invoke(args=["backup", "create", str(tmp_path / "taken")])
    assert taken.exit_code != 0 and "exists already" in taken.output
    wrong = runner.invoke(args=["backup", "restore", str(tmp_path / "notes.txt")])
    assert wrong.exit_code != 0 and "neither a backup folder nor a tar archive" in wrong.output
