"""Rows as they arrive (any columns, any script) turned into records to compare.

Work is done once per distinct value, not once per row: a million children
share a few thousand given names, places and birth dates.
"""

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date

import pyarrow as pa
import pyarrow.compute as pc

from . import names

ROLES = (
    "first_name",
    "last_name",
    "full_name",
    "other_names",
    "sex",
    "dob",
    "age",
    "place",
    "postcode",
    "address",
    "caregiver_name",
)
# Roles that together say who a record is about; a file needs at least one.
NAME_ROLES = ("first_name", "last_name", "full_name", "other_names")

Roles = Mapping[str, str | Sequence[str]]

_DATE_FORMATS = (
    re.compile(r"^(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"),
    re.compile(r"^(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})$"),
    re.compile(r"^(?P<d>\d{1,2})[./](?P<m>\d{1,2})[./](?P<y>\d{4})$"),
    re.compile(r"^(?P<y>\d{4})/(?P<m>\d{1,2})/(?P<d>\d{1,2})$"),
)
_AGE = re.compile(
    r"^\s*(?:about|approx\.?|~|c\.?)?\s*(\d{1,2})(?:[.,]\d+)?\s*(?:y|yrs?|years?)?\s*$"
)
_SEX = {"f": "f", "female": "f", "girl": "f", "w": "f", "m": "m", "male": "m", "boy": "m"}


class RecordError(ValueError):
    """Input rows that cannot be read as records."""


def as_table(rows: Iterable[Mapping] | pa.Table, id_column: str, roles: Roles) -> pa.Table:
    """Only the id and the role columns, as text."""
    if not isinstance(rows, pa.Table):
        wanted = [id_column, *_columns(roles)]
        rows = pa.Table.from_pylist(
            [{column: _text(row.get(column)) for column in wanted} for row in rows],
            schema=pa.schema([(column, pa.string()) for column in dict.fromkeys(wanted)]),
        )
    missing = [c for c in [id_column, *_columns(roles)] if c not in rows.column_names]
    if missing:
        raise RecordError(f"no column named {', '.join(missing)}")
    return rows


def _text(value) -> str | None:
    return None if value is None else str(value)


def _columns(roles: Roles) -> list[str]:
    return [column for columns in roles.values() for column in _as_list(columns)]


def _as_list(columns: str | Sequence[str]) -> list[str]:
    return [columns] if isinstance(columns, str) else list(columns)


def check_roles(roles: Roles) -> None:
    unknown = sorted(set(roles) - set(ROLES))
    if unknown:
        raise RecordError(f"unknown role {', '.join(unknown)} (roles are: {', '.join(ROLES)})")
    if not any(role in roles for role in NAME_ROLES):
        raise RecordError(f"map at least one name role: {', '.join(NAME_ROLES)}")


def role_values(table: pa.Table, roles: Roles) -> dict[str, pa.ChunkedArray]:
    """One text column per role; a role given several columns reads them joined."""
    values = {}
    for role, columns in roles.items():
        parts = [pc.cast(table.column(column), pa.string()) for column in _as_list(columns)]
        if len(parts) == 1:
            values[role] = parts[0]
        else:
            values[role] = pc.binary_join_element_wise(*parts, " ", null_handling="skip")
    return values


def per_distinct(column: pa.ChunkedArray, function: Callable, value_type: pa.DataType):
    """Apply function once per distinct value and spread the results over the rows."""
    distinct = pc.unique(column)
    results = pa.array([function(value) for value in distinct.to_pylist()], type=value_type)
    return results.take(pc.index_in(column, value_set=distinct))


def features(table: pa.Table, roles: Roles, as_of: date) -> dict[str, pa.Array]:
    """Comparable columns for every role present (the rest stay absent)."""
    values = role_values(table, roles)
    found: dict[str, pa.Array] = {}
    for role, column in values.items():
        for suffix, function, value_type in _EXTRACTORS[role]:
            found[f"{role}__{suffix}"] = per_distinct(column, function, value_type)
    if "age" in values:
        found["age__birth_year"] = per_distinct(
            values["age"], lambda value: _birth_year_from_age(value, as_of), pa.int32()
        )
    return found


def _first_word(value: str | None) -> str | None:
    words = names.name_words(value)
    return words[0] if words else None


def _last_word(value: str | None) -> str | None:
    words = names.name_words(value)
    return words[-1] if words else None


def _last_of_several(value: str | None) -> str | None:
    words = names.name_words(value)
    return words[-1] if len(words) > 1 else None


def _sound_key(word: str | None) -> str | None:
    return names.sound_key(word) if word else None


def _first_key(value: str | None) -> str | None:
    return _sound_key(_first_word(value))


def _last_key(value: str | None) -> str | None:
    return _sound_key(_last_word(value))


def _last_of_several_key(value: str | None) -> str | None:
    return _sound_key(_last_of_several(value))


def _word_keys(value: str | None) -> list[str] | None:
    keys = sorted({names.sound_key(word) for word in names.tokens(value)})
    return keys or None


def _plain_name(value: str | None) -> str | None:
    return " ".join(names.name_words(value)) or None


def _plain(value: str | None) -> str | None:
    return names.plain(value) or None


def _words(value: str | None) -> list[str] | None:
    return sorted(set(names.plain(value).split())) or None


def _postcode(value: str | None) -> str | None:
    return names.plain(value).replace(" ", "").upper() or None


def _sex(value: str | None) -> str | None:
    word = names.plain(value)
    return _SEX.get(word, word) or None


def parse_date(value: str | None) -> str | None:
    """ISO date from the common ways a date of birth is written, or None."""
    value = (value or "").strip()
    for pattern in _DATE_FORMATS:
        found = pattern.match(value)
        if found:
            try:
                return date(int(found["y"]), int(found["m"]), int(found["d"])).isoformat()
            except ValueError:
                return None
    return None


def _birth_year_from_dob(value: str | None) -> int | None:
    iso = parse_date(value)
    return int(iso[:4]) if iso else None


def parse_age(value: str | None) -> int | None:
    found = _AGE.match(value or "")
    return int(found.group(1)) if found else None


def _birth_year_from_age(value: str | None, as_of: date) -> int | None:
    age = parse_age(value)
    return None if age is None else as_of.year - age


_TEXT, _KEYS = pa.string(), pa.list_(pa.string())
_EXTRACTORS: dict[str, list[tuple[str, Callable, pa.DataType]]] = {
    "first_name": [("first", _first_word, _TEXT), ("first_key", _first_key, _TEXT)],
    "last_name": [("last", _last_word, _TEXT), ("last_key", _last_key, _TEXT)],
    "full_name": [
        ("first", _first_word, _TEXT),
        ("first_key", _first_key, _TEXT),
        ("last", _last_of_several, _TEXT),
        ("last_key", _last_of_several_key, _TEXT),
    ],
    "other_names": [],
    "sex": [("sex", _sex, _TEXT)],
    "dob": [("dob", parse_date, _TEXT), ("birth_year", _birth_year_from_dob, pa.int32())],
    "age": [],
    "place": [("place", _plain, _TEXT)],
    "postcode": [("postcode", _postcode, _TEXT)],
    "address": [("address", _plain, _TEXT), ("words", _words, _KEYS)],
    "caregiver_name": [("name", _plain_name, _TEXT), ("keys", _word_keys, _KEYS)],
}
for _role in NAME_ROLES:
    _EXTRACTORS[_role].append(("keys", _word_keys, _KEYS))
