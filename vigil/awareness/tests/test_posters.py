"""Printable posters: one per language, pointing to this deployment's report page."""

import re

import pytest
from django.conf import settings

from vigil.awareness import posters
from vigil.awareness.tests.pdfread import embedded_fonts, qr_matrix
from vigil.core.pdf import qr_code
from vigil.regions.models import Helpline

LANGUAGES = [code for code, _ in settings.LANGUAGES]


def uri_links(data: bytes) -> list[bytes]:
    return re.findall(rb"/URI \(([^)]*)\)", data)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_poster_in_each_language_points_to_the_report_page(client, country, language):
    response = client.get(f"/aware/posters/{language}.pdf")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert f'filename="vigil-poster-{language}.pdf"' in response["Content-Disposition"]
    data = response.content
    assert data.startswith(b"%PDF-")
    assert f"/Lang ({language})".encode() in data
    assert uri_links(data) == [b"http://testserver/report/"]
    assert qr_matrix(data) == [list(row) for row in qr_code("http://testserver/report/").matrix]
    assert data.count(b"/Type /Page\n") == 1


def test_the_configured_public_address_goes_on_the_poster(client, country, settings):
    settings.VIGIL_SITE_URL = "https://vigil.example.org/"

    data = client.get("/aware/posters/en.pdf").content

    assert uri_links(data) == [b"https://vigil.example.org/report/"]
    expected = qr_code("https://vigil.example.org/report/").matrix
    assert qr_matrix(data) == [list(row) for row in expected]


def test_the_arabic_poster_joins_its_letters(client, country):
    data = client.get("/aware/posters/ar.pdf").content

    glyphs = {glyph for font in embedded_fonts(data) for glyph in font.getGlyphOrder()}
    # Initial beh and final alef: only shaped Arabic uses these forms.
    assert {"uniFE91", "uniFE8E"} <= glyphs


def test_the_poster_is_in_the_language_asked_for_not_the_visitors(client, country):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"

    data = client.get("/aware/posters/ar.pdf").content

    assert b"/Lang (ar)" in data


@pytest.mark.parametrize("language", ["xx", "EN", "en-gb", "de"])
def test_an_unknown_language_is_not_found(client, country, language):
    assert client.get(f"/aware/posters/{language}.pdf").status_code == 404


def test_a_poster_without_helplines_still_builds(client, db):
    response = client.get("/aware/posters/es.pdf")

    assert response.status_code == 200
    assert response.content.startswith(b"%PDF-")


def test_a_crowded_poster_in_a_long_language_still_fits_one_page(db):
    lines = [
        Helpline(
            jurisdiction="XV",
            kind="child_helpline",
            name=f"Line {n} of the national child protection services",
            number=f"+44 20 7946 00{n}0",
            hours="Monday to Friday, 8:00 to 20:00",
        )
        for n in range(6)
    ]
    address = "https://signalement.protection-enfance.ministere.example.gouv/report/"

    data = posters.build("fr", address, lines)

    assert data.count(b"/Type /Page\n") == 1
    # A long address wraps, and each of its lines links to it.
    assert set(uri_links(data)) == {address.encode()}


def test_a_new_helpline_reaches_the_poster_at_once(client, country):
    def glyphs():
        data = client.get("/aware/posters/en.pdf").content
        return {glyph for font in embedded_fonts(data) for glyph in font.getGlyphOrder()}

    assert "Q" not in glyphs()
    Helpline.objects.create(jurisdiction="XV", kind="emergency", name="Quick response", number="1")

    assert "Q" in glyphs()
