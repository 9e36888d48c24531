"""Public endpoints have a budget per client, counted without keeping any address."""

import pytest
from django.core.cache import cache

from vigil.audit.models import AuditEvent
from vigil.tips.models import Tip, TipMessage
from vigil.tips.tests.factories import TipFactory

CLIENT = {"REMOTE_ADDR": "203.0.113.77"}
REPORT = {"narrative": "A girl of about 15 sent every night to the truck stop."}


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()


def test_reports_beyond_the_limit_are_refused_and_not_stored(client, hotline, settings):
    settings.VIGIL_RATE_LIMIT = 3
    for _ in range(3):
        assert client.post("/report/", REPORT, **CLIENT).status_code == 200
    before = Tip.objects.count(), AuditEvent.objects.count()

    response = client.post("/report/", REPORT, **CLIENT)

    assert response.status_code == 429
    page = response.content.decode()
    assert "Please wait a few minutes" in page
    assert "not saved" in page
    assert 'href="tel:112"' in page
    assert response["Retry-After"] == str(settings.VIGIL_RATE_WINDOW_SECONDS)
    assert (Tip.objects.count(), AuditEvent.objects.count()) == before


def test_refused_reports_count_against_the_limit_too(client, hotline, settings):
    settings.VIGIL_RATE_LIMIT = 2
    client.post("/report/", {"narrative": ""}, **CLIENT)
    client.post("/report/", {"narrative": ""}, **CLIENT)

    assert client.post("/report/", REPORT, **CLIENT).status_code == 429
    assert Tip.objects.count() == 0


def test_another_client_keeps_its_own_budget(client, hotline, settings):
    settings.VIGIL_RATE_LIMIT = 1
    client.post("/report/", REPORT, **CLIENT)

    assert client.post("/report/", REPORT, **CLIENT).status_code == 429
    assert client.post("/report/", REPORT, REMOTE_ADDR="198.51.100.9").status_code == 200


def test_reading_the_form_is_not_limited(client, hotline, settings):
    settings.VIGIL_RATE_LIMIT = 1
    client.post("/report/", REPORT, **CLIENT)

    assert client.get("/report/", **CLIENT).status_code == 200


def test_the_rate_limit_keys_hold_no_address(client, hotline, settings):
    settings.VIGIL_RATE_LIMIT = 5
    client.post("/report/", REPORT, **CLIENT)
    client.post("/report/followup/", {"receipt": "1"}, **CLIENT)

    keys = list(cache._cache.keys())
    assert any(":rl:report:" in key for key in keys)
    assert any(":rl:followup:" in key for key in keys)
    for key in keys:
        assert "203.0.113" not in key
        assert "203-0-113" not in key


def test_guessing_receipt_codes_is_limited(client, hotline):
    TipFactory(hotline=hotline, receipt="1111222233334444")
    for n in range(10):
        response = client.post("/report/followup/", {"receipt": f"{n:016d}"}, **CLIENT)
        assert response.status_code == 400

    response = client.post("/report/followup/", {"receipt": "1111222233334444"}, **CLIENT)

    assert response.status_code == 429
    assert "Too many attempts" in response.content.decode()
    assert "reporter_tip_id" not in client.session


def test_messages_from_a_followup_are_limited(client, hotline, settings):
    settings.VIGIL_RATE_LIMIT = 1
    TipFactory(hotline=hotline, receipt="1111222233334444")
    client.post("/report/followup/", {"receipt": "1111222233334444"}, **CLIENT)
    client.post("/report/followup/thread/", {"body": "one"}, **CLIENT)

    response = client.post("/report/followup/thread/", {"body": "two"}, **CLIENT)

    assert response.status_code == 429
    assert list(TipMessage.objects.values_list("body", flat=True)) == ["one"]
