"""The published aggregates the statistics are made of, and nothing else.

Each source is a plain function of another app (dotted path in the setting
VIGIL_STATISTICS_SOURCES) returning rows of counts: `count`, a class-level
`measure` ("tips", "cases", …) and any of `country_code`, `region_code`,
`month`, `exploitation`, `age_band`, `sex`, `once`. A source without
`exploitation` has no table by type. No source row names a person.

Web requests read the rows from the latest `Snapshot` of each source, stored
by `vigil refresh_aggregates` (run from cron): counting a million tips takes
seconds. Only while a source has no snapshot yet (a fresh install, tests) are
its rows computed live.
"""

import dataclasses
import datetime
from collections import namedtuple
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import import_string

from vigil.statistics.models import Snapshot

DEFAULT_SOURCES = ["vigil.tips.aggregates.tip_counts", "vigil.cases.aggregates.case_counts"]
# What a row that lacks a field means: counted once, sex not recorded.
ROW_DEFAULTS = {"once": True, "sex": ""}
# Narrower views of every source, summed and stored at refresh beside the full rows: a
# page needing only these decodes a few thousand rows instead of tens of thousands.
#   "place-month": records (counted once) per place and month, for the dashboard;
#   "year": the full detail summed by year (month = 1 January), for the statistics.
VIEWS = {
    "place-month": ("measure", "country_code", "region_code", "month"),
    "year": (
        "measure",
        "country_code",
        "region_code",
        "month",
        "exploitation",
        "age_band",
        "sex",
        "once",
    ),
}
CACHE_KEY = "statistics:facts:v1"
ROW_FIELDS = (
    "country_code",
    "region_code",
    "month",
    "exploitation",
    "age_band",
    "sex",
    "once",
    "count",
)


@dataclass(frozen=True)
class Fact:
    """One published count, by year: the unit every statistics table adds up."""

    measure: str
    country_code: str
    region_code: str
    year: int
    exploitation: str | None  # None: the source does not record a type
    age_band: str
    sex: str
    once: bool  # False on the extra rows of a record counted under several types
    count: int


def source_paths() -> list[str]:
    return list(getattr(settings, "VIGIL_STATISTICS_SOURCES", DEFAULT_SOURCES))


def cache_seconds() -> int:
    return int(getattr(settings, "VIGIL_STATISTICS_CACHE_SECONDS", 600))


def snapshot_paths() -> list[str]:
    """Every source a snapshot is kept of: the statistics' own and the insights' (tips, cases)."""
    return sorted(set(source_paths()) | set(DEFAULT_SOURCES))


def _encode(value):
    return value.isoformat() if isinstance(value, datetime.date) else value


def _as_payload(rows) -> dict:
    """Rows as {"fields": [...], "rows": [[...], ...]}: their fields, `measure`, `sex`, `once`."""
    rows = list(rows)
    if not rows:
        return {"fields": [], "rows": []}
    if dataclasses.is_dataclass(rows[0]):
        fields = [f.name for f in dataclasses.fields(rows[0])]
    else:
        fields = [name for name in ROW_FIELDS if hasattr(rows[0], name)]
    fields += [name for name in ("measure", "sex", "once") if name not in fields]
    defaults = ROW_DEFAULTS
    return {
        "fields": fields,
        "rows": [
            [_encode(getattr(row, name, defaults.get(name))) for name in fields] for row in rows
        ],
    }


def _from_payload(payload: dict) -> list:
    """The stored rows as named tuples with the source rows' attributes (a few per ms)."""
    fields = payload["fields"]
    if not fields:
        return []
    stored_row = namedtuple("StoredRow", fields)
    month = fields.index("month") if "month" in fields else None
    months: dict[str, datetime.date] = {}
    rows = []
    for values in payload["rows"]:
        if month is not None and values[month]:
            text = values[month]
            if text not in months:
                months[text] = datetime.date.fromisoformat(text)
            values[month] = months[text]
        rows.append(stored_row._make(values))
    return rows


def _live(path: str, since=None, until=None) -> list:
    window = {"since": since, "until": until}
    return import_string(path)(**{k: v for k, v in window.items() if v is not None})


def project(rows, view: str) -> list:
    """Rows summed over every field the view leaves out (see VIEWS)."""
    keys = VIEWS[view]
    totals: dict[tuple, int] = {}
    for row in rows:
        if view == "place-month" and not getattr(row, "once", True):
            continue  # a record under several types is counted once here
        values = []
        for name in keys:
            value = getattr(row, name, ROW_DEFAULTS.get(name))
            if name == "month" and view == "year":
                value = value.replace(month=1, day=1)
            values.append(value)
        key = tuple(values)
        totals[key] = totals.get(key, 0) + int(row.count)
    projected = namedtuple("ProjectedRow", (*keys, "count"))
    return [projected(*key, count) for key, count in totals.items() if count]


def _snapshot_name(path: str, view: str | None) -> str:
    return f"{path}|{view}" if view else path


def refresh(paths: list[str] | None = None) -> dict[str, int]:
    """Recompute every source and store it, and its views, as its latest snapshots.

    Returns {path: rows stored}. The counting happens before the transaction;
    the new snapshots and the removal of the old ones are one transaction, so
    readers see either.
    """
    computed = {}
    for path in paths or snapshot_paths():
        rows = import_string(path)()
        computed[path] = _as_payload(rows)
        for view in VIEWS:
            computed[_snapshot_name(path, view)] = _as_payload(project(rows, view))
    now = timezone.now()
    with transaction.atomic():
        for name, payload in computed.items():
            new = Snapshot.objects.create(source=name, computed_at=now, payload=payload)
            Snapshot.objects.filter(source=name).exclude(pk=new.pk).delete()
    cache.delete(CACHE_KEY)
    return {path: len(payload["rows"]) for path, payload in computed.items() if "|" not in path}


# {source path: (snapshot id, its rows)}: the rows of the latest snapshot this process read.
_parsed: dict[str, tuple] = {}


def _first_day(moment) -> datetime.date:
    if isinstance(moment, datetime.datetime):
        moment = timezone.localtime(moment).date() if timezone.is_aware(moment) else moment.date()
    return moment


def published(path: str, since=None, until=None, view: str | None = None) -> list:
    """A source's rows (or one of its VIEWS) in [since, until): from the latest snapshot,
    else computed live.

    A snapshot holds months, so from a snapshot the window is whole months: the
    month of `since` onwards, up to the month of `until` when `until` is a
    month's first day (every caller's case).
    """
    name = _snapshot_name(path, view)
    # One query for the view's snapshot and the full one (older refreshes stored no views).
    found: dict[str, int] = {}
    snapshots = Snapshot.objects.filter(source__in={name, path}).order_by("-computed_at")
    for source, pk in snapshots.values_list("source", "pk"):
        found.setdefault(source, pk)
    if name not in found:
        if view is not None and path in found:
            return project(published(path, since, until), view)
        rows = _live(path, since, until)
        return project(rows, view) if view is not None else rows
    latest = found[name]
    kept = _parsed.get(name)
    if kept is None or kept[0] != latest:
        # Decoding a snapshot takes most of a cold page: each process keeps the
        # latest one it read, until a newer one is stored.
        payload = Snapshot.objects.values_list("payload", flat=True).get(pk=latest)
        kept = _parsed[name] = (latest, tuple(_from_payload(payload)))
    rows = kept[1]
    if since is not None:
        first = _first_day(since).replace(day=1)
        rows = [row for row in rows if row.month >= first]
    if until is not None:
        last = _first_day(until)
        rows = [row for row in rows if row.month < last]
    return list(rows)


def collect() -> list[Fact]:
    """Every source's rows, summed by year (already aggregated rows: a few thousand)."""
    totals: dict[tuple, int] = {}
    for path in source_paths():
        for row in published(path, view="year"):
            key = (
                row.measure,
                getattr(row, "country_code", "") or "",
                getattr(row, "region_code", "") or "",
                row.month.year,
                getattr(row, "exploitation", None),
                getattr(row, "age_band", "") or "",
                getattr(row, "sex", "") or "",
                bool(getattr(row, "once", True)),
            )
            totals[key] = totals.get(key, 0) + int(row.count)
    return [Fact(*key, count) for key, count in totals.items() if count]


def facts() -> list[Fact]:
    """`collect()`, kept in the cache for a few minutes: statistics need not be live."""
    found = cache.get(CACHE_KEY)
    if found is None:
        found = collect()
        cache.set(CACHE_KEY, found, cache_seconds())
    return found
