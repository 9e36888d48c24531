from django import template

from vigil.accounts.access import roles_anywhere
from vigil.tips.access import READ_ROLES

register = template.Library()


@register.filter
def may_read_tips(person) -> bool:
    return bool(roles_anywhere(person) & READ_ROLES)
