"""What the API accepts and returns, and how its input becomes TipForm data.

Pydantic checks only the JSON types; every rule about a tip's content is
TipForm's, so the web form and the API can never disagree. Limits in the
OpenAPI document are copied from the same constants, for clients to read.
"""

import base64
import binascii
from datetime import datetime
from typing import Annotated, Literal

from django import forms
from django.conf import settings
from django.utils.translation import gettext as _
from ninja import Field, Schema
from pydantic import ConfigDict, StrictBool, StrictInt, StrictStr, WithJsonSchema

from vigil.tips.forms import TEXT_LIMITS, TipForm
from vigil.tips.models import AgeBand, Gender
from vigil.tips.photos import MAX_PHOTO_BYTES, MAX_PHOTOS, CleanPhoto, PhotoError, clean_photo

MESSAGE_LIMIT = 10_000
# Base64 of the largest photo accepted, so an oversized one is refused before decoding.
MAX_PHOTO_BASE64 = (MAX_PHOTO_BYTES + 2) // 3 * 4


def _text(limit: int, description: str | None = None, required: bool = False):
    extra = {"maxLength": limit}
    if required:
        extra["minLength"] = 1
        return Field(..., description=description, json_schema_extra=extra)
    return Field(None, description=description, json_schema_extra=extra)


def _choice(values):
    # The enum belongs to the string branch: null stays allowed, as for every optional field.
    return Annotated[StrictStr, WithJsonSchema({"type": "string", "enum": list(values)})] | None


PHOTOS_FIELD_DOC = (
    f"Up to {MAX_PHOTOS} photos (JPEG, PNG, WebP or GIF), each base64-encoded and at most "
    "5 MB before encoding. Metadata is removed before anything is stored."
)


class TipIn(Schema):
    """A report, with the web form's fields."""

    model_config = ConfigDict(extra="forbid")

    narrative: StrictStr = _text(TEXT_LIMITS["narrative"], "What happened.", required=True)
    immediate_danger: StrictBool | None = Field(None, description="A child is in danger now.")
    country: StrictStr | None = Field(None, description="ISO 3166-1 alpha-2 code.")
    region: StrictStr | None = Field(None, description="ISO 3166-2 code within the country.")
    town: StrictStr | None = _text(120)
    place_description: StrictStr | None = _text(TEXT_LIMITS["place_description"])
    occurred_on: StrictStr | None = Field(
        None, description="ISO date, not in the future.", json_schema_extra={"format": "date"}
    )
    occurred_when: StrictStr | None = _text(120, "For example: last night, every weekend.")
    children_count: StrictInt | None = Field(None, json_schema_extra={"minimum": 1, "maximum": 500})
    children_age: _choice(AgeBand.values) = None
    children_gender: _choice(Gender.values) = None
    children_description: StrictStr | None = _text(TEXT_LIMITS["children_description"])
    controllers_description: StrictStr | None = _text(TEXT_LIMITS["controllers_description"])
    vehicles: StrictStr | None = _text(TEXT_LIMITS["vehicles"])
    phone_numbers: StrictStr | None = _text(TEXT_LIMITS["phone_numbers"])
    online_accounts: StrictStr | None = _text(TEXT_LIMITS["online_accounts"])
    contact_details: StrictStr | None = _text(TEXT_LIMITS["contact_details"])
    language: _choice([code for code, _name in settings.LANGUAGES]) = Field(
        None, description="The language the reporter used."
    )
    photos: list[StrictStr] | None = Field(
        None, description=PHOTOS_FIELD_DOC, json_schema_extra={"maxItems": MAX_PHOTOS}
    )


class TipReceiptOut(Schema):
    reference: str = Field(..., description="The hotline's reference for the tip.")
    receipt_code: str = Field(
        ...,
        description="16 digits; the reporter's only key back to the report. Never stored.",
        json_schema_extra={"pattern": r"^[0-9]{16}$"},
    )
    status: str


class FollowupIn(Schema):
    model_config = ConfigDict(extra="forbid")

    receipt_code: StrictStr = Field(..., description="The 16-digit receipt code.")


class FollowupMessageIn(Schema):
    model_config = ConfigDict(extra="forbid")

    receipt_code: StrictStr = Field(..., description="The 16-digit receipt code.")
    body: StrictStr = _text(MESSAGE_LIMIT, "The reporter's answer or addition.", required=True)
    photos: list[StrictStr] | None = Field(
        None,
        description=PHOTOS_FIELD_DOC + f" Without an API key the whole request must stay under "
        f"{settings.DATA_UPLOAD_MAX_MEMORY_SIZE / 1_000_000:g} MB.",
        json_schema_extra={"maxItems": MAX_PHOTOS},
    )


class MessageOut(Schema):
    author: Literal["hotline", "reporter"]
    body: str
    created_at: datetime


class ThreadOut(Schema):
    reference: str
    status: str
    status_text: str = Field(..., description="What the reporter is told about the status.")
    messages: list[MessageOut]


class ErrorOut(Schema):
    detail: str


class FieldErrorsOut(Schema):
    errors: dict[str, list[str]] = Field(..., description="Messages for each invalid field.")


class ApiTipForm(TipForm):
    """TipForm plus what only the API sends: the language the reporter used."""

    language = forms.ChoiceField(choices=settings.LANGUAGES, required=False)


def form_data(values: dict) -> dict[str, str]:
    """JSON values as a browser would post them, so TipForm judges both the same way."""
    data = {}
    for name, value in values.items():
        if value is None or value is False:
            continue
        data[name] = "on" if value is True else str(value)
    return data


def decode_photos(encoded: list[str] | None) -> list[CleanPhoto]:
    """Decode and clean each photo; PhotoError says which one is wrong and why."""
    encoded = encoded or []
    if len(encoded) > MAX_PHOTOS:
        raise PhotoError(_("Send at most %(count)d photos.") % {"count": MAX_PHOTOS})
    photos = []
    for number, text in enumerate(encoded, start=1):
        # Apps often hand over data URLs; the prefix says nothing we trust.
        if text.startswith("data:") and "," in text:
            text = text.split(",", 1)[1]
        if len(text) > MAX_PHOTO_BASE64 + 4:
            raise PhotoError(
                _("Photo %(n)d: each photo must be smaller than 5 MB.") % {"n": number}
            )
        try:
            raw = base64.b64decode(text, validate=True)
        except (binascii.Error, ValueError):
            raise PhotoError(_("Photo %(n)d is not valid base64.") % {"n": number}) from None
        try:
            photos.append(clean_photo(raw))
        except PhotoError as exc:
            raise PhotoError(_("Photo %(n)d: %(error)s") % {"n": number, "error": exc}) from None
    return photos
