"""Settings: the secret key is made once, kept, and never a constant in the code; the instance folder."""

from clusterhub import create_app
from clusterhub.config import stored_secret_key


def test_the_secret_key_is_random_kept_and_private(tmp_path):
    first = stored_secret_key(str(tmp_path))
    assert len(first) >= 40 and stored_secret_key(str(tmp_path)) == first
    assert oct((tmp_path / "secret_key").stat().st_mode & 0o777) == "0o600"
    assert stored_secret_key(str(tmp_path / "other")) != first
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith("secret_key.")] == []


def test_an_instance_folder_outside_the_code_holds_the_servers_own_files(monkeypatch, tmp_path):
    monkeypatch.setenv("CLUSTERHUB_INSTANCE_DIR", str(tmp_path / "server-a"))
    monkeypatch.delenv("CLUSTERHUB_SECRET_KEY", raising=False)
    monkeypatch.delenv("CLUSTERHUB_INDEX_DIR", raising=False)
    app = create_app({"SQLALCHEMY_DATABASE_URI": "sqlite://"})
    assert app.instance_path == str(tmp_path / "server-a")
    assert app.config["INDEX_DIR"] == str(tmp_path / "server-a" / "index")
    assert (tmp_path / "server-a" / "secret_key").read_text().strip() == app.config["SECRET_KEY"]
