"""Did things change where a decision was carried out? Reports before, during and after.

Counts come by month from the tips app's aggregates, so the windows are whole
months: the decision's own months (from the month it starts to the month it
ends, L months), the L months before it and the L months after it. A window
that has not ended yet is marked partial. A change is a prompt to look closer,
not proof that the decision worked: reports also move with the seasons, the
news and the hotline's own reach.
"""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from vigil.insights import observed


@dataclass(frozen=True)
class Window:
    label: str
    months: list[str]
    reports: int | None
    completions: int | None
    partial: bool


def _month_index(day: datetime.date) -> int:
    return day.year * 12 + day.month - 1


def _month(index: int) -> str:
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def course_completions(place, months: list[str]) -> int | None:
    """Courses passed by learners who named the place (or a region in it), in those months.

    From the learning app's published counts; None when it is not installed.
    """
    try:
        from vigil.learn.aggregates import completion_counts
    except ImportError:
        return None
    level = "country" if place.kind == "country" else "subdivision"
    counts = observed.by_place_and_month(completion_counts(), level)
    by_month = counts.get(place.code, {})
    return sum(by_month.get(month, 0) for month in months)


def before_after(decision, today: datetime.date | None = None) -> list[Window]:
    """Reports in the place in the months before, during and after the decision."""
    today = today or timezone.localdate()
    start, end = _month_index(decision.starts_on), _month_index(decision.ends_on)
    length = end - start + 1
    level = "country" if decision.place.kind == "country" else "subdivision"
    first_day = datetime.date((start - length) // 12, (start - length) % 12 + 1, 1)
    counts = observed.counts("tips", level, since=first_day)
    by_month = None if counts is None else counts.get(decision.place.code, {})
    current = _month_index(today)
    windows = []
    for label, first in (("before", start - length), ("during", start), ("after", end + 1)):
        months = [_month(i) for i in range(first, first + length)]
        reports = None if by_month is None else sum(by_month.get(m, 0) for m in months)
        windows.append(
            Window(
                label=label,
                months=months,
                reports=reports,
                completions=course_completions(decision.place, months),
                partial=first + length - 1 >= current,
            )
        )
    return windows
