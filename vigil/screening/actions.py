"""Recording a screening: the answers, the score they give, and the audit row, all or nothing."""

import re
import uuid
from collections.abc import Mapping

from django.db import transaction

from vigil.audit.actions import record
from vigil.audit.models import Action
from vigil.screening.instruments import ScreeningError, score, with_definition
from vigil.screening.models import Instrument, ScreeningAnswer, ScreeningResult

SUBJECT_TYPE = re.compile(r"^[a-z_][a-z0-9_]*\.[a-z_][a-z0-9_]*$")


def record_screening(
    person,
    organisation,
    instrument: Instrument,
    subject_type: str,
    subject_id,
    answers: Mapping,
    notes: str = "",
) -> ScreeningResult:
    """Store one screening of a subject (e.g. "cases.child", child.pk) and return it.

    `answers` maps question ids to option ids of this instrument version
    (`ScreeningForm.answers()` gives exactly that); questions left out were
    not asked. Raises ScreeningError, saving nothing, when an answer is not
    part of the instrument, the version is retired or the subject is malformed.
    Access (who may screen for which organisation) is the caller's check:
    `vigil.screening.access.check_may_screen(person, organisation)`.
    """
    if not SUBJECT_TYPE.match(subject_type or ""):
        raise ScreeningError(f"“{subject_type}” is not a subject type such as “cases.child”.")
    try:
        subject_uuid = uuid.UUID(str(subject_id))
    except ValueError:
        raise ScreeningError(f"“{subject_id}” is not a subject id.") from None
    with transaction.atomic():
        instrument = (
            with_definition(Instrument.objects.filter(pk=instrument.pk)).filter(active=True).first()
        )
        if instrument is None:
            raise ScreeningError(
                "This version of the instrument is no longer in use: "
                "start the screening again with the current version."
            )
        outcome = score(instrument, answers)
        result = ScreeningResult.objects.create(
            instrument=instrument,
            organisation=organisation,
            screened_by=person,
            subject_type=subject_type,
            subject_id=subject_uuid,
            total_score=outcome.total,
            band=outcome.band,
            concern=outcome.concern,
            red_flags=outcome.red_flags,
            questions_not_asked=len(outcome.not_asked),
            notes=notes or "",
        )
        ScreeningAnswer.objects.bulk_create(
            ScreeningAnswer(result=result, question=question, option=option)
            for question, option in outcome.answered
        )
        record(
            Action.CREATE,
            result,
            actor=person,
            organisation=organisation,
            summary=(
                f"screened {subject_type} {subject_uuid} with {instrument.slug} "
                f"v{instrument.version}"
            ),
        )
    return result
