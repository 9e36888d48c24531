from django import template

from vigil.triage.access import reads_escalations

register = template.Library()


@register.filter
def may_read_escalations(person) -> bool:
    return reads_escalations(person)
