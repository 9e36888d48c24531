"""CSV files in and out of bulk matching, and the --map option that reads them."""

import csv
from collections.abc import Iterable
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
from pyarrow import csv as arrow_csv

from .records import ROLES

OUTPUT_HEADER = ("left_id", "right_id", "probability")


class FileError(ValueError):
    """A file or option that bulk matching cannot use; the message says why."""


def parse_map(text: str) -> dict[str, list[str]]:
    """`first_name=given,dob=birth_date` as {role: [column, …]}.

    A role named twice reads its columns joined with a space (an address in
    several columns, say).
    """
    roles: dict[str, list[str]] = {}
    for item in (part.strip() for part in text.split(",")):
        if not item:
            continue
        role, equals, column = (piece.strip() for piece in item.partition("="))
        if not equals or not role or not column:
            raise FileError(f"--map expects ROLE=COLUMN pairs, not {item!r}")
        if role not in ROLES:
            raise FileError(f"unknown role {role!r} in --map (roles are: {', '.join(ROLES)})")
        roles.setdefault(role, []).append(column)
    if not roles:
        raise FileError("--map names no role")
    return roles


def read_records(path: str | Path, id_column: str, roles: dict[str, list[str]]) -> pa.Table:
    """The id and mapped columns of a CSV file, all as text, empty cells as missing."""
    path = Path(path)
    header = _header(path)
    if id_column not in header:
        raise FileError(f"{path.name} has no column {id_column!r} for --id")
    wanted = [id_column, *(column for columns in roles.values() for column in columns)]
    missing = sorted({column for column in wanted if column not in header})
    if missing:
        raise FileError(f"{path.name} has no column {', '.join(map(repr, missing))}")
    table = _read(path, header, list(dict.fromkeys(wanted)))
    _check_ids(path, table.column(id_column))
    return table


def _header(path: Path) -> list[str]:
    if not path.is_file():
        raise FileError(f"no such file: {path}")
    try:
        with path.open(newline="", encoding="utf-8-sig") as handle:
            header = next(csv.reader(handle), None)
    except UnicodeDecodeError as error:
        raise FileError(f"{path.name} is not UTF-8 text") from error
    if not header:
        raise FileError(f"{path.name} is empty")
    return [name.strip() for name in header]


def _read(path: Path, header: list[str], columns: list[str]) -> pa.Table:
    try:
        return arrow_csv.read_csv(
            path,
            read_options=arrow_csv.ReadOptions(column_names=header, skip_rows=1),
            convert_options=arrow_csv.ConvertOptions(
                column_types={name: pa.string() for name in header},
                include_columns=columns,
                strings_can_be_null=True,
            ),
        )
    except (pa.ArrowInvalid, UnicodeDecodeError) as error:
        raise FileError(f"{path.name} could not be read as CSV: {error}") from error


def _check_ids(path: Path, ids: pa.ChunkedArray) -> None:
    if ids.null_count:
        raise FileError(f"{path.name} has rows with no id")
    if pc.count_distinct(ids).as_py() != len(ids):
        counts = pc.value_counts(ids)
        repeated = [item["values"].as_py() for item in counts if item["counts"].as_py() > 1][:3]
        raise FileError(f"{path.name} has duplicate ids: {', '.join(repeated)}")


def write_pairs(path: str | Path, pairs: Iterable[tuple[str, str, float]]) -> int:
    """Write the pairs with the fixed header; returns how many were written."""
    written = 0
    with Path(path).open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(OUTPUT_HEADER)
        for left_id, right_id, probability in pairs:
            writer.writerow((left_id, right_id, f"{probability:.6f}"))
            written += 1
    return written
