"""The data exchange pages: supervisors only; agreements recorded and revoked, audited."""

import pytest
from django.urls import reverse

from vigil.accounts.models import Role
from vigil.accounts.tests.factories import member
from vigil.audit.models import Action, AuditEvent
from vigil.exchange.models import DataSharingAgreement, HtcdsExport


def page(org):
    return reverse("exchange:organisation", args=[org.slug])


def test_a_supervisor_sees_the_page(signed_in, supervisor, hotline, full_agreement):
    response = signed_in(supervisor).get(page(hotline))
    assert response.status_code == 200
    assert b"Partner Ministry" in response.content


def test_the_index_leads_a_supervisor_to_their_organisation(signed_in, supervisor, hotline):
    response = signed_in(supervisor).get(reverse("exchange:index"))
    assert response.status_code == 302
    assert response["Location"] == page(hotline)


@pytest.mark.parametrize("role", [Role.CASE_WORKER, Role.ANALYST, Role.POLICY_ANALYST])
def test_other_roles_of_the_organisation_get_403(signed_in, hotline, cases, role):
    person = member(hotline, role, username=f"someone-{role}")
    client = signed_in(person)
    assert client.get(page(hotline)).status_code == 403
    assert client.get(reverse("exchange:index")).status_code == 403
    response = client.post(reverse("exchange:export", args=[hotline.slug]), {"format": "csv"})
    assert response.status_code == 403
    assert not HtcdsExport.objects.exists()


def test_another_organisations_supervisor_gets_404(signed_in, hotline, other_org, cases):
    stranger = member(other_org, Role.SUPERVISOR, username="stranger")
    client = signed_in(stranger)
    assert client.get(page(hotline)).status_code == 404
    export = client.post(
        reverse("exchange:export", args=[hotline.slug]), {"format": "csv", "scope": "deidentified"}
    )
    assert export.status_code == 404
    assert client.get(reverse("exchange:organisation", args=["no-such-org"])).status_code == 404
    assert not HtcdsExport.objects.exists()


def test_an_outsider_gets_404(signed_in, outsider, hotline):
    assert signed_in(outsider).get(page(hotline)).status_code == 404


def test_signed_out_people_are_sent_to_sign_in(client, hotline):
    response = client.get(page(hotline))
    assert response.status_code == 302
    assert "next=" in response["Location"]


def test_a_supervisor_records_an_agreement(signed_in, supervisor, hotline):
    response = signed_in(supervisor).post(
        reverse("exchange:new_agreement", args=[hotline.slug]),
        {
            "partner_name": "Neighbour Hotline",
            "purpose": "Cross-border referrals",
            "scope": "full",
            "valid_from": "2025-01-01",
            "valid_until": "2027-12-31",
            "document_reference": "DSA-2025-01",
        },
    )
    assert response.status_code == 302
    agreement = DataSharingAgreement.objects.get()
    assert agreement.organisation == hotline and agreement.recorded_by == supervisor
    assert AuditEvent.objects.filter(action=Action.CREATE, object_id=str(agreement.pk)).exists()


def test_an_agreement_that_ends_before_it_starts_is_not_saved(signed_in, supervisor, hotline):
    response = signed_in(supervisor).post(
        reverse("exchange:new_agreement", args=[hotline.slug]),
        {
            "partner_name": "Neighbour Hotline",
            "purpose": "Statistics",
            "scope": "deidentified",
            "valid_from": "2025-01-01",
            "valid_until": "2024-01-01",
            "document_reference": "DSA-2025-02",
        },
    )
    assert response.status_code == 400
    assert b"must end after it starts" in response.content
    assert not DataSharingAgreement.objects.exists()


def test_a_supervisor_revokes_an_agreement(signed_in, supervisor, hotline, full_agreement):
    url = reverse("exchange:revoke_agreement", args=[hotline.slug, full_agreement.pk])
    response = signed_in(supervisor).post(url, {"reason": "Partner closed"})
    assert response.status_code == 302
    full_agreement.refresh_from_db()
    assert full_agreement.revoked_at is not None
    assert full_agreement.revocation_reason == "Partner closed"
    assert AuditEvent.objects.filter(action=Action.CHANGE, object_id=str(full_agreement.pk))


def test_another_organisation_cannot_revoke_our_agreement(
    signed_in, other_org, hotline, full_agreement
):
    stranger = member(other_org, Role.SUPERVISOR, username="stranger")
    url = reverse("exchange:revoke_agreement", args=[other_org.slug, full_agreement.pk])
    assert signed_in(stranger).post(url, {"reason": "x"}).status_code == 404
    full_agreement.refresh_from_db()
    assert full_agreement.revoked_at is None


def test_a_bad_format_is_a_form_error(signed_in, supervisor, hotline, cases):
    response = signed_in(supervisor).post(
        reverse("exchange:export", args=[hotline.slug]), {"format": "xml", "scope": "full"}
    )
    assert response.status_code == 400
    assert not HtcdsExport.objects.exists()
