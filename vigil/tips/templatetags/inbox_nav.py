from django import template

from vigil.accounts.access import organisations_where
from vigil.tips.access import READ_ROLES

register = template.Library()


@register.filter
def may_read_tips(person) -> bool:
    return person.is_authenticated and bool(organisations_where(person, READ_ROLES))
