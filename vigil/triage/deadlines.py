"""Overdue deadlines: found, marked and reported once (run every minute by cron)."""

from django.db import transaction
from django.utils import timezone

from vigil.audit.actions import record
from vigil.audit.models import Action
from vigil.tips.models import Status
from vigil.triage import notifications, protocols
from vigil.triage.models import TipDeadline

SYSTEM = "Vigil (deadlines)"


def overdue(now=None):
    now = now or timezone.now()
    return (
        TipDeadline.objects.filter(met_at__isnull=True, due_at__lt=now)
        .exclude(tip__status=Status.CLOSED)
        .select_related("tip__hotline", "tip__assignment__assignee")
        .order_by("due_at")
    )


def report_overdue(now=None) -> int:
    """Mark newly overdue deadlines and email the assignee and supervisors, once each.

    Deadlines met by staff in the meantime are recorded first, so nobody is
    told of a deadline that was kept. Safe to run in parallel: a deadline is
    claimed by a conditional update before anyone is told.
    """
    now = now or timezone.now()
    protocols.reconcile(
        TipDeadline.objects.filter(met_at__isnull=True, due_at__lt=now).values("tip_id")
    )
    reported = 0
    for deadline in overdue(now).filter(overdue_notified_at__isnull=True):
        with transaction.atomic():
            claimed = TipDeadline.objects.filter(
                pk=deadline.pk, overdue_notified_at__isnull=True
            ).update(overdue_notified_at=now)
            if not claimed:
                continue
            addresses = notifications.notify_overdue(deadline)
            record(
                Action.CHANGE,
                deadline.tip,
                organisation=deadline.tip.hotline,
                actor_label=SYSTEM,
                summary=f"{deadline.kind} deadline overdue: {len(addresses)} people told",
            )
        reported += 1
    return reported
