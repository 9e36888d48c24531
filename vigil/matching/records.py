"""Rows as they arrive (any columns, any script) turned into records to compare.

Work is done once per distinct value, not once per row: a million children
share a few thousand given names, places and birth dates.
"""

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date
from functools import partial

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
            # An Arrow scalar, not a str: pyarrow would import pandas to check a str.
            separator = pa.scalar(" ")
            values[role] = pc.binary_join_element_wise(*parts, separator, null_handling="skip")
    return values


def per_distinct(column: pa.ChunkedArray, function: Callable, value_types: Sequence[pa.DataType]):
    """Apply function once per distinct value and spread its results over the rows.

    function returns one value per type in value_types; the result is one
    array per type, row for row with column.
    """
    distinct = pc.unique(column)
    results = [function(value) for value in distinct.to_pylist()]
    positions = pc.index_in(column, value_set=distinct)
    return [
        pa.array([result[index] for result in results], type=value_type).take(positions)
        for index, value_type in enumerate(value_types)
    ]


def features(table: pa.Table, roles: Roles, as_of: date) -> dict[str, pa.Array]:
    """Comparable columns for every role present (the rest stay absent)."""
    values = role_values(table, roles)
    found: dict[str, pa.Array] = {}
    for role, column in values.items():
        outputs = _EXTRACTORS[role]
        function = partial(_age_features, as_of=as_of) if role == "age" else _ANALYSERS[role]
        arrays = per_distinct(column, function, [value_type for _, value_type in outputs])
        found |= {
            f"{role}__{name}": array for (name, _), array in zip(outputs, arrays, strict=True)
        }
    return found


def _name_words_and_keys(value: str | None) -> tuple[list[str], list[str] | None]:
    words = names.tokens(value)
    keys = sorted({names.sound_key(word) for word in words}) or None
    return [names.canonical(word) for word in words], keys


def _key(word: str | None) -> str | None:
    return names.sound_key(word) if word else None


def _first_name_features(value: str | None) -> tuple:
    words, keys = _name_words_and_keys(value)
    first = words[0] if words else None
    return first, _key(first), keys


def _last_name_features(value: str | None) -> tuple:
    words, keys = _name_words_and_keys(value)
    last = words[-1] if words else None
    return last, _key(last), keys


def _full_name_features(value: str | None) -> tuple:
    words, keys = _name_words_and_keys(value)
    first = words[0] if words else None
    last = words[-1] if len(words) > 1 else None
    return first, _key(first), last, _key(last), keys


def _other_names_features(value: str | None) -> tuple:
    return (_name_words_and_keys(value)[1],)


def _caregiver_features(value: str | None) -> tuple:
    words, keys = _name_words_and_keys(value)
    return " ".join(words) or None, keys


def _sex_features(value: str | None) -> tuple:
    word = names.plain(value)
    return (_SEX.get(word, word) or None,)


def _dob_features(value: str | None) -> tuple:
    iso = parse_date(value)
    return iso, int(iso[:4]) if iso else None


def _age_features(value: str | None, as_of: date) -> tuple:
    age = parse_age(value)
    return (None if age is None else as_of.year - age,)


def _place_features(value: str | None) -> tuple:
    return (names.plain(value) or None,)


def _postcode_features(value: str | None) -> tuple:
    return (names.plain(value).replace(" ", "").upper() or None,)


def _address_features(value: str | None) -> tuple:
    text = names.plain(value)
    words = sorted(set(text.split()))
    # The smallest word: the house number, where the address has one.
    return text or None, words or None, words[0] if words else None


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


def parse_age(value: str | None) -> int | None:
    found = _AGE.match(value or "")
    return int(found.group(1)) if found else None


_TEXT, _KEYS = pa.string(), pa.list_(pa.string())
# The columns each role gives, in the order its analyser returns them.
_EXTRACTORS: dict[str, list[tuple[str, pa.DataType]]] = {
    "first_name": [("first", _TEXT), ("first_key", _TEXT), ("keys", _KEYS)],
    "last_name": [("last", _TEXT), ("last_key", _TEXT), ("keys", _KEYS)],
    "full_name": [
        ("first", _TEXT),
        ("first_key", _TEXT),
        ("last", _TEXT),
        ("last_key", _TEXT),
        ("keys", _KEYS),
    ],
    "other_names": [("keys", _KEYS)],
    "sex": [("sex", _TEXT)],
    "dob": [("dob", _TEXT), ("birth_year", pa.int32())],
    "age": [("birth_year", pa.int32())],
    "place": [("place", _TEXT)],
    "postcode": [("postcode", _TEXT)],
    "address": [("address", _TEXT), ("words", _KEYS), ("house", _TEXT)],
    "caregiver_name": [("name", _TEXT), ("keys", _KEYS)],
}
_ANALYSERS: dict[str, Callable] = {
    "first_name": _first_name_features,
    "last_name": _last_name_features,
    "full_name": _full_name_features,
    "other_names": _other_names_features,
    "sex": _sex_features,
    "dob": _dob_features,
    "place": _place_features,
    "postcode": _postcode_features,
    "address": _address_features,
    "caregiver_name": _caregiver_features,
}
