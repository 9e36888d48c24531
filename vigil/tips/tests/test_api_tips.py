"""POST /api/v1/tips: partners submit tips; retries are safe; bad input stores nothing."""

import base64
import io
import json
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.utils import timezone
from PIL import Image

from vigil.accounts.models import ApiKey, OrganisationKind
from vigil.accounts.tests.factories import OrganisationFactory
from vigil.audit.models import AuditEvent
from vigil.tips import actions, idempotency
from vigil.tips.models import IdempotencyRecord, Tip, TipAttachment
from vigil.tips.tests.factories import photo_bytes

URL = "/api/v1/tips"
NARRATIVE = "Three boys of about 12 selling flowers at the ferry port late at night."
TIP = {
    "narrative": NARRATIVE,
    "immediate_danger": True,
    "country": "XV",
    "region": "XV-CO",
    "town": "Port Lira",
    "occurred_on": "2024-05-02",
    "children_count": 3,
    "children_age": "12-14",
    "children_gender": "boy",
    "vehicles": "white van, plate XV 1234",
    "language": "fr",
}


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()


@pytest.fixture
def partner(db):
    return OrganisationFactory(name="Safe Routes NGO", kind=OrganisationKind.NGO)


@pytest.fixture
def partner_key(partner):
    return ApiKey.issue(partner, "mobile app")[1]


def post(client, data, key=None, idempotency_key=None, **kwargs):
    headers = {}
    if key:
        headers["X-API-Key"] = key
    if idempotency_key is not None:
        headers["Idempotency-Key"] = idempotency_key
    body = data if isinstance(data, (str, bytes)) else json.dumps(data)
    kwargs.setdefault("content_type", "application/json")
    return client.post(URL, data=body, headers=headers, **kwargs)


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def counts():
    return (
        Tip.objects.count(),
        TipAttachment.objects.count(),
        AuditEvent.objects.count(),
        IdempotencyRecord.objects.count(),
    )


def test_it_stores_a_partners_tip_and_returns_its_receipt(client, hotline, partner, partner_key):
    response = post(client, TIP, partner_key)

    assert response.status_code == 201
    body = response.json()
    assert set(body) == {"reference", "receipt_code", "status"}
    assert body["status"] == "new"
    assert len(body["receipt_code"]) == 16 and body["receipt_code"].isdigit()
    tip = Tip.objects.get()
    assert tip.reference == body["reference"]
    assert (tip.channel, tip.source_organisation, tip.hotline) == ("api", partner, hotline)
    assert tip.narrative == NARRATIVE
    assert (tip.country_code, tip.region_code, tip.town) == ("XV", "XV-CO", "Port Lira")
    assert (tip.children_count, tip.children_age, tip.children_gender) == (3, "12-14", "boy")
    assert tip.immediate_danger is True
    assert tip.occurred_on.isoformat() == "2024-05-02"
    assert tip.language == "fr"
    assert actions.find_by_receipt(body["receipt_code"]) == tip
    event = AuditEvent.objects.get(object_id=str(tip.pk))
    assert (event.action, event.organisation) == ("create", hotline)
    assert "Safe Routes NGO" in event.actor_label


def test_it_accepts_a_tip_with_only_a_narrative(client, hotline, partner_key):
    response = post(
        client, {"narrative": "A girl begging at the station every night."}, partner_key
    )

    assert response.status_code == 201
    tip = Tip.objects.get()
    assert (tip.country_code, tip.immediate_danger, tip.children_count) == ("", False, None)


@pytest.mark.parametrize("key", [None, "", "vgl_not-a-real-key", "revoked"])
def test_it_refuses_requests_without_a_valid_key(client, hotline, partner, key):
    if key == "revoked":
        api_key, key = ApiKey.issue(partner, "old app")
        api_key.revoke()

    response = post(client, TIP, key)

    assert response.status_code == 401
    assert response.json() == {"detail": "A valid X-API-Key header is required."}
    assert counts() == (0, 0, 0, 0)


def test_it_returns_the_first_response_to_a_retry_with_the_same_key(
    client, hotline, partner, partner_key
):
    first = post(client, TIP, partner_key, idempotency_key="retry-7f3a")
    again = post(client, TIP, partner_key, idempotency_key="retry-7f3a")

    assert first.status_code == again.status_code == 201
    assert again.json() == first.json()
    assert Tip.objects.count() == 1
    assert AuditEvent.objects.count() == 1
    record = IdempotencyRecord.objects.get()
    assert (record.organisation, record.tip) == (partner, Tip.objects.get())
    code = first.json()["receipt_code"]
    # Sealed under the client's key: the database alone does not give the receipt back.
    assert code not in record.sealed_receipt
    assert "retry-7f3a" not in record.key_hash
    assert idempotency.unseal(partner, "retry-7f3a", record.sealed_receipt) == code
    with pytest.raises(Exception):  # noqa: B017 - any failure to open will do
        idempotency.unseal(partner, "another key", record.sealed_receipt)


def test_it_refuses_the_same_idempotency_key_with_another_body(client, hotline, partner_key):
    post(client, TIP, partner_key, idempotency_key="k-1")

    response = post(client, {**TIP, "town": "Elsewhere"}, partner_key, idempotency_key="k-1")

    assert response.status_code == 409
    assert "Idempotency-Key" in response.json()["detail"]
    assert Tip.objects.get().town == "Port Lira"


def test_it_keeps_idempotency_keys_of_two_partners_apart(client, hotline, partner_key):
    other_key = ApiKey.issue(OrganisationFactory(kind=OrganisationKind.NGO), "app")[1]

    first = post(client, TIP, partner_key, idempotency_key="same-key")
    second = post(client, TIP, other_key, idempotency_key="same-key")

    assert first.status_code == second.status_code == 201
    assert first.json()["reference"] != second.json()["reference"]
    assert Tip.objects.count() == 2
    assert IdempotencyRecord.objects.count() == 2


def test_it_lets_a_request_that_loses_the_race_return_the_winners_result(
    client, hotline, partner, partner_key
):
    # The loser passed the lookup before the winner committed; the unique key decides.
    winner = post(client, TIP, partner_key, idempotency_key="race").json()
    payload = dict(TIP)
    fields = {"narrative": NARRATIVE, "country_code": "XV", "region_code": "XV-CO"}

    tip, code = idempotency.submit_tip_once(
        fields, key="race", payload=payload, organisation=partner
    )

    assert (tip.reference, code) == (winner["reference"], winner["receipt_code"])
    assert Tip.objects.count() == 1
    assert AuditEvent.objects.count() == 1


def test_it_purges_idempotency_records_after_a_day(client, hotline, partner_key):
    post(client, TIP, partner_key, idempotency_key="old")
    post(client, {**TIP, "town": "B"}, partner_key, idempotency_key="new")
    IdempotencyRecord.objects.filter(tip__town="Port Lira").update(
        created_at=timezone.now() - timedelta(hours=25)
    )

    assert idempotency.purge_idempotency_records() == 1

    assert list(IdempotencyRecord.objects.values_list("tip__town", flat=True)) == ["B"]
    assert Tip.objects.count() == 2  # the tips themselves stay


def test_it_stores_photos_re_encoded_without_metadata(client, hotline, partner_key):
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # camera make: identifies the device
    exif[0x8825] = {2: (51.0, 30.0, 0.0)}  # GPS latitude
    photo = photo_bytes(size=(80, 60), exif=exif.tobytes())
    png = photo_bytes(fmt="PNG", size=(20, 20))

    response = post(client, {**TIP, "photos": [b64(photo), b64(png)]}, partner_key)

    assert response.status_code == 201
    attachments = list(TipAttachment.objects.order_by("width"))
    assert [(a.width, a.height, a.message) for a in attachments] == [(20, 20, None), (80, 60, None)]
    for attachment in attachments:
        with Image.open(io.BytesIO(attachment.content)) as image:
            assert not image.getexif()
            assert "exif" not in image.info
    assert b"PhoneMaker" not in attachments[1].content


def test_it_answers_invalid_fields_with_the_forms_messages(client, hotline, partner_key):
    bad = {**TIP, "narrative": "See <a href='x'>this</a>", "children_age": "teen"}

    response = post(client, bad, partner_key)

    assert response.status_code == 422
    errors = response.json()["errors"]
    assert set(errors) == {"narrative", "children_age"}
    assert errors["narrative"] == [
        "Please write plain text: remove anything between < and > (web page code)."
    ]
    assert "teen" in errors["children_age"][0]


def test_it_rate_limits_each_key(client, hotline, partner_key, settings):
    settings.VIGIL_RATE_LIMIT = 1  # 50 requests per window for a key

    for _ in range(50):
        assert post(client, {}, partner_key).status_code == 422

    response = post(client, TIP, partner_key)
    assert response.status_code == 429
    assert "Too many requests" in response.json()["detail"]
    assert Tip.objects.count() == 0


NOT_A_PHOTO = b64(b"%PDF-1.4 this is not a picture")
OVER_5_MB = b64(photo_bytes(size=(8, 8)) + b"\0" * (5 * 1024 * 1024))

BAD_REQUESTS = {
    "malformed JSON": ('{"narrative": "unfinished', "application/json", 400),
    "JSON that is not an object": ('["narrative"]', "application/json", 400),
    "invalid UTF-8": (b'{"narrative": "\xff\xfe"}', "application/json", 400),
    "lone surrogate": ('{"narrative": "broken \\ud800 text"}', "application/json", 400),
    "form encoding": ("narrative=hello", "application/x-www-form-urlencoded", 415),
    "plain text": (json.dumps(TIP), "text/plain", 415),
    "empty body": ("", "application/json", 422),
    "missing narrative": ({**TIP, "narrative": None}, None, 422),
    "narrative as a number": ({**TIP, "narrative": 42}, None, 422),
    "danger as a string": ({**TIP, "immediate_danger": "yes"}, None, 422),
    "count as a string": ({**TIP, "children_count": "3"}, None, 422),
    "count out of range": ({**TIP, "children_count": 0}, None, 422),
    "unknown field": ({**TIP, "ip_address": "10.0.0.1"}, None, 422),
    "unknown choice": ({**TIP, "children_gender": "unknown"}, None, 422),
    "unknown country": ({**TIP, "country": "ZZ", "region": ""}, None, 422),
    "region of another country": ({**TIP, "country": "FR"}, None, 422),
    "unknown language": ({**TIP, "language": "xx"}, None, 422),
    "future date": ({**TIP, "occurred_on": "2999-01-01"}, None, 422),
    "not a date": ({**TIP, "occurred_on": "yesterday"}, None, 422),
    "oversize narrative": ({**TIP, "narrative": "a" * 10_001}, None, 422),
    "blank narrative": ({**TIP, "narrative": "   "}, None, 422),
    "markup": ({**TIP, "town": "<script>alert(1)</script>"}, None, 422),
    "control characters": ({**TIP, "narrative": "hidden\x00text"}, None, 422),
    "photos not a list": ({**TIP, "photos": b64(photo_bytes())}, None, 422),
    "too many photos": ({**TIP, "photos": [b64(photo_bytes())] * 4}, None, 422),
    "non-image base64": ({**TIP, "photos": [NOT_A_PHOTO]}, None, 422),
    "invalid base64": ({**TIP, "photos": ["not base64 at all!"]}, None, 422),
    "photo over 5 MB": ({**TIP, "photos": [OVER_5_MB]}, None, 422),
    "one bad photo among good ones": (
        {**TIP, "photos": [b64(photo_bytes()), NOT_A_PHOTO]},
        None,
        422,
    ),
}


@pytest.mark.parametrize("name", list(BAD_REQUESTS))
def test_it_refuses_bad_input_with_a_json_error_and_stores_nothing(
    client, hotline, partner_key, name
):
    data, content_type, status = BAD_REQUESTS[name]
    before = counts()

    response = (
        post(client, data, partner_key, idempotency_key=f"bad-{name}", content_type=content_type)
        if content_type
        else post(client, data, partner_key, idempotency_key=f"bad-{name}")
    )

    assert response.status_code == status
    assert response["Content-Type"] == "application/json; charset=utf-8"
    body = response.json()
    assert body.get("detail") or body.get("errors")
    assert counts() == before


def test_it_names_the_photo_that_is_wrong(client, hotline, partner_key):
    response = post(client, {**TIP, "photos": [b64(photo_bytes()), NOT_A_PHOTO]}, partner_key)

    assert response.json()["errors"] == {
        "photos": ["Photo 2: This file is not a photo we can read."]
    }


def test_it_refuses_an_idempotency_key_that_is_too_long(client, hotline, partner_key):
    response = post(client, TIP, partner_key, idempotency_key="k" * 201)

    assert response.status_code == 422
    assert list(response.json()["errors"]) == ["Idempotency-Key"]
    assert counts() == (0, 0, 0, 0)


def test_it_refuses_a_body_beyond_the_partner_limit(client, hotline, partner_key):
    huge = json.dumps({**TIP, "photos": [OVER_5_MB] * 4})

    response = post(client, huge, partner_key)

    assert response.status_code == 413
    assert "too large" in response.json()["detail"]
    assert counts() == (0, 0, 0, 0)


def test_it_answers_503_while_no_hotline_is_set_up(client, partner_key):
    response = post(client, {"narrative": NARRATIVE}, partner_key, idempotency_key="early")

    assert response.status_code == 503
    assert "No hotline" in response.json()["detail"]
    assert counts() == (0, 0, 0, 0)


def test_it_serves_its_openapi_document(client):
    response = client.get("/api/v1/openapi.json")

    assert response.status_code == 200
    document = response.json()
    assert document["components"]["securitySchemes"]["PartnerKey"] == {
        "type": "apiKey",
        "in": "header",
        "name": "X-API-Key",
    }
    responses = document["paths"]["/api/v1/tips"]["post"]["responses"]
    assert {"201", "401", "409", "422", "429"} <= set(responses)
