"""Needs, the service plan, follow-ups with their overdue list, and supervised closure."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from vigil.cases import plans
from vigil.cases.models import CaseStatus, FollowUp, Need, PlanItem

pytestmark = pytest.mark.django_db


def today():
    return timezone.localdate()


def test_the_case_worker_assesses_needs_and_a_later_assessment_replaces_it(signed_in, case, worker):
    client = signed_in(worker)
    url = reverse("cases:assess_need", args=[case.pk])
    client.post(url, {"area": "shelter", "severity": "urgent", "notes": "Sleeps at the market"})
    client.post(url, {"area": "shelter", "severity": "low", "notes": "Placed in a shelter"})
    need = Need.objects.get(case=case)
    assert (need.severity, need.notes) == ("low", "Placed in a shelter")


def test_a_plan_item_with_a_provider_from_the_directory(signed_in, case, worker, shelter_service):
    client = signed_in(worker)
    client.post(
        reverse("cases:add_plan_item", args=[case.pk]),
        {
            "area": "shelter",
            "goal": "A safe bed tonight",
            "service": shelter_service.pk,
            "due_on": today().isoformat(),
        },
    )
    item = PlanItem.objects.get()
    assert (item.service, item.goal) == (shelter_service, "A safe bed tonight")
    page = client.get(reverse("cases:detail", args=[case.pk])).content.decode()
    assert "Emergency beds" in page


def test_a_goal_given_up_on_must_say_why(signed_in, case, worker):
    item = plans.add_plan_item(worker, case, area="education", goal="Back to school")
    client = signed_in(worker)
    url = reverse("cases:update_plan_item", args=[case.pk, item.pk])
    response = client.post(url, {"status": "not_done", "outcome": ""}, follow=True)
    assert "Say why this goal was not met." in response.content.decode()
    item.refresh_from_db()
    assert item.status == "planned"
    client.post(url, {"status": "not_done", "outcome": "Family moved away"})
    item.refresh_from_db()
    assert (item.status, item.outcome) == ("not_done", "Family moved away")


@pytest.mark.parametrize(
    ("who", "expected"), [("worker_colleague", 404), ("outsider", 404), ("policy_analyst", 403)]
)
def test_others_cannot_touch_the_plan(request, signed_in, case, who, expected):
    client = signed_in(request.getfixturevalue(who))
    response = client.post(
        reverse("cases:add_plan_item", args=[case.pk]), {"area": "health", "goal": "x"}
    )
    assert response.status_code == expected
    assert not PlanItem.objects.exists()


def test_a_plan_item_of_another_case_is_not_found(signed_in, agency, worker, case):
    from vigil.cases.tests.factories import make_case

    other = make_case(agency, worker, assigned_to=worker)
    item = plans.add_plan_item(worker, other, area="health", goal="Check-up")
    response = signed_in(worker).post(
        reverse("cases:update_plan_item", args=[case.pk, item.pk]), {"status": "done"}
    )
    assert response.status_code == 404


def test_follow_ups_are_scheduled_recorded_and_listed_when_overdue(signed_in, case, worker):
    client = signed_in(worker)
    late = today() - datetime.timedelta(days=3)
    client.post(
        reverse("cases:schedule_follow_up", args=[case.pk]),
        {"kind": "home_visit", "due_on": late.isoformat()},
    )
    client.post(
        reverse("cases:schedule_follow_up", args=[case.pk]),
        {"kind": "phone", "due_on": (today() + datetime.timedelta(days=2)).isoformat()},
    )
    assert [f.kind for f in plans.overdue_follow_ups([case])] == ["home_visit"]
    assert [f.kind for f in plans.follow_ups_due([case])] == ["phone"]
    desk = client.get(reverse("cases:desk")).content.decode()
    assert "Overdue follow-ups" in desk
    visit = FollowUp.objects.get(kind="home_visit")
    client.post(
        reverse("cases:record_follow_up", args=[case.pk, visit.pk]),
        {"done_on": today().isoformat(), "notes": "Child well, attends school"},
    )
    assert not plans.overdue_follow_ups([case]).exists()


def test_a_visit_cannot_be_recorded_in_the_future(signed_in, case, worker):
    visit = plans.schedule_follow_up(worker, case, kind="phone", due_on=today())
    signed_in(worker).post(
        reverse("cases:record_follow_up", args=[case.pk, visit.pk]),
        {"done_on": (today() + datetime.timedelta(days=1)).isoformat(), "notes": "x"},
    )
    visit.refresh_from_db()
    assert visit.done_on is None


def test_closure_waits_for_the_plan_and_then_for_a_supervisor(
    signed_in, case, worker, agency_supervisor
):
    item = plans.add_plan_item(worker, case, area="shelter", goal="A safe bed")
    client = signed_in(worker)
    request_url = reverse("cases:request_closure", args=[case.pk])
    response = client.post(request_url, {"closure_reason": "goals_met"}, follow=True)
    assert "Resolve or explain every plan item first" in response.content.decode()
    case.refresh_from_db()
    assert case.closure_requested_at is None
    plans.update_plan_item(worker, item, status="done", outcome="Placed")
    client.post(request_url, {"closure_reason": "goals_met"})
    case.refresh_from_db()
    assert case.closure_requested_at is not None
    assert case.status == CaseStatus.OPEN
    # The case worker cannot approve their own request.
    decide = reverse("cases:decide_closure", args=[case.pk])
    assert client.post(decide, {"decision": "approve"}).status_code == 403
    signed_in(agency_supervisor).post(decide, {"decision": "approve"})
    case.refresh_from_db()
    assert case.status == CaseStatus.CLOSED
    assert case.closed_at is not None


def test_a_supervisor_refuses_a_closure_with_a_reason(signed_in, case, worker, agency_supervisor):
    plans.request_closure(worker, case, "lost_contact")
    signed_in(agency_supervisor).post(
        reverse("cases:decide_closure", args=[case.pk]),
        {"decision": "reject", "reason": "Try the school first"},
    )
    case.refresh_from_db()
    assert (case.status, case.closure_requested_at, case.closure_reason) == (
        CaseStatus.OPEN,
        None,
        "",
    )


def test_a_supervisor_reopens_a_closed_case(signed_in, case, worker, agency_supervisor):
    plans.request_closure(worker, case, "goals_met")
    plans.approve_closure(agency_supervisor, case)
    status_url = reverse("cases:status", args=[case.pk])
    assert signed_in(worker).post(status_url, {"status": "reopened"}).status_code == 403
    signed_in(agency_supervisor).post(status_url, {"status": "reopened"})
    case.refresh_from_db()
    assert case.status == CaseStatus.REOPENED
