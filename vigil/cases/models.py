"""A child's case: who the child is, what happened, who works on it, what was agreed."""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from vigil.core.fields import EncryptedTextField
from vigil.directory.models import ServiceType


class Sex(models.TextChoices):
    UNKNOWN = "", _("Not known")
    FEMALE = "female", _("Female")
    MALE = "male", _("Male")
    OTHER = "other", _("Other")


class Placement(models.TextChoices):
    UNKNOWN = "", _("Not known")
    FAMILY = "family", _("With family")
    KINSHIP = "kinship", _("With relatives (kinship care)")
    FOSTER = "foster", _("Foster care")
    SHELTER = "shelter", _("Shelter")
    INSTITUTION = "institution", _("Residential institution")
    INDEPENDENT = "independent", _("Independent living")
    DETENTION = "detention", _("Detention")
    MISSING = "missing", _("Whereabouts unknown")


class Child(models.Model):
    """A child known to an organisation: screened, and perhaps the subject of a case."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.PROTECT, related_name="children"
    )
    given_name = EncryptedTextField(blank=True)
    family_name = EncryptedTextField(blank=True)
    # Aliases and other spellings, one per line: traffickers rename children,
    # and transliteration gives one name several written forms.
    other_names = EncryptedTextField(blank=True)
    sex = models.CharField(max_length=10, choices=Sex.choices, blank=True)
    # ISO 8601 date, encrypted: with a name, a date of birth identifies a child.
    date_of_birth = EncryptedTextField(blank=True)
    estimated_age = models.PositiveSmallIntegerField(null=True, blank=True)
    nationality = models.CharField(max_length=2, blank=True)
    languages = models.CharField(max_length=100, blank=True)
    current_place = models.ForeignKey(
        "regions.Place", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    placement = models.CharField(max_length=20, choices=Placement.choices, blank=True)
    placement_details = EncryptedTextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return self.display_name

    @property
    def display_name(self) -> str:
        name = " ".join(part for part in (self.given_name, self.family_name) if part)
        return name or str(_("Name not known"))


class Caregiver(models.Model):
    """A parent, relative or guardian of a child, and how to reach them."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="caregivers")
    name = EncryptedTextField()
    relationship = models.CharField(max_length=60, blank=True)
    contact = EncryptedTextField(blank=True)
    # A caregiver may be the one who sold the child: never contacted by default.
    safe_to_contact = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return self.relationship or str(_("Caregiver"))


class CaseStatus(models.TextChoices):
    OPEN = "open", _("Open")
    ACTIVE = "active", _("Active")
    FOLLOW_UP = "follow_up", _("In follow-up")
    CLOSED = "closed", _("Closed")
    REOPENED = "reopened", _("Reopened")


class ClosureReason(models.TextChoices):
    GOALS_MET = "goals_met", _("Plan completed, child safe")
    TRANSFERRED = "transferred", _("Transferred to another agency")
    REUNIFIED = "reunified", _("Reunified with family")
    AGED_OUT = "aged_out", _("Child turned 18, handed to adult services")
    LOST_CONTACT = "lost_contact", _("Lost contact")
    DUPLICATE = "duplicate", _("Duplicate record")
    DECEASED = "deceased", _("Child died")
    OTHER = "other", _("Other (explained)")


class RiskLevel(models.TextChoices):
    LOW = "low", _("Low")
    MEDIUM = "medium", _("Medium")
    HIGH = "high", _("High")
    CRITICAL = "critical", _("Critical")


class IdentifiedBy(models.TextChoices):
    TIP = "tip", _("From a tip")
    OUTREACH = "outreach", _("Outreach")
    POLICE = "police", _("Police")
    SELF_REFERRAL = "self_referral", _("Self-referral")
    OTHER_AGENCY = "other_agency", _("Another agency")
    OTHER = "other", _("Other")


class Exploitation(models.TextChoices):
    """Types of exploitation of the Human Trafficking Case Data Standard (HTCDS)."""

    SEXUAL = "sexual", _("Sexual exploitation")
    LABOUR = "labour", _("Forced labour")
    DOMESTIC = "domestic", _("Domestic servitude")
    MARRIAGE = "marriage", _("Forced or child marriage")
    CRIMINAL = "criminal", _("Forced criminal activity")
    BEGGING = "begging", _("Forced begging")
    MILITARY = "military", _("Recruitment by armed forces or groups")
    ORGANS = "organs", _("Removal of organs")
    OTHER = "other", _("Other exploitation")


class Concern(models.TextChoices):
    TRAFFICKED = "trafficked", _("Trafficked or at risk of trafficking")
    UNACCOMPANIED = "unaccompanied", _("Unaccompanied or separated")
    NO_DOCUMENTS = "no_documents", _("No identity documents")
    PHYSICAL_VIOLENCE = "physical_violence", _("Physical violence")
    SEXUAL_VIOLENCE = "sexual_violence", _("Sexual violence")
    NEGLECT = "neglect", _("Neglect")
    OUT_OF_SCHOOL = "out_of_school", _("Out of school")
    SUBSTANCE_USE = "substance_use", _("Substance use")
    MENTAL_HEALTH = "mental_health", _("Mental health")
    IN_CONFLICT_WITH_LAW = "in_conflict_with_law", _("In conflict with the law")


class Case(models.Model):
    """One organisation's work with one child, from identification to closure."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    case_number = models.CharField(max_length=30, unique=True)
    organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.PROTECT, related_name="cases"
    )
    child = models.ForeignKey(Child, on_delete=models.PROTECT, related_name="cases")
    assigned_to = models.ForeignKey(
        "accounts.Person",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_cases",
    )
    status = models.CharField(max_length=20, choices=CaseStatus.choices, default=CaseStatus.OPEN)
    closure_reason = models.CharField(max_length=20, choices=ClosureReason.choices, blank=True)
    closure_note = EncryptedTextField(blank=True)
    risk_level = models.CharField(
        max_length=10, choices=RiskLevel.choices, default=RiskLevel.MEDIUM
    )
    risk_reasons = EncryptedTextField(blank=True)
    identified_by = models.CharField(max_length=20, choices=IdentifiedBy.choices)
    tip = models.ForeignKey(
        "tips.Tip", null=True, blank=True, on_delete=models.PROTECT, related_name="cases"
    )
    summary = EncryptedTextField(blank=True)
    # Optimistic locking: an edit names the version it started from, and is
    # refused if someone saved in between, so no one overwrites unseen work.
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    # A case worker asks for closure; a supervisor approves it.
    closure_requested_by = models.ForeignKey(
        "accounts.Person", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    closure_requested_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["organisation", "status"]),
            models.Index(fields=["assigned_to", "status"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status="closed") | ~models.Q(closure_reason=""),
                name="closed_case_has_reason",
            ),
        ]

    def __str__(self):
        return self.case_number

    @property
    def is_open(self) -> bool:
        return self.status != CaseStatus.CLOSED

    @property
    def exploitation_labels(self) -> list[str]:
        return [Exploitation(e.exploitation).label for e in self.exploitations.all()]

    @property
    def concern_labels(self) -> list[str]:
        return [Concern(c.concern).label for c in self.concerns.all()]


class CaseExploitation(models.Model):
    """A type of exploitation the child suffered, in HTCDS categories."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="exploitations")
    exploitation = models.CharField(max_length=20, choices=Exploitation.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["case", "exploitation"], name="unique_exploitation")
        ]

    def __str__(self):
        return self.get_exploitation_display()


class CaseConcern(models.Model):
    """A protection concern for the child."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="concerns")
    concern = models.CharField(max_length=30, choices=Concern.choices)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["case", "concern"], name="unique_concern")]

    def __str__(self):
        return self.get_concern_display()


class CaseGrant(models.Model):
    """Someone the case's owners let see (or also edit) the case."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="grants")
    person = models.ForeignKey("accounts.Person", on_delete=models.CASCADE, related_name="+")
    can_edit = models.BooleanField(default=False)
    reason = models.CharField(max_length=300)
    granted_by = models.ForeignKey(
        "accounts.Person", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["case", "person"],
                condition=models.Q(revoked_at__isnull=True),
                name="one_active_grant_per_person",
            )
        ]

    def __str__(self):
        return f"{self.case} → {self.person}"


class ConsentGiver(models.TextChoices):
    CHILD = "child", _("The child")
    CAREGIVER = "caregiver", _("A caregiver")
    CHILD_AND_CAREGIVER = "both", _("The child and a caregiver")
    GUARDIAN = "guardian", _("Appointed guardian")
    COURT = "court", _("Court order")


class ConsentPurpose(models.TextChoices):
    SERVICES = "services", _("Referral to services")
    LEGAL = "legal", _("Legal proceedings")
    TRACING = "tracing", _("Family tracing")
    TRANSFER = "transfer", _("Transfer of the case")


class Consent(models.Model):
    """What the child or caregiver agreed to share, with whom, for what; until revoked."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="consents")
    given_by = models.CharField(max_length=20, choices=ConsentGiver.choices)
    purpose = models.CharField(max_length=20, choices=ConsentPurpose.choices)
    # None: any organisation for this purpose; else only this one.
    share_with = models.ForeignKey(
        "accounts.Organisation",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    share_identity = models.BooleanField(default=False)
    share_contact = models.BooleanField(default=False)
    share_history = models.BooleanField(default=False)
    share_health = models.BooleanField(default=False)
    share_legal = models.BooleanField(default=False)
    given_on = models.DateField()
    notes = EncryptedTextField(blank=True)
    recorded_by = models.ForeignKey(
        "accounts.Person", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_by = models.ForeignKey(
        "accounts.Person", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    revocation_reason = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.case} {self.get_purpose_display()}"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None

    def fields_shared(self) -> list[str]:
        return [f for f in SHAREABLE if getattr(self, f"share_{f}")]


# What a consent may let another organisation see, by category of data.
SHAREABLE = ("identity", "contact", "history", "health", "legal")


# Needs, plan and follow-ups ---------------------------------------------------------


class Severity(models.TextChoices):
    NONE = "none", _("No need")
    LOW = "low", _("Low")
    MEDIUM = "medium", _("Medium")
    HIGH = "high", _("High")
    URGENT = "urgent", _("Urgent")


class Need(models.Model):
    """How much the child needs help in one area (the needs assessment, kept current)."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="needs")
    # The areas of the service directory, so that a need finds its providers.
    area = models.CharField(max_length=30, choices=ServiceType.choices)
    severity = models.CharField(max_length=10, choices=Severity.choices)
    notes = EncryptedTextField(blank=True)
    assessed_by = models.ForeignKey(
        "accounts.Person", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    assessed_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["area"]
        constraints = [models.UniqueConstraint(fields=["case", "area"], name="one_need_per_area")]

    def __str__(self):
        return f"{self.get_area_display()}: {self.get_severity_display()}"


class PlanItemStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    NOT_DONE = "not_done", _("Not done (explained)")


class PlanItem(models.Model):
    """One goal of the child's service plan: who provides what, by when, with what result."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="plan_items")
    area = models.CharField(max_length=30, choices=ServiceType.choices)
    goal = EncryptedTextField()
    service = models.ForeignKey(
        "directory.Service", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    due_on = models.DateField(null=True, blank=True)
    status = models.CharField(
        max_length=20, choices=PlanItemStatus.choices, default=PlanItemStatus.PLANNED
    )
    outcome = EncryptedTextField(blank=True)
    created_by = models.ForeignKey(
        "accounts.Person", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["due_on", "created_at"]
        constraints = [
            # A goal given up on says why: closure relies on it.
            models.CheckConstraint(
                condition=~models.Q(status="not_done") | ~models.Q(outcome=""),
                name="not_done_item_is_explained",
            ),
        ]

    def __str__(self):
        return f"{self.get_area_display()} ({self.get_status_display()})"

    @property
    def is_resolved(self) -> bool:
        return self.status in (PlanItemStatus.DONE, PlanItemStatus.NOT_DONE)


class FollowUpKind(models.TextChoices):
    HOME_VISIT = "home_visit", _("Home visit")
    PLACEMENT_VISIT = "placement_visit", _("Visit at the placement")
    SCHOOL_VISIT = "school_visit", _("School visit")
    PHONE = "phone", _("Phone call")
    OFFICE = "office", _("Meeting at the office")


class FollowUp(models.Model):
    """A visit or call due on a date, and what was found when it happened."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="follow_ups")
    kind = models.CharField(max_length=20, choices=FollowUpKind.choices)
    due_on = models.DateField()
    done_on = models.DateField(null=True, blank=True)
    notes = EncryptedTextField(blank=True)
    done_by = models.ForeignKey(
        "accounts.Person", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["due_on"]
        indexes = [models.Index(fields=["done_on", "due_on"])]

    def __str__(self):
        return f"{self.get_kind_display()} {self.due_on}"


# Referrals and transfers ------------------------------------------------------------


class ReferralStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for the provider")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    DELIVERED = "delivered", _("Service delivered")
    WITHDRAWN = "withdrawn", _("Withdrawn by the case worker")
    STOPPED = "stopped", _("Stopped: consent withdrawn")


class Referral(models.Model):
    """A case (or one need of it) sent to a provider's service with only what consent allows."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="referrals")
    service = models.ForeignKey("directory.Service", on_delete=models.PROTECT, related_name="+")
    organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.PROTECT, related_name="referrals_received"
    )
    plan_item = models.ForeignKey(
        PlanItem, null=True, blank=True, on_delete=models.SET_NULL, related_name="referrals"
    )
    consent = models.ForeignKey(
        Consent, null=True, blank=True, on_delete=models.PROTECT, related_name="referrals"
    )
    # Sent without consent only on a supervisor's written reason (audited).
    override_reason = models.CharField(max_length=300, blank=True)
    # What the provider receives, composed when sent from the consented categories.
    shared = EncryptedTextField()
    message = EncryptedTextField(blank=True)
    status = models.CharField(
        max_length=20, choices=ReferralStatus.choices, default=ReferralStatus.PENDING
    )
    decision_reason = models.CharField(max_length=300, blank=True)
    delivery_note = EncryptedTextField(blank=True)
    created_by = models.ForeignKey(
        "accounts.Person", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_by = models.ForeignKey(
        "accounts.Person", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    delivered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["organisation", "status"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(consent__isnull=False) | ~models.Q(override_reason=""),
                name="referral_has_consent_or_override",
            ),
        ]

    def __str__(self):
        return f"{self.case} → {self.organisation}"

    @property
    def is_live(self) -> bool:
        return self.status in (ReferralStatus.PENDING, ReferralStatus.ACCEPTED)


class TransferStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for the receiving supervisor")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")


class Transfer(models.Model):
    """Handing a case to another organisation, which takes it only when its supervisor accepts."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="transfers")
    from_organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.PROTECT, related_name="+"
    )
    to_organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.PROTECT, related_name="transfers_received"
    )
    reason = models.CharField(max_length=300)
    consent = models.ForeignKey(
        Consent, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    override_reason = models.CharField(max_length=300, blank=True)
    status = models.CharField(
        max_length=20, choices=TransferStatus.choices, default=TransferStatus.PENDING
    )
    decision_reason = models.CharField(max_length=300, blank=True)
    requested_by = models.ForeignKey(
        "accounts.Person", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_by = models.ForeignKey(
        "accounts.Person", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["case"],
                condition=models.Q(status="pending"),
                name="one_pending_transfer_per_case",
            ),
        ]

    def __str__(self):
        return f"{self.case} → {self.to_organisation}"


# Sensitive fields ------------------------------------------------------------------------


class SensitiveField(models.TextChoices):
    NAME = "name", _("Names and other spellings")
    DATE_OF_BIRTH = "date_of_birth", _("Date of birth")
    WHEREABOUTS = "whereabouts", _("Where the child is now and placement details")
    SUMMARY = "summary", _("What is known (the account)")
    RISK_REASONS = "risk_reasons", _("Reasons for the risk level")


class Viewer(models.TextChoices):
    CASE_WORKER = "case_worker", _("Case workers of the organisation")
    SUPERVISOR = "supervisor", _("Supervisors of the organisation")
    GRANTED = "granted", _("People given access to the case")


class HiddenField(models.Model):
    """A field of its cases an organisation hides from one kind of viewer (edited in the admin)."""

    organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.CASCADE, related_name="hidden_case_fields"
    )
    viewer = models.CharField(max_length=20, choices=Viewer.choices)
    field = models.CharField(max_length=20, choices=SensitiveField.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "viewer", "field"], name="one_rule_per_field_and_viewer"
            )
        ]

    def __str__(self):
        return f"{self.organisation}: {self.field} hidden from {self.viewer}"
