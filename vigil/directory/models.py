import uuid

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from vigil.core.text import validate_plain_text
from vigil.directory.languages import language_name, validate_language_codes

# Children and young people: services for care leavers often run to 25.
MAX_AGE = 25

validate_phone = RegexValidator(
    r"^\+?[0-9][0-9 ()\-.]{2,38}$",
    _("Write a phone number with digits, spaces and an optional leading +."),
)


class ServiceType(models.TextChoices):
    SAFETY = "safety", _("Safety and protection")
    HEALTH = "health", _("Health care")
    MENTAL_HEALTH = "mental_health", _("Mental health and psychosocial support")
    SHELTER = "shelter", _("Shelter and safe accommodation")
    EDUCATION = "education", _("Education")
    VOCATIONAL_TRAINING = "vocational_training", _("Vocational training")
    LEGAL_AID = "legal_aid", _("Legal aid")
    FAMILY_TRACING = "family_tracing", _("Family tracing and reunification")
    DOCUMENTS = "documents", _("Documents and repatriation")
    OTHER = "other", _("Other")


class Service(models.Model):
    """A service an organisation offers to children: what, where, for whom, how to reach it."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.CASCADE, related_name="services"
    )
    name = models.CharField(_("name"), max_length=200, validators=[validate_plain_text])
    service_type = models.CharField(
        _("type of service"), max_length=30, choices=ServiceType.choices
    )
    description = models.TextField(
        _("description"), max_length=4_000, blank=True, validators=[validate_plain_text]
    )
    # No areas at all: the service covers the whole jurisdiction.
    areas = models.ManyToManyField(
        "regions.Place",
        blank=True,
        related_name="services",
        verbose_name=_("areas served"),
        help_text=_("Leave empty if the service covers the whole country."),
    )
    min_age = models.PositiveSmallIntegerField(
        _("youngest age"), null=True, blank=True, validators=[MaxValueValidator(MAX_AGE)]
    )
    max_age = models.PositiveSmallIntegerField(
        _("oldest age"), null=True, blank=True, validators=[MaxValueValidator(MAX_AGE)]
    )
    languages = models.CharField(
        _("languages"),
        max_length=40,
        blank=True,
        validators=[validate_language_codes],
        help_text=_("ISO 639-1 codes separated by commas, e.g. “en,fr”."),
    )
    capacity = models.PositiveIntegerField(
        _("capacity"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("How many children at once; leave empty if not stated."),
    )
    places_available = models.PositiveIntegerField(
        _("places available"),
        null=True,
        blank=True,
        help_text=_("Free places now; leave empty if not stated."),
    )
    hours = models.CharField(
        _("opening hours"), max_length=200, blank=True, validators=[validate_plain_text]
    )
    # The organisation's public contact for referrals, never a person's own.
    phone = models.CharField(
        _("contact phone"), max_length=40, blank=True, validators=[validate_phone]
    )
    email = models.EmailField(_("contact email"), blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]
        indexes = [models.Index(fields=["service_type", "is_active"])]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "name"], name="directory_service_unique_name"
            ),
            models.CheckConstraint(
                condition=Q(min_age__isnull=True) | Q(min_age__lte=MAX_AGE),
                name="directory_service_min_age_range",
            ),
            models.CheckConstraint(
                condition=Q(max_age__isnull=True) | Q(max_age__lte=MAX_AGE),
                name="directory_service_max_age_range",
            ),
            models.CheckConstraint(
                condition=Q(min_age__isnull=True)
                | Q(max_age__isnull=True)
                | Q(min_age__lte=models.F("max_age")),
                name="directory_service_ages_ordered",
            ),
            models.CheckConstraint(
                condition=Q(capacity__isnull=True) | Q(capacity__gte=1),
                name="directory_service_capacity_positive",
            ),
            models.CheckConstraint(
                condition=Q(capacity__isnull=True)
                | Q(places_available__isnull=True)
                | Q(places_available__lte=models.F("capacity")),
                name="directory_service_places_within_capacity",
            ),
        ]

    def __str__(self):
        return f"{self.name} · {self.organisation}"

    def clean(self):
        errors = {}
        if self.min_age is not None and self.max_age is not None and self.min_age > self.max_age:
            errors["max_age"] = _("The oldest age must not be below the youngest age.")
        if (
            self.capacity is not None
            and self.places_available is not None
            and self.places_available > self.capacity
        ):
            errors["places_available"] = _("There cannot be more places available than capacity.")
        if errors:
            raise ValidationError(errors)

    @property
    def language_codes(self) -> list[str]:
        return self.languages.split(",") if self.languages else []

    @property
    def language_names(self) -> list[str]:
        return [language_name(code) for code in self.language_codes]

    @property
    def ages_label(self) -> str:
        if self.min_age is None and self.max_age is None:
            return gettext("Any age")
        if self.min_age is None:
            return gettext("Up to %(max)d") % {"max": self.max_age}
        if self.max_age is None:
            return gettext("From %(min)d") % {"min": self.min_age}
        return gettext("%(min)d to %(max)d") % {"min": self.min_age, "max": self.max_age}

    @property
    def capacity_label(self) -> str:
        parts = []
        if self.capacity is not None:
            parts.append(
                ngettext("%(count)d place", "%(count)d places", self.capacity)
                % {"count": self.capacity}
            )
        if self.places_available is not None:
            parts.append(gettext("%(count)d available now") % {"count": self.places_available})
        return ", ".join(parts) or gettext("Not stated")
