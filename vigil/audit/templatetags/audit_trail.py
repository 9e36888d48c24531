from django import template

from vigil.accounts.access import roles_anywhere
from vigil.audit.trail import TRAIL_ROLES

register = template.Library()


@register.filter
def may_read_trail(person) -> bool:
    return bool(roles_anywhere(person) & TRAIL_ROLES)
