"""Every change the data exchange makes: atomic, audited, named for what it does."""

import hashlib
import secrets
from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from vigil.audit.actions import record
from vigil.audit.models import Action
from vigil.exchange import htcds
from vigil.exchange.htcds import FileError
from vigil.exchange.models import (
    DataSharingAgreement,
    ExportFormat,
    HtcdsExport,
    ImportBatch,
    ImportedCase,
    ImportedExploitation,
    ImportedVictimRecord,
    PartnerToken,
    Scope,
)
from vigil.exchange.records import ParsedRecord


class ExchangeError(Exception):
    """An action refused for a reason the person can act on."""


class NotPermitted(ExchangeError):
    """Refused by policy: a full export without an active full-scope agreement."""


# Agreements -----------------------------------------------------------------------------


def record_agreement(person, organisation, **fields) -> DataSharingAgreement:
    with transaction.atomic():
        agreement = DataSharingAgreement.objects.create(
            organisation=organisation, recorded_by=person, **fields
        )
        record(
            Action.CREATE,
            agreement,
            actor=person,
            organisation=organisation,
            summary=f"data-sharing agreement with {agreement.partner_name} ({agreement.scope})",
        )
    return agreement


def revoke_agreement(person, agreement: DataSharingAgreement, reason: str) -> None:
    """Ends the agreement now: no further full export, and its partner tokens stop working."""
    with transaction.atomic():
        if agreement.revoked_at is not None:
            raise ExchangeError(_("This agreement was already revoked."))
        agreement.revoked_at = timezone.now()
        agreement.revoked_by = person
        agreement.revocation_reason = reason
        agreement.save(update_fields=["revoked_at", "revoked_by", "revocation_reason"])
        record(
            Action.CHANGE,
            agreement,
            actor=person,
            organisation=agreement.organisation,
            summary="agreement revoked",
        )


# Exports --------------------------------------------------------------------------------


def export_htcds(
    person, organisation, *, fmt: str, full: bool = False, agreement=None, actor_label=""
) -> tuple[HtcdsExport, str]:
    """The organisation's cases as an HTCDS file (CSV or JSON): (export row, content).

    De-identified unless `full` is asked for explicitly under an active agreement of full
    scope. Every export leaves an audit row; a full one also one per case exported.
    """
    if fmt not in ExportFormat.values:
        raise ExchangeError(_("Choose CSV or JSON."))
    if agreement is not None and agreement.organisation_id != organisation.pk:
        raise NotPermitted(_("This agreement is not one of this organisation's."))
    if full:
        if agreement is None:
            raise NotPermitted(_("A full export needs a data-sharing agreement of full scope."))
        if agreement.scope != Scope.FULL:
            raise NotPermitted(_("This agreement allows de-identified exports only."))
    if agreement is not None and not agreement.is_active():
        raise NotPermitted(_("This agreement is not active (revoked, expired or not started)."))
    with transaction.atomic():
        export = HtcdsExport(
            organisation=organisation,
            scope=Scope.FULL if full else Scope.DEIDENTIFIED,
            format=fmt,
            agreement=agreement,
            exported_by=person if person is not None and person.is_authenticated else None,
            record_count=0,
        )
        cases = list(htcds.cases_to_export(organisation))
        records = [htcds.case_record(case, export_id=export.id.hex, full=full) for case in cases]
        export.record_count = len(records)
        export.save()
        summary = f"HTCDS export, {export.scope}, {fmt}, {len(records)} records"
        if agreement is not None:
            summary += f", agreement {agreement.pk} with {agreement.partner_name}"
        record(
            Action.EXPORT,
            export,
            actor=person,
            actor_label=actor_label,
            organisation=organisation,
            summary=summary,
        )
        if full:
            for case in cases:
                record(
                    Action.EXPORT,
                    case,
                    actor=person,
                    actor_label=actor_label,
                    organisation=organisation,
                    summary=f"in full HTCDS export {export.pk} to {agreement.partner_name}",
                )
    if fmt == ExportFormat.CSV:
        content = htcds.to_csv(records, full=full)
    else:
        content = htcds.to_json(
            records,
            export_id=export.id.hex,
            organisation=organisation,
            full=full,
            created_at=export.created_at,
        )
    return export, content


# Partner tokens -------------------------------------------------------------------------


def issue_partner_token(
    person,
    agreement: DataSharingAgreement,
    *,
    partner_name: str = "",
    days: int = 365,
    scopes: str = "aggregates",
    actor_label: str = "",
) -> tuple[PartnerToken, str]:
    """A new key for a partner deployment: (token, secret). The secret is shown once."""
    if not agreement.is_active():
        raise ExchangeError(_("Tokens are issued only under an active agreement."))
    if days < 1:
        raise ExchangeError(_("A token must be valid for at least one day."))
    secret = secrets.token_urlsafe(32)
    with transaction.atomic():
        token = PartnerToken.objects.create(
            key_id="vx_" + secrets.token_hex(8),
            partner_name=partner_name or agreement.partner_name,
            agreement=agreement,
            secret=secret,
            scopes=scopes,
            expires_at=timezone.now() + timedelta(days=days),
            created_by=person if person is not None and person.is_authenticated else None,
        )
        record(
            Action.CREATE,
            token,
            actor=person,
            actor_label=actor_label,
            organisation=agreement.organisation,
            summary=f"partner token {token.key_id} for {token.partner_name}",
        )
    return token, secret


def revoke_partner_token(person, token: PartnerToken, actor_label: str = "") -> None:
    with transaction.atomic():
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        record(
            Action.CHANGE,
            token,
            actor=person,
            actor_label=actor_label,
            organisation=token.agreement.organisation,
            summary=f"partner token {token.key_id} revoked",
        )


# Imports --------------------------------------------------------------------------------


def import_records(
    *,
    kind: str,
    source: str,
    file_name: str,
    content: bytes,
    parsed: list[ParsedRecord],
    person=None,
    actor_label: str = "",
) -> ImportBatch:
    """Store parsed records under `source`, all or nothing.

    Idempotent: a row already stored under the same source and key (CTDC: line number;
    HTCDS: record id) with the same content is left alone; with different content the
    whole file is refused, since the source's earlier figures would silently change.
    """
    source = source.strip()[:100]
    if not source:
        raise ExchangeError(_("Name the source of the file."))
    with transaction.atomic():
        existing = dict(
            ImportedVictimRecord.objects.filter(source=source).values_list(
                "row_key", "content_hash"
            )
        )
        conflicts, new = [], []
        for parsed_record in parsed:
            stored = existing.get(parsed_record.row_key)
            if stored is None:
                new.append(parsed_record)
            elif stored != parsed_record.content_hash:
                conflicts.append(
                    f"Line {parsed_record.line}: source {source!r} already holds a different "
                    f"record {parsed_record.row_key!r}; import this file under another --source."
                )
        if conflicts:
            raise FileError(conflicts[:50])
        batch = ImportBatch.objects.create(
            kind=kind,
            source=source,
            file_name=file_name[:300],
            file_sha256=hashlib.sha256(content).hexdigest(),
            rows_read=len(parsed),
            rows_created=len(new),
            rows_unchanged=len(parsed) - len(new),
            imported_by=person if person is not None and person.is_authenticated else None,
        )
        victims, exploitations, cases = [], [], []
        for parsed_record in new:
            victim = ImportedVictimRecord(
                batch=batch,
                kind=kind,
                source=source,
                row_key=parsed_record.row_key,
                content_hash=parsed_record.content_hash,
                year=parsed_record.year,
                sex=parsed_record.sex,
                age_band=parsed_record.age_band,
                citizenship=parsed_record.citizenship,
                country_of_exploitation=parsed_record.country_of_exploitation,
            )
            victims.append(victim)
            exploitations.extend(
                ImportedExploitation(record=victim, exploitation=value)
                for value in parsed_record.exploitations
            )
            if parsed_record.case is not None:
                cases.append(ImportedCase(record=victim, **parsed_record.case))
        ImportedVictimRecord.objects.bulk_create(victims, batch_size=2000)
        ImportedExploitation.objects.bulk_create(exploitations, batch_size=2000)
        ImportedCase.objects.bulk_create(cases, batch_size=2000)
        record(
            Action.CREATE,
            batch,
            actor=person,
            actor_label=actor_label,
            summary=(
                f"{kind} import from {file_name[:80]} as {source!r}: {len(new)} new, "
                f"{len(parsed) - len(new)} already there"
            ),
        )
    return batch
