"""The labelled evaluation set is well formed, so the scores measured on it mean something."""

import json
from collections import Counter
from pathlib import Path

import phonenumbers

from vigil.triage.evaluation import LABELLED_TYPES, REQUIRED_FIELDS
from vigil.triage.tests.required_codes import REQUIRED_CODES

DATA = Path(__file__).parent / "data"
FILES = sorted(DATA.glob("triage_eval_*.jsonl"))
CATALOGUE_FILE = Path(__file__).parents[1] / "vigil" / "triage" / "data" / "indicators.json"

# The codes the triage brief requires; the catalogue file, once written, may add more.


def catalogue_codes() -> set[str]:
    if not CATALOGUE_FILE.exists():
        return REQUIRED_CODES
    data = json.loads(CATALOGUE_FILE.read_text(encoding="utf-8"))
    if isinstance(data, dict):
        data = data.get("indicators", data)
    if isinstance(data, dict):  # keyed by code
        return set(data)
    return {item["code"] for item in data}


def read_lines():
    """(file name, line number, parsed object or the JSON error) for every non-blank line."""
    rows = []
    for path in FILES:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip():
                continue
            try:
                rows.append((path.name, number, json.loads(line)))
            except json.JSONDecodeError as error:
                rows.append((path.name, number, error))
    return rows


ROWS = read_lines()
EXAMPLES = [(f"{name}:{number}", row) for name, number, row in ROWS if isinstance(row, dict)]


def test_it_has_evaluation_files():
    assert FILES, f"no triage_eval_*.jsonl in {DATA}"


def test_every_line_is_a_json_object():
    bad = [f"{name}:{number}: {row}" for name, number, row in ROWS if not isinstance(row, dict)]
    assert not bad, "\n".join(bad)


def test_every_example_has_the_required_fields_with_the_right_shapes():
    bad = []
    for where, row in EXAMPLES:
        missing = [name for name in REQUIRED_FIELDS if name not in row]
        if missing:
            bad.append(f"{where}: missing {missing}")
            continue
        if not isinstance(row["text"], str) or not row["text"].strip():
            bad.append(f"{where}: empty text")
        if not (isinstance(row["country"], str) and len(row["country"]) == 2):
            bad.append(f"{where}: country {row['country']!r} is not ISO alpha-2")
        for name in ("indicators", "negated"):
            if not isinstance(row[name], list) or not all(isinstance(c, str) for c in row[name]):
                bad.append(f"{where}: {name} is not a list of codes")
        for entity in row["entities"]:
            if not isinstance(entity, dict) or set(entity) < {"type", "normalized"}:
                bad.append(f"{where}: entity {entity!r} needs type and normalized")
            elif entity["type"] not in LABELLED_TYPES:
                bad.append(f"{where}: entity type {entity['type']!r} is not labelled in this set")
    assert not bad, "\n".join(bad)


def test_ids_are_unique_across_all_files():
    counts = Counter(row.get("id") for _, row in EXAMPLES)
    assert not [i for i, n in counts.items() if n > 1]


def test_every_labelled_phone_is_a_valid_e164_number():
    bad = []
    for where, row in EXAMPLES:
        for entity in row.get("entities", []):
            if entity.get("type") != "phone":
                continue
            value = entity["normalized"]
            try:
                number = phonenumbers.parse(value, None)
            except phonenumbers.NumberParseException as error:
                bad.append(f"{where} {row.get('id')}: {value} ({error})")
                continue
            e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
            if not phonenumbers.is_valid_number(number) or e164 != value:
                bad.append(f"{where} {row.get('id')}: {value} is not a valid E.164 number")
    assert not bad, "\n".join(bad)


def test_indicator_codes_come_from_the_catalogue():
    codes = catalogue_codes()
    bad = [
        f"{row.get('id')}: {code}"
        for _, row in EXAMPLES
        for code in row.get("indicators", []) + row.get("negated", [])
        if code not in codes
    ]
    assert not bad, "\n".join(bad)


def test_no_code_is_both_present_and_negated_in_one_text():
    bad = [
        f"{row.get('id')}: {sorted(set(row['indicators']) & set(row['negated']))}"
        for _, row in EXAMPLES
        if set(row.get("indicators", [])) & set(row.get("negated", []))
    ]
    assert not bad, "\n".join(bad)


def test_every_required_indicator_appears_in_the_set():
    seen = Counter(code for _, row in EXAMPLES for code in row.get("indicators", []))
    assert not [code for code in REQUIRED_CODES if seen[code] == 0]


def test_the_set_holds_at_least_400_texts():
    assert len(EXAMPLES) >= 400, f"{len(EXAMPLES)} texts in {[p.name for p in FILES]}"
