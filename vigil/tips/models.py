import secrets
import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from vigil.core.fields import EncryptedBinaryField, EncryptedTextField

REFERENCE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def new_reference() -> str:
    # Random, not sequential: a reference reveals nothing about volumes.
    return "T-" + "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(8))


class Channel(models.TextChoices):
    WEB = "web", _("Web form")
    API = "api", _("Partner API")
    SMS = "sms", _("SMS")


class Status(models.TextChoices):
    NEW = "new", _("New")
    IN_REVIEW = "in_review", _("In review")
    AWAITING_REPORTER = "awaiting_reporter", _("Awaiting reporter")
    ESCALATED = "escalated", _("Escalated to law enforcement")
    REFERRED = "referred", _("Referred to services")
    CASE_OPENED = "case_opened", _("Case opened")
    CLOSED = "closed", _("Closed")


# What the reporter sees: enough to know the report is in hand, nothing operational.
REPORTER_STATUS = {
    Status.NEW: _("Received. It will be read by the hotline soon."),
    Status.IN_REVIEW: _("The hotline is looking into your report."),
    Status.AWAITING_REPORTER: _("The hotline has a question for you. Please answer below."),
    Status.ESCALATED: _("Your report has been passed on to the people who can act on it."),
    Status.REFERRED: _("Your report has been passed on to the people who can act on it."),
    Status.CASE_OPENED: _("Your report has been passed on to the people who can act on it."),
    Status.CLOSED: _("The hotline has finished its work on your report. Thank you."),
}


class AgeBand(models.TextChoices):
    UNKNOWN = "", _("Not sure")
    UNDER_6 = "0-5", _("Under 6")
    AGE_6_11 = "6-11", _("6 to 11")
    AGE_12_14 = "12-14", _("12 to 14")
    AGE_15_17 = "15-17", _("15 to 17")
    MIXED = "mixed", _("Different ages")


class Gender(models.TextChoices):
    UNKNOWN = "", _("Not sure")
    GIRL = "girl", _("Girl(s)")
    BOY = "boy", _("Boy(s)")
    MIXED = "mixed", _("Girls and boys")
    OTHER = "other", _("Other")


class Tip(models.Model):
    """A report of suspected trafficking or exploitation of a child."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    reference = models.CharField(max_length=12, unique=True, default=new_reference)
    hotline = models.ForeignKey(
        "accounts.Organisation", on_delete=models.PROTECT, related_name="tips"
    )
    channel = models.CharField(max_length=10, choices=Channel.choices)
    source_organisation = models.ForeignKey(
        "accounts.Organisation",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="forwarded_tips",
        help_text=_("Partner whose API key submitted the tip."),
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.NEW)
    closed_reason = models.CharField(max_length=300, blank=True)
    language = models.CharField(max_length=10, blank=True)
    immediate_danger = models.BooleanField(default=False)

    country_code = models.CharField(max_length=2, blank=True)
    region_code = models.CharField(max_length=10, blank=True)
    town = models.CharField(max_length=120, blank=True)
    place_description = EncryptedTextField(blank=True)
    occurred_on = models.DateField(null=True, blank=True)
    occurred_when = models.CharField(max_length=120, blank=True)

    narrative = EncryptedTextField()
    children_count = models.PositiveSmallIntegerField(null=True, blank=True)
    children_age = models.CharField(max_length=10, choices=AgeBand.choices, blank=True)
    children_gender = models.CharField(max_length=10, choices=Gender.choices, blank=True)
    children_description = EncryptedTextField(blank=True)
    controllers_description = EncryptedTextField(blank=True)
    vehicles = EncryptedTextField(blank=True)
    phone_numbers = EncryptedTextField(blank=True)
    online_accounts = EncryptedTextField(blank=True)
    contact_details = EncryptedTextField(blank=True)

    # argon2id of the receipt code: the code itself is never stored.
    receipt_hash = models.CharField(max_length=64, unique=True, null=True, blank=True)
    has_unread_reporter_message = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["hotline", "status", "-created_at"])]

    def __str__(self):
        return self.reference

    @property
    def reporter_status(self) -> str:
        return REPORTER_STATUS[Status(self.status)]

    @property
    def is_open(self) -> bool:
        return self.status != Status.CLOSED


class Author(models.TextChoices):
    REPORTER = "reporter", _("Reporter")
    STAFF = "staff", _("Hotline")


class TipMessage(models.Model):
    """A question from the hotline or an answer or addition from the reporter."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    tip = models.ForeignKey(Tip, on_delete=models.CASCADE, related_name="messages")
    author_kind = models.CharField(max_length=10, choices=Author.choices)
    author = models.ForeignKey(
        "accounts.Person", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    body = EncryptedTextField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at"]

    def __str__(self):
        return f"{self.tip} · {self.author_kind} · {self.created_at:%Y-%m-%d %H:%M}"


class TipAttachment(models.Model):
    """A photo sent with a tip: re-encoded, metadata stripped, encrypted at rest."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    tip = models.ForeignKey(Tip, on_delete=models.CASCADE, related_name="attachments")
    message = models.ForeignKey(
        TipMessage, null=True, blank=True, on_delete=models.CASCADE, related_name="attachments"
    )
    content = EncryptedBinaryField()
    content_type = models.CharField(max_length=50)
    width = models.PositiveIntegerField()
    height = models.PositiveIntegerField()
    size = models.PositiveIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at"]

    def __str__(self):
        return f"{self.tip} · photo {self.width}×{self.height}"


class IdempotencyRecord(models.Model):
    """An API submission already accepted, so a retry returns it instead of a duplicate.

    The receipt is sealed under a key derived from the client's idempotency key,
    which is not stored: only the client that knows it can read the receipt back.
    """

    key_hash = models.CharField(max_length=64, unique=True)
    organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.CASCADE, related_name="+"
    )
    request_hash = models.CharField(max_length=64)
    tip = models.ForeignKey(Tip, on_delete=models.CASCADE, related_name="+")
    sealed_receipt = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    def __str__(self):
        return f"idempotency {self.key_hash[:8]}…"


class SmsConversation(models.Model):
    """Messages from one number within a time window, gathered into one tip."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    phone_hash = models.CharField(max_length=64, db_index=True)
    phone = EncryptedTextField(help_text=_("Kept only to send replies."))
    tip = models.ForeignKey(Tip, on_delete=models.CASCADE, related_name="sms_conversations")
    started_at = models.DateTimeField(auto_now_add=True)
    last_message_at = models.DateTimeField()

    class Meta:
        ordering = ["-last_message_at"]

    def __str__(self):
        return f"SMS conversation for {self.tip}"


class ProcessedSms(models.Model):
    """Inbound message ids already handled: gateways retry, tips must not double."""

    message_sid_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return self.message_sid_hash[:8]
