"""Settings: the secret key is made once, kept, and never a constant in the code."""

from clusterhub.config import stored_secret_key


def test_the_secret_key_is_random_kept_and_private(tmp_path):
    first = stored_secret_key(str(tmp_path))
    assert len(first) >= 40 and stored_secret_key(str(tmp_path)) == first
    assert oct((tmp_path / "secret_key").stat().st_mode & 0o777) == "0o600"
    assert stored_secret_key(str(tmp_path / "other")) != first
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith("secret_key.")] == []
