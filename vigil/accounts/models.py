import hashlib
import secrets
import uuid

import pycountry
from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def validate_jurisdiction(code: str) -> None:
    """An ISO 3166-1 alpha-2 country or ISO 3166-2 subdivision code.

    User-assigned codes (XA-XZ, e.g. the demo country) are allowed too.
    """
    country = code.split("-", 1)[0]
    user_assigned = len(country) == 2 and country.startswith("X") and country.isupper()
    if not (user_assigned or pycountry.countries.get(alpha_2=country)):
        raise ValidationError(_("%(code)s is not an ISO 3166 country code."), params={"code": code})
    if "-" in code and not user_assigned and not pycountry.subdivisions.get(code=code):
        raise ValidationError(_("%(code)s is not an ISO 3166-2 code."), params={"code": code})


class OrganisationKind(models.TextChoices):
    HOTLINE = "hotline", _("Hotline")
    CHILD_PROTECTION = "child_protection", _("Child-protection agency")
    LAW_ENFORCEMENT = "law_enforcement", _("Law enforcement")
    NGO = "ngo", _("NGO / service provider")
    LEGAL_AID = "legal_aid", _("Legal aid")
    SHELTER = "shelter", _("Shelter")
    SCHOOL = "school", _("School")
    HEALTH = "health", _("Health")
    INTERNATIONAL = "international", _("International organisation")


class Role(models.TextChoices):
    ANALYST = "analyst", _("Analyst")
    CASE_WORKER = "case_worker", _("Case worker")
    SUPERVISOR = "supervisor", _("Supervisor")
    LIAISON = "liaison", _("Law-enforcement liaison")
    SERVICE_PROVIDER = "service_provider", _("Service provider")
    POLICY_ANALYST = "policy_analyst", _("Policy analyst")
    TRAINER = "trainer", _("Trainer")
    ORG_ADMIN = "org_admin", _("Organisation admin")


# Roles that can see personal data about reporters or children: these must
# use two-factor authentication.
ROLES_WITH_PERSONAL_DATA = frozenset(
    {Role.ANALYST, Role.CASE_WORKER, Role.SUPERVISOR, Role.LIAISON, Role.SERVICE_PROVIDER}
)


class Organisation(models.Model):
    """A hotline, agency, NGO or other body that works in Vigil."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=80, unique=True)
    kind = models.CharField(max_length=30, choices=OrganisationKind.choices)
    jurisdiction = models.CharField(
        max_length=10,
        validators=[validate_jurisdiction],
        help_text=_("ISO 3166 country or subdivision code the organisation covers."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class Person(AbstractUser):
    """A member of staff who signs in; reporters never have an account."""

    display_name = models.CharField(max_length=150, blank=True)

    def __str__(self):
        return self.display_name or self.username

    @property
    def needs_two_factor(self) -> bool:
        return self.memberships.filter(role__in=ROLES_WITH_PERSONAL_DATA).exists()


class Membership(models.Model):
    """A person's role in an organisation; one person may hold several."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="memberships")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(max_length=30, choices=Role.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["person", "organisation", "role"], name="unique_membership_role"
            )
        ]

    def __str__(self):
        return f"{self.person} · {self.get_role_display()} · {self.organisation}"


class ApiKey(models.Model):
    """A partner organisation's key for the API; only its hash is stored."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="api_keys"
    )
    name = models.CharField(max_length=100)
    prefix = models.CharField(max_length=12, db_index=True)
    key_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        return f"{self.organisation} · {self.name} ({self.prefix}…)"

    @staticmethod
    def hash_key(raw: str) -> str:
        # Keys are 256-bit random, so a fast hash is enough (no guessing possible).
        return hashlib.sha256(raw.encode()).hexdigest()

    @classmethod
    def issue(cls, organisation: Organisation, name: str) -> tuple["ApiKey", str]:
        raw = "vgl_" + secrets.token_urlsafe(32)
        key = cls.objects.create(
            organisation=organisation, name=name, prefix=raw[:12], key_hash=cls.hash_key(raw)
        )
        return key, raw

    @classmethod
    def authenticate(cls, raw: str) -> "ApiKey | None":
        if not raw:
            return None
        return (
            cls.objects.select_related("organisation")
            .filter(key_hash=cls.hash_key(raw), revoked_at__isnull=True)
            .first()
        )

    def revoke(self) -> None:
        self.revoked_at = timezone.now()
        self.save(update_fields=["revoked_at"])
