"""Hearings, protection measures and compensation claims: saved whole, audited, or refused
with a clear form error and nothing saved."""

from decimal import Decimal

import pytest
from django.urls import reverse

from vigil.audit.actions import trail_for
from vigil.audit.models import Action, AuditEvent
from vigil.legal import actions
from vigil.legal.models import CompensationClaim, Hearing, ProtectionMeasure

from .factories import at, claim_data, hearing_data, make_claim, measure_data

pytestmark = pytest.mark.django_db


def post(client, name, case, proceeding, data, *part):
    return client.post(reverse(f"legal:{name}", args=[case.pk, proceeding.pk, *part]), data)


def nothing_audited(model_label) -> bool:
    return not AuditEvent.objects.filter(object_type=model_label).exists()


# --- hearings ---


def test_scheduling_a_hearing(signed_in, case, worker, proceeding):
    response = post(signed_in(worker), "new_hearing", case, proceeding, hearing_data())

    assert response.status_code == 302
    hearing = proceeding.hearings.get()
    assert hearing.starts_at == at(2031, 3, 5, 10, 30)
    assert hearing.child_must_attend
    assert hearing.support_arranged == "Intermediary, video link"
    event = trail_for(hearing).get()
    assert (event.action, event.actor, event.organisation) == (
        Action.CREATE,
        worker,
        case.organisation,
    )
    assert case.case_number in event.summary


def test_a_hearing_without_a_date_is_refused(signed_in, case, worker, proceeding):
    response = post(signed_in(worker), "new_hearing", case, proceeding, hearing_data(starts_at=""))

    assert response.status_code == 400
    assert "Give the date and time of the hearing." in response.content.decode()
    assert not Hearing.objects.exists()
    assert nothing_audited("legal.hearing")


def test_a_hearing_with_a_date_that_is_not_one_is_refused(signed_in, case, worker, proceeding):
    data = hearing_data(starts_at="2031-02-30T10:00")
    response = post(signed_in(worker), "new_hearing", case, proceeding, data)

    assert response.status_code == 400
    assert "Enter a valid date/time." in response.content.decode()
    assert not Hearing.objects.exists()


def test_the_action_refuses_a_hearing_without_a_time_zone(worker, proceeding):
    from datetime import datetime

    with pytest.raises(actions.LegalError, match="time zone"):
        actions.schedule_hearing(
            worker, proceeding, starts_at=datetime(2031, 3, 5, 10), status="scheduled"
        )
    with pytest.raises(actions.LegalError, match="date and time"):
        actions.schedule_hearing(worker, proceeding, starts_at=None)
    assert not Hearing.objects.exists()


def test_recording_what_happened_at_a_hearing(signed_in, case, worker, proceeding, hearing):
    data = hearing_data(status="held", result_notes="Child testified by video link.")
    response = post(signed_in(worker), "edit_hearing", case, proceeding, data, hearing.pk)

    assert response.status_code == 302
    hearing.refresh_from_db()
    assert (hearing.status, hearing.result_notes) == ("held", "Child testified by video link.")
    change = trail_for(hearing).filter(action=Action.CHANGE).get()
    assert "result_notes" in change.summary
    assert "testified" not in change.summary


def test_the_hearing_edit_page_shows_the_saved_values(signed_in, case, worker, proceeding, hearing):
    url = reverse("legal:edit_hearing", args=[case.pk, proceeding.pk, hearing.pk])
    page = signed_in(worker).get(url).content.decode()
    assert 'value="2031-03-04T09:00"' in page
    assert 'value="Room 3"' in page


# --- protection measures ---


def test_requesting_then_granting_a_measure(signed_in, case, worker, proceeding):
    client = signed_in(worker)
    assert post(client, "new_measure", case, proceeding, measure_data()).status_code == 302
    measure = proceeding.measures.get()
    assert (measure.measure, measure.status, measure.decided_on) == ("screen", "requested", None)

    data = measure_data(status="granted", decided_on="2031-02-20")
    assert post(client, "edit_measure", case, proceeding, data, measure.pk).status_code == 302

    measure.refresh_from_db()
    assert (measure.status, str(measure.decided_on)) == ("granted", "2031-02-20")
    summaries = list(trail_for(measure).values_list("action", "summary"))
    assert (Action.CHANGE, "protection measure screen: requested → granted; edited: "
            "decided_on, status") in summaries  # fmt: skip
    assert any(action == Action.CREATE for action, _ in summaries)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"status": "granted", "decided_on": ""}, "Give the date the court decided."),
        ({"decided_on": "2031-03-01"}, "A measure still requested has no decision date."),
        (
            {"status": "refused", "decided_on": "2031-01-01"},
            "The decision cannot come before the request.",
        ),
        ({"measure": "other", "details": ""}, "Say which measure."),
        ({"requested_on": ""}, "This field is required."),
    ],
)
def test_a_measure_that_does_not_add_up_is_refused(
    signed_in, case, worker, proceeding, data, message
):
    response = post(signed_in(worker), "new_measure", case, proceeding, measure_data(**data))

    assert response.status_code == 400
    assert message in response.content.decode()
    assert not ProtectionMeasure.objects.exists()
    assert nothing_audited("legal.protectionmeasure")


# --- compensation claims ---


def test_recording_a_claim_and_its_payment(signed_in, case, worker, proceeding):
    client = signed_in(worker)
    assert (
        post(client, "new_claim", case, proceeding, claim_data(currency="xof")).status_code == 302
    )
    claim = proceeding.claims.get()
    assert (claim.claimed_amount, claim.currency) == (Decimal("12000.00"), "XOF")

    data = claim_data(
        currency="XOF", status="paid_in_part", awarded_amount="8000", paid_amount="2500"
    )
    assert post(client, "edit_claim", case, proceeding, data, claim.pk).status_code == 302

    claim.refresh_from_db()
    assert (claim.status, claim.awarded_amount, claim.paid_amount) == (
        "paid_in_part",
        Decimal("8000.00"),
        Decimal("2500.00"),
    )
    change = trail_for(claim).filter(action=Action.CHANGE).get()
    assert change.summary.startswith("compensation claim: claimed → paid_in_part")
    assert "8000" not in change.summary


def test_the_party_claimed_from_is_encrypted_at_rest(case, worker, proceeding):
    from django.db import connection

    make_claim(proceeding, worker, against="Synthetic accused")
    with connection.cursor() as cursor:
        cursor.execute("SELECT against FROM legal_compensationclaim")
        stored = cursor.fetchone()[0]
    assert stored.startswith("v1:") and "Synthetic" not in stored


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            {"awarded_amount": "1000", "paid_amount": "1500", "status": "paid"},
            "The amount paid cannot be more than the amount awarded.",
        ),
        ({"paid_amount": "100"}, "Record the amount awarded before an amount paid."),
        ({"currency": "EUX"}, "EUX is not an ISO 4217 currency code"),
        ({"currency": "euros"}, "Ensure this value has at most 3 characters"),
        ({"claimed_amount": "-5"}, "Ensure this value is greater than or equal to 0."),
        ({"claimed_amount": "lots"}, "Enter a number."),
        ({"against": ""}, "This field is required."),
    ],
)
def test_a_claim_that_does_not_add_up_is_refused(
    signed_in, case, worker, proceeding, data, message
):
    response = post(signed_in(worker), "new_claim", case, proceeding, claim_data(**data))

    assert response.status_code == 400
    page = response.content.decode()
    assert message in page
    assert "Nothing was saved" in page
    assert not CompensationClaim.objects.exists()
    assert nothing_audited("legal.compensationclaim")


def test_an_overpayment_is_refused_on_update_and_the_claim_is_unchanged(
    signed_in, case, worker, proceeding
):
    claim = make_claim(proceeding, worker, status="awarded", awarded_amount=Decimal("1000"))
    data = claim_data(status="paid", awarded_amount="1000", paid_amount="1000.01")
    response = post(signed_in(worker), "edit_claim", case, proceeding, data, claim.pk)

    assert response.status_code == 400
    page = response.content.decode()
    assert page.count("The amount paid cannot be more than the amount awarded.") == 1
    claim.refresh_from_db()
    assert (claim.status, claim.paid_amount) == ("awarded", None)
    assert not trail_for(claim).filter(action=Action.CHANGE).exists()


def test_the_actions_refuse_what_the_forms_refuse(worker, proceeding):
    with pytest.raises(actions.LegalError, match="more than the amount awarded"):
        make_claim(proceeding, worker, awarded_amount=Decimal(10), paid_amount=Decimal(11))
    with pytest.raises(actions.LegalError, match="ISO 4217"):
        make_claim(proceeding, worker, currency="ZZZ")
    with pytest.raises(actions.LegalError, match="before an amount paid"):
        make_claim(proceeding, worker, paid_amount=Decimal(1))
    assert not CompensationClaim.objects.exists()
