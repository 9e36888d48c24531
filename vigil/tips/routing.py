"""Which hotline receives a tip: the one whose jurisdiction covers its place."""

from vigil.accounts.models import Organisation, OrganisationKind


class NoHotline(Exception):
    """No hotline is configured: the deployment cannot accept reports yet."""


def receiving_hotline(country_code: str, region_code: str) -> Organisation:
    hotlines = Organisation.objects.filter(kind=OrganisationKind.HOTLINE).order_by("created_at")
    for code in (region_code, country_code):
        if code:
            match = hotlines.filter(jurisdiction=code).first()
            if match:
                return match
    fallback = hotlines.first()
    if fallback is None:
        raise NoHotline
    return fallback
