"""Stored copies of the published aggregates, so no web request counts raw rows."""

import uuid

from django.db import models


class Snapshot(models.Model):
    """One source's published counts as of `computed_at` (`vigil refresh_aggregates`).

    The rows are already de-identified counts (codes, a month and a count), kept
    as compact JSON: {"fields": [...], "rows": [[...], ...]}, one list per row.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    source = models.CharField(max_length=200)  # dotted path of the publishing function
    computed_at = models.DateTimeField(db_index=True)
    payload = models.JSONField()

    class Meta:
        indexes = [models.Index(fields=["source", "-computed_at"], name="statistics_latest")]
        ordering = ["source", "-computed_at"]

    def __str__(self) -> str:
        return f"{self.source} at {self.computed_at:%Y-%m-%d %H:%M}"
