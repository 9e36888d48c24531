"""A referral is read only by the organisation it was sent to; everyone else gets 404."""

import pytest
from django.urls import reverse

from vigil.accounts.models import Role
from vigil.accounts.tests.factories import member
from vigil.audit.models import AuditEvent
from vigil.triage import actions
from vigil.triage.models import Escalation, EscalationStatus

from .workflow_data import analysed_tip, police

pytestmark = pytest.mark.django_db
LIST = reverse("escalations:list")


@pytest.fixture
def sent(hotline, analyst):
    organisation, liaison = police("Valdoria Police", username="liaison")
    tip = analysed_tip(hotline, 4, narrative="The secret narrative.", town="Kelbury")
    escalation = actions.escalate_tip(
        tip,
        analyst,
        organisation,
        summary="A boy of 12 begs at the lights.",
        identifiers=["+447700900123"],
    )
    return escalation, liaison


@pytest.fixture
def other_liaison(db):
    return police("Another Police", username="other-liaison")[1]


def detail(escalation, name="detail"):
    return reverse(f"escalations:{name}", args=[escalation.pk])


def test_the_liaison_lists_and_reads_what_was_sent_and_the_reading_is_audited(sent, signed_in):
    escalation, liaison = sent
    client = signed_in(liaison)

    listing = client.get(LIST)
    page = client.get(detail(escalation))

    assert escalation.reference in listing.text
    assert page.status_code == 200
    assert "A boy of 12 begs at the lights." in page.text
    assert "+447700900123" in page.text and "Kelbury" in page.text
    assert "The secret narrative." not in page.text
    assert AuditEvent.objects.filter(
        object_id=str(escalation.pk), action="view", actor=liaison
    ).exists()


def test_a_supervisor_of_the_same_police_organisation_reads_it_too(sent, signed_in):
    escalation, _liaison = sent
    boss = member(escalation.organisation, Role.SUPERVISOR, username="police-boss")

    assert signed_in(boss).get(detail(escalation)).status_code == 200


def test_another_organisations_liaison_sees_an_empty_list_and_404(sent, other_liaison, signed_in):
    escalation, _liaison = sent
    client = signed_in(other_liaison)

    listing = client.get(LIST)

    assert listing.status_code == 200
    assert escalation.reference not in listing.text and "No referrals." in listing.text
    assert client.get(detail(escalation)).status_code == 404
    assert client.post(detail(escalation, "acknowledge")).status_code == 404
    assert client.post(detail(escalation, "close")).status_code == 404
    escalation.refresh_from_db()
    assert escalation.status == EscalationStatus.SENT
    assert not AuditEvent.objects.filter(actor=other_liaison).exists()


def test_hotline_staff_do_not_read_escalations_here(sent, analyst, supervisor, signed_in):
    escalation, _liaison = sent

    for person in (analyst, supervisor):
        client = signed_in(person)
        assert client.get(LIST).status_code == 403
        assert client.get(detail(escalation)).status_code == 404


def test_the_liaison_never_sees_the_tip_itself(sent, signed_in):
    escalation, liaison = sent
    client = signed_in(liaison)

    assert client.get(reverse("tips:detail", args=[escalation.tip_id])).status_code == 404
    assert client.get(reverse("triage:queue")).status_code == 403
    assert client.get(reverse("triage:cluster", args=[escalation.tip_id])).status_code == 404


def test_missing_and_malformed_ids_are_404(sent, signed_in):
    _escalation, liaison = sent
    client = signed_in(liaison)

    assert client.get("/escalations/not-a-uuid/").status_code == 404
    assert client.get("/escalations/00000000-0000-0000-0000-000000000000/").status_code == 404


def test_the_liaison_acknowledges_then_closes_the_referral(sent, signed_in):
    escalation, liaison = sent
    client = signed_in(liaison)

    client.post(detail(escalation, "acknowledge"))
    escalation.refresh_from_db()
    assert escalation.status == EscalationStatus.ACKNOWLEDGED
    assert escalation.acknowledged_by == liaison and escalation.acknowledged_at
    again = client.post(detail(escalation, "acknowledge"), follow=True)
    assert "already acknowledged" in again.text

    client.post(detail(escalation, "close"))
    escalation.refresh_from_db()
    assert escalation.status == EscalationStatus.CLOSED
    summaries = set(
        AuditEvent.objects.filter(object_id=str(escalation.pk), actor=liaison).values_list(
            "summary", flat=True
        )
    )
    assert {"referral acknowledged", "referral closed"} <= summaries


def test_the_escalations_link_is_in_the_liaisons_navigation_only(sent, analyst, signed_in):
    _escalation, liaison = sent

    assert 'href="/escalations/"' in signed_in(liaison).get(LIST).text
    inbox = signed_in(analyst).get(reverse("tips:inbox")).text
    assert 'href="/escalations/"' not in inbox
    assert 'href="/triage/"' in inbox


def test_escalations_to_one_organisation_are_listed_for_it_alone(
    sent, hotline, analyst, other_liaison, signed_in
):
    escalation, liaison = sent
    other_org = other_liaison.memberships.get().organisation
    second = actions.escalate_tip(
        analysed_tip(hotline, 2), analyst, other_org, summary="Other facts."
    )

    mine = signed_in(liaison).get(LIST).text
    theirs = signed_in(other_liaison).get(LIST).text

    assert escalation.reference in mine and second.reference not in mine
    assert second.reference in theirs and escalation.reference not in theirs
    assert Escalation.objects.count() == 2
