"""What the tips app publishes to the rest of Vigil: counts, never tips.

Other apps (statistics, the observed picture, data exchange) read tips only
through these rows: no id, no reference, no text, no town, only codes that
many tips share and a count. Small counts are left to the reader to suppress.
"""

from dataclasses import dataclass
from datetime import date, datetime
from typing import ClassVar

from django.db.models import Count, DateField
from django.db.models.functions import TruncMonth
from django.utils import timezone

from vigil.tips.models import Tip

# The tip form's "girl(s)"/"boy(s)" in the vocabulary the case records use.
SEX_OF_GENDER = {"girl": "female", "boy": "male", "mixed": "mixed", "other": "other", "": ""}


class MonthStart(TruncMonth):
    """The first day of the month, as a date; fast on SQLite when times are in UTC.

    Django truncates SQLite datetimes in a Python function, called once per row
    (3.4 s for a million tips); SQLite stores them as UTC text, so in UTC the
    month is the first seven characters.
    """

    output_field = DateField()

    def as_sqlite(self, compiler, connection, **extra_context):
        if timezone.get_current_timezone_name() != "UTC":
            return super().as_sqlite(compiler, connection, **extra_context)
        sql, params = compiler.compile(self.lhs)
        return f"(substr({sql}, 1, 7) || '-01')", params


@dataclass(frozen=True)
class TipCount:
    """How many tips (of every hotline) came in for one place, month, age band and gender."""

    measure: ClassVar[str] = "tips"

    region_code: str
    country_code: str
    month: date  # its first day
    age_band: str  # tips.models.AgeBand value ("" when the reporter was not sure)
    gender: str  # tips.models.Gender value
    count: int

    @property
    def sex(self) -> str:
        return SEX_OF_GENDER.get(self.gender, "other")


def tip_counts(since: datetime | None = None, until: datetime | None = None) -> list[TipCount]:
    """Tips received in [since, until), grouped in the database by place, month, age and gender."""
    tips = Tip.objects.order_by()
    if since is not None:
        tips = tips.filter(created_at__gte=since)
    if until is not None:
        tips = tips.filter(created_at__lt=until)
    rows = (
        tips.annotate(month=MonthStart("created_at"))
        .values_list("region_code", "country_code", "month", "children_age", "children_gender")
        .annotate(count=Count("*"))
        .order_by()
    )
    return [
        TipCount(region, country, month, age, gender, count)
        for region, country, month, age, gender, count in rows
    ]
