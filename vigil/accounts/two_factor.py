"""TOTP devices for staff: set up once, then a code at every sign-in."""

import segno
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice


def confirmed_device(person) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=person, confirmed=True).first()


def pending_device(person) -> TOTPDevice:
    device = TOTPDevice.objects.filter(user=person, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=person, name="authenticator", confirmed=False)


def qr_svg(device: TOTPDevice) -> str:
    # Drawn here, never by an outside QR service: the secret must not leave the server.
    return segno.make(device.config_url, error="m").svg_inline(scale=4)


def verify(request, device: TOTPDevice, token: str) -> bool:
    token = "".join(ch for ch in token if ch.isdigit())
    if not token or not device.verify_token(token):
        return False
    if not device.confirmed:
        device.confirmed = True
        device.save(update_fields=["confirmed"])
    otp_login(request, device)
    return True
