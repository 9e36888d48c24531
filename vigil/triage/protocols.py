"""Deadlines from the jurisdiction's protocol, and when staff met them.

The protocol is data (Protocol, ProtocolRule), edited by admins. A tip falls
under the rule for its priority and, when a child is in immediate danger, also
under the immediate-danger rule: the stricter deadline of the two applies.

A deadline is met by what staff do, wherever they do it: the first staff
change to the tip acknowledges it; escalating, referring, opening a case or
closing it meets the escalate deadline. Actions in this app mark deadlines met
at once; changes made elsewhere (the inbox's question and status forms) are
read back from the audit trail by `reconcile`, so the time recorded is the
time of the action, not the time it was noticed.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import transaction
from django.db.models import Min, Q
from django.utils import timezone

from vigil.audit.models import Action, AuditEvent
from vigil.tips.models import Status, Tip
from vigil.triage.models import DeadlineKind, Protocol, ProtocolRule, TipDeadline

# Statuses that mean the hotline decided what happens to the tip.
DECIDED = frozenset({Status.ESCALATED, Status.REFERRED, Status.CASE_OPENED, Status.CLOSED})
TIP_OBJECT = Tip._meta.label_lower


@dataclass(frozen=True)
class Plan:
    """What the protocol asks of one tip: due times and who to tell now."""

    protocol: Protocol | None
    due: dict[str, datetime]
    notify_on_call_liaison: bool = False
    notify_supervisors: bool = False


def _codes(tip) -> list[str]:
    return [c for c in (tip.region_code, tip.country_code, tip.hotline.jurisdiction) if c]


def protocols_by_jurisdiction(codes=None) -> dict[str, Protocol]:
    """Protocols with their rules loaded (two queries), all of them or for these codes."""
    protocols = Protocol.objects.prefetch_related("rules")
    if codes is not None:
        protocols = protocols.filter(jurisdiction__in=list(codes))
    return {p.jurisdiction: p for p in protocols}


def protocol_for(tip, known: dict | None = None) -> Protocol | None:
    """The most specific protocol: the tip's region, its country, then the hotline's."""
    codes = _codes(tip)
    known = protocols_by_jurisdiction(codes) if known is None else known
    return next((known[c] for c in codes if c in known), None)


def rules_for(protocol: Protocol, tip, priority: int | None) -> list[ProtocolRule]:
    return [
        rule
        for rule in protocol.rules.all()
        if (rule.immediate_danger and tip.immediate_danger)
        or (not rule.immediate_danger and priority and rule.priority == priority)
    ]


def plan_for(tip, priority: int | None, known: dict | None = None) -> Plan:
    protocol = protocol_for(tip, known)
    if protocol is None:
        return Plan(None, {})
    rules = rules_for(protocol, tip, priority)
    received = tip.created_at
    due = {}
    for kind, attribute in (
        (DeadlineKind.ACKNOWLEDGE, "acknowledge_within_minutes"),
        (DeadlineKind.ESCALATE, "escalate_within_minutes"),
    ):
        minutes = [getattr(r, attribute) for r in rules if getattr(r, attribute) is not None]
        if minutes:
            due[kind] = received + timedelta(minutes=min(minutes))
    return Plan(
        protocol,
        due,
        notify_on_call_liaison=any(r.notify_on_call_liaison for r in rules),
        notify_supervisors=any(r.notify_supervisors for r in rules),
    )


def deadlines_for(tip, priority: int | None) -> dict[str, datetime]:
    """Deadline kind → due time, for a tip of this priority under its protocol."""
    return plan_for(tip, priority).due


def apply_deadlines(tip, analysis) -> Plan:
    """Create or move the tip's unmet deadlines after an analysis (or without one).

    A new analysis may change the priority (a linked tip arrives): unmet
    deadlines follow it; met ones are history and stay as they are.
    """
    plan = plan_for(tip, analysis.priority if analysis is not None else None)
    now = timezone.now()
    with transaction.atomic():
        existing = {d.kind: d for d in TipDeadline.objects.select_for_update().filter(tip=tip)}
        for kind, due_at in plan.due.items():
            deadline = existing.get(kind)
            if deadline is None:
                TipDeadline.objects.create(tip=tip, kind=kind, due_at=due_at)
            elif deadline.met_at is None and deadline.due_at != due_at:
                deadline.due_at = due_at
                if due_at > now:
                    # Moved into the future: it may fall overdue (and be reported) again.
                    deadline.overdue_notified_at = None
                deadline.save(update_fields=["due_at", "overdue_notified_at"])
        stale = [d.pk for k, d in existing.items() if k not in plan.due and d.met_at is None]
        if stale:
            TipDeadline.objects.filter(pk__in=stale).delete()
    return plan


def covered_by_a_protocol(tips):
    """Narrow a queryset of tips to those some protocol may cover (none if no protocol)."""
    codes = list(Protocol.objects.values_list("jurisdiction", flat=True))
    return tips.filter(
        Q(region_code__in=codes) | Q(country_code__in=codes) | Q(hotline__jurisdiction__in=codes)
    )


def ensure_deadlines(tips) -> int:
    """Give deadlines to tips that have none yet (analysed before the protocol existed,
    or by a batch re-analysis). Tips need `hotline` and `analysis` loaded; the cost is
    a few queries whatever their number. Returns how many deadlines were created."""
    known = protocols_by_jurisdiction()
    rows = []
    for tip in tips:
        analysis = getattr(tip, "analysis", None)
        priority = analysis.priority if analysis is not None else None
        for kind, due_at in plan_for(tip, priority, known).due.items():
            rows.append(TipDeadline(tip=tip, kind=kind, due_at=due_at))
    # A hook running at the same moment may have created them: theirs stand.
    TipDeadline.objects.bulk_create(rows, ignore_conflicts=True)
    return len(rows)


def meet(tip, kinds, at: datetime | None = None) -> None:
    """Mark the tip's deadlines of these kinds met now (if they were not already)."""
    TipDeadline.objects.filter(tip=tip, kind__in=list(kinds), met_at__isnull=True).update(
        met_at=at or timezone.now()
    )


def kinds_met_by_status(status: str) -> list[str]:
    if status in DECIDED:
        return [DeadlineKind.ACKNOWLEDGE, DeadlineKind.ESCALATE]
    return [DeadlineKind.ACKNOWLEDGE]


def reconcile(tip_ids=None) -> int:
    """Mark deadlines met by staff actions taken anywhere, at the time of the action.

    Reads the audit trail: the first change by a signed-in person acknowledges
    a tip; the first status change to a decided status meets its escalate deadline.
    Returns how many deadlines were marked.
    """
    unmet = TipDeadline.objects.filter(met_at__isnull=True)
    if tip_ids is not None:
        unmet = unmet.filter(tip_id__in=tip_ids)
    unmet = list(unmet.only("id", "tip_id", "kind"))
    if not unmet:
        return 0
    ids = {str(d.tip_id) for d in unmet}
    staff_changes = AuditEvent.objects.filter(
        object_type=TIP_OBJECT, object_id__in=ids, action=Action.CHANGE, actor__isnull=False
    )
    first_change = dict(
        staff_changes.values("object_id").annotate(at=Min("at")).values_list("object_id", "at")
    )
    decided = Q()
    for status in DECIDED:
        # The summary vigil.tips.actions.set_status writes: "status <old> → <new>".
        decided |= Q(summary__endswith=f"→ {status}")
    first_decision = dict(
        staff_changes.filter(decided)
        .values("object_id")
        .annotate(at=Min("at"))
        .values_list("object_id", "at")
    )
    met = []
    for deadline in unmet:
        source = first_change if deadline.kind == DeadlineKind.ACKNOWLEDGE else first_decision
        at = source.get(str(deadline.tip_id))
        if at is not None:
            deadline.met_at = at
            met.append(deadline)
    if met:
        TipDeadline.objects.bulk_update(met, ["met_at"])
    return len(met)


def is_overdue(deadline, now: datetime | None = None) -> bool:
    return deadline.met_at is None and deadline.due_at < (now or timezone.now())
