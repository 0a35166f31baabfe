"""The privacy page: the deployment's own text if it wrote one, a default in both languages otherwise."""


def test_the_default_privacy_page_tells_how_to_download_and_delete(visitor):
    body = visitor.get("/privacy").get_data(as_text=True)
    assert "Download my data" in body and "Delete my account" in body
    assert 'href="/privacy"' in body  # the footer link of every page
    latvian = visitor.client.get("/privacy", headers={"Accept-Language": "lv"}).get_data(as_text=True)
    assert "Dzēst manu kontu" in latvian


def test_the_deployment_sets_its_own_text_per_language(app, tmp_path, make_visitor):
    (tmp_path / "privacy.md").write_text("Operator **SIA Piemērs**, info@piemers.lv", encoding="utf-8")
    (tmp_path / "privacy.lv.md").write_text("Pārzinis **SIA Piemērs**", encoding="utf-8")
    app.config["PRIVACY_FILE"] = str(tmp_path / "privacy.md")
    english = make_visitor("en").get("/privacy").get_data(as_text=True)
    assert "Operator <strong>SIA Piemērs</strong>" in english
    assert "Pārzinis <strong>SIA Piemērs</strong>" in make_visitor("lv").get("/privacy").get_data(
        as_text=True
    )
