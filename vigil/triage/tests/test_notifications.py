"""Email when the protocol says so: who is told, when, once, and what they are told."""

import io
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from vigil.accounts.models import Role
from vigil.accounts.tests.factories import member
from vigil.audit.models import AuditEvent
from vigil.tips import actions as tip_actions
from vigil.triage import protocols
from vigil.triage.models import DeadlineKind, TipAssignment, TipDeadline

from .workflow_data import analysed_tip, build_protocol, on_call, police

pytestmark = pytest.mark.django_db
SECRET = "Mira, 13, locked in the back room of the Kelbury laundry"


def recipients() -> set[str]:
    return {address for message in mail.outbox for address in message.to}


def submit(capture, **fields):
    with capture(execute=True):
        tip, _code = tip_actions.submit_tip(
            {"narrative": SECRET, "phone_numbers": "07700 900123", **fields}, channel="web"
        )
    return tip


@pytest.fixture
def duty(hotline):
    """On call now: a liaison of the national police; others who must not be told."""
    build_protocol()
    national, on_duty = police("National Police", "XV", username="on-duty")
    on_call(national, on_duty)
    off_duty = member(national, Role.LIAISON, username="off-duty", email="off@example.org")
    on_call(national, off_duty, starts=timedelta(hours=-10), ends=timedelta(hours=-2))
    foreign, foreign_liaison = police("Foreign Police", "FR", username="foreign")
    on_call(foreign, foreign_liaison)
    boss = member(hotline, Role.SUPERVISOR, username="boss", email="boss@example.org")
    return on_duty, off_duty, foreign_liaison, boss


def test_a_child_in_immediate_danger_alerts_the_on_call_liaison_and_supervisors(
    duty, django_capture_on_commit_callbacks
):
    on_duty, _off_duty, _foreign, boss = duty

    tip = submit(django_capture_on_commit_callbacks, immediate_danger=True, country_code="XV")

    assert recipients() == {on_duty.email, boss.email}
    message = mail.outbox[0]
    assert tip.reference in message.subject and tip.reference in message.body
    assert reverse("tips:detail", args=[tip.pk]) in message.body
    assert "Mira" not in message.body + message.subject
    assert "07700" not in message.body + message.subject
    assert AuditEvent.objects.filter(
        object_id=str(tip.pk), summary__startswith="immediate danger: protocol notice sent"
    ).exists()


def test_the_alert_goes_out_once_even_when_the_reporter_adds_to_the_tip(
    duty, django_capture_on_commit_callbacks
):
    tip = submit(django_capture_on_commit_callbacks, immediate_danger=True)
    sent = len(mail.outbox)

    with django_capture_on_commit_callbacks(execute=True):
        tip_actions.add_reporter_message(tip, "She is still there.")

    assert sent == 1 and len(mail.outbox) == sent


def test_a_liaison_who_left_the_organisation_is_not_alerted(
    duty, django_capture_on_commit_callbacks
):
    on_duty, *_ = duty
    on_duty.memberships.all().delete()

    submit(django_capture_on_commit_callbacks, immediate_danger=True)

    assert on_duty.email not in recipients()


def test_a_tip_without_immediate_danger_alerts_nobody(duty, django_capture_on_commit_callbacks):
    submit(django_capture_on_commit_callbacks, immediate_danger=False)

    assert mail.outbox == []


def test_an_overdue_deadline_is_reported_once_to_the_assignee_and_supervisors(
    hotline, analyst, duty, django_capture_on_commit_callbacks
):
    *_, boss = duty
    analyst.email = "analyst@example.org"
    analyst.save()
    tip = analysed_tip(hotline, 5, narrative=SECRET, received_ago=timedelta(minutes=90))
    protocols.apply_deadlines(tip, tip.analysis)
    TipAssignment.objects.create(tip=tip, assignee=analyst, assigned_by=boss)
    # Assigned by a supervisor outside Vigil's clock: the acknowledgement is still due.
    TipDeadline.objects.filter(tip=tip).update(met_at=None)

    with django_capture_on_commit_callbacks(execute=True):
        call_command("check_deadlines", stdout=io.StringIO())
    with django_capture_on_commit_callbacks(execute=True):
        out = io.StringIO()
        call_command("check_deadlines", stdout=out)

    assert recipients() == {analyst.email, boss.email}
    assert len(mail.outbox) == 1
    assert "Overdue" in mail.outbox[0].subject and tip.reference in mail.outbox[0].subject
    assert "Mira" not in mail.outbox[0].body
    assert "0 overdue" in out.getvalue()
    acknowledge = TipDeadline.objects.get(tip=tip, kind=DeadlineKind.ACKNOWLEDGE)
    assert acknowledge.overdue_notified_at is not None
    assert TipDeadline.objects.get(tip=tip, kind=DeadlineKind.ESCALATE).overdue_notified_at is None


def test_a_deadline_met_in_the_inbox_is_not_reported_as_overdue(
    hotline, analyst, duty, signed_in, django_capture_on_commit_callbacks
):
    tip = analysed_tip(hotline, 5, received_ago=timedelta(minutes=30))
    protocols.apply_deadlines(tip, tip.analysis)
    signed_in(analyst).post(reverse("tips:ask", args=[tip.pk]), {"body": "Which street?"})
    TipDeadline.objects.filter(tip=tip).update(due_at=tip.created_at + timedelta(minutes=1))

    with django_capture_on_commit_callbacks(execute=True):
        call_command("check_deadlines", stdout=io.StringIO())

    acknowledge = TipDeadline.objects.get(tip=tip, kind=DeadlineKind.ACKNOWLEDGE)
    assert acknowledge.met_at is not None and acknowledge.overdue_notified_at is None
    # The escalate deadline was not met by a question: that one is reported.
    assert len(mail.outbox) == 1 and "not escalated or decided" in mail.outbox[0].subject


def test_closed_tips_are_never_reported(hotline, duty, django_capture_on_commit_callbacks):
    tip = analysed_tip(hotline, 5, received_ago=timedelta(hours=5), status="closed")
    protocols.apply_deadlines(tip, tip.analysis)

    with django_capture_on_commit_callbacks(execute=True):
        call_command("check_deadlines", stdout=io.StringIO())

    assert mail.outbox == []


def test_a_tip_staff_already_acted_on_does_not_wake_the_liaison(
    hotline, duty, django_capture_on_commit_callbacks
):
    from vigil.triage import workflow

    tip = analysed_tip(hotline, 5, immediate_danger=True)
    protocols.apply_deadlines(tip, tip.analysis)
    protocols.meet(tip, [DeadlineKind.ACKNOWLEDGE])

    with django_capture_on_commit_callbacks(execute=True):
        workflow.on_tip_received(tip)

    assert mail.outbox == []
