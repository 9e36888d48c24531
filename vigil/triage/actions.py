"""Every change analysts and liaisons make in triage: atomic, audited, notices on commit.

Tip statuses change only through vigil.tips.actions.set_status. Each staff
action on a tip acknowledges it under the protocol; escalating meets the
escalate deadline as well.
"""

import re

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from vigil.audit.actions import record
from vigil.audit.models import Action
from vigil.core.blind_index import keyed_hash
from vigil.tips import actions as tip_actions
from vigil.tips.models import Status
from vigil.triage import notifications, protocols
from vigil.triage.analysis import TEXT_FIELDS
from vigil.triage.models import (
    AnalystLabel,
    CatalogueVersion,
    DeadlineKind,
    EntityKind,
    Escalation,
    EscalationStatus,
    LabelTarget,
    TipAssignment,
    TipEntity,
    TipIndicator,
    Verdict,
)

# Where an analyst's typed value is looked for, to keep its span as evidence: the
# fields the analysis reads (never contact_details, the reporter's own contact).


class TriageError(Exception):
    """An action that cannot be done as asked; the message is for the person who asked."""


def _acknowledge(tip, person, summary: str) -> None:
    record(Action.CHANGE, tip, actor=person, organisation=tip.hotline, summary=summary)
    protocols.meet(tip, [DeadlineKind.ACKNOWLEDGE])


# Assignment ---------------------------------------------------------------------------


def claim_tip(tip, person) -> TipAssignment:
    with transaction.atomic():
        current = TipAssignment.objects.select_for_update().filter(tip=tip).first()
        if current is not None and current.assignee_id != person.pk:
            raise TriageError(_("%(name)s already handles this tip.") % {"name": current.assignee})
        if current is not None:
            return current
        assignment = TipAssignment.objects.create(tip=tip, assignee=person, assigned_by=person)
        _acknowledge(tip, person, "claimed the tip")
    return assignment


def assign_tip(tip, person, assignee) -> TipAssignment:
    """A supervisor hands the tip to an analyst of the same hotline."""
    with transaction.atomic():
        assignment, _created = TipAssignment.objects.select_for_update().update_or_create(
            tip=tip, defaults={"assignee": assignee, "assigned_by": person}
        )
        _acknowledge(tip, person, f"assigned the tip to {assignee.username}")
    return assignment


def release_tip(tip, person) -> None:
    with transaction.atomic():
        deleted, _rows = TipAssignment.objects.filter(tip=tip).delete()
        if not deleted:
            raise TriageError(_("Nobody handles this tip."))
        _acknowledge(tip, person, "released the tip")


# Escalation ---------------------------------------------------------------------------


def minimal_summary(tip, analysis, indicator_titles, region_name="") -> str:
    """What a referral says by default: facts, never the reporter's words."""
    lines = [
        f"Tip {tip.reference}",
        f"Priority: {analysis.priority if analysis else '—'} of 5",
        "Child in immediate danger: " + ("yes" if tip.immediate_danger else "no"),
    ]
    where = ", ".join(p for p in (region_name or tip.region_code, tip.town) if p)
    if where:
        lines.append(f"Where: {where}")
    when = " ".join(p for p in (str(tip.occurred_on or ""), tip.occurred_when) if p)
    if when:
        lines.append(f"When: {when}")
    if indicator_titles:
        lines.append("Indicators: " + "; ".join(indicator_titles))
    return "\n".join(lines)


def escalate_tip(
    tip, person, organisation, *, summary: str, identifiers=(), note: str = ""
) -> Escalation:
    """Refer the tip to one law-enforcement organisation: a copy is what they read."""
    if tip.status == Status.CLOSED:
        raise TriageError(_("A closed tip cannot be escalated: reopen it first."))
    analysis = getattr(tip, "analysis", None)
    with transaction.atomic():
        escalation = Escalation.objects.create(
            tip=tip,
            organisation=organisation,
            reference=tip.reference,
            priority=analysis.priority if analysis else 0,
            immediate_danger=tip.immediate_danger,
            region_code=tip.region_code,
            town=tip.town,
            summary=summary,
            identifiers="\n".join(identifiers),
            note=note,
            created_by=person,
        )
        record(
            Action.CREATE,
            escalation,
            actor=person,
            organisation=tip.hotline,
            summary=f"tip {tip.reference} escalated to {organisation.name} "
            f"with {len(identifiers)} identifier(s)",
        )
        if tip.status != Status.ESCALATED:
            tip_actions.set_status(tip, person, Status.ESCALATED)
        else:
            record(
                Action.CHANGE,
                tip,
                actor=person,
                organisation=tip.hotline,
                summary=f"escalated again, to {organisation.name}",
            )
        protocols.meet(tip, [DeadlineKind.ACKNOWLEDGE, DeadlineKind.ESCALATE])
        notifications.notify_escalation(escalation)
    return escalation


def acknowledge_escalation(escalation, person) -> Escalation:
    if escalation.status != EscalationStatus.SENT:
        raise TriageError(_("This referral was already acknowledged."))
    with transaction.atomic():
        escalation.status = EscalationStatus.ACKNOWLEDGED
        escalation.acknowledged_by = person
        escalation.acknowledged_at = timezone.now()
        escalation.save(update_fields=["status", "acknowledged_by", "acknowledged_at"])
        record(
            Action.CHANGE,
            escalation,
            actor=person,
            organisation=escalation.organisation,
            summary="referral acknowledged",
        )
    return escalation


def close_escalation(escalation, person) -> Escalation:
    if escalation.status == EscalationStatus.CLOSED:
        raise TriageError(_("This referral is already closed."))
    with transaction.atomic():
        update = ["status"]
        if escalation.acknowledged_at is None:
            escalation.acknowledged_by = person
            escalation.acknowledged_at = timezone.now()
            update += ["acknowledged_by", "acknowledged_at"]
        escalation.status = EscalationStatus.CLOSED
        escalation.save(update_fields=update)
        record(
            Action.CHANGE,
            escalation,
            actor=person,
            organisation=escalation.organisation,
            summary="referral closed",
        )
    return escalation


# Corrections --------------------------------------------------------------------------


def _catalogue_version(tip) -> int:
    analysis = getattr(tip, "analysis", None)
    if analysis is not None:
        return analysis.catalogue_version
    return CatalogueVersion.objects.aggregate(n=Max("number"))["n"] or 0


def _label(tip, person, target, kind, verdict, *, field="", start=None, end=None, value=""):
    return AnalystLabel.objects.create(
        tip=tip,
        target=target,
        kind=kind,
        field=field,
        start=start,
        end=end,
        value=value,
        verdict=verdict,
        catalogue_version=_catalogue_version(tip),
        labelled_by=person,
    )


def _reanalyse(tip) -> None:
    """A correction changes links and priority: analyse again (corrections are kept)
    and let the deadlines follow the new priority."""
    from vigil.triage import pipeline

    analysis = pipeline.analyse_tip(tip)
    protocols.apply_deadlines(tip, analysis)


def _judge_entity(tip, person, entity: TipEntity, verdict: str) -> AnalystLabel:
    with transaction.atomic():
        if entity.rejected and verdict == Verdict.CONFIRMED:
            # Taken back after a rejection: the analyst's row now, which a new
            # analysis keeps (it would otherwise honour the earlier rejection).
            entity.added_by = person
        entity.rejected = verdict == Verdict.REJECTED
        entity.save(update_fields=["rejected", "added_by"])
        label = _label(
            tip,
            person,
            LabelTarget.ENTITY,
            entity.kind,
            verdict,
            field=entity.field,
            start=entity.start,
            end=entity.end,
            value=entity.normalized,
        )
        word = "confirmed" if verdict == Verdict.CONFIRMED else "rejected"
        _acknowledge(tip, person, f"{word} a {entity.kind} identifier")
        if verdict == Verdict.REJECTED or entity.added_by_id == person.pk:
            _reanalyse(tip)
    return label


def confirm_entity(tip, person, entity) -> AnalystLabel:
    return _judge_entity(tip, person, entity, Verdict.CONFIRMED)


def reject_entity(tip, person, entity) -> AnalystLabel:
    return _judge_entity(tip, person, entity, Verdict.REJECTED)


def find_span(tip, text: str) -> tuple[str, int, int]:
    """Where the analyst's words occur in the tip, to keep them as evidence; ("", 0, 0) if not."""
    needle = text.strip()
    if needle:
        pattern = re.compile(re.escape(needle), re.IGNORECASE)
        for field in TEXT_FIELDS:
            match = pattern.search(getattr(tip, field, "") or "")
            if match:
                return field, match.start(), match.end()
    return "", 0, 0


def normalise(kind: str, value: str, country: str = "") -> str:
    """The identifier in the form linking uses, read by the same extractor as the analysis."""
    from vigil.triage.entities import extract_entities

    for entity in extract_entities(value, country, kinds=(kind,)):
        return entity.normalized
    if kind in {EntityKind.PHONE, EntityKind.EMAIL, EntityKind.PAYMENT}:
        # Without a valid normal form these would link nothing, or the wrong tips.
        raise TriageError(_("This is not a valid %(kind)s.") % {"kind": EntityKind(kind).label})
    value = value.strip()
    if kind == EntityKind.HANDLE:
        return "unknown:" + value.lstrip("@").lower()
    if kind == EntityKind.PLATE:
        return "".join(c for c in value if c.isalnum()).upper()
    if kind == EntityKind.URL:
        host = value.lower().removeprefix("https://").removeprefix("http://")
        return host.removeprefix("www.").rstrip("/")
    return value


def add_entity(tip, person, kind: str, value: str) -> TipEntity:
    normalized = normalise(kind, value, tip.country_code)
    value_hash = keyed_hash(kind, normalized)
    field, start, end = find_span(tip, value)
    with transaction.atomic():
        existing = TipEntity.objects.filter(tip=tip, kind=kind, value_hash=value_hash).first()
        if existing is not None and not existing.rejected:
            raise TriageError(_("This identifier is already listed."))
        if existing is not None:
            existing.rejected = False
            existing.added_by = person
            existing.save(update_fields=["rejected", "added_by"])
            entity = existing
        else:
            entity = TipEntity.objects.create(
                tip=tip,
                kind=kind,
                field=field,
                start=start,
                end=end,
                value=value.strip(),
                normalized=normalized,
                value_hash=value_hash,
                added_by=person,
            )
        _label(
            tip,
            person,
            LabelTarget.ENTITY,
            kind,
            Verdict.ADDED,
            field=field,
            start=start if field else None,
            end=end if field else None,
            value=normalized,
        )
        _acknowledge(tip, person, f"added a missed {kind} identifier")
        _reanalyse(tip)
    return entity


def _judge_indicator(tip, person, found: TipIndicator, verdict: str) -> AnalystLabel:
    with transaction.atomic():
        if found.rejected and verdict == Verdict.CONFIRMED:
            found.added_by = person  # see _judge_entity
        found.rejected = verdict == Verdict.REJECTED
        found.save(update_fields=["rejected", "added_by"])
        label = _label(
            tip,
            person,
            LabelTarget.INDICATOR,
            found.indicator.code,
            verdict,
            field=found.field,
            start=found.start,
            end=found.end,
        )
        word = "confirmed" if verdict == Verdict.CONFIRMED else "rejected"
        _acknowledge(tip, person, f"{word} indicator {found.indicator.code}")
        if verdict == Verdict.REJECTED or found.added_by_id == person.pk:
            _reanalyse(tip)
    return label


def confirm_indicator(tip, person, found) -> AnalystLabel:
    return _judge_indicator(tip, person, found, Verdict.CONFIRMED)


def reject_indicator(tip, person, found) -> AnalystLabel:
    return _judge_indicator(tip, person, found, Verdict.REJECTED)


def add_indicator(tip, person, indicator, evidence: str = "") -> TipIndicator:
    field, start, end = find_span(tip, evidence)
    with transaction.atomic():
        existing = TipIndicator.objects.filter(tip=tip, indicator=indicator).first()
        if existing is not None and not existing.rejected:
            raise TriageError(_("This indicator is already listed."))
        if existing is not None:
            existing.rejected = False
            existing.added_by = person
            existing.save(update_fields=["rejected", "added_by"])
            found = existing
        else:
            found = TipIndicator.objects.create(
                tip=tip, indicator=indicator, field=field, start=start, end=end, added_by=person
            )
        _label(
            tip,
            person,
            LabelTarget.INDICATOR,
            indicator.code,
            Verdict.ADDED,
            field=field,
            start=start if field else None,
            end=end if field else None,
        )
        _acknowledge(tip, person, f"added missed indicator {indicator.code}")
        _reanalyse(tip)
    return found
