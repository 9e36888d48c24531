"""The partner API: signed requests only, small cells withheld."""

import io
import time
from pathlib import Path

import pytest
from django.core.management import call_command

from vigil.audit.models import Action, AuditEvent
from vigil.exchange import signing
from vigil.exchange.actions import issue_partner_token, revoke_agreement, revoke_partner_token
from vigil.exchange.suppression import suppress

FIXTURE = Path(__file__).parent / "data" / "ctdc_synthetic.csv"
URL = "/api/v1/exchange/aggregates"


@pytest.fixture
def token(supervisor, deidentified_agreement):
    call_command("import_ctdc", str(FIXTURE), stdout=io.StringIO())
    return issue_partner_token(supervisor, deidentified_agreement)


def _get(client, token_and_secret, path=URL, now=None, secret=None):
    token, real_secret = token_and_secret
    headers = signing.headers(token.key_id, secret or real_secret, "GET", path, now=now)
    return client.get(path, headers=headers)


def test_a_signed_request_gets_counts_with_small_cells_withheld(client, token):
    response = _get(client, token, URL + "?by=country_of_exploitation")

    assert response.status_code == 200
    body = response.json()
    assert body["threshold"] == 11
    cells = {c["country_of_exploitation"]: c["count"] for c in body["cells"]}
    # MY 12 is shown; RU 5, US 3, unknown 2 and TH 1 are all under 11.
    assert cells == {"MY": 12, "RU": None, "US": None, "": None, "TH": None}
    assert "Counter-Trafficking Data Collaborative" in " ".join(body["attribution"])
    event = AuditEvent.objects.get(object_type="exchange.partnertoken", action=Action.EXPORT)
    assert event.actor_label == f"partner {token[0].key_id}"


def test_a_lone_small_cell_takes_a_complement_with_it():
    rows = [{"country": "MY", "count": 40}, {"country": "RU", "count": 25},
            {"country": "TH", "count": 3}]  # fmt: skip
    published = {r["country"]: r["count"] for r in suppress(rows, ["country"])}
    # With the total known elsewhere, TH alone hidden would be 68 - 40 - 25.
    assert published == {"MY": 40, "RU": None, "TH": None}


def test_no_cell_under_eleven_leaves_in_any_grouping(client, token):
    for by in ("citizenship,year", "sex,age_band", "exploitation", "year"):
        response = _get(client, token, f"{URL}?by={by}")
        assert response.status_code == 200
        for cell in response.json()["cells"]:
            assert cell["count"] is None or cell["count"] >= 11


def test_a_stale_timestamp_is_refused(client, token):
    response = _get(client, token, now=time.time() - 6 * 60)
    assert response.status_code == 401
    assert "cells" not in response.json()


def test_a_bad_signature_is_refused(client, token):
    assert _get(client, token, secret="not the secret").status_code == 401


def test_a_signature_for_another_path_is_refused(client, token):
    key, secret = token
    headers = signing.headers(key.key_id, secret, "GET", URL)
    assert client.get(URL + "?by=citizenship", headers=headers).status_code == 401


def test_unsigned_and_unknown_keys_are_refused(client, token):
    assert client.get(URL).status_code == 401
    headers = signing.headers("vx_nosuchkey", token[1], "GET", URL)
    assert client.get(URL, headers=headers).status_code == 401


def test_a_revoked_key_is_refused(client, token, supervisor):
    revoke_partner_token(supervisor, token[0])
    assert _get(client, token).status_code == 401


def test_a_revoked_agreement_stops_its_keys(client, token, supervisor, deidentified_agreement):
    revoke_agreement(supervisor, deidentified_agreement, "Partner closed")
    assert _get(client, token).status_code == 401


def test_an_expired_key_is_refused(client, token):
    key = token[0]
    key.expires_at = key.created_at
    key.save(update_fields=["expires_at"])
    assert _get(client, token).status_code == 401


def test_an_unknown_dimension_is_a_clear_error(client, token):
    response = _get(client, token, URL + "?by=name")
    assert response.status_code == 400
    assert "country_of_exploitation" in response.json()["detail"]


def test_the_command_issues_a_key_that_works(client, deidentified_agreement):
    out = io.StringIO()
    call_command("issue_partner_token", "--agreement", str(deidentified_agreement.pk), stdout=out)
    lines = dict(line.split(": ", 1) for line in out.getvalue().splitlines())
    key_id = lines["Key id"]
    secret = lines["Secret (shown once, give it to the partner safely)"]
    headers = signing.headers(key_id, secret, "GET", URL)
    assert client.get(URL, headers=headers).status_code == 200
    call_command("issue_partner_token", "--revoke", key_id, stdout=io.StringIO())
    headers = signing.headers(key_id, secret, "GET", URL)
    assert client.get(URL, headers=headers).status_code == 401
