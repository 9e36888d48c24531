"""Tip intake and reporter follow-up for partner apps (routes on vigil.api.api)."""

from django.core.exceptions import ValidationError
from ninja import Header, Status

from vigil.api import PartnerKey, PartnerThrottle, PublicThrottle, api
from vigil.core.text import validate_plain_text
from vigil.tips import actions
from vigil.tips.api_schemas import (
    MESSAGE_LIMIT,
    ApiTipForm,
    ErrorOut,
    FieldErrorsOut,
    FollowupIn,
    FollowupMessageIn,
    ThreadOut,
    TipIn,
    TipReceiptOut,
    decode_photos,
    form_data,
)
from vigil.tips.idempotency import IdempotencyConflict, replay, submit_tip_once
from vigil.tips.models import Author, Channel
from vigil.tips.photos import PhotoError

# Receipt codes are guessed through these endpoints: few tries per client and window.
FOLLOWUP_THROTTLE = PublicThrottle("followup", limit=10)
# Malformed and unknown codes get the same answer: a code's shape reveals nothing.
NO_REPORT = {"detail": "No report matches this receipt code."}
# Statuses every JSON endpoint can answer with before the view runs.
BODY_ERRORS = {400: ErrorOut, 413: ErrorOut, 415: ErrorOut, 422: FieldErrorsOut, 429: ErrorOut}


def _thread(tip) -> dict:
    return {
        "reference": tip.reference,
        "status": tip.status,
        "status_text": str(tip.reporter_status),
        "messages": [
            {
                "author": "hotline" if message.author_kind == Author.STAFF else "reporter",
                "body": message.body,
                "created_at": message.created_at,
            }
            for message in tip.messages.all()
        ],
    }


def _receipt(tip, code: str) -> Status:
    return Status(201, {"reference": tip.reference, "receipt_code": code, "status": tip.status})


@api.post(
    "/tips",
    auth=PartnerKey(),
    throttle=PartnerThrottle(),
    response={201: TipReceiptOut, 401: ErrorOut, 409: ErrorOut, 503: ErrorOut, **BODY_ERRORS},
    summary="Submit a tip",
    tags=["tips"],
)
def submit_tip(
    request,
    payload: TipIn,
    idempotency_key: str | None = Header(
        None,
        alias="Idempotency-Key",
        min_length=1,
        max_length=200,
        description="Retry with the same key and body to get the first response back.",
    ),
):
    """Submit a report on behalf of a reporter; the receipt code lets them follow it up."""
    raw = payload.model_dump(exclude_unset=True)
    organisation = request.auth.organisation
    if idempotency_key:
        try:
            earlier = replay(organisation, idempotency_key, raw)
        except IdempotencyConflict:
            return Status(409, {"detail": "This Idempotency-Key was used for another request."})
        if earlier:
            return _receipt(*earlier)

    form = ApiTipForm(data=form_data({k: v for k, v in raw.items() if k != "photos"}))
    errors = {} if form.is_valid() else {f: list(m) for f, m in form.errors.items()}
    try:
        photos = decode_photos(raw.get("photos"))
    except PhotoError as exc:
        errors["photos"] = [str(exc)]
    if errors:
        return Status(422, {"errors": errors})

    fields = form.tip_fields()
    language = fields.pop("language", "")
    if idempotency_key:
        try:
            tip, code = submit_tip_once(
                fields,
                key=idempotency_key,
                payload=raw,
                organisation=organisation,
                photos=photos,
                language=language,
            )
        except IdempotencyConflict:
            return Status(409, {"detail": "This Idempotency-Key was used for another request."})
    else:
        tip, code = actions.submit_tip(
            fields,
            channel=Channel.API,
            photos=photos,
            language=language,
            source_organisation=organisation,
        )
    return _receipt(tip, code)


@api.post(
    "/followup",
    response={200: ThreadOut, 404: ErrorOut, **BODY_ERRORS},
    throttle=FOLLOWUP_THROTTLE,
    summary="Open a report with its receipt code",
    tags=["follow-up"],
)
def open_report(request, payload: FollowupIn):
    """The status the reporter may see and the thread with the hotline."""
    tip = actions.find_by_receipt(payload.receipt_code)
    if tip is None:
        return Status(404, NO_REPORT)
    actions.record_reporter_view(tip, Channel.API)
    return Status(200, _thread(tip))


@api.post(
    "/followup/messages",
    response={201: ThreadOut, 404: ErrorOut, **BODY_ERRORS},
    throttle=FOLLOWUP_THROTTLE,
    summary="Answer the hotline or add information",
    tags=["follow-up"],
)
def add_message(request, payload: FollowupMessageIn):
    """Add the reporter's message (and photos) to the thread; returns the thread."""
    errors = {}
    body = payload.body.strip()
    try:
        if not body:
            raise ValidationError("Please write a message.")
        if len(body) > MESSAGE_LIMIT:
            raise ValidationError(f"Please keep the message under {MESSAGE_LIMIT:,} characters.")
        validate_plain_text(body)
    except ValidationError as exc:
        errors["body"] = [str(message) for message in exc.messages]
    try:
        photos = decode_photos(payload.photos)
    except PhotoError as exc:
        errors["photos"] = [str(exc)]
    # A stranger guessing codes learns nothing from field errors: the code comes first.
    tip = actions.find_by_receipt(payload.receipt_code)
    if tip is None:
        return Status(404, NO_REPORT)
    if errors:
        return Status(422, {"errors": errors})
    actions.add_reporter_message(tip, body, photos)
    return Status(201, _thread(tip))
