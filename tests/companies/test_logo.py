"""Logos: checked by content (PNG, JPEG or WebP, at most 1 MB), served with the right type, removable."""

import os
from io import BytesIO

import pytest

from tests.companies.helpers import image_bytes

FAKES = {
    "a text file named .png": b"This is not an image at all.\n",
    "a PNG header followed by garbage": b"\x89PNG\r\n\x1a\n" + os.urandom(2000),
    "half of a real PNG": image_bytes("PNG", (64, 64), os.urandom(64 * 64 * 3))[:3000],
    "a real GIF": image_bytes("GIF"),
    "an HTML page": b"<html><script>alert(1)</script></html>",
}


def _upload(visitor, company_id: int, data: bytes, filename: str = "logo.png"):
    path = f"/c/alfa/companies/{company_id}/logo"
    visitor.get(path)
    return visitor.post(path, {"logo": (BytesIO(data), filename)})


@pytest.mark.parametrize("kind", ["PNG", "JPEG", "WEBP"])
def test_a_real_image_is_accepted_and_served_with_its_type(app, world, visitor, kind):
    logo = image_bytes(kind)
    visitor.login("member@alfa.lv")
    response = _upload(visitor, world.company_a, logo, "logo.bin")  # the name says nothing; the content does
    assert response.status_code == 302
    profile = visitor.get(response.location).get_data(as_text=True)
    assert "The logo was saved." in profile
    assert f'src="/c/alfa/companies/{world.company_a}/logo.img?v=' in profile
    served = visitor.client.get(f"/c/alfa/companies/{world.company_a}/logo.img")
    assert served.status_code == 200 and served.data == logo
    assert served.mimetype == {"PNG": "image/png", "JPEG": "image/jpeg", "WEBP": "image/webp"}[kind]
    assert served.headers["X-Content-Type-Options"] == "nosniff"
    assert "private" in served.headers["Cache-Control"]


def test_the_logo_shows_in_the_directory(app, world, visitor):
    visitor.login("member@alfa.lv")
    _upload(visitor, world.company_a, image_bytes())
    page = visitor.get("/c/alfa/companies").get_data(as_text=True)
    assert f'src="/c/alfa/companies/{world.company_a}/logo.img?v=' in page


@pytest.mark.parametrize("fake", FAKES)
def test_a_fake_image_is_refused_beside_the_field(app, world, visitor, fake):
    visitor.login("member@alfa.lv")
    response = _upload(visitor, world.company_a, FAKES[fake])
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert 'id="logo-errors"' in page and "not a PNG, JPEG or WebP image" in page
    assert visitor.client.get(f"/c/alfa/companies/{world.company_a}/logo.img").status_code == 404


def test_an_image_over_1_mb_is_refused(app, world, visitor):
    noise = image_bytes("PNG", (700, 700), os.urandom(700 * 700 * 3))  # noise does not compress
    assert len(noise) > 1024 * 1024
    visitor.login("member@alfa.lv")
    page = _upload(visitor, world.company_a, noise).get_data(as_text=True)
    assert 'id="logo-errors"' in page and "larger than 1 MB" in page
    assert visitor.client.get(f"/c/alfa/companies/{world.company_a}/logo.img").status_code == 404


def test_an_image_too_large_in_pixels_is_refused(app, world, visitor):
    visitor.login("member@alfa.lv")
    page = _upload(visitor, world.company_a, image_bytes("PNG", (6000, 1))).get_data(as_text=True)
    assert "at most 5000 × 5000 pixels" in page


def test_sending_no_file_asks_for_one(app, world, visitor):
    visitor.login("member@alfa.lv")
    path = f"/c/alfa/companies/{world.company_a}/logo"
    visitor.get(path)
    assert "Choose an image file." in visitor.post(path).get_data(as_text=True)


def test_the_logo_is_removed_after_confirming_and_the_history_shows_both(app, world, visitor):
    visitor.login("member@alfa.lv")
    _upload(visitor, world.company_a, image_bytes())
    remove = f"/c/alfa/companies/{world.company_a}/logo/remove"
    question = visitor.get(remove).get_data(as_text=True)
    assert "Remove the logo of SIA CANARYALFA Čiekurs?" in question
    assert (
        visitor.client.get(f"/c/alfa/companies/{world.company_a}/logo.img").status_code == 200
    )  # asking changes nothing
    response = visitor.post(remove)
    assert response.status_code == 302
    assert "The logo was removed." in visitor.get(response.location).get_data(as_text=True)
    assert visitor.client.get(f"/c/alfa/companies/{world.company_a}/logo.img").status_code == 404
    history = visitor.get(f"/c/alfa/companies/{world.company_a}/history").get_data(as_text=True)
    assert "A logo was added." in history and "The logo was removed." in history


def test_another_member_cannot_upload_a_logo(app, world, signed_in):
    visitor = signed_in("colleague@alfa.lv")
    visitor.get("/c/alfa/")
    response = visitor.post(
        f"/c/alfa/companies/{world.company_a}/logo", {"logo": (BytesIO(image_bytes()), "a.png")}
    )
    assert response.status_code == 403
