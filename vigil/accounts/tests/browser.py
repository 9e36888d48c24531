"""Signing staff in through the real login and second-factor pages, for browser tests."""

from django_otp.oath import totp

from vigil.accounts.tests.factories import PASSWORD, totp_device


def current_code(device) -> str:
    device.refresh_from_db()
    value = totp(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{value:0{device.digits}d}"


def sign_in(page, base, person, next_path, lands_on=None):
    """Through login and the second factor to `next_path` (or `lands_on` when it redirects)."""
    device = totp_device(person)
    page.goto(f"{base}/accounts/login/?next={next_path}")
    page.fill("input[name=username]", person.username)
    page.fill("input[name=password]", PASSWORD)
    with page.expect_navigation():
        page.get_by_role("button", name="Sign in").click()
    if "/two-factor/" in page.url:  # roles that see no personal data skip it
        page.fill("input[name=token]", current_code(device))
        page.get_by_role("button", name="Verify").click()
    page.wait_for_url(f"{base}{lands_on or next_path}")
    assert "/two-factor/" not in page.url, "the code was refused (used twice in one step?)"
