"""The hearings calendar: which court dates, of the cases a person may see, fall in a week.

Also the calendar file (RFC 5545) of the same hearings. A calendar file leaves
Vigil for phones and mail servers, so it names only the case number and the
court: never the child, never the court reference (which in many countries
carries the parties' names), never free text someone typed.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from vigil.cases.access import cases_visible_to
from vigil.legal.models import Hearing, HearingStatus

WEEK = re.compile(r"^(\d{4})-W(\d{2})$")


def hearings_between(person, start: datetime, end: datetime) -> QuerySet[Hearing]:
    """Hearings from `start` (included) to `end` (excluded) of the cases the person may see."""
    return (
        Hearing.objects.filter(
            proceeding__case__in=cases_visible_to(person),
            starts_at__gte=start,
            starts_at__lt=end,
        )
        .select_related("proceeding", "proceeding__case")
        .order_by("starts_at", "proceeding__case__case_number")
    )


@dataclass(frozen=True)
class Week:
    """An ISO 8601 week, Monday to Sunday, in the server's time zone."""

    monday: date

    @classmethod
    def containing(cls, day: date) -> "Week":
        return cls(day - timedelta(days=day.weekday()))

    @classmethod
    def current(cls) -> "Week":
        return cls.containing(timezone.localdate())

    @classmethod
    def parse(cls, value: str) -> "Week | None":
        """`2025-W03` as a week, or None if it names no week."""
        found = WEEK.match(value.strip())
        if not found:
            return None
        try:
            return cls(date.fromisocalendar(int(found[1]), int(found[2]), 1))
        except ValueError:
            return None

    def __str__(self) -> str:
        year, number, _weekday = self.monday.isocalendar()
        return f"{year}-W{number:02d}"

    @property
    def days(self) -> list[date]:
        return [self.monday + timedelta(days=n) for n in range(7)]

    @property
    def start(self) -> datetime:
        return timezone.make_aware(datetime.combine(self.monday, time.min))

    @property
    def end(self) -> datetime:
        return timezone.make_aware(datetime.combine(self.monday + timedelta(days=7), time.min))

    @property
    def previous(self) -> "Week":
        return Week(self.monday - timedelta(days=7))

    @property
    def next(self) -> "Week":
        return Week(self.monday + timedelta(days=7))


def by_day(week: Week, hearings: Iterable[Hearing]) -> list[tuple[date, list[Hearing]]]:
    """Every day of the week with its hearings, in order (days without any included)."""
    days: dict[date, list[Hearing]] = {day: [] for day in week.days}
    for hearing in hearings:
        days.setdefault(timezone.localtime(hearing.starts_at).date(), []).append(hearing)
    return sorted(days.items())


# --- calendar files (RFC 5545) ---

ICS_STATUS = {
    HearingStatus.SCHEDULED: "CONFIRMED",
    HearingStatus.HELD: "CONFIRMED",
    HearingStatus.POSTPONED: "TENTATIVE",
    HearingStatus.CANCELLED: "CANCELLED",
}


def _escape(text: str) -> str:
    return (
        text.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def _fold(line: str) -> str:
    """Lines of at most 75 octets, continued with a leading space (RFC 5545 §3.1)."""
    encoded = line.encode()
    if len(encoded) <= 75:
        return line
    parts, current = [], b""
    for char in line:
        piece = char.encode()
        limit = 75 if not parts else 74
        if len(current) + len(piece) > limit:
            parts.append(current.decode())
            current = b""
        current += piece
    parts.append(current.decode())
    return "\r\n ".join(parts)


def _utc(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def ics(hearings: Iterable[Hearing], *, host: str = "vigil") -> str:
    """A calendar file of the hearings: case number, court and time, nothing about the child."""
    stamp = _utc(timezone.now())
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Vigil//Hearings calendar//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ]
    for hearing in hearings:
        proceeding = hearing.proceeding
        summary = _("Hearing, case %(number)s") % {"number": proceeding.case.case_number}
        lines += [
            "BEGIN:VEVENT",
            f"UID:{hearing.pk}@{host}",
            f"DTSTAMP:{stamp}",
            f"DTSTART:{_utc(hearing.starts_at)}",
            f"SUMMARY:{_escape(summary)}",
            f"LOCATION:{_escape(proceeding.court_name)}",
            f"DESCRIPTION:{_escape(str(proceeding.get_kind_display()))}",
            f"STATUS:{ICS_STATUS[hearing.status]}",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "".join(_fold(line) + "\r\n" for line in lines)
