"""Every change the insights app makes: recording a planning decision."""

from django.db import transaction

from vigil.audit.actions import record
from vigil.audit.models import Action
from vigil.insights.models import PlanningDecision


def record_decision(place, organisation, fields: dict, *, actor) -> PlanningDecision:
    """Record a prevention decision for a place; `fields` are a validated form's data."""
    with transaction.atomic():
        decision = PlanningDecision.objects.create(
            place=place, organisation=organisation, recorded_by=actor, **fields
        )
        record(
            Action.CREATE,
            decision,
            actor=actor,
            organisation=organisation,
            summary=f"recorded {decision.get_kind_display().lower()} for {place.code}",
        )
    return decision
