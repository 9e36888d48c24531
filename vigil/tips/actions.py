"""Every change to a tip: atomic, audited, notifications sent on commit."""

from django.db import transaction

from vigil.audit.actions import record
from vigil.audit.models import Action
from vigil.tips import hooks, receipts, routing
from vigil.tips.models import Author, Channel, Status, Tip, TipAttachment, TipMessage
from vigil.tips.photos import CleanPhoto

REPORTER = "anonymous reporter"


def _new_receipt_hash() -> tuple[str, str]:
    code = receipts.new_receipt()
    return code, receipts.receipt_hash(code)


def _attach(tip: Tip, photos: list[CleanPhoto], message: TipMessage | None = None) -> None:
    TipAttachment.objects.bulk_create(
        TipAttachment(
            tip=tip,
            message=message,
            content=photo.content,
            content_type=photo.content_type,
            width=photo.width,
            height=photo.height,
            size=len(photo.content),
        )
        for photo in photos
    )


def submit_tip(
    fields: dict,
    *,
    channel: str,
    photos: list[CleanPhoto] = (),
    language: str = "",
    source_organisation=None,
    with_receipt: bool = True,
) -> tuple[Tip, str]:
    """Store a validated tip with its photos; returns the tip and its receipt code.

    The receipt code exists only in the return value: shown once, never stored.
    """
    hotline = routing.receiving_hotline(
        fields.get("country_code", ""), fields.get("region_code", "")
    )
    code, digest = _new_receipt_hash() if with_receipt else ("", None)
    with transaction.atomic():
        tip = Tip.objects.create(
            hotline=hotline,
            channel=channel,
            source_organisation=source_organisation,
            language=language,
            receipt_hash=digest,
            **fields,
        )
        _attach(tip, list(photos))
        label = source_organisation.name if source_organisation else REPORTER
        record(
            Action.CREATE,
            tip,
            organisation=hotline,
            actor_label=f"{label} ({Channel(channel).label})",
            summary=f"tip {tip.reference} received with {len(photos)} photo(s)",
        )
        transaction.on_commit(lambda: hooks.tip_changed(tip))
    return tip, code


def find_by_receipt(code: str) -> Tip | None:
    """The tip a receipt code opens, or None; the same slow work either way."""
    digest = receipts.receipt_hash(code)
    if not receipts.is_well_formed(code):
        return None
    return Tip.objects.filter(receipt_hash=digest).first()


def add_reporter_message(tip: Tip, body: str, photos: list[CleanPhoto] = ()) -> TipMessage:
    with transaction.atomic():
        message = TipMessage.objects.create(tip=tip, author_kind=Author.REPORTER, body=body)
        _attach(tip, list(photos), message)
        tip.has_unread_reporter_message = True
        update = ["has_unread_reporter_message", "updated_at"]
        if tip.status == Status.AWAITING_REPORTER:
            tip.status = Status.IN_REVIEW
            update.append("status")
        tip.save(update_fields=update)
        record(
            Action.CHANGE,
            tip,
            organisation=tip.hotline,
            actor_label=REPORTER,
            summary=f"reporter added a message with {len(photos)} photo(s)",
        )
        transaction.on_commit(lambda: hooks.tip_changed(tip))
    return message


def ask_reporter(tip: Tip, person, body: str) -> TipMessage:
    """Post the hotline's question; SMS reporters get it by text message."""
    from vigil.tips import sms

    with transaction.atomic():
        message = TipMessage.objects.create(
            tip=tip, author_kind=Author.STAFF, author=person, body=body
        )
        if tip.status != Status.CLOSED:
            tip.status = Status.AWAITING_REPORTER
        tip.save(update_fields=["status", "updated_at"])
        record(
            Action.CHANGE, tip, actor=person, organisation=tip.hotline, summary="asked the reporter"
        )
        if tip.channel == Channel.SMS:
            transaction.on_commit(lambda: sms.send_to_reporter(tip, body))
    return message


def set_status(tip: Tip, person, status: str, reason: str = "") -> Tip:
    previous = tip.status
    with transaction.atomic():
        tip.status = status
        tip.closed_reason = reason if status == Status.CLOSED else ""
        tip.save(update_fields=["status", "closed_reason", "updated_at"])
        record(
            Action.CHANGE,
            tip,
            actor=person,
            organisation=tip.hotline,
            summary=f"status {previous} → {status}",
        )
    return tip


def mark_read(tip: Tip) -> None:
    if tip.has_unread_reporter_message:
        tip.has_unread_reporter_message = False
        tip.save(update_fields=["has_unread_reporter_message"])


def record_reporter_view(tip: Tip, channel: str) -> None:
    """The reporter opened their report: audited like any other read, without identity."""
    record(
        Action.VIEW,
        tip,
        organisation=tip.hotline,
        actor_label=f"{REPORTER} ({Channel(channel).label})",
        summary="reporter opened the report with the receipt code",
    )
