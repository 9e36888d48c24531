"""Data exchange with partners: sharing agreements, HTCDS exports, partner tokens, and the
de-identified records other organisations (or CTDC) counted, imported as statistics."""

import uuid

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from vigil.core.fields import EncryptedTextField


class Scope(models.TextChoices):
    DEIDENTIFIED = "deidentified", _("De-identified")
    FULL = "full", _("Full (identifying)")


class ExportFormat(models.TextChoices):
    CSV = "csv", _("CSV")
    JSON = "json", _("JSON")


class DataSharingAgreement(models.Model):
    """A signed agreement to share an organisation's data with a partner, for a purpose."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.PROTECT, related_name="sharing_agreements"
    )
    partner_name = models.CharField(_("partner"), max_length=200)
    # Set when the partner also works in this deployment; most partners are abroad.
    partner_organisation = models.ForeignKey(
        "accounts.Organisation",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("partner organisation in Vigil"),
    )
    purpose = models.CharField(_("purpose"), max_length=500)
    scope = models.CharField(_("scope"), max_length=20, choices=Scope.choices)
    valid_from = models.DateField(_("valid from"))
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    document_reference = models.CharField(
        _("signed document"),
        max_length=200,
        help_text=_("Where the signed agreement is filed (registry number, file name)."),
    )
    recorded_by = models.ForeignKey(
        "accounts.Person", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_by = models.ForeignKey(
        "accounts.Person", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    revocation_reason = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(valid_until__isnull=True)
                | models.Q(valid_until__gte=models.F("valid_from")),
                name="agreement_ends_after_it_starts",
            ),
        ]

    def __str__(self):
        return f"{self.partner_name} ({self.get_scope_display()}, {self.valid_from})"

    def is_active(self, on=None) -> bool:
        today = on or timezone.localdate()
        if self.revoked_at is not None or today < self.valid_from:
            return False
        return self.valid_until is None or today <= self.valid_until

    @property
    def active(self) -> bool:
        return self.is_active()


class HtcdsExport(models.Model):
    """One export of an organisation's cases in HTCDS fields; its id is the file's export id."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.PROTECT, related_name="htcds_exports"
    )
    scope = models.CharField(max_length=20, choices=Scope.choices)
    format = models.CharField(max_length=10, choices=ExportFormat.choices)
    agreement = models.ForeignKey(
        DataSharingAgreement,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="exports",
    )
    record_count = models.PositiveIntegerField()
    exported_by = models.ForeignKey(
        "accounts.Person", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(scope="full") | models.Q(agreement__isnull=False),
                name="full_export_has_agreement",
            ),
        ]

    def __str__(self):
        return f"HTCDS {self.scope} {self.format} {self.created_at:%Y-%m-%d}"


class PartnerToken(models.Model):
    """A partner deployment's key to pull de-identified aggregates, under an agreement."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    # Public: sent in X-Vigil-Key-Id with every request.
    key_id = models.CharField(max_length=40, unique=True)
    partner_name = models.CharField(max_length=200)
    agreement = models.ForeignKey(
        DataSharingAgreement, on_delete=models.PROTECT, related_name="partner_tokens"
    )
    # HMAC needs the shared secret itself to check a signature, so it cannot be stored as a
    # one-way hash; it is encrypted at rest and shown to the issuer once.
    secret = EncryptedTextField()
    # Space-separated: what the token may read ("aggregates").
    scopes = models.CharField(max_length=200, default="aggregates")
    expires_at = models.DateTimeField()
    created_by = models.ForeignKey(
        "accounts.Person", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.partner_name} ({self.key_id})"

    def allows(self, scope: str) -> bool:
        return scope in self.scopes.split()

    def is_usable(self, now=None) -> bool:
        now = now or timezone.now()
        return (
            self.revoked_at is None
            and now < self.expires_at
            and self.agreement.is_active(timezone.localdate(now))
        )


class ImportKind(models.TextChoices):
    HTCDS = "htcds", _("HTCDS case records")
    CTDC = "ctdc", _("CTDC victim records")


class ImportBatch(models.Model):
    """One file imported: where it came from, and what it added."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    kind = models.CharField(max_length=10, choices=ImportKind.choices)
    source = models.CharField(max_length=100)
    file_name = models.CharField(max_length=300)
    file_sha256 = models.CharField(max_length=64)
    rows_read = models.PositiveIntegerField()
    rows_created = models.PositiveIntegerField()
    rows_unchanged = models.PositiveIntegerField()
    imported_by = models.ForeignKey(
        "accounts.Person", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.kind} {self.source} {self.file_name}"


class ImportedVictimRecord(models.Model):
    """One identified victim counted elsewhere: statistics only, never a live case."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    batch = models.ForeignKey(ImportBatch, on_delete=models.CASCADE, related_name="records")
    kind = models.CharField(max_length=10, choices=ImportKind.choices)
    source = models.CharField(max_length=100)
    # Line number (CTDC, whose identical rows are distinct people) or the record id (HTCDS).
    row_key = models.CharField(max_length=100)
    content_hash = models.CharField(max_length=64)
    year = models.PositiveSmallIntegerField(null=True, blank=True)
    sex = models.CharField(max_length=10, blank=True)
    age_band = models.CharField(max_length=10, blank=True)
    citizenship = models.CharField(max_length=2, blank=True)
    country_of_exploitation = models.CharField(max_length=2, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["source", "row_key"], name="one_record_per_source_row")
        ]
        indexes = [
            models.Index(fields=["country_of_exploitation", "year"]),
            models.Index(fields=["citizenship", "year"]),
        ]

    def __str__(self):
        return f"{self.source}:{self.row_key}"


class ImportedExploitation(models.Model):
    """A type of exploitation of an imported record, in HTCDS vocabulary."""

    record = models.ForeignKey(
        ImportedVictimRecord, on_delete=models.CASCADE, related_name="exploitations"
    )
    exploitation = models.CharField(max_length=40)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["record", "exploitation"], name="unique_imported_exploitation"
            )
        ]

    def __str__(self):
        return self.exploitation


class ImportedCase(models.Model):
    """The HTCDS fields of an imported case record beyond those every record has."""

    record = models.OneToOneField(
        ImportedVictimRecord, primary_key=True, on_delete=models.CASCADE, related_name="htcds"
    )
    export_id = models.CharField(max_length=64, blank=True)
    organisation_name = models.CharField(max_length=200, blank=True)
    organisation_country = models.CharField(max_length=2, blank=True)
    gender = models.CharField(max_length=30, blank=True)
    citizenship = models.CharField(max_length=100, blank=True)
    mailing_country = models.CharField(max_length=2, blank=True)
    mailing_state = models.CharField(max_length=20, blank=True)
    trafficking_status = models.CharField(max_length=40, blank=True)
    case_status = models.CharField(max_length=20, blank=True)
    closure_reason = models.CharField(max_length=300, blank=True)
    consent = models.BooleanField(null=True, blank=True)

    def __str__(self):
        return str(self.record)
