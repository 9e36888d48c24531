"""The only way staff load cases: the assigned case worker, the owning
organisation's supervisors, and those granted access. Everyone else gets a
404, except members of the owning organisation whose role never handles cases
(403): they know the organisation keeps cases, not which."""

import uuid

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404

from vigil.accounts.access import check, roles_in
from vigil.accounts.models import Membership, Role
from vigil.cases.models import Case

CASE_ROLES = frozenset({Role.CASE_WORKER, Role.SUPERVISOR})


def _uuid(value) -> uuid.UUID:
    try:
        return uuid.UUID(str(value))
    except ValueError:
        raise Http404 from None


def case_for(person, case_id, write: bool = False) -> Case:
    case = (
        Case.objects.select_related("organisation", "child", "assigned_to", "child__current_place")
        .filter(pk=_uuid(case_id))
        .first()
    )
    if case is None:
        raise Http404
    grant = case.grants.filter(person=person, revoked_at__isnull=True).first()
    if grant is not None and (grant.can_edit or not write):
        return case
    roles = roles_in(person, case.organisation)
    if Role.SUPERVISOR in roles:
        return case
    if Role.CASE_WORKER in roles and case.assigned_to_id == person.pk:
        return case
    if grant is not None:
        raise PermissionDenied  # granted reading, asked to edit
    if Role.CASE_WORKER in roles:
        raise Http404  # a colleague's case: not even its existence
    if roles:
        raise PermissionDenied
    raise Http404


def supervised_case_for(person, case_id) -> Case:
    """A case of an organisation where the person supervises (assigning, approving closure)."""
    case = case_for(person, case_id)
    check(person, case.organisation, {Role.SUPERVISOR})
    return case


def cases_visible_to(person) -> QuerySet[Case]:
    supervised = Membership.objects.filter(person=person, role=Role.SUPERVISOR).values(
        "organisation_id"
    )
    worked = Membership.objects.filter(person=person, role=Role.CASE_WORKER).values(
        "organisation_id"
    )
    return Case.objects.filter(
        Q(organisation_id__in=supervised)
        | Q(assigned_to=person, organisation_id__in=worked)
        | Q(grants__person=person, grants__revoked_at__isnull=True)
    ).distinct()


def may_supervise(person, case: Case) -> bool:
    return Role.SUPERVISOR in roles_in(person, case.organisation)


def may_edit(person, case: Case) -> bool:
    try:
        case_for(person, case.pk, write=True)
    except (Http404, PermissionDenied):
        return False
    return True
