"""Claim, assign, release and escalate: through the tip's page, audited, on the clock."""

import pytest
from django.core import mail
from django.urls import reverse

from vigil.accounts.models import Role
from vigil.accounts.tests.factories import member
from vigil.audit.models import AuditEvent
from vigil.tips.models import Status
from vigil.triage import protocols
from vigil.triage.models import DeadlineKind, Escalation, TipAssignment, TipDeadline

from .workflow_data import analysed_tip, build_protocol, entity, police

pytestmark = pytest.mark.django_db
NARRATIVE = "Lina, about 14, is taken every night to the Blue Door bar by a man called Orso."


@pytest.fixture
def tip(hotline):
    build_protocol()
    tip = analysed_tip(
        hotline,
        5,
        [("minor", "A minor is involved", 30.0)],
        narrative=NARRATIVE,
        region_code="XV-NO",
        town="Kelbury",
        immediate_danger=True,
    )
    protocols.apply_deadlines(tip, tip.analysis)
    return tip


def url(name, tip):
    return reverse(f"triage:{name}", args=[tip.pk])


def trail(obj):
    return list(
        AuditEvent.objects.filter(object_id=str(obj.pk))
        .order_by("at")
        .values_list("action", "actor__username", "summary")
    )


def test_an_analyst_claims_a_tip_and_so_acknowledges_it(tip, analyst, signed_in):
    response = signed_in(analyst).post(url("claim", tip))

    assert response.status_code == 302
    assert response["Location"] == reverse("tips:detail", args=[tip.pk]) + "#triage"
    assignment = TipAssignment.objects.get(tip=tip)
    assert assignment.assignee == analyst and assignment.assigned_by == analyst
    assert ("change", "analyst", "claimed the tip") in trail(tip)
    deadlines = {d.kind: d for d in tip.deadlines.all()}
    assert deadlines[DeadlineKind.ACKNOWLEDGE].met_at is not None
    assert deadlines[DeadlineKind.ESCALATE].met_at is None


def test_a_tip_someone_handles_cannot_be_claimed_by_a_colleague(tip, analyst, colleague, signed_in):
    TipAssignment.objects.create(tip=tip, assignee=analyst, assigned_by=analyst)

    response = signed_in(colleague).post(url("claim", tip), follow=True)

    assert "already handles this tip" in response.text
    assert TipAssignment.objects.get(tip=tip).assignee == analyst
    assert not AuditEvent.objects.filter(actor=colleague, action="change").exists()


def test_a_supervisor_assigns_a_tip_to_an_analyst_of_the_hotline(
    tip, supervisor, colleague, signed_in
):
    response = signed_in(supervisor).post(url("assign", tip), {"assignee": colleague.pk})

    assert response.status_code == 302
    assignment = TipAssignment.objects.get(tip=tip)
    assert (assignment.assignee, assignment.assigned_by) == (colleague, supervisor)
    assert ("change", "supervisor", "assigned the tip to colleague") in trail(tip)


def test_a_supervisor_cannot_assign_to_someone_outside_the_hotline(
    tip, supervisor, outsider, caseworker, signed_in
):
    client = signed_in(supervisor)

    for person in (outsider, caseworker):
        response = client.post(url("assign", tip), {"assignee": person.pk})
        assert response.status_code == 400
        assert "Choose someone who handles this hotline" in response.text
    assert not TipAssignment.objects.exists()


def test_analysts_may_not_assign_and_outsiders_learn_nothing(
    tip, analyst, colleague, outsider, signed_in, client
):
    assert (
        signed_in(analyst).post(url("assign", tip), {"assignee": colleague.pk}).status_code == 403
    )
    assert (
        signed_in(outsider).post(url("assign", tip), {"assignee": colleague.pk}).status_code == 404
    )
    assert client.post(url("claim", tip)).status_code == 404
    assert not TipAssignment.objects.exists()


def test_the_assignee_or_a_supervisor_releases_a_tip_but_not_a_colleague(
    tip, analyst, colleague, supervisor, signed_in
):
    TipAssignment.objects.create(tip=tip, assignee=analyst, assigned_by=analyst)

    assert signed_in(colleague).post(url("release", tip)).status_code == 403
    assert TipAssignment.objects.filter(tip=tip).exists()
    assert signed_in(supervisor).post(url("release", tip)).status_code == 302
    assert not TipAssignment.objects.filter(tip=tip).exists()
    assert ("change", "supervisor", "released the tip") in trail(tip)


def test_caseworkers_and_outsiders_cannot_claim(tip, caseworker, outsider, signed_in):
    assert signed_in(caseworker).post(url("claim", tip)).status_code == 403
    assert signed_in(outsider).post(url("claim", tip)).status_code == 404
    assert not TipAssignment.objects.exists()


def test_the_escalation_form_starts_with_the_minimum_and_never_the_narrative(
    tip, analyst, signed_in
):
    police("Valdoria Police")
    entity(tip, "phone", "0777 123", normalized="+447700900123")

    response = signed_in(analyst).get(url("escalate", tip))

    assert response.status_code == 200
    summary = response.context["form"].initial["summary"]
    assert f"Tip {tip.reference}" in summary
    assert "Priority: 5 of 5" in summary
    assert "Child in immediate danger: yes" in summary
    assert "Northmarch, Kelbury" in summary
    assert "Lina" not in summary and "Blue Door" not in summary
    assert "Valdoria Police" in response.text
    # Identifiers are offered, none ticked: the analyst chooses.
    assert 'value="+447700900123"' in response.text
    assert "checked" not in response.text.split('name="identifiers"')[1].split(">")[0]


def test_escalating_sends_a_copy_to_one_organisation_and_sets_the_status(
    tip, analyst, signed_in, django_capture_on_commit_callbacks
):
    organisation, liaison = police("Valdoria Police")
    _other, other_liaison = police("Another Police")
    entity(tip, "phone", "0777 123", normalized="+447700900123")
    entity(tip, "email", "orso@example.com")

    client = signed_in(analyst)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url("escalate", tip),
            {
                "organisation": organisation.pk,
                "summary": "Girl of 14, bar in Kelbury, nightly.",
                "identifiers": ["+447700900123"],
                "note": "Call us.",
            },
        )

    assert response.status_code == 302
    escalation = Escalation.objects.get()
    assert escalation.organisation == organisation
    assert (escalation.reference, escalation.priority, escalation.immediate_danger) == (
        tip.reference,
        5,
        True,
    )
    assert (escalation.region_code, escalation.town) == ("XV-NO", "Kelbury")
    assert escalation.summary == "Girl of 14, bar in Kelbury, nightly."
    assert escalation.identifiers == "+447700900123"
    tip.refresh_from_db()
    assert tip.status == Status.ESCALATED
    assert not TipDeadline.objects.filter(tip=tip, met_at__isnull=True).exists()
    assert trail(escalation)[0][:2] == ("create", "analyst")
    assert ("change", "analyst", "status new → escalated") in trail(tip)
    # Only that organisation's liaison is told, and only where to look.
    assert [m.to for m in mail.outbox] == [[liaison.email]]
    assert tip.reference in mail.outbox[0].body
    assert f"/escalations/{escalation.pk}/" in mail.outbox[0].body
    assert "Kelbury" not in mail.outbox[0].body and "+447700900123" not in mail.outbox[0].body
    assert other_liaison.email not in str([m.to for m in mail.outbox])


def test_only_law_enforcement_can_receive_an_escalation(tip, analyst, other_org, signed_in):
    response = signed_in(analyst).post(
        url("escalate", tip), {"organisation": other_org.pk, "summary": "Facts."}
    )

    assert response.status_code == 400
    assert 'aria-invalid="true"' in response.text
    assert not Escalation.objects.exists()
    tip.refresh_from_db()
    assert tip.status == Status.NEW


def test_an_escalation_needs_a_summary_in_plain_text(tip, analyst, signed_in):
    organisation, _liaison = police()
    client = signed_in(analyst)

    empty = client.post(url("escalate", tip), {"organisation": organisation.pk, "summary": ""})
    markup = client.post(
        url("escalate", tip), {"organisation": organisation.pk, "summary": "<b>x</b>"}
    )

    assert empty.status_code == markup.status_code == 400
    assert "Write what the organisation should know." in empty.text
    assert "plain text" in markup.text
    assert not Escalation.objects.exists()


def test_an_identifier_not_in_the_tip_cannot_be_slipped_into_an_escalation(tip, analyst, signed_in):
    organisation, _liaison = police()

    response = signed_in(analyst).post(
        url("escalate", tip),
        {"organisation": organisation.pk, "summary": "Facts.", "identifiers": ["+15550100"]},
    )

    assert response.status_code == 400
    assert not Escalation.objects.exists()


def test_a_closed_tip_cannot_be_escalated(tip, analyst, signed_in):
    organisation, _liaison = police()
    tip.status = Status.CLOSED
    tip.save()

    response = signed_in(analyst).post(
        url("escalate", tip), {"organisation": organisation.pk, "summary": "Facts."}
    )

    assert response.status_code == 400
    assert "reopen it first" in response.text
    assert not Escalation.objects.exists()


def test_outsiders_and_caseworkers_cannot_escalate(tip, outsider, caseworker, signed_in):
    organisation, _liaison = police()
    data = {"organisation": organisation.pk, "summary": "Facts."}

    assert signed_in(outsider).post(url("escalate", tip), data).status_code == 404
    assert signed_in(caseworker).post(url("escalate", tip), data).status_code == 403
    assert not Escalation.objects.exists()


def test_the_tip_page_shows_the_triage_panel_with_actions(tip, supervisor, signed_in):
    member(tip.hotline, Role.ANALYST, username="second")

    text = signed_in(supervisor).get(reverse("tips:detail", args=[tip.pk])).text

    assert 'id="triage"' in text
    assert "A minor is involved" in text and "+30.0" in text
    assert "Claim this tip" in text and "Escalate to law enforcement" in text
    assert 'name="assignee"' in text
