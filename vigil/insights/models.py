import uuid

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from vigil.core.text import validate_plain_text


class DecisionKind(models.TextChoices):
    AWARENESS_CAMPAIGN = "awareness_campaign", _("Awareness campaign")
    TRAINING = "training", _("Training")
    NEW_SERVICE = "new_service", _("New service")
    OTHER = "other", _("Other")


class PlanningDecision(models.Model):
    """A prevention decision for a place and period (a campaign, training, a new service)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    place = models.ForeignKey(
        "regions.Place", on_delete=models.PROTECT, related_name="planning_decisions"
    )
    kind = models.CharField(_("kind"), max_length=30, choices=DecisionKind.choices)
    description = models.TextField(
        _("description"), max_length=2_000, validators=[validate_plain_text]
    )
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.PROTECT, related_name="planning_decisions"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-starts_on", "-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")),
                name="insights_decision_dates_ordered",
                violation_error_message=_("The end must not be before the start."),
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()} · {self.place} · {self.starts_on}"

    @property
    def days(self) -> int:
        return (self.ends_on - self.starts_on).days + 1
