"""TOTP devices for staff: set up once, then a code at every sign-in."""

import base64
import math

import segno
from django.utils import timezone
from django_otp import login as otp_login
from django_otp.models import MAX_THROTTLE_DELAY_SECONDS
from django_otp.plugins.otp_totp.models import TOTPDevice


def confirmed_device(person) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=person, confirmed=True).first()


def pending_device(person) -> TOTPDevice:
    # The same unconfirmed device until it is confirmed: reloading the setup page
    # must not change the secret someone is halfway through scanning.
    device = TOTPDevice.objects.filter(user=person, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=person, name="authenticator", confirmed=False)


def qr_svg(device: TOTPDevice) -> str:
    # Drawn here, never by an outside QR service: the secret must not leave the server.
    return segno.make(device.config_url, error="m").svg_inline(scale=4)


def secret_base32(device: TOTPDevice) -> str:
    """The secret as authenticator apps take it when typed in by hand."""
    return base64.b32encode(device.bin_key).decode()


def wait_seconds(device: TOTPDevice) -> int:
    """Seconds before the device takes another code after wrong ones (0: now).

    django-otp doubles the wait after each wrong code; saying how long is kinder
    than refusing right codes with no reason given.
    """
    allowed, _data = device.verify_is_allowed()
    if allowed:
        return 0
    required = min(
        device.get_throttle_factor() * 2 ** (device.throttling_failure_count - 1),
        MAX_THROTTLE_DELAY_SECONDS,
    )
    elapsed = (timezone.now() - device.throttling_failure_timestamp).total_seconds()
    return max(1, math.ceil(required - elapsed))


def verify(request, device: TOTPDevice, token: str) -> bool:
    """Check a code; a right one confirms a new device and marks the session verified."""
    token = "".join(ch for ch in token if ch.isdigit())
    if not token or not device.verify_token(token):
        return False
    if not device.confirmed:
        device.confirmed = True
        device.save(update_fields=["confirmed"])
    otp_login(request, device)
    return True
