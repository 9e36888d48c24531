"""The public report form: what it stores, what it refuses, how it reads and weighs."""

import gzip
import html
import re

import pytest
from django.contrib.staticfiles import finders
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client

from vigil.accounts.models import OrganisationKind
from vigil.accounts.tests.factories import OrganisationFactory
from vigil.audit.models import AuditEvent
from vigil.tips import receipts
from vigil.tips.models import Tip, TipAttachment
from vigil.tips.tests.factories import photo_bytes

NARRATIVE = "Two girls of about 13 kept in a flat above the bakery on Harbour Street."
REPORT = {
    "narrative": NARRATIVE,
    "country": "XV",
    "region": "XV-NO",
    "town": "Northport",
    "children_count": "2",
    "children_age": "12-14",
    "children_gender": "girl",
}


def receipt_in(page: str) -> str:
    match = re.search(r'<p class="receipt">([\d ]+)</p>', page)
    assert match, "no receipt on the page"
    return match.group(1)


def counts():
    return Tip.objects.count(), TipAttachment.objects.count(), AuditEvent.objects.count()


def test_it_stores_a_valid_report_encrypted_with_an_audit_row(client, hotline):
    response = client.post("/report/", REPORT)

    assert response.status_code == 200
    tip = Tip.objects.get()
    assert tip.narrative == NARRATIVE
    assert (tip.channel, tip.region_code, tip.children_count) == ("web", "XV-NO", 2)
    assert tip.hotline == hotline
    assert tip.language == "en"
    key = Tip._meta.pk.get_db_prep_value(tip.pk, connection)
    with connection.cursor() as cursor:
        cursor.execute("SELECT narrative FROM tips_tip WHERE id = %s", [key])
        row = cursor.fetchone()
    assert row[0].startswith("v1:")
    assert "bakery" not in row[0]
    event = AuditEvent.objects.get(object_id=str(tip.pk))
    assert (event.action, event.organisation) == ("create", hotline)


def test_it_shows_the_receipt_once_and_it_opens_the_report(client, hotline):
    response = client.post("/report/", REPORT)

    page = response.content.decode()
    code = receipt_in(page)
    assert re.fullmatch(r"\d{4} \d{4} \d{4} \d{4}", code)
    assert page.count(code) == 1
    assert code.replace(" ", "") not in page
    assert receipts.receipt_hash(code) == Tip.objects.get().receipt_hash
    assert "no-store" in response["Cache-Control"]
    assert 'href="/report/followup/"' in page


def test_it_routes_the_report_to_the_hotline_of_its_region(client, hotline):
    coastal = OrganisationFactory(kind=OrganisationKind.HOTLINE, jurisdiction="XV-CO")

    client.post("/report/", {**REPORT, "region": "XV-CO"})

    assert Tip.objects.get().hotline == coastal


def test_it_asks_first_whether_a_child_is_in_danger(client, hotline):
    page = client.get("/report/").content.decode()

    question = page.index("Is a child in danger right now?")
    assert question < page.index("<form")
    assert 'href="/report/?danger=1"' in page


def test_it_shows_the_emergency_numbers_first_when_a_child_is_in_danger(client, hotline):
    page = client.get("/report/?danger=1").content.decode()

    main = page[page.index("<main") :]
    assert main.index('href="tel:112"') < main.index("<form")
    assert main.index('href="tel:116111"') < main.index("<form")
    assert "Is a child in danger right now?" not in page
    assert re.search(r'<input type="checkbox" name="immediate_danger"[^>]* checked', page)


def test_the_receipt_page_shows_the_numbers_first_after_a_report_of_danger(client, hotline):
    response = client.post("/report/?danger=1", {**REPORT, "immediate_danger": "on"})

    page = response.content.decode()
    assert Tip.objects.get().immediate_danger is True
    main = page[page.index("<main") :]
    assert main.index('href="tel:112"') < main.index('class="receipt"')


def test_the_receipt_page_has_no_numbers_without_danger(client, hotline):
    page = client.post("/report/", REPORT).content.decode()

    assert "tel:" not in page


def test_it_tells_the_reporter_about_the_receipt_before_they_send(client, hotline):
    page = html.unescape(client.get("/report/").content.decode())

    before_button = page[: page.index("Send report")]
    assert "receipt code" in before_button
    assert "Nobody, not even the hotline, can recover it" in before_button
    assert "Do not write your name" in before_button
    assert "stripped of location" in before_button


def test_every_input_has_a_label_and_its_help_is_tied_to_it(client, hotline):
    page = client.get("/report/").content.decode()

    ids = re.findall(r'<(?:input|select|textarea)[^>]*\bid="(id_\w+)"', page)
    assert len(ids) == 18
    for field_id in ids:
        assert f'<label for="{field_id}"' in page or f'for="{field_id}"' in page, field_id
    narrative = re.search(r"<textarea[^>]*name=\"narrative\"[^>]*>", page).group(0)
    assert 'aria-describedby="id_narrative_helptext"' in narrative
    assert page.count("<fieldset>") == page.count("<legend>") == 7


def text(size):
    return "a" * size


BAD_INPUT = {
    "missing narrative": {"narrative": ""},
    "oversized narrative": {"narrative": text(10_001)},
    "oversized town": {"town": text(121)},
    "script in narrative": {"narrative": "<script>alert(1)</script> seen at the port"},
    "markup in place": {"place_description": '<a href="x">the hotel</a>'},
    "javascript link": {"online_accounts": "javascript:alert(1)"},
    "NUL byte": {"narrative": "a girl\x00 at the station"},
    "control character": {"vehicles": "white van\x07"},
    "impossible date": {"occurred_on": "2024-13-45"},
    "date in the future": {"occurred_on": "2999-01-01"},
    "unknown age band": {"children_age": "99"},
    "unknown gender": {"children_gender": "robot"},
    "unknown country": {"country": "ZZ"},
    "region of another country": {"country": "FR", "region": "XV-NO"},
    "unknown region": {"region": "XV-ZZ"},
    "negative count": {"children_count": "-3"},
    "words for a count": {"children_count": "many"},
    "too many photos": {
        "photos": [SimpleUploadedFile(f"p{i}.jpg", photo_bytes(), "image/jpeg") for i in range(4)]
    },
    "text file named .jpg": {
        "photos": [SimpleUploadedFile("photo.jpg", b"just some text, honestly", "image/jpeg")]
    },
    "photo too big": {
        "photos": [SimpleUploadedFile("big.jpg", b"\xff\xd8" + b"\0" * 5_300_000, "image/jpeg")]
    },
    "empty photo": {"photos": [SimpleUploadedFile("empty.jpg", b"", "image/jpeg")]},
}


@pytest.mark.parametrize("bad", BAD_INPUT.values(), ids=BAD_INPUT.keys())
def test_it_refuses_bad_input_clearly_and_stores_nothing(client, hotline, bad):
    for upload in bad.get("photos", []):
        upload.seek(0)
    before = counts()

    response = client.post("/report/", {**REPORT, **bad})

    assert response.status_code == 400
    page = response.content.decode()
    assert 'class="error-summary"' in page
    assert 'aria-invalid="true"' in page
    assert re.search(r'<a href="#id_\w+">', page)
    assert "<script>alert" not in page
    assert counts() == before


def test_it_keeps_what_the_reporter_typed_when_refusing(client, hotline):
    response = client.post("/report/", {**REPORT, "occurred_on": "2999-01-01"})

    assert NARRATIVE in html.unescape(response.content.decode())


def test_an_oversized_upload_gets_a_clear_page_not_an_error(client, hotline):
    huge = SimpleUploadedFile("huge.jpg", b"\0" * 20_000_000, "image/jpeg")
    before = counts()

    response = client.post("/report/", {**REPORT, "photos": [huge]})

    assert response.status_code == 413
    assert "too large" in response.content.decode()
    assert counts() == before


def test_oversized_text_beyond_the_upload_limit_gets_a_clear_page(client, hotline):
    before = counts()

    response = client.post("/report/", {**REPORT, "narrative": text(3_000_000)})

    assert response.status_code == 413
    assert "Nothing was saved" in response.content.decode()
    assert counts() == before


def test_it_says_it_cannot_accept_reports_when_no_hotline_exists(client, country):
    response = client.post("/report/", REPORT)

    assert response.status_code == 503
    assert "not accepting reports yet" in response.content.decode()
    assert Tip.objects.count() == 0


@pytest.mark.parametrize(
    ("code", "direction", "label"),
    [
        ("en", "ltr", "What happened?"),
        ("fr", "ltr", "Que s’est-il passé\u00a0?"),
        ("es", "ltr", "¿Qué pasó?"),
        ("ar", "rtl", "ماذا حدث؟"),
    ],
)
def test_it_reads_in_each_language(client, hotline, code, direction, label):
    switched = client.get(f"/language/{code}/?next=/report/", follow=True)

    page = html.unescape(switched.content.decode())
    assert switched.redirect_chain[-1][0] == "/report/"
    assert f'<html lang="{code}" dir="{direction}">' in page
    assert label in page


def test_a_report_in_french_remembers_its_language(client, hotline):
    client.get("/language/fr/?next=/report/")

    response = client.post("/report/", REPORT)

    assert Tip.objects.get().language == "fr"
    assert receipt_in(response.content.decode())


def test_the_page_weighs_under_100_kb_with_everything_it_loads(client, hotline):
    response = client.get("/report/?danger=1", HTTP_ACCEPT_ENCODING="gzip")

    assert response["Content-Encoding"] == "gzip"
    page = gzip.decompress(response.content).decode()
    total = len(response.content)
    assets = re.findall(r'(?:href|src)="/static/([^"]+)"', page)
    assert {"vigil/vigil.css", "tips/report.js"} <= set(assets)
    for asset in assets:
        with open(finders.find(asset), "rb") as handle:
            total += len(gzip.compress(handle.read()))
    assert total < 100_000


def test_the_page_refers_to_no_other_host(client, hotline):
    page = client.get("/report/?danger=1").content.decode()

    assert "http://" not in page
    assert "https://" not in page
    for target in re.findall(r'(?:href|src|action)="([^"]*)"', page):
        assert target.startswith(("/", "#", "tel:", "?", "data:")), target


def test_it_still_checks_csrf_although_the_size_check_comes_first(hotline):
    browser = Client(enforce_csrf_checks=True)
    token = re.search(
        r'name="csrfmiddlewaretoken" value="([^"]+)"', browser.get("/report/").content.decode()
    ).group(1)

    forged = browser.post("/report/", REPORT)
    sent = browser.post("/report/", {**REPORT, "csrfmiddlewaretoken": token})

    assert forged.status_code == 403
    assert sent.status_code == 200
    assert Tip.objects.count() == 1
