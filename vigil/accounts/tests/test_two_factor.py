"""TOTP two-factor: set up at first sign-in, asked for at every later one."""

import base64
import datetime
import re

import pytest
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from vigil.accounts.tests.factories import PASSWORD, totp_device
from vigil.accounts.tests.quick_hashing import QUICK_HASHERS, rehash

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def quick_argon2(settings):
    settings.PASSWORD_HASHERS = QUICK_HASHERS


TWO_FACTOR = "/accounts/two-factor/"


@pytest.fixture
def analyst(quick_argon2, analyst):
    rehash(analyst)
    return analyst


@pytest.fixture
def trainer(quick_argon2, trainer):
    rehash(trainer)
    return trainer


def code_for(device: TOTPDevice) -> str:
    device.refresh_from_db()
    value = totp(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{value:0{device.digits}d}"


def sign_in_with_password(client, username, **data):
    return client.post("/accounts/login/", {"username": username, "password": PASSWORD, **data})


def test_first_sign_in_sets_up_an_authenticator_from_a_qr_code(client, analyst):
    response = sign_in_with_password(client, "analyst")
    setup = client.get(response["Location"])
    assert setup.status_code == 200
    device = TOTPDevice.objects.get(user=analyst, confirmed=False)
    secret = re.search(r'<code class="totp-secret">([A-Z2-7=]+)</code>', setup.text).group(1)
    assert secret == base64.b32encode(device.bin_key).decode()
    # The QR code is drawn on the server: an inline SVG, no image from elsewhere.
    assert "<svg" in setup.text
    assert "<img" not in setup.text
    # Reloading keeps the same secret for someone halfway through scanning.
    assert secret in client.get(response["Location"]).text

    verified = client.post(response["Location"], {"token": code_for(device)})
    assert verified.status_code == 302
    assert verified["Location"] == "/inbox/"
    device.refresh_from_db()
    assert device.confirmed
    assert client.get("/inbox/").status_code == 200


def test_a_wrong_code_is_refused_and_confirms_nothing(client, analyst):
    sign_in_with_password(client, "analyst")
    client.get(TWO_FACTOR)
    device = TOTPDevice.objects.get(user=analyst)
    wrong = f"{(int(code_for(device)) + 1) % 1_000_000:06d}"
    response = client.post(TWO_FACTOR, {"token": wrong})
    assert response.status_code == 400
    assert "That code is not valid" in response.text
    assert re.search(r'aria-invalid="true" aria-describedby="[^"]*id_token_error"', response.text)
    device.refresh_from_db()
    assert not device.confirmed
    assert client.get("/inbox/")["Location"].startswith(TWO_FACTOR)


def test_repeated_wrong_codes_slow_down_guessing(client, analyst):
    device = totp_device(analyst)
    sign_in_with_password(client, "analyst")
    client.post(TWO_FACTOR, {"token": "000000"})
    client.post(TWO_FACTOR, {"token": "000001"})
    refused = client.post(TWO_FACTOR, {"token": code_for(device)})
    assert refused.status_code == 400
    assert "Too many wrong codes" in refused.text
    # Once the wait is over (moved back in time, not slept), the right code works.
    device.refresh_from_db()
    device.throttling_failure_timestamp = timezone.now() - datetime.timedelta(minutes=5)
    device.save()
    assert client.post(TWO_FACTOR, {"token": code_for(device)})["Location"] == "/inbox/"


def test_later_sign_ins_ask_for_a_code_without_showing_the_secret(client, analyst):
    device = totp_device(analyst)
    response = sign_in_with_password(client, "analyst", next="/audit/")
    assert response["Location"] == "/accounts/two-factor/?next=%2Faudit%2F"
    page = client.get(response["Location"])
    assert "totp-secret" not in page.text and "<svg" not in page.text
    assert "Verify</button>" in page.text
    verified = client.post(response["Location"], {"token": code_for(device)})
    assert verified["Location"] == "/audit/"
    assert TOTPDevice.objects.filter(user=analyst).count() == 1


def test_a_code_cannot_be_used_twice(client, analyst):
    device = totp_device(analyst)
    sign_in_with_password(client, "analyst")
    code = code_for(device)
    assert client.post(TWO_FACTOR, {"token": code}).status_code == 302
    client.post("/accounts/logout/")
    sign_in_with_password(client, "analyst")
    assert client.post(TWO_FACTOR, {"token": code}).status_code == 400


def test_it_only_follows_next_to_local_paths(client, analyst):
    device = totp_device(analyst)
    sign_in_with_password(client, "analyst")
    response = client.post(TWO_FACTOR + "?next=https://evil.example/", {"token": code_for(device)})
    assert response["Location"] == "/inbox/"


def test_roles_without_personal_data_are_not_asked_for_a_code(client, trainer):
    response = sign_in_with_password(client, "trainer")
    assert response["Location"] == "/learn/trainer/"
    assert client.get("/accounts/").status_code == 200
    assert client.get(TWO_FACTOR)["Location"] == "/inbox/"
    assert not TOTPDevice.objects.filter(user=trainer).exists()


def test_the_two_factor_page_needs_a_password_first(client, analyst):
    assert client.get(TWO_FACTOR)["Location"] == "/accounts/login/"
    assert not TOTPDevice.objects.exists()
