"""The triage section of the staff tip page (an entry of settings.VIGIL_TIP_PANELS).

The tip page already loaded the tip through the access layer and audited the
reading; this adds the analysis, its evidence, the linked tips and the forms
to act on them.
"""

from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils import timezone

from vigil.accounts.access import roles_in
from vigil.tips import access as tip_access
from vigil.triage import access, clusters, protocols
from vigil.triage.forms import AddEntityForm, AddIndicatorForm, AssignForm
from vigil.triage.models import TipEntity, TipIndicator
from vigil.triage.queue import related

EXCERPT = 60  # characters shown either side of the evidence


@dataclass
class Excerpt:
    before: str
    match: str
    after: str


def excerpt(tip, field: str, start: int, end: int) -> Excerpt | None:
    """A short piece of the field around the evidence span, or None if the span is gone."""
    if not field:
        return None
    text = getattr(tip, field, None)
    if not isinstance(text, str) or not (0 <= start < end <= len(text)):
        return None
    left = max(0, start - EXCERPT)
    right = min(len(text), end + EXCERPT)
    return Excerpt(
        ("…" if left else "") + text[left:start],
        text[start:end],
        text[end:right] + ("…" if right < len(text) else ""),
    )


def context_for(request, tip, **forms) -> dict:
    person = request.user
    analysis = related(tip, "analysis")
    if analysis is not None and not tip.deadlines.exists():
        protocols.ensure_deadlines([tip])
    protocols.reconcile([tip.pk])
    now = timezone.now()
    deadlines = list(tip.deadlines.all())
    for deadline in deadlines:
        deadline.overdue = protocols.is_overdue(deadline, now)
    indicators = list(TipIndicator.objects.filter(tip=tip).select_related("indicator"))
    for found in indicators:
        found.excerpt = excerpt(tip, found.field, found.start, found.end)
    entities = list(TipEntity.objects.filter(tip=tip))
    for entity in entities:
        entity.excerpt = excerpt(tip, entity.field, entity.start, entity.end)
    assignment = related(tip, "assignment")
    roles = roles_in(person, tip.hotline)
    may_assign = bool(roles & access.ASSIGN_ROLES)
    return {
        "tip": tip,
        "analysis": analysis,
        "reasons": list(analysis.reasons.all()) if analysis else [],
        "deadlines": deadlines,
        "indicators": indicators,
        "entities": entities,
        "assignment": assignment,
        "may_write": bool(roles & tip_access.WRITE_ROLES),
        "may_assign": may_assign,
        "assign_form": forms.get("assign_form")
        or (AssignForm(hotline=tip.hotline) if may_assign else None),
        "entity_form": forms.get("entity_form") or AddEntityForm(),
        "indicator_form": forms.get("indicator_form") or AddIndicatorForm(),
        "cluster": clusters.cluster_for(tip, person),
        "escalations": list(tip.escalations.select_related("organisation", "created_by")),
    }


def tip_panel(request, tip) -> str:
    return render_to_string("triage/panel.html", context_for(request, tip), request=request)
