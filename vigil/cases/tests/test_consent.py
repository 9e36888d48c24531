"""Consent: recorded, listed, withdrawn with a reason; audited; only by those who may edit."""

import pytest
from django.urls import reverse

from vigil.audit.models import AuditEvent
from vigil.cases.models import Consent

pytestmark = pytest.mark.django_db

CONSENT = {
    "given_by": "both",
    "purpose": "services",
    "share_with": "",
    "share_identity": "on",
    "share_health": "on",
    "given_on": "2026-11-20",
    "notes": "Explained with an interpreter.",
}


@pytest.mark.parametrize(
    ("who", "expected"),
    [
        ("worker", 302),
        ("agency_supervisor", 302),
        ("worker_colleague", 404),
        ("outsider", 404),
        ("policy_analyst", 403),
    ],
)
def test_recording_a_consent(request, signed_in, case, who, expected):
    client = signed_in(request.getfixturevalue(who))
    response = client.post(reverse("cases:add_consent", args=[case.pk]), CONSENT)
    assert response.status_code == expected
    assert Consent.objects.filter(case=case).exists() == (expected == 302)


def test_a_consent_says_what_may_be_shared_and_is_audited(signed_in, case, worker):
    signed_in(worker).post(reverse("cases:add_consent", args=[case.pk]), CONSENT)
    consent = Consent.objects.get()
    assert consent.fields_shared() == ["identity", "health"]
    assert consent.is_active
    assert AuditEvent.objects.filter(object_id=str(consent.pk), action="create").exists()


def test_a_consent_without_its_date_is_not_recorded(signed_in, case, worker):
    response = signed_in(worker).post(
        reverse("cases:add_consent", args=[case.pk]), {**CONSENT, "given_on": ""}, follow=True
    )
    assert "This field is required." in response.content.decode()
    assert not Consent.objects.exists()


@pytest.mark.parametrize(
    ("who", "expected"), [("worker", 302), ("worker_colleague", 404), ("outsider", 404)]
)
def test_withdrawing_a_consent(request, signed_in, case, worker, who, expected):
    signed_in(worker).post(reverse("cases:add_consent", args=[case.pk]), CONSENT)
    consent = Consent.objects.get()
    client = signed_in(request.getfixturevalue(who))
    url = reverse("cases:revoke_consent", args=[case.pk, consent.pk])
    assert client.post(url, {"reason": "The mother withdrew it by phone"}).status_code == expected
    consent.refresh_from_db()
    assert consent.is_active == (expected != 302)


def test_a_withdrawal_needs_a_reason_and_happens_once(signed_in, case, worker):
    client = signed_in(worker)
    client.post(reverse("cases:add_consent", args=[case.pk]), CONSENT)
    consent = Consent.objects.get()
    url = reverse("cases:revoke_consent", args=[case.pk, consent.pk])
    client.post(url, {"reason": ""})
    consent.refresh_from_db()
    assert consent.is_active
    client.post(url, {"reason": "Withdrawn in person"})
    response = client.post(url, {"reason": "Again"}, follow=True)
    assert "already revoked" in response.content.decode()
    consent.refresh_from_db()
    assert consent.revocation_reason == "Withdrawn in person"
