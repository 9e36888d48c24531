"""The analysts' queue: open tips, most urgent first, then the nearest deadline."""

from dataclasses import dataclass

from django.core.exceptions import ObjectDoesNotExist
from django.db.models import F, Min, Q, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from vigil.tips import access as tip_access
from vigil.tips.models import Status
from vigil.triage import protocols
from vigil.triage.models import PriorityReason

FILTERS = ("mine", "unassigned", "overdue")
COLUMNS = (
    "id",
    "reference",
    "hotline_id",
    "status",
    "immediate_danger",
    "created_at",
    "region_code",
    "country_code",
)


@dataclass
class Row:
    tip: object
    priority: int | None
    top_reason: PriorityReason | None
    next_due: object
    overdue: bool
    assignee: object


def open_tips(person):
    return tip_access.tips_visible_to(person).exclude(status=Status.CLOSED)


def prepare(person) -> None:
    """Bring deadlines up to date before ordering by them.

    Analysed open tips without deadlines get them (analysed before the protocol
    existed, or by a batch re-analysis); deadlines met through the inbox are
    read back from the audit trail.
    """
    tips = open_tips(person)
    missing = (
        protocols.covered_by_a_protocol(tips)
        .filter(analysis__isnull=False, deadlines__isnull=True)
        .select_related("hotline", "analysis")
        .only(*COLUMNS, "hotline__jurisdiction", "analysis__priority")
    )
    if missing.exists():
        protocols.ensure_deadlines(missing)
    protocols.reconcile(tips.values_list("id", flat=True))


def queue_tips(person, chosen: str = ""):
    now = timezone.now()
    tips = (
        open_tips(person)
        .annotate(
            rank=Coalesce("analysis__priority", Value(0)),
            next_due=Min("deadlines__due_at", filter=Q(deadlines__met_at__isnull=True)),
        )
        .select_related("analysis", "assignment__assignee")
        .only(
            *COLUMNS,
            "analysis__id",
            "analysis__priority",
            "assignment__id",
            "assignment__assignee__id",
            "assignment__assignee__username",
            "assignment__assignee__display_name",
        )
        .order_by(F("rank").desc(), F("next_due").asc(nulls_last=True), "created_at")
    )
    if chosen == "mine":
        tips = tips.filter(assignment__assignee=person)
    elif chosen == "unassigned":
        tips = tips.filter(assignment__isnull=True)
    elif chosen == "overdue":
        tips = tips.filter(deadlines__met_at__isnull=True, deadlines__due_at__lt=now).distinct()
    return tips


def rows(page_tips) -> list[Row]:
    """The page's tips with their strongest reason, in two queries whatever the page size."""
    tips = list(page_tips)
    reasons = {}
    analysis_ids = [t.analysis.pk for t in tips if related(t, "analysis") is not None]
    for reason in PriorityReason.objects.filter(analysis_id__in=analysis_ids).order_by(
        "analysis_id", "-contribution", "order"
    ):
        reasons.setdefault(reason.analysis_id, reason)
    now = timezone.now()
    result = []
    for tip in tips:
        analysis = related(tip, "analysis")
        assignment = related(tip, "assignment")
        result.append(
            Row(
                tip=tip,
                priority=analysis.priority if analysis else None,
                top_reason=reasons.get(analysis.pk) if analysis else None,
                next_due=tip.next_due,
                overdue=tip.next_due is not None and tip.next_due < now,
                assignee=assignment.assignee if assignment else None,
            )
        )
    return result


def related(obj, name):
    """A reverse one-to-one (analysis, assignment) or None when the tip has none."""
    try:
        return getattr(obj, name)
    except ObjectDoesNotExist:
        return None
