"""The needs assessment, the service plan, follow-up visits and closure.

Closing a case asks two things: every plan item resolved (done, or not done
with the reason written down), and a supervisor's approval.
"""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from vigil.audit.actions import record
from vigil.audit.models import Action
from vigil.cases.actions import CaseError
from vigil.cases.models import (
    Case,
    CaseStatus,
    FollowUp,
    Need,
    PlanItem,
    PlanItemStatus,
)


def _audit(person, case: Case, summary: str) -> None:
    record(Action.CHANGE, case, actor=person, organisation=case.organisation, summary=summary)


def assess_need(person, case: Case, area: str, severity: str, notes: str = "") -> Need:
    with transaction.atomic():
        need, _created = Need.objects.update_or_create(
            case=case,
            area=area,
            defaults={"severity": severity, "notes": notes, "assessed_by": person},
        )
        _audit(person, case, f"need {area}: {severity}")
    return need


def add_plan_item(person, case: Case, *, area, goal, service=None, due_on=None) -> PlanItem:
    if service is not None and not service.is_active:
        raise CaseError(_("This service is no longer offered."))
    with transaction.atomic():
        item = PlanItem.objects.create(
            case=case, area=area, goal=goal, service=service, due_on=due_on, created_by=person
        )
        _audit(person, case, f"plan item added: {area}")
    return item


def update_plan_item(person, item: PlanItem, *, status: str, outcome: str = "") -> PlanItem:
    if status == PlanItemStatus.NOT_DONE and not outcome.strip():
        raise CaseError(_("Say why this goal was not met."))
    with transaction.atomic():
        item.status = status
        item.outcome = outcome
        item.save(update_fields=["status", "outcome", "updated_at"])
        _audit(person, item.case, f"plan item {item.get_area_display()}: {status}")
    return item


def schedule_follow_up(person, case: Case, *, kind: str, due_on: datetime.date) -> FollowUp:
    with transaction.atomic():
        follow_up = FollowUp.objects.create(case=case, kind=kind, due_on=due_on)
        _audit(person, case, f"follow-up {kind} due {due_on}")
    return follow_up


def record_follow_up(
    person, follow_up: FollowUp, *, done_on: datetime.date, notes: str
) -> FollowUp:
    if done_on > timezone.localdate():
        raise CaseError(_("A visit cannot be recorded before it happens."))
    with transaction.atomic():
        follow_up.done_on = done_on
        follow_up.notes = notes
        follow_up.done_by = person
        follow_up.save(update_fields=["done_on", "notes", "done_by"])
        _audit(person, follow_up.case, f"follow-up {follow_up.kind} done {done_on}")
    return follow_up


def unresolved_items(case: Case) -> list[PlanItem]:
    return [item for item in case.plan_items.all() if not item.is_resolved]


def _require_resolved_plan(case: Case) -> None:
    waiting = unresolved_items(case)
    if waiting:
        raise CaseError(
            _("Resolve or explain every plan item first: %(items)s.")
            % {"items": ", ".join(item.get_area_display() for item in waiting)}
        )


def request_closure(person, case: Case, reason: str, note: str = "") -> Case:
    """The case worker's request; the case stays open until a supervisor approves."""
    if not case.is_open:
        raise CaseError(_("This case is already closed."))
    if not reason:
        raise CaseError(_("Say why the case is closed."))
    _require_resolved_plan(case)
    with transaction.atomic():
        case.closure_reason = reason
        case.closure_note = note
        case.closure_requested_by = person
        case.closure_requested_at = timezone.now()
        case.version += 1
        case.save(
            update_fields=[
                "closure_reason",
                "closure_note",
                "closure_requested_by",
                "closure_requested_at",
                "version",
                "updated_at",
            ]
        )
        _audit(person, case, f"closure requested: {reason}")
    return case


def approve_closure(person, case: Case) -> Case:
    if case.closure_requested_at is None:
        raise CaseError(_("No one asked to close this case."))
    _require_resolved_plan(case)
    with transaction.atomic():
        case.status = CaseStatus.CLOSED
        case.closed_at = timezone.now()
        case.version += 1
        case.save(update_fields=["status", "closed_at", "version", "updated_at"])
        _audit(person, case, f"closure approved: {case.closure_reason}")
    return case


def reject_closure(person, case: Case, why: str) -> Case:
    if case.closure_requested_at is None:
        raise CaseError(_("No one asked to close this case."))
    with transaction.atomic():
        case.closure_reason = ""
        case.closure_note = ""
        case.closure_requested_by = None
        case.closure_requested_at = None
        case.version += 1
        case.save(
            update_fields=[
                "closure_reason",
                "closure_note",
                "closure_requested_by",
                "closure_requested_at",
                "version",
                "updated_at",
            ]
        )
        _audit(person, case, f"closure refused: {why}")
    return case


def overdue_follow_ups(cases, today: datetime.date | None = None):
    today = today or timezone.localdate()
    return FollowUp.objects.filter(case__in=cases, done_on__isnull=True, due_on__lt=today)


def follow_ups_due(cases, days: int = 7, today: datetime.date | None = None):
    today = today or timezone.localdate()
    return FollowUp.objects.filter(
        case__in=cases,
        done_on__isnull=True,
        due_on__gte=today,
        due_on__lte=today + datetime.timedelta(days=days),
    )


def overdue_plan_items(cases, today: datetime.date | None = None):
    today = today or timezone.localdate()
    return PlanItem.objects.filter(
        case__in=cases,
        status__in=[PlanItemStatus.PLANNED, PlanItemStatus.IN_PROGRESS],
        due_on__lt=today,
    )
