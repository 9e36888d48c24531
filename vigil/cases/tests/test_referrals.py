"""Referrals within consent, the provider's answer, transfers between agencies."""

import pytest
from django.urls import reverse

from vigil.accounts.models import Role
from vigil.accounts.tests.factories import member
from vigil.audit.models import AuditEvent
from vigil.cases import plans, referrals
from vigil.cases.actions import CaseError, record_consent, revoke_consent
from vigil.cases.models import Referral, ReferralStatus, Transfer

pytestmark = pytest.mark.django_db


@pytest.fixture
def consent(case, worker):
    return record_consent(
        worker,
        case,
        given_by="both",
        purpose="services",
        share_identity=True,
        share_health=True,
        given_on="2026-11-20",
    )


def refer_url(case):
    return reverse("cases:refer", args=[case.pk])


def test_the_provider_receives_only_what_consent_allows(
    signed_in, case, worker, consent, shelter_service, provider
):
    case.summary = "Synthetic: sold by an uncle to a workshop owner."
    case.save(update_fields=["summary"])
    signed_in(worker).post(refer_url(case), {"service": shelter_service.pk, "consent": consent.pk})
    referral = Referral.objects.get()
    client = signed_in(provider)
    page = client.get(reverse("cases:referral", args=[referral.pk])).content.decode()
    assert "Amina Testchild" in page  # identity: consented
    assert "workshop owner" not in page  # history: not consented
    assert case.case_number in page


@pytest.mark.parametrize(
    ("who", "expected"), [("provider", 200), ("worker", 404), ("outsider", 404), ("clinician", 404)]
)
def test_a_referral_is_seen_only_by_the_organisation_it_was_sent_to(
    request,
    signed_in,
    case,
    worker,
    consent,
    shelter_service,
    provider,
    clinic_service,
    who,
    expected,
):
    referral = referrals.refer(worker, case, shelter_service, consent=consent)
    client = signed_in(request.getfixturevalue(who))
    assert client.get(reverse("cases:referral", args=[referral.pk])).status_code == expected


def test_a_provider_cannot_open_the_case_itself(
    signed_in, case, worker, consent, shelter_service, provider
):
    referrals.refer(worker, case, shelter_service, consent=consent)
    assert signed_in(provider).get(reverse("cases:detail", args=[case.pk])).status_code == 404


def test_a_trainer_of_the_provider_organisation_may_not_answer(
    signed_in, case, worker, consent, shelter_service, shelter
):
    referral = referrals.refer(worker, case, shelter_service, consent=consent)
    trainer = member(shelter, Role.TRAINER, username="shelter_trainer")
    assert signed_in(trainer).get(reverse("cases:referral", args=[referral.pk])).status_code == 403


def test_the_provider_accepts_and_reports_delivery(
    signed_in, case, worker, consent, shelter_service, provider
):
    referral = referrals.refer(worker, case, shelter_service, consent=consent)
    client = signed_in(provider)
    answer = reverse("cases:answer_referral", args=[referral.pk])
    client.post(answer, {"decision": "accept"})
    client.post(answer, {"decision": "delivered", "note": "Bed and meals for two weeks"})
    referral.refresh_from_db()
    assert (referral.status, referral.delivery_note) == (
        ReferralStatus.DELIVERED,
        "Bed and meals for two weeks",
    )
    assert (
        "Service delivered"
        in signed_in(worker).get(reverse("cases:detail", args=[case.pk])).content.decode()
    )


def test_a_decline_needs_a_reason(signed_in, case, worker, consent, shelter_service, provider):
    referral = referrals.refer(worker, case, shelter_service, consent=consent)
    client = signed_in(provider)
    answer = reverse("cases:answer_referral", args=[referral.pk])
    response = client.post(answer, {"decision": "decline", "reason": ""}, follow=True)
    assert "Say why the referral is declined." in response.content.decode()
    client.post(answer, {"decision": "decline", "reason": "No beds for boys"})
    referral.refresh_from_db()
    assert (referral.status, referral.decision_reason) == (
        ReferralStatus.DECLINED,
        "No beds for boys",
    )


def test_withdrawing_consent_stops_a_pending_referral_and_hides_its_content(
    signed_in, case, worker, consent, shelter_service, provider
):
    referral = referrals.refer(worker, case, shelter_service, consent=consent)
    revoke_consent(worker, consent, "The child changed her mind")
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.STOPPED
    page = signed_in(provider).get(reverse("cases:referral", args=[referral.pk])).content.decode()
    assert "Amina" not in page
    with pytest.raises(CaseError):
        referrals.accept_referral(provider, referral)


def test_without_consent_only_a_supervisor_refers_and_it_is_recorded(
    signed_in, case, worker, agency_supervisor, shelter_service
):
    data = {
        "service": shelter_service.pk,
        "override_reason": "Child in danger tonight",
        "categories": ["identity"],
    }
    response = signed_in(worker).post(refer_url(case), data, follow=True)
    assert "Only a supervisor may share without consent." in response.content.decode()
    assert not Referral.objects.exists()
    signed_in(agency_supervisor).post(refer_url(case), data)
    referral = Referral.objects.get()
    assert referral.override_reason == "Child in danger tonight"
    assert AuditEvent.objects.filter(
        object_id=str(referral.pk), summary__contains="supervisor override"
    ).exists()


def test_a_referral_needs_consent_or_a_reason(signed_in, case, worker, shelter_service):
    response = signed_in(worker).post(refer_url(case), {"service": shelter_service.pk}, follow=True)
    assert "Choose the consent this relies on" in response.content.decode()
    assert not Referral.objects.exists()


def test_consent_for_another_organisation_does_not_cover_this_one(
    case, worker, shelter_service, clinic_service
):
    consent = record_consent(
        worker,
        case,
        given_by="child",
        purpose="services",
        share_with=clinic_service.organisation,
        share_identity=True,
        given_on="2026-11-20",
    )
    with pytest.raises(CaseError, match="does not allow sharing"):
        referrals.refer(worker, case, shelter_service, consent=consent)
    referrals.refer(worker, case, clinic_service, consent=consent)


@pytest.mark.parametrize(
    ("who", "expected"), [("worker_colleague", 404), ("outsider", 404), ("policy_analyst", 403)]
)
def test_others_cannot_refer(request, signed_in, case, consent, shelter_service, who, expected):
    client = signed_in(request.getfixturevalue(who))
    assert (
        client.post(
            refer_url(case), {"service": shelter_service.pk, "consent": consent.pk}
        ).status_code
        == expected
    )
    assert not Referral.objects.exists()


def test_the_providers_list_shows_what_was_sent_to_them(
    signed_in, case, worker, consent, shelter_service, provider
):
    referrals.refer(worker, case, shelter_service, consent=consent)
    page = signed_in(provider).get(reverse("cases:received")).content.decode()
    assert "Emergency beds" in page
    # The sending case worker's own list holds nothing of it.
    assert "Emergency beds" not in signed_in(worker).get(reverse("cases:received")).content.decode()


def test_people_who_answer_no_referrals_have_no_list(signed_in, analyst):
    assert signed_in(analyst).get(reverse("cases:received")).status_code == 403


def test_one_referral_per_need_from_the_plan(signed_in, case, worker, consent, shelter_service):
    item = plans.add_plan_item(worker, case, area="shelter", goal="A bed", service=shelter_service)
    signed_in(worker).post(
        refer_url(case),
        {"service": shelter_service.pk, "consent": consent.pk, "plan_item": item.pk},
    )
    referral = Referral.objects.get()
    assert referral.plan_item == item
    assert "A bed" in referral.shared


def test_a_transfer_moves_the_case_when_the_receiving_supervisor_accepts(
    signed_in, case, worker, shelter, agency
):
    member(shelter, Role.CASE_WORKER, username="shelter_worker")
    receiving = member(shelter, Role.SUPERVISOR, username="shelter_supervisor")
    consent = record_consent(
        worker, case, given_by="both", purpose="transfer", given_on="2026-11-20"
    )
    signed_in(worker).post(
        reverse("cases:request_transfer", args=[case.pk]),
        {
            "organisation": shelter.pk,
            "reason": "The family moved to the coast",
            "consent": consent.pk,
        },
    )
    transfer = Transfer.objects.get()
    # Only the receiving organisation's supervisor answers.
    assert (
        signed_in(worker)
        .post(reverse("cases:answer_transfer", args=[transfer.pk]), {"decision": "accept"})
        .status_code
        == 404
    )
    signed_in(receiving).post(
        reverse("cases:answer_transfer", args=[transfer.pk]), {"decision": "accept"}
    )
    case.refresh_from_db()
    assert (case.organisation, case.assigned_to, case.child.organisation) == (
        shelter,
        None,
        shelter,
    )
    assert signed_in(worker).get(reverse("cases:detail", args=[case.pk])).status_code == 404
    assert signed_in(receiving).get(reverse("cases:detail", args=[case.pk])).status_code == 200


def test_a_declined_transfer_leaves_the_case_where_it_was(signed_in, case, worker, shelter, agency):
    receiving = member(shelter, Role.SUPERVISOR, username="shelter_supervisor")
    member(shelter, Role.CASE_WORKER, username="shelter_worker")
    transfer = referrals.request_transfer(
        worker,
        case,
        shelter,
        reason="Moving",
        override_reason="",
        consent=record_consent(
            worker, case, given_by="child", purpose="transfer", given_on="2026-11-20"
        ),
    )
    signed_in(receiving).post(
        reverse("cases:answer_transfer", args=[transfer.pk]),
        {"decision": "decline", "reason": "No capacity"},
    )
    transfer.refresh_from_db()
    case.refresh_from_db()
    assert (transfer.status, case.organisation) == ("declined", agency)
