from django import template

from vigil.accounts.access import roles_anywhere

register = template.Library()


@register.filter
def may_use_directory(person) -> bool:
    return bool(roles_anywhere(person))
