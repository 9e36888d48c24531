"""Where to send staff after signing in: only ever to a path on this site."""

from django.conf import settings
from django.shortcuts import resolve_url
from django.utils.http import url_has_allowed_host_and_scheme

from vigil.accounts.models import Role


def local_path(value: str | None, default: str | None = None) -> str:
    """`value` if it is a path on this site, else the default landing page.

    A host, a scheme or a protocol-relative `//…` (or `/\\…`, which browsers
    read the same way) would let a link sign someone in and hand them to
    another site, so only plain absolute paths pass.
    """
    fallback = resolve_url(settings.LOGIN_REDIRECT_URL) if default is None else default
    if not value or not value.startswith("/") or value.startswith(("//", "/\\")):
        return fallback
    if not url_has_allowed_host_and_scheme(value, allowed_hosts=None, require_https=False):
        return fallback
    return value


def landing_page(person) -> str:
    """Where a sign-in without `next` ends: the inbox for those who handle tips.

    Everyone else (trainers, policy analysts) has no inbox; their own page says
    who they are signed in as and what they may open.
    """
    roles = set(person.memberships.values_list("role", flat=True))
    if roles & {Role.ANALYST, Role.SUPERVISOR}:
        return resolve_url(settings.LOGIN_REDIRECT_URL)
    if Role.LIAISON in roles:
        # Liaisons never see the inbox, only what was escalated to their agency.
        return "/escalations/"
    if Role.TRAINER in roles:
        return resolve_url("learn:trainer")
    return resolve_url("accounts:home")
