"""Every change to a case's legal record: atomic, audited, named for what it does.

Forms check input first; the actions check again (the model's own validation),
so a caller other than a form cannot save what a form would refuse. Audit
summaries say what changed, never the notes themselves.
"""

import copy

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from vigil.audit.actions import record
from vigil.audit.models import Action
from vigil.legal.models import CompensationClaim, Hearing, Proceeding, ProtectionMeasure


class LegalError(ValidationError):
    """An action refused for a reason the person can act on; forms show it as a form error."""


class EditConflict(LegalError):
    """Someone saved the proceeding after this person opened it."""


PROCEEDING_FIELDS = (
    "kind",
    "court_name",
    "court_reference",
    "child_role",
    "legal_aid_provider",
    "lawyer_name",
    "status",
    "outcome",
    "outcome_notes",
)
HEARING_FIELDS = (
    "starts_at",
    "place",
    "purpose",
    "child_must_attend",
    "support_arranged",
    "result_notes",
    "status",
)
MEASURE_FIELDS = ("measure", "details", "requested_on", "status", "decided_on")
CLAIM_FIELDS = (
    "claimed_amount",
    "currency",
    "against",
    "status",
    "awarded_amount",
    "paid_amount",
    "notes",
)


def _only(fields: dict, allowed) -> dict:
    unknown = set(fields) - set(allowed)
    if unknown:
        raise TypeError(f"unexpected fields: {', '.join(sorted(unknown))}")
    return fields


def _validated(instance, exclude=()) -> None:
    try:
        instance.full_clean(exclude=["proceeding", "case", "created_by", *exclude])
    except ValidationError as error:
        raise LegalError(error.messages) from error


def _applied(instance, fields: dict):
    """A copy with the new values: the loaded object stays as it was if validation fails."""
    updated = copy.copy(instance)
    for name, value in fields.items():
        setattr(updated, name, value)
    return updated


def _changed(instance, fields: dict) -> list[str]:
    return sorted(name for name, value in fields.items() if getattr(instance, name) != value)


def _check_hearing(fields: dict) -> None:
    starts_at = fields.get("starts_at")
    if starts_at is None:
        raise LegalError(_("Give the date and time of the hearing."))
    if timezone.is_naive(starts_at):
        raise LegalError(_("The time of the hearing needs a time zone."))


def _audit(action, obj, person, proceeding: Proceeding, summary: str):
    return record(
        action, obj, actor=person, organisation=proceeding.case.organisation, summary=summary
    )


def add_proceeding(person, case, /, **fields) -> Proceeding:
    proceeding = Proceeding(case=case, created_by=person, **_only(fields, PROCEEDING_FIELDS))
    _validated(proceeding, exclude=["version"])
    with transaction.atomic():
        proceeding.save()
        _audit(
            Action.CREATE,
            proceeding,
            person,
            proceeding,
            f"{proceeding.kind} proceedings added to case {case.case_number}",
        )
    return proceeding


def update_proceeding(person, proceeding: Proceeding, version: int, /, **fields) -> Proceeding:
    """Save an edit begun at `version`; refused if the proceeding changed since."""
    _only(fields, PROCEEDING_FIELDS)
    changed = _changed(proceeding, fields)
    _validated(_applied(proceeding, fields), exclude=["version"])
    with transaction.atomic():
        saved = Proceeding.objects.filter(pk=proceeding.pk, version=version).update(
            version=F("version") + 1, updated_at=timezone.now(), **fields
        )
        if not saved:
            raise EditConflict(
                _(
                    "Someone else saved these proceedings after you opened them. Your changes "
                    "were not saved: reload the page, look at what changed, and make your edit "
                    "again."
                )
            )
        proceeding.refresh_from_db()
        _audit(
            Action.CHANGE,
            proceeding,
            person,
            proceeding,
            "edited: " + (", ".join(changed) or "nothing changed"),
        )
    return proceeding


def schedule_hearing(person, proceeding: Proceeding, /, **fields) -> Hearing:
    _check_hearing(fields)
    hearing = Hearing(proceeding=proceeding, **_only(fields, HEARING_FIELDS))
    _validated(hearing)
    with transaction.atomic():
        hearing.save()
        _audit(
            Action.CREATE,
            hearing,
            person,
            proceeding,
            f"hearing scheduled for {hearing.starts_at:%Y-%m-%d %H:%M %Z} "
            f"on case {proceeding.case.case_number}",
        )
    return hearing


def update_hearing(person, hearing: Hearing, /, **fields) -> Hearing:
    _only(fields, HEARING_FIELDS)
    _check_hearing({"starts_at": hearing.starts_at, **fields})
    changed = _changed(hearing, fields)
    updated = _applied(hearing, fields)
    _validated(updated)
    with transaction.atomic():
        updated.save(update_fields=[*fields, "updated_at"])
        _audit(
            Action.CHANGE,
            updated,
            person,
            updated.proceeding,
            f"hearing {updated.status}; edited: " + (", ".join(changed) or "nothing changed"),
        )
    return updated


def _check_measure(measure: ProtectionMeasure) -> None:
    if measure.is_decided and measure.decided_on is None:
        raise LegalError(_("Give the date the court decided."))
    if not measure.is_decided and measure.status != "withdrawn" and measure.decided_on:
        raise LegalError(_("A decision date is only for a measure granted or refused."))
    if measure.decided_on and measure.requested_on and measure.decided_on < measure.requested_on:
        raise LegalError(_("The decision cannot come before the request."))


def request_measure(person, proceeding: Proceeding, /, **fields) -> ProtectionMeasure:
    """A protection measure asked of the court (or one already decided, recorded late)."""
    measure = ProtectionMeasure(proceeding=proceeding, **_only(fields, MEASURE_FIELDS))
    _validated(measure)
    _check_measure(measure)
    with transaction.atomic():
        measure.save()
        _audit(
            Action.CREATE,
            measure,
            person,
            proceeding,
            f"protection measure {measure.measure} {measure.status} "
            f"on case {proceeding.case.case_number}",
        )
    return measure


def decide_measure(person, measure: ProtectionMeasure, /, **fields) -> ProtectionMeasure:
    """Record the court's decision on a measure (or any correction of it)."""
    _only(fields, MEASURE_FIELDS)
    previous = measure.status
    changed = _changed(measure, fields)
    measure = _applied(measure, fields)
    _validated(measure)
    _check_measure(measure)
    with transaction.atomic():
        measure.save(update_fields=[*fields, "updated_at"])
        _audit(
            Action.CHANGE,
            measure,
            person,
            measure.proceeding,
            f"protection measure {measure.measure}: {previous} → {measure.status}; edited: "
            + (", ".join(changed) or "nothing changed"),
        )
    return measure


def _check_claim(claim: CompensationClaim) -> None:
    if claim.paid_amount is not None:
        if claim.awarded_amount is None:
            raise LegalError(_("Record the amount awarded before an amount paid."))
        if claim.paid_amount > claim.awarded_amount:
            raise LegalError(_("The amount paid cannot be more than the amount awarded."))


def record_claim(person, proceeding: Proceeding, /, **fields) -> CompensationClaim:
    claim = CompensationClaim(proceeding=proceeding, **_only(fields, CLAIM_FIELDS))
    _check_claim(claim)
    _validated(claim)
    with transaction.atomic():
        claim.save()
        _audit(
            Action.CREATE,
            claim,
            person,
            proceeding,
            f"compensation claim in {claim.currency} on case {proceeding.case.case_number}",
        )
    return claim


def update_claim(person, claim: CompensationClaim, /, **fields) -> CompensationClaim:
    _only(fields, CLAIM_FIELDS)
    previous = claim.status
    changed = _changed(claim, fields)
    claim = _applied(claim, fields)
    _check_claim(claim)
    _validated(claim)
    with transaction.atomic():
        claim.save(update_fields=[*fields, "updated_at"])
        _audit(
            Action.CHANGE,
            claim,
            person,
            claim.proceeding,
            f"compensation claim: {previous} → {claim.status}; edited: "
            + (", ".join(changed) or "nothing changed"),
        )
    return claim
