"""Who may search the directory and who may manage an organisation's services.

The directory is the organisations' public information: every member of staff
may search it. Only an organisation's admins and supervisors change its
listings; everyone else gets 404 (another organisation) or 403 (same
organisation, a role that may not act).
"""

import uuid

from django.core.exceptions import PermissionDenied
from django.http import Http404

from vigil.accounts.access import check, organisations_where, roles_anywhere
from vigil.accounts.models import Organisation, Role
from vigil.directory.models import Service

MANAGE_ROLES = frozenset({Role.ORG_ADMIN, Role.SUPERVISOR})


def _uuid(value) -> uuid.UUID:
    try:
        return uuid.UUID(str(value))
    except ValueError:
        raise Http404 from None


def is_staff_member(person) -> bool:
    """Someone with a role in any organisation."""
    return bool(roles_anywhere(person))


def require_reader(person) -> None:
    """Signed in without any role anywhere: not staff, so not the directory."""
    if not is_staff_member(person):
        raise PermissionDenied


def managed_organisations(person) -> list[Organisation]:
    return organisations_where(person, MANAGE_ROLES)


def organisation_to_manage(person, organisation_id) -> Organisation:
    organisation = Organisation.objects.filter(pk=_uuid(organisation_id)).first()
    if organisation is None:
        raise Http404
    check(person, organisation, MANAGE_ROLES)
    return organisation


def service_for(person, service_id, write: bool = False) -> Service:
    """A service to read (any staff; inactive ones only for its managers) or to change."""
    service = Service.objects.select_related("organisation").filter(pk=_uuid(service_id)).first()
    if service is None:
        raise Http404
    if write:
        check(person, service.organisation, MANAGE_ROLES)
        return service
    require_reader(person)
    if not service.is_active and not may_manage(person, service.organisation):
        raise Http404
    return service


def may_manage(person, organisation: Organisation) -> bool:
    try:
        check(person, organisation, MANAGE_ROLES)
    except (Http404, PermissionDenied):
        return False
    return True
