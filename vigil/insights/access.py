"""Who may open the insights dashboard: policy analysts, supervisors and organisation admins.

The dashboard shows only aggregates (counts per place and month, rates,
indices), never a tip or a case, and the same figures to everyone allowed in.
Staff with other roles (analysts, case workers…) get 403; people signed in
without any role too.
"""

from django.core.exceptions import PermissionDenied

from vigil.accounts.access import organisations_where, roles_anywhere
from vigil.accounts.models import Role

INSIGHT_ROLES = frozenset({Role.POLICY_ANALYST, Role.SUPERVISOR, Role.ORG_ADMIN})


def may_see_insights(person) -> bool:
    return bool(roles_anywhere(person) & INSIGHT_ROLES)


def require_insights(person) -> None:
    if not may_see_insights(person):
        raise PermissionDenied


def organisations_for_decisions(person):
    """The organisations a person may record planning decisions for."""
    return organisations_where(person, INSIGHT_ROLES)
