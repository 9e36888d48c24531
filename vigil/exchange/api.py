"""The partner API: de-identified aggregate counts for a partner deployment, under a
signed token (see signing.py), with small cells withheld (see suppression.py).

Served today: the records this deployment imported (HTCDS and CTDC files). Tips and
cases are added here once they publish their own aggregates.
"""

from django.utils import timezone
from ninja import Schema, Status

from vigil.api import PublicThrottle, api
from vigil.audit.actions import record
from vigil.audit.models import Action
from vigil.exchange import ctdc, htcds, signing
from vigil.exchange.aggregates import DIMENSIONS, imported_counts
from vigil.exchange.suppression import THRESHOLD, suppress
from vigil.tips.api_schemas import FieldErrorsOut

DEFAULT_BY = ("country_of_exploitation", "citizenship", "year")
UNSIGNED = {
    "detail": "Sign the request: X-Vigil-Key-Id, X-Vigil-Timestamp (within 5 minutes) and "
    "X-Vigil-Signature (HMAC-SHA256 of METHOD, path and timestamp) with an active key."
}


class ErrorOut(Schema):
    detail: str


class AggregatesOut(Schema):
    generated_at: str
    threshold: int
    partner: str
    dimensions: list[str]
    cells: list[dict]
    attribution: list[str]


@api.get(
    "/exchange/aggregates",
    response={
        200: AggregatesOut,
        400: ErrorOut,
        401: ErrorOut,
        422: FieldErrorsOut,
        429: ErrorOut,
    },
    throttle=PublicThrottle("exchange", limit=120),
    summary="De-identified aggregates for a partner deployment",
    tags=["exchange"],
)
def aggregates(request, by: str = ",".join(DEFAULT_BY), year: int | None = None):
    """Counts of identified victims by the dimensions in `by` (comma-separated, from
    kind, country_of_exploitation, citizenship, year, age_band, sex, exploitation);
    a count under 11 is null, and complementary cells with it."""
    token = signing.verify(request, "aggregates")
    if token is None:
        return Status(401, UNSIGNED)
    dimensions = [name.strip() for name in by.split(",") if name.strip()]
    unknown = [name for name in dimensions if name not in DIMENSIONS]
    if unknown or len(set(dimensions)) != len(dimensions):
        return Status(400, {"detail": f"Group by some of: {', '.join(DIMENSIONS)}."})
    cells = suppress(imported_counts(dimensions, year=year), dimensions)
    record(
        Action.EXPORT,
        token,
        actor_label=f"partner {token.key_id}",
        organisation=token.agreement.organisation,
        summary=f"aggregates by {', '.join(dimensions) or 'total'}"
        + (f" for {year}" if year else "")
        + f": {len(cells)} cells",
    )
    return {
        "generated_at": timezone.now().isoformat(),
        "threshold": THRESHOLD,
        "partner": token.partner_name,
        "dimensions": dimensions,
        "cells": cells,
        "attribution": [htcds.CITATION, ctdc.ATTRIBUTION],
    }
