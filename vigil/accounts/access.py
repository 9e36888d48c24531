"""The one access layer: who may see and do what, by organisation and role.

Views never check roles themselves; they call these helpers (or an app's own
`access.py`, built on them). Missing and forbidden look the same to an
outsider: both raise Http404.
"""

from functools import wraps
from urllib.parse import urlencode

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse

from vigil.accounts.models import Membership, Organisation


def roles_in(person, organisation: Organisation | None) -> set[str]:
    if organisation is None or not person.is_authenticated:
        return set()
    cache = person.__dict__.setdefault("_roles_by_org", {})
    if organisation.pk not in cache:
        cache[organisation.pk] = set(
            Membership.objects.filter(person=person, organisation=organisation).values_list(
                "role", flat=True
            )
        )
    return cache[organisation.pk]


def roles_anywhere(person) -> set[str]:
    """Every role the person holds in any organisation (one query, kept for the request)."""
    if not person.is_authenticated:
        return set()
    if "_roles_anywhere" not in person.__dict__:
        person.__dict__["_roles_anywhere"] = set(
            Membership.objects.filter(person=person).values_list("role", flat=True).distinct()
        )
    return person.__dict__["_roles_anywhere"]


def organisations_where(person, roles) -> list[Organisation]:
    return list(
        Organisation.objects.filter(
            memberships__person=person, memberships__role__in=list(roles)
        ).distinct()
    )


def check(person, organisation: Organisation | None, allowed_roles) -> None:
    """404 to people outside the organisation, 403 to members whose role may not act."""
    roles = roles_in(person, organisation)
    if not roles:
        raise Http404
    if not roles & set(allowed_roles):
        raise PermissionDenied


def is_fully_signed_in(user) -> bool:
    if not user.is_authenticated or not user.is_active:
        return False
    return user.is_verified() or not user.needs_two_factor


def staff_required(view):
    """Signed in, and past two-factor when the person's roles see personal data."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        user = request.user
        if not user.is_authenticated:
            return redirect(
                f"{reverse(settings.LOGIN_URL)}?{urlencode({'next': request.path}, safe='/')}"
            )
        if not is_fully_signed_in(user):
            return redirect("accounts:two_factor")
        return view(request, *args, **kwargs)

    return wrapper
