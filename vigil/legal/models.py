"""Legal proceedings a child takes part in: courts, hearings, protection in court, compensation."""

import uuid

import pycountry
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from vigil.core.fields import EncryptedTextField


def validate_currency(code: str) -> None:
    """An ISO 4217 alphabetic currency code, e.g. EUR."""
    if not (len(code) == 3 and code.isupper() and pycountry.currencies.get(alpha_3=code)):
        raise ValidationError(
            _("%(code)s is not an ISO 4217 currency code (e.g. EUR, USD)."),
            params={"code": code},
            code="currency",
        )


class ProceedingKind(models.TextChoices):
    CRIMINAL = "criminal", _("Criminal prosecution of traffickers")
    CHILD_PROTECTION = "child_protection", _("Child protection / care proceedings")
    IMMIGRATION = "immigration", _("Immigration or asylum")
    COMPENSATION = "compensation", _("Civil compensation")
    FAMILY = "family", _("Family / guardianship")
    OTHER = "other", _("Other")


class ChildRole(models.TextChoices):
    VICTIM_WITNESS = "victim_witness", _("Victim-witness")
    APPLICANT = "applicant", _("Applicant")
    RESPONDENT = "respondent", _("Respondent")
    OTHER = "other", _("Other")


class ProceedingStatus(models.TextChoices):
    PREPARING = "preparing", _("Preparing")
    FILED = "filed", _("Filed")
    IN_PROGRESS = "in_progress", _("In progress")
    DECIDED = "decided", _("Decided")
    APPEALED = "appealed", _("Appealed")
    CLOSED = "closed", _("Closed")


class Outcome(models.TextChoices):
    PENDING = "", _("No outcome yet")
    CONVICTION = "conviction", _("Conviction")
    ACQUITTAL = "acquittal", _("Acquittal")
    DISMISSED = "dismissed", _("Dismissed or discontinued")
    ORDER_MADE = "order_made", _("Order made")
    ORDER_REFUSED = "order_refused", _("Order refused")
    PROTECTION_GRANTED = "protection_granted", _("Protection or residence granted")
    PROTECTION_REFUSED = "protection_refused", _("Protection or residence refused")
    SETTLED = "settled", _("Settled")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    OTHER = "other", _("Other (see notes)")


class Proceeding(models.Model):
    """One set of court or tribunal proceedings in which the child of a case takes part."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="proceedings")
    kind = models.CharField(_("kind of proceedings"), max_length=20, choices=ProceedingKind.choices)
    court_name = models.CharField(_("court or tribunal"), max_length=200)
    court_reference = models.CharField(_("court reference"), max_length=100, blank=True)
    child_role = models.CharField(_("the child's role"), max_length=20, choices=ChildRole.choices)
    legal_aid_provider = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("legal-aid provider"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="legal_proceedings",
    )
    lawyer_name = models.CharField(_("lawyer"), max_length=200, blank=True)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ProceedingStatus.choices,
        default=ProceedingStatus.PREPARING,
    )
    outcome = models.CharField(_("outcome"), max_length=30, choices=Outcome.choices, blank=True)
    outcome_notes = EncryptedTextField(_("notes on the outcome"), blank=True)
    # Optimistic locking, as for cases: an edit names the version it began from.
    version = models.PositiveIntegerField(default=1)
    created_by = models.ForeignKey(
        "accounts.Person", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["created_at"]

    def __str__(self):
        return f"{self.get_kind_display()}, {self.court_name}"


class HearingStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("Scheduled")
    HELD = "held", _("Held")
    POSTPONED = "postponed", _("Postponed")
    CANCELLED = "cancelled", _("Cancelled")


class Hearing(models.Model):
    """A date in court for a proceeding, and what the child needs to be there safely."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    proceeding = models.ForeignKey(Proceeding, on_delete=models.CASCADE, related_name="hearings")
    starts_at = models.DateTimeField(_("date and time"), db_index=True)
    place = models.CharField(_("court room or place"), max_length=200, blank=True)
    purpose = models.CharField(_("purpose"), max_length=200, blank=True)
    child_must_attend = models.BooleanField(_("the child must attend"), default=False)
    support_arranged = models.TextField(
        _("support arranged"),
        blank=True,
        help_text=_("Interpreter, intermediary, screen, video link…"),
    )
    result_notes = EncryptedTextField(_("what happened"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=HearingStatus.choices, default=HearingStatus.SCHEDULED
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["starts_at"]

    def __str__(self):
        return f"{self.proceeding.court_name} {self.starts_at:%Y-%m-%d %H:%M}"


class Measure(models.TextChoices):
    VIDEO_LINK = "video_link", _("Testimony by video link")
    SCREEN = "screen", _("Screen in court")
    CLOSED_HEARING = "closed_hearing", _("Closed hearing")
    ANONYMITY = "anonymity", _("Anonymity / name withheld")
    SUPPORT_PERSON = "support_person", _("Support person or intermediary")
    NO_CONTACT = "no_contact", _("No contact order")
    WITNESS_PROTECTION = "witness_protection", _("Witness protection")
    OTHER = "other", _("Other")


class MeasureStatus(models.TextChoices):
    REQUESTED = "requested", _("Requested")
    GRANTED = "granted", _("Granted")
    REFUSED = "refused", _("Refused")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class ProtectionMeasure(models.Model):
    """A measure asked of the court to protect the child, and what the court decided."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    proceeding = models.ForeignKey(Proceeding, on_delete=models.CASCADE, related_name="measures")
    measure = models.CharField(_("measure"), max_length=30, choices=Measure.choices)
    details = models.CharField(_("details"), max_length=300, blank=True)
    requested_on = models.DateField(_("requested on"))
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=MeasureStatus.choices,
        default=MeasureStatus.REQUESTED,
    )
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["requested_on", "created_at"]

    def __str__(self):
        return f"{self.get_measure_display()} ({self.get_status_display()})"

    @property
    def is_decided(self) -> bool:
        return self.status in (MeasureStatus.GRANTED, MeasureStatus.REFUSED)


class ClaimStatus(models.TextChoices):
    CLAIMED = "claimed", _("Claimed")
    AWARDED = "awarded", _("Awarded")
    REFUSED = "refused", _("Refused")
    PAID_IN_PART = "paid_in_part", _("Paid in part")
    PAID = "paid", _("Paid")


class CompensationClaim(models.Model):
    """Money claimed for the child from traffickers, employers or a state fund."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    proceeding = models.ForeignKey(Proceeding, on_delete=models.CASCADE, related_name="claims")
    claimed_amount = models.DecimalField(_("amount claimed"), max_digits=14, decimal_places=2)
    currency = models.CharField(_("currency"), max_length=3, validators=[validate_currency])
    # Names the accused or an employer: personal data, encrypted.
    against = EncryptedTextField(_("claimed from"))
    status = models.CharField(
        _("status"), max_length=20, choices=ClaimStatus.choices, default=ClaimStatus.CLAIMED
    )
    awarded_amount = models.DecimalField(
        _("amount awarded"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    paid_amount = models.DecimalField(
        _("amount paid"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    notes = EncryptedTextField(_("notes"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(claimed_amount__gte=0)
                & (Q(awarded_amount__isnull=True) | Q(awarded_amount__gte=0))
                & (Q(paid_amount__isnull=True) | Q(paid_amount__gte=0)),
                name="claim_amounts_not_negative",
                violation_error_message=_("Amounts cannot be negative."),
            ),
            # Nothing can be paid beyond what the court awarded.
            models.CheckConstraint(
                condition=Q(paid_amount__isnull=True)
                | Q(awarded_amount__isnull=False, paid_amount__lte=F("awarded_amount")),
                name="claim_paid_within_award",
                violation_error_message=_(
                    "The amount paid cannot be more than the amount awarded."
                ),
            ),
        ]

    def __str__(self):
        return f"{self.claimed_amount} {self.currency}"
