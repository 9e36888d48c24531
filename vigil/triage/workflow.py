"""What the protocol starts when a tip arrives: deadlines, and the on-call liaison told now.

`on_tip_received` is the second entry of VIGIL_TIP_HOOKS: it runs after the
analysis hook, so the tip's priority is known. It also runs when the reporter
adds to a tip (the analysis may then change its priority and the deadlines
follow); the immediate-danger notice goes out only once per tip.
"""

from django.db import transaction

from vigil.audit.actions import record
from vigil.audit.models import Action, AuditEvent
from vigil.tips.models import Tip
from vigil.triage import notifications, protocols
from vigil.triage.models import DeadlineKind, TipAnalysis, TipDeadline

SYSTEM = "Vigil (protocol)"
DANGER_NOTICE = "immediate danger: protocol notice sent"


def _danger_notice_sent(tip) -> bool:
    return AuditEvent.objects.filter(
        object_type=protocols.TIP_OBJECT,
        object_id=str(tip.pk),
        actor_label=SYSTEM,
        summary__startswith=DANGER_NOTICE,
    ).exists()


# The analysis re-scores at most this many linked tips; their deadlines follow.
MAX_LINKED_DEADLINES = 50


def on_tip_received(tip) -> None:
    tip = Tip.objects.select_related("hotline").get(pk=tip.pk)
    analysis = TipAnalysis.objects.filter(tip=tip).first()
    on_analysed(tip, analysis)
    follow_linked(tip)


def follow_linked(tip) -> None:
    """A new tip corroborates the tips it links to and may raise their priority:
    their unmet deadlines move with it."""
    from vigil.triage.linking import linked_tip_ids

    ids = sorted(linked_tip_ids(tip), key=str)[:MAX_LINKED_DEADLINES]
    for other in Tip.objects.filter(pk__in=ids).select_related("hotline", "analysis"):
        protocols.apply_deadlines(other, getattr(other, "analysis", None))


def on_analysed(tip, analysis) -> None:
    """Set or move the deadlines; tell who the protocol names about a child in danger."""
    with transaction.atomic():
        plan = protocols.apply_deadlines(tip, analysis)
        wants_notice = plan.notify_on_call_liaison or plan.notify_supervisors
        # Once staff have acted on the tip, the on-call liaison need not be woken.
        acknowledged = TipDeadline.objects.filter(
            tip=tip, kind=DeadlineKind.ACKNOWLEDGE, met_at__isnull=False
        ).exists()
        if (
            tip.immediate_danger
            and wants_notice
            and not acknowledged
            and not _danger_notice_sent(tip)
        ):
            addresses = notifications.notify_immediate_danger(tip, plan)
            record(
                Action.CHANGE,
                tip,
                organisation=tip.hotline,
                actor_label=SYSTEM,
                summary=f"{DANGER_NOTICE} to {len(addresses)} people",
            )
