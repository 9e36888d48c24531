"""`vigil analyze [FILE]`: analyse tips given as JSON lines, print one JSON line each.

The same code as the app (analysis.analyse_fields); it needs no database:
with one reachable and migrated it uses the current indicator catalogue and the
places the deployment knows, otherwise the catalogue shipped with Vigil.
"""

import datetime
import json
import sys

from django.core.management.base import BaseCommand, CommandError
from django.utils.dateparse import parse_datetime

from vigil.tips.models import AgeBand
from vigil.triage.analysis import TEXT_FIELDS, analyse_fields
from vigil.triage.indicators import Catalogue

# Read as tip text besides `text`; contact_details is never read (analysis.py says why).
INPUT_FIELDS = ("text",) + TEXT_FIELDS


class BadTip(ValueError):
    pass


def _catalogue() -> tuple[Catalogue, bool]:
    """The catalogue, and whether the database answered."""
    try:
        return Catalogue.current(), True
    except Exception:
        # No database, or not migrated: the catalogue shipped in the code will do.
        return Catalogue.from_file(), False


def _number(normalized: str):
    try:
        value = float(normalized)
    except ValueError:
        return normalized
    return int(value) if value.is_integer() else value


def _entity_json(field: str, entity) -> dict:
    out = {
        "type": entity.kind,
        "value": entity.value,
        "normalized": _number(entity.normalized) if entity.kind == "age" else entity.normalized,
        "start": entity.start,
        "end": entity.end,
    }
    if field != "text":
        out["field"] = field
    return out


def _indicator_json(field: str, detection) -> dict:
    out = {
        "id": detection.code,
        "title": detection.title,
        "start": detection.start,
        "end": detection.end,
    }
    if field != "text":
        out["field"] = field
    return out


def parse_tip(item) -> dict:
    """The analysis arguments from one decoded line, or BadTip saying what is wrong."""
    if not isinstance(item, dict):
        raise BadTip("each line must be a JSON object")
    fields = {}
    for name in INPUT_FIELDS:
        value = item.get(name)
        if value is None:
            continue
        if not isinstance(value, str):
            raise BadTip(f"'{name}' must be a string")
        fields[name] = value
    if not fields:
        raise BadTip("no 'text' to analyse")
    country = item.get("country") or ""
    if not isinstance(country, str) or len(country) > 2:
        raise BadTip("'country' must be a two-letter country code")
    danger = item.get("immediate_danger", False)
    if not isinstance(danger, bool):
        raise BadTip("'immediate_danger' must be true or false")
    children_age = item.get("children_age") or ""
    if children_age not in AgeBand.values:
        raise BadTip("'children_age' must be one of " + ", ".join(v for v in AgeBand.values if v))
    received_at = None
    if item.get("received_at"):
        raw = item["received_at"]
        received_at = parse_datetime(raw) if isinstance(raw, str) else None
        if received_at is None:
            raise BadTip("'received_at' must be an ISO 8601 date and time")
        if received_at.tzinfo is None:
            received_at = received_at.replace(tzinfo=datetime.UTC)
    return {
        "fields": fields,
        "country": country.upper(),
        "immediate_danger": danger,
        "children_age": children_age,
        "received_at": received_at,
    }


class Command(BaseCommand):
    help = (
        "Analyse tips given as JSON lines (id, text, country, and optionally "
        "immediate_danger, children_age, received_at and tip text fields) from FILE or "
        "standard input; print one JSON line per tip with its identifiers, indicators, "
        "priority and reasons."
    )
    requires_system_checks = []
    stealth_options = ("stdin",)

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", help="JSON lines file (default: standard input)")

    def handle(self, *args, file=None, **options):
        if file and file != "-":
            try:
                source = open(file, "rb")  # noqa: SIM115 - closed below
            except OSError as error:
                raise CommandError(f"cannot read {file}: {error.strerror}") from error
        else:
            stdin = options.get("stdin") or sys.stdin
            source = getattr(stdin, "buffer", stdin)
        try:
            read, analysed = self._run(source)
        finally:
            if file and file != "-":
                source.close()
        if read and not analysed:
            raise CommandError("no tip could be read: every line had an error")

    def _run(self, source) -> tuple[int, int]:
        catalogue, database = _catalogue()
        places_by_country: dict = {}
        now = datetime.datetime.now(datetime.UTC)
        read = analysed = 0
        for number, raw in enumerate(source, 1):
            if not raw.strip():
                continue
            read += 1
            tip_id = None
            try:
                item = json.loads(raw)  # bytes are decoded as UTF-8 (or rejected)
                if isinstance(item, dict):
                    tip_id = item.get("id")
                tip = parse_tip(item)
            except (ValueError, UnicodeDecodeError) as error:
                message = str(error) if isinstance(error, BadTip) else "not valid JSON (UTF-8)"
                out = {"id": tip_id} if tip_id is not None else {}
                self._write({**out, "line": number, "error": message})
                continue
            country = tip["country"]
            if database and country not in places_by_country:
                places_by_country[country] = _places(country)
            result = analyse_fields(
                tip["fields"],
                country,
                catalogue=catalogue,
                places=places_by_country.get(country, ()),
                immediate_danger=tip["immediate_danger"],
                children_age=tip["children_age"],
                received_at=tip["received_at"],
                now=now,
            )
            self._write(
                {
                    "id": tip_id,
                    "entities": [_entity_json(f, e) for f, e in result.entities],
                    "indicators": [_indicator_json(f, d) for f, d in result.indicators],
                    "priority": result.priority,
                    "score": result.score,
                    "reasons": [
                        {"code": r.code, "label": r.label, "contribution": r.contribution}
                        for r in result.reasons
                    ],
                }
            )
            analysed += 1
        return read, analysed

    def _write(self, obj: dict) -> None:
        self.stdout.write(json.dumps(obj, ensure_ascii=False))


def _places(country: str) -> tuple:
    from vigil.triage.pipeline import known_places

    try:
        return known_places(country)
    except Exception:
        return ()
