"""The automatic reading of a tip's text: identifiers, indicators, priority.

One code path for the app (pipeline.py stores what it returns) and for
`vigil analyze` (which prints it), so what the command reports is what the
queue shows.
"""

import datetime
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from vigil.triage import priority
from vigil.triage.entities import Entity, extract_entities
from vigil.triage.indicators import Catalogue, Detection, detect_indicators
from vigil.triage.priority import Reason

__all__ = ["Reason", "TextAnalysis", "FieldsAnalysis", "analyse_text", "analyse_fields"]

# The tip's free-text fields that are read, narrative first (an indicator found
# in several is shown with its evidence in the first). contact_details is left
# out on purpose: it is how to reach the reporter, not who the report is about,
# so it is never extracted, stored as an entity or used to link tips.
TEXT_FIELDS = (
    "narrative",
    "place_description",
    "children_description",
    "controllers_description",
    "vehicles",
    "phone_numbers",
    "online_accounts",
)


@dataclass
class TextAnalysis:
    entities: list[Entity]
    indicators: list[Detection]
    priority: int
    score: float
    reasons: list[Reason]


@dataclass
class FieldsAnalysis:
    """Findings per field (spans refer to that field's text) and the priority of all."""

    entities: list[tuple[str, Entity]] = field(default_factory=list)
    indicators: list[tuple[str, Detection]] = field(default_factory=list)
    priority: int = 1
    score: float = 0.0
    reasons: list[Reason] = field(default_factory=list)


def find_in_fields(
    fields: Mapping[str, str],
    country: str = "",
    *,
    catalogue: Catalogue,
    places: Sequence[tuple[str, str]] = (),
) -> tuple[list[tuple[str, Entity]], list[tuple[str, Detection]]]:
    """Entities and indicators of each non-empty field, in the order given.

    An indicator is kept once, with its evidence in the first field that shows it.
    """
    entities: list[tuple[str, Entity]] = []
    indicators: list[tuple[str, Detection]] = []
    seen_codes: set[str] = set()
    for name, text in fields.items():
        if not text:
            continue
        entities.extend((name, e) for e in extract_entities(text, country, places))
        for detection in detect_indicators(text, catalogue):
            if detection.code not in seen_codes:
                seen_codes.add(detection.code)
                indicators.append((name, detection))
    return entities, indicators


def analyse_fields(
    fields: Mapping[str, str],
    country: str = "",
    *,
    catalogue: Catalogue,
    places: Sequence[tuple[str, str]] = (),
    immediate_danger: bool = False,
    children_age: str = "",
    received_at: datetime.datetime | None = None,
    now: datetime.datetime | None = None,
    linked_tips: int = 0,
    near_duplicates: int = 0,
) -> FieldsAnalysis:
    entities, indicators = find_in_fields(fields, country, catalogue=catalogue, places=places)
    assessment = priority.assess(
        entities=[e for _, e in entities],
        indicators=[d for _, d in indicators],
        immediate_danger=immediate_danger,
        children_age=children_age,
        received_at=received_at,
        now=now,
        linked_tips=linked_tips,
        near_duplicates=near_duplicates,
    )
    return FieldsAnalysis(
        entities=entities,
        indicators=indicators,
        priority=assessment.priority,
        score=assessment.score,
        reasons=assessment.reasons,
    )


def analyse_text(
    text: str,
    country: str = "",
    *,
    catalogue: Catalogue,
    places: Sequence[tuple[str, str]] = (),
    immediate_danger: bool = False,
    received_at: datetime.datetime | None = None,
    now: datetime.datetime | None = None,
    linked_tips: int = 0,
    children_age: str = "",
    near_duplicates: int = 0,
) -> TextAnalysis:
    """Identifiers, indicators and priority of one text.

    Recency counts only when `received_at` is given (`now` defaults to the
    current time then); `linked_tips` and `near_duplicates` are the tip's
    corroboration counts, which only the stored pipeline knows.
    """
    if received_at is not None and now is None:
        now = datetime.datetime.now(datetime.UTC)
    result = analyse_fields(
        {"text": text},
        country,
        catalogue=catalogue,
        places=places,
        immediate_danger=immediate_danger,
        children_age=children_age,
        received_at=received_at,
        now=now,
        linked_tips=linked_tips,
        near_duplicates=near_duplicates,
    )
    return TextAnalysis(
        entities=[e for _, e in result.entities],
        indicators=[d for _, d in result.indicators],
        priority=result.priority,
        score=result.score,
        reasons=result.reasons,
    )
