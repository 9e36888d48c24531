"""Who may load what in triage: tips as in the inbox, escalations only by their organisation.

An escalation is read by the liaisons and supervisors of the one
law-enforcement organisation it was sent to; to anyone else (the hotline
included, which reads the tip instead) it does not exist: 404.
"""

import uuid

from django.core.exceptions import PermissionDenied
from django.http import Http404

from vigil.accounts.access import check, organisations_where
from vigil.accounts.models import Membership, OrganisationKind, Role
from vigil.tips import access as tip_access
from vigil.triage.models import Escalation

ESCALATION_ROLES = frozenset({Role.LIAISON, Role.SUPERVISOR})
ASSIGN_ROLES = frozenset({Role.SUPERVISOR})
# Who may be handed a tip: the people who handle tips in that hotline.
ASSIGNABLE_ROLES = tip_access.WRITE_ROLES


def parse_uuid(value) -> uuid.UUID:
    try:
        return uuid.UUID(str(value))
    except ValueError:
        raise Http404 from None


def queue_hotlines(person) -> list:
    """The hotlines whose queue the person reads; 403 for staff with none."""
    hotlines = organisations_where(person, tip_access.READ_ROLES)
    if not hotlines:
        raise PermissionDenied
    return hotlines


def tip_for(person, tip_id, write: bool = False):
    return tip_access.tip_for(person, tip_id, write=write)


def tip_to_assign(person, tip_id):
    """Only supervisors assign; analysts of the hotline get 403, outsiders 404."""
    tip = tip_access.tip_for(person, tip_id)
    check(person, tip.hotline, ASSIGN_ROLES)
    return tip


def assignable_people(hotline):
    from vigil.accounts.models import Person

    members = Membership.objects.filter(organisation=hotline, role__in=ASSIGNABLE_ROLES)
    return (
        Person.objects.filter(pk__in=members.values("person_id"), is_active=True)
        .distinct()
        .order_by("display_name", "username")
    )


def _escalation_memberships(person):
    return Membership.objects.filter(
        person=person,
        role__in=ESCALATION_ROLES,
        organisation__kind=OrganisationKind.LAW_ENFORCEMENT,
    )


def reads_escalations(person) -> bool:
    return person.is_authenticated and _escalation_memberships(person).exists()


def escalations_visible_to(person):
    """Escalations sent to the law-enforcement organisations where the person is liaison."""
    if not reads_escalations(person):
        raise PermissionDenied
    organisations = _escalation_memberships(person).values("organisation_id")
    return Escalation.objects.filter(organisation_id__in=organisations)


def escalation_for(person, escalation_id) -> Escalation:
    """The escalation, for its organisation's liaisons; 404 for everyone else."""
    if not reads_escalations(person):
        raise Http404
    escalation = (
        escalations_visible_to(person)
        .select_related("organisation", "created_by", "acknowledged_by")
        .filter(pk=parse_uuid(escalation_id))
        .first()
    )
    if escalation is None:
        raise Http404
    return escalation
