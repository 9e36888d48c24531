"""Who screens children and reads screenings: case workers and supervisors, by organisation.

Instruments are reference data, not personal data: any case worker or
supervisor of any organisation may read them. Results are about a child and
are read only inside the organisation that recorded them.
"""

import uuid

from django.core.exceptions import PermissionDenied
from django.http import Http404

from vigil.accounts.access import check
from vigil.accounts.models import Membership, Role
from vigil.screening.models import Instrument, ScreeningResult

SCREEN_ROLES = frozenset({Role.CASE_WORKER, Role.SUPERVISOR})


def screens_anywhere(person) -> bool:
    return (
        person.is_authenticated
        and Membership.objects.filter(person=person, role__in=SCREEN_ROLES).exists()
    )


def require_screener(person) -> None:
    """403 for staff who screen in no organisation."""
    if not screens_anywhere(person):
        raise PermissionDenied


def check_may_screen(person, organisation) -> None:
    """404 outside the organisation, 403 for members whose role does not screen."""
    check(person, organisation, SCREEN_ROLES)


def instrument_for(person, slug: str, version) -> Instrument:
    require_screener(person)
    try:
        number = int(version)
    except (TypeError, ValueError):
        raise Http404 from None
    instrument = Instrument.objects.filter(slug=slug, version=number).first()
    if instrument is None:
        raise Http404
    return instrument


def result_for(person, result_id) -> ScreeningResult:
    """A screening, for the case workers and supervisors of the organisation that recorded it."""
    try:
        pk = uuid.UUID(str(result_id))
    except ValueError:
        raise Http404 from None
    result = (
        ScreeningResult.objects.select_related("instrument", "organisation", "band")
        .filter(pk=pk)
        .first()
    )
    if result is None:
        raise Http404
    check(person, result.organisation, SCREEN_ROLES)
    return result


def results_visible_to(person, subject_type: str, subject_id):
    """A subject's screenings recorded by organisations where the person screens."""
    organisations = Membership.objects.filter(person=person, role__in=SCREEN_ROLES).values(
        "organisation_id"
    )
    return ScreeningResult.objects.for_subject(subject_type, subject_id).filter(
        organisation_id__in=organisations
    )
