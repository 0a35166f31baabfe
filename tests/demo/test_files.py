"""The demo's content is data: a cluster is added by writing its file, read into the shapes of entries.py."""

import json

from clusterhub.demo import files
from clusterhub.demo.entries import Profile


def test_a_cluster_is_added_by_writing_its_file(tmp_path, monkeypatch):
    (tmp_path / "clusters").mkdir()
    spec = json.loads((files.CONTENT / "clusters" / "avt.json").read_text(encoding="utf-8"))
    spec["slug"], spec["companies"] = "kino", [spec["companies"][1]]
    (tmp_path / "clusters" / "kino.json").write_text(json.dumps(spec), encoding="utf-8")
    monkeypatch.setattr(files, "CONTENT", tmp_path)
    [kino] = files.clusters()
    # A field left out takes the shape's default; lists come back as the tuples the loader compares.
    assert kino["slug"] == "kino"
    assert kino["companies"] == [
        Profile(
            "SIA Gaismas Tehnika",
            "medium",
            "riga",
            ("resource_holder", "distributor"),
            ("Filmēšanas tehnika", "Pasākumu tehnika"),
            ("Apgaismojuma noma", "LED apgaismojums", "Gaismotāju pakalpojumi"),
            spec["companies"][0]["description"],
        )
    ]
