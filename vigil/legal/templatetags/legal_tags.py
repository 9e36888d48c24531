"""The legal section of a case page, loaded here so the case view needs no change."""

from django import template
from django.db.models import Prefetch
from django.utils import timezone

from vigil.cases.access import may_edit
from vigil.legal.models import Hearing, HearingStatus

register = template.Library()


@register.inclusion_tag("legal/case_section_body.html", takes_context=True)
def legal_section(context, case, person):
    """The case's proceedings with their next hearing; the case page already checked access."""
    upcoming = Hearing.objects.filter(
        starts_at__gte=timezone.now(), status=HearingStatus.SCHEDULED
    ).order_by("starts_at")
    proceedings = list(
        case.proceedings.prefetch_related(Prefetch("hearings", upcoming, to_attr="upcoming"))
    )
    for proceeding in proceedings:
        proceeding.next_hearing = proceeding.upcoming[0] if proceeding.upcoming else None
    editable = context.get("may_edit")
    if editable is None:
        editable = may_edit(person, case)
    return {"case": case, "proceedings": proceedings, "may_edit": editable}
