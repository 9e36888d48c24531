import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from vigil.core.fields import EncryptedTextField


class EntityKind(models.TextChoices):
    PHONE = "phone", _("Phone number")
    EMAIL = "email", _("Email")
    URL = "url", _("Link or domain")
    HANDLE = "handle", _("Online account")
    PLATE = "plate", _("Vehicle plate")
    PAYMENT = "payment", _("Payment identifier")
    AGE = "age", _("Stated age")
    PLACE = "place", _("Place")


# Kinds that identify a person or a thing, so shared values link tips together.
LINKING_KINDS = frozenset(
    {
        EntityKind.PHONE,
        EntityKind.EMAIL,
        EntityKind.URL,
        EntityKind.HANDLE,
        EntityKind.PLATE,
        EntityKind.PAYMENT,
    }
)


class Indicator(models.Model):
    """A red flag of trafficking in the catalogue, with its source and weight."""

    code = models.SlugField(max_length=60, unique=True)
    title = models.CharField(max_length=200)
    description = models.TextField(help_text=_("Plain-language explanation for analysts."))
    source = models.TextField(help_text=_("The body that published this indicator, and where."))
    weight = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1), MaxValueValidator(10)],
        help_text=_("1 (weak sign) to 10 (strong sign); drives priority."),
    )
    # A minor in commercial sex, a child in danger: flags that on their own mean urgency.
    implies_minor = models.BooleanField(default=False)
    is_active = models.BooleanField(default=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-weight", "code"]

    def __str__(self):
        return self.title


class PatternLanguage(models.TextChoices):
    EN = "en", "English"
    FR = "fr", "Français"
    ES = "es", "Español"
    PT = "pt", "Português"


class IndicatorPattern(models.Model):
    """A regular expression that detects an indicator in one language."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="patterns")
    language = models.CharField(max_length=5, choices=PatternLanguage.choices)
    pattern = models.CharField(max_length=500, help_text=_("Case-insensitive regular expression."))

    class Meta:
        ordering = ["indicator", "language", "id"]

    def __str__(self):
        return f"{self.indicator.code} [{self.language}] {self.pattern}"


class CatalogueVersion(models.Model):
    """Each change to the catalogue gets a number, so every analysis names the one it used."""

    number = models.PositiveIntegerField(unique=True)
    note = models.CharField(max_length=300, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-number"]

    def __str__(self):
        return f"catalogue v{self.number}"


class TipAnalysis(models.Model):
    """The automatic reading of a tip: its priority and when it was computed."""

    tip = models.OneToOneField("tips.Tip", on_delete=models.CASCADE, related_name="analysis")
    priority = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1), MaxValueValidator(5)], db_index=True
    )
    score = models.FloatField()
    catalogue_version = models.PositiveIntegerField()
    analysed_at = models.DateTimeField()

    def __str__(self):
        return f"{self.tip} P{self.priority}"


class PriorityReason(models.Model):
    """One reason behind a priority, with its contribution to the score."""

    analysis = models.ForeignKey(TipAnalysis, on_delete=models.CASCADE, related_name="reasons")
    code = models.CharField(max_length=60)
    label = models.CharField(max_length=300)
    contribution = models.FloatField()
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order"]

    def __str__(self):
        return f"{self.label} (+{self.contribution:g})"


class TipEntity(models.Model):
    """An identifier found in a tip; the clear value is encrypted, the hash links tips."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    tip = models.ForeignKey("tips.Tip", on_delete=models.CASCADE, related_name="entities")
    kind = models.CharField(max_length=10, choices=EntityKind.choices)
    field = models.CharField(max_length=40, help_text=_("The tip field it was found in."))
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    value = EncryptedTextField(help_text=_("As written in the tip."))
    normalized = EncryptedTextField()
    # keyed_hash(kind, normalized): exact-match linking without clear text.
    value_hash = models.CharField(max_length=64)
    # Set when an analyst added it by hand (a correction), not the extractor.
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    rejected = models.BooleanField(default=False)

    class Meta:
        ordering = ["field", "start"]
        indexes = [models.Index(fields=["value_hash", "kind"])]

    def __str__(self):
        return f"{self.kind} in {self.field}[{self.start}:{self.end}]"


class TipIndicator(models.Model):
    """An indicator detected in a tip, with the span of text that is its evidence."""

    tip = models.ForeignKey("tips.Tip", on_delete=models.CASCADE, related_name="indicators")
    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="+")
    field = models.CharField(max_length=40)
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    rejected = models.BooleanField(default=False)

    class Meta:
        ordering = ["field", "start"]

    def __str__(self):
        return f"{self.indicator.code} in {self.field}[{self.start}:{self.end}]"


class NarrativeBand(models.Model):
    """One locality-sensitive-hashing band of a narrative's MinHash signature."""

    tip = models.ForeignKey("tips.Tip", on_delete=models.CASCADE, related_name="narrative_bands")
    band = models.PositiveSmallIntegerField()
    band_hash = models.CharField(max_length=32)

    class Meta:
        indexes = [models.Index(fields=["band", "band_hash"])]

    def __str__(self):
        return f"{self.tip_id} band {self.band}"


class LinkReason(models.TextChoices):
    SHARED_IDENTIFIER = "identifier", _("Shared identifier")
    NEAR_DUPLICATE = "near_duplicate", _("Near-duplicate narrative")


class TipLink(models.Model):
    """Two tips joined by a shared identifier (by kind, never by value) or similar text."""

    from_tip = models.ForeignKey("tips.Tip", on_delete=models.CASCADE, related_name="links_out")
    to_tip = models.ForeignKey("tips.Tip", on_delete=models.CASCADE, related_name="links_in")
    reason = models.CharField(max_length=20, choices=LinkReason.choices)
    kind = models.CharField(max_length=10, choices=EntityKind.choices, blank=True)
    similarity = models.FloatField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["from_tip", "to_tip", "reason", "kind"], name="unique_tip_link"
            )
        ]

    def __str__(self):
        return f"{self.from_tip_id} ↔ {self.to_tip_id} ({self.reason} {self.kind})"


class LabelTarget(models.TextChoices):
    ENTITY = "entity", _("Identifier")
    INDICATOR = "indicator", _("Indicator")


class Verdict(models.TextChoices):
    CONFIRMED = "confirmed", _("Confirmed")
    REJECTED = "rejected", _("Wrong")
    ADDED = "added", _("Missed, added by hand")


class AnalystLabel(models.Model):
    """An analyst's correction of the automatic analysis, kept to evaluate it later."""

    tip = models.ForeignKey("tips.Tip", on_delete=models.CASCADE, related_name="labels")
    target = models.CharField(max_length=10, choices=LabelTarget.choices)
    kind = models.CharField(max_length=60, help_text=_("Entity kind or indicator code."))
    field = models.CharField(max_length=40, blank=True)
    start = models.PositiveIntegerField(null=True, blank=True)
    end = models.PositiveIntegerField(null=True, blank=True)
    value = EncryptedTextField(blank=True)
    verdict = models.CharField(max_length=10, choices=Verdict.choices)
    catalogue_version = models.PositiveIntegerField()
    labelled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"{self.verdict} {self.target} {self.kind}"


class Protocol(models.Model):
    """A jurisdiction's rules for handling tips: deadlines and who is told."""

    jurisdiction = models.CharField(max_length=10, unique=True)
    name = models.CharField(max_length=200)
    source = models.CharField(max_length=300, blank=True, help_text=_("The law or policy."))

    def __str__(self):
        return self.name


class ProtocolRule(models.Model):
    """For tips of a priority (or with a child in immediate danger): deadlines, notices."""

    protocol = models.ForeignKey(Protocol, on_delete=models.CASCADE, related_name="rules")
    priority = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
        help_text=_("Applies to tips of this priority; empty with immediate danger set."),
    )
    immediate_danger = models.BooleanField(
        default=False, help_text=_("Applies to tips that report a child in immediate danger.")
    )
    acknowledge_within_minutes = models.PositiveIntegerField(null=True, blank=True)
    escalate_within_minutes = models.PositiveIntegerField(null=True, blank=True)
    notify_on_call_liaison = models.BooleanField(default=False)
    notify_supervisors = models.BooleanField(default=False)

    class Meta:
        ordering = ["-immediate_danger", "-priority"]

    def __str__(self):
        what = "immediate danger" if self.immediate_danger else f"priority {self.priority}"
        return f"{self.protocol}: {what}"


class OnCallShift(models.Model):
    """Who answers for a law-enforcement organisation at a given time."""

    organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.CASCADE, related_name="on_call_shifts"
    )
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField()

    class Meta:
        ordering = ["starts_at"]

    def __str__(self):
        return f"{self.person} on call {self.starts_at:%Y-%m-%d %H:%M}"


class DeadlineKind(models.TextChoices):
    ACKNOWLEDGE = "acknowledge", _("Acknowledge")
    ESCALATE = "escalate", _("Escalate or decide")


class TipDeadline(models.Model):
    """When the protocol says a tip must be acknowledged or escalated, and whether it was."""

    tip = models.ForeignKey("tips.Tip", on_delete=models.CASCADE, related_name="deadlines")
    kind = models.CharField(max_length=12, choices=DeadlineKind.choices)
    due_at = models.DateTimeField(db_index=True)
    met_at = models.DateTimeField(null=True, blank=True)
    overdue_notified_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["due_at"]
        constraints = [models.UniqueConstraint(fields=["tip", "kind"], name="unique_tip_deadline")]

    def __str__(self):
        return f"{self.tip} {self.kind} by {self.due_at:%Y-%m-%d %H:%M}"


class TipAssignment(models.Model):
    """The analyst who handles a tip now (claimed, or assigned by a supervisor)."""

    tip = models.OneToOneField("tips.Tip", on_delete=models.CASCADE, related_name="assignment")
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    assigned_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return f"{self.tip} → {self.assignee}"


class EscalationStatus(models.TextChoices):
    SENT = "sent", _("Sent")
    ACKNOWLEDGED = "acknowledged", _("Acknowledged")
    CLOSED = "closed", _("Closed")


class Escalation(models.Model):
    """A tip referred to one law-enforcement organisation, carrying the minimum fields.

    The liaison reads this copy, never the tip: what they see is what was sent.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    tip = models.ForeignKey("tips.Tip", on_delete=models.PROTECT, related_name="escalations")
    organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.PROTECT, related_name="escalations"
    )
    reference = models.CharField(max_length=12)
    priority = models.PositiveSmallIntegerField()
    immediate_danger = models.BooleanField()
    region_code = models.CharField(max_length=10, blank=True)
    town = models.CharField(max_length=120, blank=True)
    summary = EncryptedTextField(help_text=_("What the analyst chose to pass on."))
    identifiers = EncryptedTextField(blank=True, help_text=_("One per line, as normalised."))
    note = EncryptedTextField(blank=True)
    status = models.CharField(
        max_length=15, choices=EscalationStatus.choices, default=EscalationStatus.SENT
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    acknowledged_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.reference} → {self.organisation}"
