from django import template

from vigil.audit.trail import organisations_for

register = template.Library()


@register.filter
def may_read_trail(person) -> bool:
    return bool(organisations_for(person))
