"""The matching model: which records to compare, how, and how sure a pair is.

A Fellegi-Sunter model run by Splink on DuckDB, in this process, offline.
Match probabilities (m) are set from what is known of how child records
differ between registrations; how often values agree by chance (u) is
measured on the data at hand, so a common name weighs less than a rare one.
Pairs are candidates for a case worker: nothing here merges records.
"""

import contextlib
import logging
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import date

import duckdb
import pyarrow as pa
import splink.comparison_level_library as cll
import splink.comparison_library as cl
from splink import DuckDBAPI, Linker, SettingsCreator

from .records import Roles, as_table, check_roles, features

Progress = Callable[[str], None]
Pair = tuple[str, str, float]

# Fixed so that two runs over the same files give the same pairs.
SEED = 20240601
U_SAMPLE_PAIRS = 300_000
FETCH_BATCH = 50_000
# Share of true pairs the rules in _certain_rules() are expected to find;
# used only to estimate how many true pairs the data holds overall.
CERTAIN_RULES_RECALL = 0.6
DEFAULT_MEMORY_LIMIT = "2GB"
MIN_RECORDS_TO_MEASURE = 1000

# Output columns the SQL below relies on, with the feature columns they come from.
_COALESCE = {
    "first": ["first_name__first", "full_name__first"],
    "first_key": ["first_name__first_key", "full_name__first_key"],
    "last": ["last_name__last", "full_name__last"],
    "last_key": ["last_name__last_key", "full_name__last_key"],
    "dob": ["dob__dob"],
    "birth_year": ["dob__birth_year", "age__birth_year"],
    "sex": ["sex__sex"],
    "place": ["place__place"],
    "postcode": ["postcode__postcode"],
    "address": ["address__address"],
    "address_words": ["address__words"],
    "caregiver": ["caregiver_name__name"],
}
_TYPES = {"birth_year": "INTEGER", "address_words": "VARCHAR[]"}
_NAME_KEYS = ["first_name__keys", "last_name__keys", "full_name__keys", "other_names__keys"]


def find_pairs(
    left_rows: Iterable[Mapping] | pa.Table,
    right_rows: Iterable[Mapping] | pa.Table | None = None,
    roles: Roles | None = None,
    threshold: float = 0.5,
    progress: Progress | None = None,
    *,
    id_column: str = "id",
    right_roles: Roles | None = None,
    as_of: date | None = None,
) -> list[Pair]:
    """Candidate pairs (left_id, right_id, probability), most likely first.

    With one set of rows, pairs of rows within it that may be one child; with
    two, pairs across them. `roles` maps each role (see records.ROLES) to the
    key or keys that hold it in the rows; `right_roles` defaults to `roles`.
    """
    return list(
        iter_pairs(
            left_rows,
            right_rows,
            roles=roles,
            threshold=threshold,
            progress=progress,
            id_column=id_column,
            right_roles=right_roles,
            as_of=as_of,
        )
    )


def iter_pairs(
    left_rows,
    right_rows=None,
    roles: Roles | None = None,
    threshold: float = 0.5,
    progress: Progress | None = None,
    *,
    id_column: str = "id",
    right_roles: Roles | None = None,
    as_of: date | None = None,
) -> Iterator[Pair]:
    """As find_pairs, one pair at a time, for outputs larger than memory."""
    if roles is None:
        raise ValueError("roles is required")
    if not 0.0 <= threshold <= 1.0:
        raise ValueError("threshold must be between 0 and 1")
    say = progress or (lambda message: None)
    as_of = as_of or date.today()
    sides = [("left", left_rows, roles)]
    if right_rows is not None:
        sides.append(("right", right_rows, right_roles or roles))
    with tempfile.TemporaryDirectory(prefix="vigil-match-") as spill:
        connection = connect(spill)
        try:
            say("reading and normalising records")
            present = set()
            for name, rows, side_roles in sides:
                check_roles(side_roles)
                present |= _register(connection, name, rows, side_roles, id_column, as_of)
            yield from _scored_pairs(
                connection, [name for name, _, _ in sides], present, threshold, say
            )
        finally:
            connection.close()


def connect(spill_directory: str, memory_limit: str | None = None) -> duckdb.DuckDBPyConnection:
    """A DuckDB connection that never reaches the network and spills to disk."""
    return duckdb.connect(
        config={
            # DuckDB would otherwise download extensions it thinks a query needs.
            "autoinstall_known_extensions": False,
            "autoload_known_extensions": False,
            "threads": os.cpu_count() or 1,
            "memory_limit": memory_limit
            or os.environ.get("VIGIL_MATCH_MEMORY_LIMIT", DEFAULT_MEMORY_LIMIT),
            "temp_directory": spill_directory,
            "preserve_insertion_order": False,
        }
    )


def _register(connection, name: str, rows, roles: Roles, id_column: str, as_of: date) -> set[str]:
    table = as_table(rows, id_column, roles)
    found = features(table, roles, as_of)
    found["unique_id"] = table.column(id_column).cast(pa.string())
    features_table = pa.table(found)  # noqa: F841 - read by DuckDB by name below
    connection.register(f"{name}_features", features_table)
    connection.execute(
        f"CREATE TABLE {name}_records AS SELECT {_select_list(found, name)} "  # noqa: S608
        f"FROM {name}_features"
    )
    connection.unregister(f"{name}_features")
    return _present_features(found)


def _select_list(found: Mapping, source: str) -> str:
    columns = ["unique_id", f"'{source}' AS source_dataset"]
    for output, inputs in _COALESCE.items():
        present = [column for column in inputs if column in found]
        kind = _TYPES.get(output, "VARCHAR")
        expression = f"coalesce({', '.join(present)})" if present else f"NULL::{kind}"
        columns.append(f"{expression} AS {output}")
    keys = [f"coalesce({column}, [])" for column in _NAME_KEYS if column in found]
    name_keys = f"list_distinct(flatten([{', '.join(keys)}]))"
    columns.append(f"{name_keys} AS name_keys")
    if "caregiver_name__keys" in found:
        # A caregiver usually shares the child's family name, which the name
        # comparisons have counted already: only the rest is new evidence.
        columns.append(
            "nullif(list_filter(caregiver_name__keys, "
            f"lambda key: NOT list_contains({name_keys}, key)), []) AS caregiver_own_keys"
        )
    else:
        columns.append("NULL::VARCHAR[] AS caregiver_own_keys")
    return ", ".join(columns)


def _present_features(found: Mapping) -> set[str]:
    return {
        output for output, inputs in _COALESCE.items() if any(column in found for column in inputs)
    }


def _scored_pairs(
    connection, sides: list[str], present: set[str], threshold, say
) -> Iterator[Pair]:
    # Too few records to measure chance agreement: the priors set below are
    # better than a count over a handful of pairs.
    measure = _record_count(connection, sides) >= MIN_RECORDS_TO_MEASURE
    db_api = DuckDBAPI(connection)
    inputs = [db_api.register(f"{side}_records", dataset_display_name=side) for side in sides]
    model = settings(present, link=len(sides) == 2, measure=measure)
    linker = Linker(inputs, model, log_level=logging.ERROR)
    say("estimating how often values agree by chance")
    _train(linker, present, measure)
    say("scoring candidate pairs")
    predictions = linker.inference.predict(threshold_match_probability=threshold)
    say("writing pairs")
    yield from _fetch(connection, predictions.physical_name, threshold, link=len(sides) == 2)


def _record_count(connection, sides: list[str]) -> int:
    query = "SELECT count(*) FROM {}_records"
    counts = (connection.execute(query.format(side)).fetchall()[0][0] for side in sides)
    return sum(counts)


def _train(linker: Linker, present: set[str], measure: bool) -> None:
    # Splink refuses when no pair meets the certain rules (tiny or sparse
    # files): the prior set in settings() then stands.
    with contextlib.suppress(Exception):
        linker.training.estimate_probability_two_random_records_match(
            _certain_rules(present), recall=CERTAIN_RULES_RECALL
        )
    if measure:
        linker.training.estimate_u_using_random_sampling(max_pairs=U_SAMPLE_PAIRS, seed=SEED)


def _certain_rules(present: set[str]) -> list[str]:
    names = "l.first = r.first and l.last = r.last"
    extras = [f"l.{column} = r.{column}" for column in ("dob", "birth_year", "postcode")]
    usable = [
        extra
        for extra, column in zip(extras, ("dob", "birth_year", "postcode"), strict=True)
        if column in present
    ]
    return [f"{names} and {extra}" for extra in usable] or [names]


def _fetch(connection, table: str, threshold: float, link: bool) -> Iterator[Pair]:
    # The left file's id always comes first, whatever order Splink put the pair in.
    flipped = "source_dataset_l = 'right'" if link else "false"
    cursor = connection.execute(
        f"""
        SELECT
            CASE WHEN {flipped} THEN unique_id_r ELSE unique_id_l END,
            CASE WHEN {flipped} THEN unique_id_l ELSE unique_id_r END,
            match_probability
        FROM {table}
        WHERE match_probability >= ?
        ORDER BY match_probability DESC, 1, 2
        """,  # noqa: S608 - table is Splink's own generated name
        [threshold],
    )
    while batch := cursor.fetchmany(FETCH_BATCH):
        yield from ((left, right, float(probability)) for left, right, probability in batch)


def settings(present: set[str], link: bool, measure: bool = True) -> SettingsCreator:
    """The model for the features present; `measure` weighs rare values more."""
    return SettingsCreator(
        link_type="link_only" if link else "dedupe_only",
        unique_id_column_name="unique_id",
        source_dataset_column_name="source_dataset",
        comparisons=[
            comparison for feature, comparison in _comparisons(measure) if feature in present
        ],
        blocking_rules_to_generate_predictions=_blocking_rules(present),
        probability_two_random_records_match=1e-4,
        retain_matching_columns=False,
        retain_intermediate_calculation_columns=False,
    )


def _blocking_rules(present: set[str]) -> list[str]:
    """Pairs worth scoring: each true pair should meet at least one rule.

    Every rule is an equality join kept narrow enough that a million records
    give tens of millions of pairs, not billions.
    """
    rules = [
        "l.first_key = r.first_key and l.last_key = r.last_key",
        "l.first_key = r.last_key and l.last_key = r.first_key",
    ]
    if "birth_year" in present:
        rules += [
            "l.first_key = r.first_key and l.birth_year = r.birth_year"
            " and substr(l.last_key, 1, 1) = substr(r.last_key, 1, 1)",
            "l.last_key = r.last_key and l.birth_year = r.birth_year"
            " and substr(l.first_key, 1, 1) = substr(r.first_key, 1, 1)",
        ]
    if "dob" in present:
        rules += [
            f"l.dob = r.dob and substr(l.{key}, 1, 1) = substr(r.{key}, 1, 1)"
            for key in ("first_key", "last_key")
        ]
    for extra in ("place", "postcode"):
        if extra in present:
            rules.append(f"l.last_key = r.last_key and l.{extra} = r.{extra}")
    if "place" in present:
        rules += [
            "l.first_key = r.first_key and l.place = r.place",
            # Names in the other order, one of them misspelt.
            "l.first_key = r.last_key and l.place = r.place",
            "l.last_key = r.first_key and l.place = r.place",
        ]
    if "place" in present and "postcode" in present:
        rules.append("l.postcode = r.postcode and l.place = r.place")
    if "caregiver" in present:
        rules.append("l.caregiver = r.caregiver")
    return rules


# Each level: (SQL, label, m, u). m is how often a true pair lands there,
# u how often two different children do; u is measured again on large inputs.
def _custom(column: str, levels, *, exact_tf: str | None = None, null_column: str | None = None):
    built = [cll.NullLevel(null_column or column)]
    for sql, label, m, u in levels:
        level = cll.CustomLevel(sql, label_for_charts=label)
        options = {"m_probability": m, "u_probability": u}
        if exact_tf and not len(built) - 1:
            options |= {"tf_adjustment_column": exact_tf, "tf_adjustment_weight": 1.0}
        built.append(level.configure(**options))
    return cl.CustomComparison(output_column_name=column, comparison_levels=built)


def _else(levels, m: float) -> tuple:
    u = 1.0 - sum(level[3] for level in levels)
    return ("ELSE", "all other", m, u)


def _name_comparison(column: str, measure: bool):
    levels = [
        (f"{column}_l = {column}_r", "same", 0.80, 0.01),
        (f"{column}_key_l = {column}_key_r", "same sound", 0.08, 0.004),
        (f"jaro_winkler_similarity({column}_l, {column}_r) >= 0.88", "close", 0.04, 0.01),
        (
            f"list_contains(name_keys_r, {column}_key_l)"
            f" or list_contains(name_keys_l, {column}_key_r)",
            "among the other's names",
            0.05,
            0.003,
        ),
    ]
    return _custom(column, [*levels, _else(levels, 0.015)], exact_tf=column if measure else None)


def _birth_comparison():
    swapped = (
        "substr(dob_l, 1, 4) = substr(dob_r, 1, 4)"
        " and substr(dob_l, 6, 2) = substr(dob_r, 9, 2)"
        " and substr(dob_l, 9, 2) = substr(dob_r, 6, 2)"
    )
    years_apart = "abs(birth_year_l - birth_year_r)"
    levels = [
        ("dob_l = dob_r", "same date of birth", 0.70, 0.0003),
        (
            f"damerau_levenshtein(dob_l, dob_r) <= 1 or ({swapped})"
            " or abs(date_diff('day', dob_l::DATE, dob_r::DATE)) <= 31",
            "typo or within a month",
            0.10,
            0.004,
        ),
        (
            f"(dob_l is null or dob_r is null) and {years_apart} <= 1",
            "estimated age agrees",
            0.10,
            0.03,
        ),
        (f"{years_apart} <= 1", "within a year", 0.03, 0.08),
        (f"{years_apart} <= 3", "within three years", 0.05, 0.2),
    ]
    return _custom("birth", [*levels, _else(levels, 0.02)], null_column="birth_year")


def _exact_comparison(column: str, m: float, u: float, close: str, measure: bool):
    levels = [
        (f"{column}_l = {column}_r", "same", m, u),
        (close.format(column=column), "close", (1 - m) / 2, u * 2),
    ]
    return _custom(
        column, [*levels, _else(levels, (1 - m) / 2)], exact_tf=column if measure else None
    )


def _shared_words_comparison(column: str, words: str, m: float, u: float):
    shared = f"len(list_intersect({words}_l, {words}_r))"
    levels = [
        (f"{column}_l = {column}_r", "same", m, u),
        (f"{shared} >= 2", "two words shared", (1 - m) * 0.5, u * 5),
        (f"{shared} >= 1", "one word shared", (1 - m) * 0.3, 0.1),
    ]
    return _custom(column, [*levels, _else(levels, (1 - m) * 0.2)])


def _comparisons(measure: bool):
    close_text = "jaro_winkler_similarity({column}_l, {column}_r) >= 0.9"
    close_code = "damerau_levenshtein({column}_l, {column}_r) <= 1"
    return [
        ("first", _name_comparison("first", measure)),
        ("last", _name_comparison("last", measure)),
        ("birth_year", _birth_comparison()),
        (
            "sex",
            _custom("sex", [("sex_l = sex_r", "same", 0.97, 0.5), ("ELSE", "other", 0.03, 0.5)]),
        ),
        ("place", _exact_comparison("place", 0.75, 0.05, close_text, measure)),
        ("postcode", _exact_comparison("postcode", 0.80, 0.01, close_code, measure)),
        ("address", _shared_words_comparison("address", "address_words", 0.6, 0.001)),
        ("caregiver", _shared_words_comparison("caregiver", "caregiver_own_keys", 0.5, 0.001)),
    ]
