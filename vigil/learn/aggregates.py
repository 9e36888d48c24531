"""What the learning app publishes to the rest of Vigil: course completions, counted.

A completion is a passed quiz whose learner chose to name a region. Rows hold
codes and a count, never an attempt: the planning view uses them to see
whether training reached a place after a decision.
"""

from dataclasses import dataclass
from datetime import date, datetime

from django.db.models import Count

from vigil.learn.models import Attempt
from vigil.tips.aggregates import MonthStart


@dataclass(frozen=True)
class CompletionCount:
    region_code: str
    country_code: str
    month: date  # its first day
    audience: str  # the course's audience
    count: int


def completion_counts(since: datetime | None = None, until: datetime | None = None):
    attempts = Attempt.objects.order_by().filter(passed=True, region__isnull=False)
    if since is not None:
        attempts = attempts.filter(submitted_at__gte=since)
    if until is not None:
        attempts = attempts.filter(submitted_at__lt=until)
    rows = (
        attempts.annotate(month=MonthStart("submitted_at"))
        .values("region__code", "region__country_code", "month", "version__course__audience")
        .annotate(count=Count("pk"))
    )
    return [
        CompletionCount(
            region_code=row["region__code"],
            country_code=row["region__country_code"],
            month=row["month"],
            audience=row["version__course__audience"],
            count=row["count"],
        )
        for row in rows
    ]
