"""Relatives looking for a child, and records that may be one child: proposed, never merged."""

import uuid

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from vigil.cases.models import Sex
from vigil.core.fields import EncryptedTextField


class TracingStatus(models.TextChoices):
    OPEN = "open", _("Open")
    MATCHED = "matched", _("Child found")
    CLOSED = "closed", _("Closed")


class TracingRequest(models.Model):
    """A relative's request to find a child, recorded by the organisation they came to."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.PROTECT, related_name="tracing_requests"
    )
    enquirer_name = EncryptedTextField()
    enquirer_relationship = EncryptedTextField(blank=True)
    enquirer_contact = EncryptedTextField()
    # The child as the relative remembers them: names, one per line for other names.
    given_name = EncryptedTextField(blank=True)
    family_name = EncryptedTextField(blank=True)
    other_names = EncryptedTextField(blank=True)
    sex = models.CharField(max_length=10, choices=Sex.choices, blank=True)
    # ISO 8601 date, encrypted: with a name, a date of birth identifies a child.
    date_of_birth = EncryptedTextField(blank=True)
    approximate_age = models.PositiveSmallIntegerField(null=True, blank=True)
    last_seen_place = models.ForeignKey(
        "regions.Place", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    last_seen_description = EncryptedTextField(blank=True)
    # Parents, relatives or guardians the child lived with, one per line.
    caregiver_names = EncryptedTextField(blank=True)
    status = models.CharField(
        max_length=10, choices=TracingStatus.choices, default=TracingStatus.OPEN
    )
    created_by = models.ForeignKey(
        "accounts.Person", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["organisation", "status"])]

    def __str__(self):
        return f"{_('Tracing request')} {self.created_at:%Y-%m-%d}"

    @property
    def child_name(self) -> str:
        name = " ".join(part for part in (self.given_name, self.family_name) if part)
        if name:
            return name
        others = [line.strip() for line in self.other_names.splitlines() if line.strip()]
        return others[0] if others else str(_("Name not known"))

    @property
    def is_open(self) -> bool:
        return self.status == TracingStatus.OPEN


class CandidateKind(models.TextChoices):
    DUPLICATE = "duplicate", _("Possible duplicate")
    TRACING = "tracing", _("Possible match for a tracing request")


class CandidateStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for review")
    CONFIRMED = "confirmed", _("Confirmed")
    REJECTED = "rejected", _("Rejected")


class MatchCandidate(models.Model):
    """A pair the matching proposed, for one organisation's case workers to confirm or reject.

    A pair across organisations is two candidates, one per side, each reviewed on its own:
    neither side sees the other's record, only that it exists and whom to contact.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    kind = models.CharField(max_length=10, choices=CandidateKind.choices)
    # The organisation whose staff review this candidate.
    reviewing_organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.PROTECT, related_name="+"
    )
    # The reviewing organisation's own child, or (a tracing request's side) the child found.
    child = models.ForeignKey(
        "cases.Child", on_delete=models.CASCADE, related_name="match_candidates"
    )
    other_child = models.ForeignKey(
        "cases.Child", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    tracing_request = models.ForeignKey(
        TracingRequest,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="candidates",
    )
    probability = models.FloatField()
    status = models.CharField(
        max_length=10, choices=CandidateStatus.choices, default=CandidateStatus.PENDING
    )
    reviewed_by = models.ForeignKey(
        "accounts.Person", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    review_note = EncryptedTextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-probability", "created_at"]
        indexes = [models.Index(fields=["reviewing_organisation", "status"])]
        constraints = [
            # One candidate per pair and side, whatever its status: re-running the
            # matching never proposes again a pair already proposed, or rejected.
            models.UniqueConstraint(
                fields=["reviewing_organisation", "child", "other_child"],
                condition=Q(other_child__isnull=False),
                name="one_candidate_per_duplicate_pair",
            ),
            models.UniqueConstraint(
                fields=["reviewing_organisation", "child", "tracing_request"],
                condition=Q(tracing_request__isnull=False),
                name="one_candidate_per_tracing_pair",
            ),
            models.CheckConstraint(
                condition=(
                    Q(kind="duplicate", other_child__isnull=False, tracing_request__isnull=True)
                    | Q(kind="tracing", other_child__isnull=True, tracing_request__isnull=False)
                ),
                name="candidate_pairs_a_child_or_a_request",
            ),
            models.CheckConstraint(
                condition=Q(probability__gte=0) & Q(probability__lte=1),
                name="candidate_probability_between_0_and_1",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} ({self.get_status_display()})"

    @property
    def is_pending(self) -> bool:
        return self.status == CandidateStatus.PENDING
