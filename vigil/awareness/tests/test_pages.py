"""The public awareness pages: open to anyone, in every language, light, and leading to /report/."""

import re

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders

from vigil.regions.models import Helpline

PAGES = ["/aware/", "/aware/signs/", "/aware/report/", "/aware/after/", "/aware/posters/"]
LANGUAGES = [code for code, _ in settings.LANGUAGES]
# The index's heading in each language: proof the translations are compiled and used.
INDEX_HEADINGS = {
    "en": "Child trafficking: know the signs, report safely",
    "fr": "Traite des enfants : reconnaître les signes, signaler en sécurité",
    "es": "Trata de menores: conozca las señales, denuncie de forma segura",
    "ar": "الاتجار بالأطفال: اعرف العلامات وأبلغ بأمان",
}


@pytest.fixture
def regional_line(country):
    return Helpline.objects.create(
        jurisdiction="XV-NO",
        kind="trafficking_hotline",
        name="Northmarch anti-trafficking line",
        number="0800 555 123",
        hours="8-20",
    )


def get(client, path, language="en"):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    response = client.get(path)
    assert response.status_code == 200, path
    return response.content.decode()


def headings(page: str) -> list[int]:
    return [int(level) for level in re.findall(r"<h([1-6])[\s>]", page)]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("path", PAGES)
def test_every_page_opens_without_signing_in_in_every_language(client, country, path, language):
    page = get(client, path, language)

    assert f'<html lang="{language}"' in page
    assert 'href="/report/"' in page
    assert 'href="tel:112"' in page
    assert 'href="tel:116111"' in page


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_index_is_translated(client, country, language):
    page = get(client, "/aware/", language)

    assert f"<h1>{INDEX_HEADINGS[language]}</h1>" in page


def test_arabic_pages_read_right_to_left(client, country):
    page = get(client, "/aware/signs/", "ar")

    assert '<html lang="ar" dir="rtl">' in page


def test_the_index_links_to_every_page_the_posters_and_the_courses(client, country):
    page = get(client, "/aware/")

    for target in [*PAGES[1:], "/learn/"]:
        assert f'href="{target}"' in page


def test_how_to_report_lists_the_helplines_of_each_jurisdiction(client, country, regional_line):
    page = get(client, "/aware/report/")

    assert 'href="/report/followup/"' in page
    section = page[page.index('id="report-helplines"') :]
    national = section.index("<h3>Valdoria</h3>")
    regional = section.index("<h3>Northmarch</h3>")
    assert national < section.index('href="tel:112"') < regional
    assert regional < section.index('href="tel:0800555123"')
    assert "Northmarch anti-trafficking line" in section


def test_how_to_report_costs_three_queries_however_many_regions(
    client, country, regional_line, django_assert_num_queries
):
    Helpline.objects.create(jurisdiction="XV-CO", kind="child_helpline", name="Coast", number="1")

    with django_assert_num_queries(3):
        get(client, "/aware/report/")


def test_another_countrys_helplines_stay_off_the_pages(client, country):
    Helpline.objects.create(jurisdiction="FR", kind="emergency", name="SAMU", number="15")

    page = get(client, "/aware/report/")

    assert "SAMU" not in page


def test_without_helplines_the_pages_say_to_call_the_local_emergency_number(client, db):
    page = get(client, "/aware/report/")

    assert "Call your local emergency number" in page
    assert 'href="/report/"' in page


def test_the_signs_page_cites_where_the_signs_come_from(client, country):
    page = get(client, "/aware/signs/")

    for body in ["ILO", "UNODC", "Polaris", "DHS Blue Campaign"]:
        assert body in page
    for group in ["At school or at home", "Online", "At work and in public places"]:
        assert f">{group}</h2>" in page


def test_the_posters_page_offers_one_poster_per_language(client, country):
    page = get(client, "/aware/posters/")

    for code in LANGUAGES:
        assert f'href="/aware/posters/{code}.pdf"' in page
    assert "http://testserver/report/" in page


@pytest.mark.parametrize("path", PAGES)
def test_each_page_has_one_h1_and_no_skipped_heading_level(client, country, regional_line, path):
    levels = headings(get(client, path))

    assert levels.count(1) == 1
    assert levels[0] == 1
    for previous, level in zip(levels, levels[1:], strict=False):
        assert level <= previous + 1, levels


@pytest.mark.parametrize("path", PAGES)
def test_pages_need_no_script_and_nothing_from_another_host(client, country, path):
    page = get(client, path, "ar")

    assert "<script" not in page
    for attribute, target in re.findall(r'\b(src|href)="([^"]*)"', page):
        assert target.startswith(("/", "#", "tel:", "data:")), (attribute, target)


@pytest.mark.parametrize("path", PAGES)
def test_each_page_weighs_under_200_kb_with_its_stylesheets(client, country, regional_line, path):
    page = get(client, path, "ar")

    stylesheets = re.findall(r'<link rel="stylesheet" href="/static/([^"]+)"', page)
    assert "awareness/awareness.css" in stylesheets
    total = len(page.encode())
    for stylesheet in stylesheets:
        with open(finders.find(stylesheet), "rb") as handle:
            total += len(handle.read())
    assert total < 200_000


def test_links_are_real_links_that_a_keyboard_reaches(client, country):
    page = get(client, "/aware/")

    assert 'tabindex="-1"' not in page.replace('<main id="main" tabindex="-1">', "")
    assert re.search(r"<a [^>]*href=\"/aware/signs/\"", page)
