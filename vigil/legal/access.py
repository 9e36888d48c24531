"""Legal records follow their case: whoever may read the case reads its proceedings, whoever
may edit the case edits them. A record loaded by id must belong to the case named in the URL,
else 404, so a known id cannot be read through a case one happens to see."""

import uuid

from django.core.exceptions import PermissionDenied
from django.http import Http404

from vigil.accounts.access import roles_anywhere
from vigil.cases.access import CASE_ROLES, case_for
from vigil.cases.models import CaseGrant
from vigil.legal.models import CompensationClaim, Hearing, Proceeding, ProtectionMeasure


def _uuid(value) -> uuid.UUID:
    try:
        return uuid.UUID(str(value))
    except ValueError:
        raise Http404 from None


def proceeding_for(person, case_id, proceeding_id, write: bool = False) -> Proceeding:
    case = case_for(person, case_id, write=write)
    proceeding = (
        Proceeding.objects.select_related("legal_aid_provider")
        .filter(case=case, pk=_uuid(proceeding_id))
        .first()
    )
    if proceeding is None:
        raise Http404
    proceeding.case = case
    return proceeding


def _part_for(model, person, case_id, proceeding_id, part_id, write: bool):
    proceeding = proceeding_for(person, case_id, proceeding_id, write=write)
    part = model.objects.filter(proceeding=proceeding, pk=_uuid(part_id)).first()
    if part is None:
        raise Http404
    part.proceeding = proceeding
    return part


def hearing_for(person, case_id, proceeding_id, hearing_id, write: bool = False) -> Hearing:
    return _part_for(Hearing, person, case_id, proceeding_id, hearing_id, write)


def measure_for(
    person, case_id, proceeding_id, measure_id, write: bool = False
) -> ProtectionMeasure:
    return _part_for(ProtectionMeasure, person, case_id, proceeding_id, measure_id, write)


def claim_for(person, case_id, proceeding_id, claim_id, write: bool = False) -> CompensationClaim:
    return _part_for(CompensationClaim, person, case_id, proceeding_id, claim_id, write)


def works_cases(person) -> bool:
    """A case worker or supervisor somewhere, or someone granted a case."""
    if roles_anywhere(person) & CASE_ROLES:
        return True
    return CaseGrant.objects.filter(person=person, revoked_at__isnull=True).exists()


def require_case_work(person) -> None:
    """The hearings calendar: 403 for staff who never handle cases (it names no case)."""
    if not works_cases(person):
        raise PermissionDenied
