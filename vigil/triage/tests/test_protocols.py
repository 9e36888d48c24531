"""Deadlines come from the protocol as data, and staff actions anywhere meet them."""

from datetime import timedelta

import pytest
from django.urls import reverse

from vigil.triage import protocols
from vigil.triage.models import DeadlineKind, Protocol, ProtocolRule, TipDeadline

from .workflow_data import analysed_tip, build_protocol

pytestmark = pytest.mark.django_db


def due(tip):
    return {d.kind: d for d in TipDeadline.objects.filter(tip=tip)}


def test_it_gives_a_priority_5_tip_an_hour_to_acknowledge_and_four_to_escalate(hotline):
    build_protocol()
    tip = analysed_tip(hotline, 5)

    deadlines = protocols.deadlines_for(tip, 5)

    assert deadlines == {
        DeadlineKind.ACKNOWLEDGE: tip.created_at + timedelta(minutes=60),
        DeadlineKind.ESCALATE: tip.created_at + timedelta(minutes=240),
    }


def test_low_priorities_have_no_escalate_deadline(hotline):
    build_protocol()
    tip = analysed_tip(hotline, 1)

    assert protocols.deadlines_for(tip, 1) == {
        DeadlineKind.ACKNOWLEDGE: tip.created_at + timedelta(minutes=4320)
    }


def test_a_child_in_immediate_danger_gets_the_stricter_deadlines(hotline):
    build_protocol()
    tip = analysed_tip(hotline, 3, immediate_danger=True)

    plan = protocols.plan_for(tip, 3)

    assert plan.due[DeadlineKind.ACKNOWLEDGE] == tip.created_at + timedelta(minutes=15)
    assert plan.due[DeadlineKind.ESCALATE] == tip.created_at + timedelta(minutes=60)
    assert plan.notify_on_call_liaison and plan.notify_supervisors


def test_a_regions_own_protocol_comes_before_the_countrys(hotline):
    build_protocol()
    north = Protocol.objects.create(jurisdiction="XV-NO", name="Northmarch")
    ProtocolRule.objects.create(protocol=north, priority=5, acknowledge_within_minutes=5)
    tip = analysed_tip(hotline, 5, region_code="XV-NO")

    assert protocols.deadlines_for(tip, 5) == {
        DeadlineKind.ACKNOWLEDGE: tip.created_at + timedelta(minutes=5)
    }


def test_without_a_protocol_there_are_no_deadlines(hotline):
    tip = analysed_tip(hotline, 5)

    assert protocols.deadlines_for(tip, 5) == {}
    protocols.apply_deadlines(tip, tip.analysis)
    assert not TipDeadline.objects.exists()


def test_a_new_priority_moves_unmet_deadlines_and_leaves_met_ones(hotline):
    build_protocol()
    tip = analysed_tip(hotline, 3)
    protocols.apply_deadlines(tip, tip.analysis)
    protocols.meet(tip, [DeadlineKind.ACKNOWLEDGE])
    met_at = due(tip)[DeadlineKind.ACKNOWLEDGE].met_at

    tip.analysis.priority = 5
    tip.analysis.save()
    protocols.apply_deadlines(tip, tip.analysis)

    rows = due(tip)
    assert rows[DeadlineKind.ACKNOWLEDGE].met_at == met_at
    assert rows[DeadlineKind.ACKNOWLEDGE].due_at == tip.created_at + timedelta(minutes=1440)
    assert rows[DeadlineKind.ESCALATE].due_at == tip.created_at + timedelta(minutes=240)


def test_a_lower_priority_drops_an_escalate_deadline_that_no_longer_applies(hotline):
    build_protocol()
    tip = analysed_tip(hotline, 4)
    protocols.apply_deadlines(tip, tip.analysis)
    tip.analysis.priority = 2

    protocols.apply_deadlines(tip, tip.analysis)

    assert set(due(tip)) == {DeadlineKind.ACKNOWLEDGE}


def test_a_question_from_the_inbox_acknowledges_the_tip_at_the_time_it_was_asked(
    hotline, analyst, signed_in
):
    build_protocol()
    tip = analysed_tip(hotline, 5)
    protocols.apply_deadlines(tip, tip.analysis)
    client = signed_in(analyst)

    client.post(reverse("tips:ask", args=[tip.pk]), {"body": "Where exactly?"})
    marked = protocols.reconcile([tip.pk])

    rows = due(tip)
    asked = tip.messages.get().created_at
    assert marked == 1
    assert abs(rows[DeadlineKind.ACKNOWLEDGE].met_at - asked) < timedelta(seconds=1)
    assert rows[DeadlineKind.ESCALATE].met_at is None


def test_a_status_set_to_escalated_in_the_inbox_meets_both_deadlines(hotline, analyst, signed_in):
    build_protocol()
    tip = analysed_tip(hotline, 5)
    protocols.apply_deadlines(tip, tip.analysis)
    client = signed_in(analyst)

    client.post(reverse("tips:status", args=[tip.pk]), {"status": "in_review"})
    client.post(reverse("tips:status", args=[tip.pk]), {"status": "escalated"})
    protocols.reconcile([tip.pk])

    rows = due(tip)
    assert rows[DeadlineKind.ACKNOWLEDGE].met_at < rows[DeadlineKind.ESCALATE].met_at


def test_a_submitted_tip_gets_its_deadlines_from_the_hook(
    hotline, django_capture_on_commit_callbacks
):
    from vigil.tips.actions import submit_tip

    build_protocol()
    with django_capture_on_commit_callbacks(execute=True):
        tip, _code = submit_tip(
            {"narrative": "A girl sells roses at night.", "immediate_danger": True},
            channel="web",
        )

    rows = due(tip)
    assert rows[DeadlineKind.ACKNOWLEDGE].due_at == tip.created_at + timedelta(minutes=15)
    assert rows[DeadlineKind.ESCALATE].due_at == tip.created_at + timedelta(minutes=60)


def test_the_demo_has_valdorias_protocol_and_an_on_call_liaison_made_once():
    import io

    from django.core.management import call_command
    from django.utils import timezone

    from vigil.triage.models import OnCallShift

    for _ in range(2):
        call_command("seed_demo", tips=0, stdout=io.StringIO())

    protocol = Protocol.objects.get(jurisdiction="XV")
    rules = {(r.priority, r.immediate_danger): r for r in protocol.rules.all()}
    assert len(rules) == 6
    assert (
        rules[5, False].acknowledge_within_minutes,
        rules[5, False].escalate_within_minutes,
    ) == (
        60,
        240,
    )
    assert rules[2, False].escalate_within_minutes is None
    danger = rules[None, True]
    assert (danger.acknowledge_within_minutes, danger.escalate_within_minutes) == (15, 60)
    assert danger.notify_on_call_liaison and danger.notify_supervisors
    shift = OnCallShift.objects.get()
    assert shift.person.username == "demo-liaison"
    assert shift.organisation.kind == "law_enforcement"
    assert shift.starts_at <= timezone.now() < shift.ends_at
    assert shift.ends_at - shift.starts_at == timedelta(days=30)
