from django import template

from vigil.accounts.access import roles_anywhere
from vigil.cases.access import CASE_ROLES, PROVIDER_ROLES
from vigil.cases.models import CaseGrant

register = template.Library()


@register.filter
def may_work_cases(person) -> bool:
    if roles_anywhere(person) & CASE_ROLES:
        return True
    return (
        person.is_authenticated
        and CaseGrant.objects.filter(person=person, revoked_at__isnull=True).exists()
    )


@register.filter
def may_receive_referrals(person) -> bool:
    return bool(roles_anywhere(person) & PROVIDER_ROLES)
