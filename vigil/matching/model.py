"""The matching model: which records to compare, how, and how sure a pair is.

A Fellegi-Sunter model run by Splink on DuckDB, in this process, offline.
Match probabilities (m) are set from what is known of how child records
differ between registrations; how often values agree by chance (u) is
measured on the data at hand, so a common name weighs less than a rare one.
Pairs are candidates for a case worker: nothing here merges records.
"""

import logging
import math
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
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
DEFAULT_PRIOR = 1e-4
MAX_PRIOR = 0.5
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
    "house": ["address__house"],
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
    link = len(sides) == 2
    # Too few records to measure chance agreement: the priors set below are
    # better than a count over a handful of pairs.
    measure = _record_count(connection, sides) >= MIN_RECORDS_TO_MEASURE
    comparisons = _present_comparisons(present, measure)
    measured: dict[str, dict[int, float]] = {}
    if measure:
        say("estimating how often values agree by chance")
        measured = measure_u(connection, sides, comparisons)
    prior = estimate_prior(connection, sides, _certain_rules(present))
    db_api = DuckDBAPI(connection)
    inputs = [db_api.register(f"{side}_records", dataset_display_name=side) for side in sides]
    model = settings(present, link=link, measure=measure, measured=measured, prior=prior)
    linker = Linker(inputs, model, log_level=logging.ERROR)
    say("scoring candidate pairs")
    predictions = linker.inference.predict(threshold_match_probability=threshold)
    say("writing pairs")
    yield from _fetch(connection, predictions.physical_name, threshold, link=link)


def _record_count(connection, sides: list[str]) -> int:
    return sum(_count(connection, side) for side in sides)


def _count(connection, side: str) -> int:
    return connection.execute(f"SELECT count(*) FROM {side}_records").fetchall()[0][0]  # noqa: S608


def _sample_sizes(counts: list[int], max_pairs: int) -> list[int]:
    """Records to draw from each side so that pairs among them number about max_pairs."""
    if len(counts) == 1:
        return [min(counts[0], math.ceil(math.sqrt(2 * max_pairs)) + 1)]
    left, right = counts
    left_size = min(left, max(1, math.ceil(math.sqrt(max_pairs * left / max(right, 1)))))
    return [left_size, min(right, max(1, math.ceil(max_pairs / left_size)))]


def measure_u(
    connection, sides: list[str], comparisons: list["Comparison"], max_pairs: int = U_SAMPLE_PAIRS
) -> dict[str, dict[int, float]]:
    """How often each level holds for two records drawn at random, per comparison.

    What Splink's estimate_u_using_random_sampling does, in one query for all
    comparisons instead of one per comparison: records are drawn by a hash of
    their id (so the same files give the same sample), every pair among them
    is compared, and a level's u is its share of the pairs where both values
    are present. A level no sampled pair reaches keeps its prior.
    """
    sizes = _sample_sizes([_count(connection, side) for side in sides], max_pairs)
    samples = [
        f"SELECT * FROM {side}_records "  # noqa: S608 - our own table names
        f"ORDER BY hash(unique_id || '{SEED}'), unique_id LIMIT {size}"
        for side, size in zip(sides, sizes, strict=True)
    ]
    right_sample = samples[-1]
    joined = "true" if len(sides) == 2 else "l.unique_id < r.unique_id"
    columns = [
        row[0]
        for row in connection.execute(f"DESCRIBE {sides[0]}_records").fetchall()  # noqa: S608
    ]
    pair_columns = ", ".join(f"l.{c} AS {c}_l, r.{c} AS {c}_r" for c in columns)
    levels = ", ".join(f"{c.case_sql()} AS {c.column}" for c in comparisons)
    rows = connection.execute(
        f"""
        WITH l AS ({samples[0]}), r AS ({right_sample}),
        pairs AS (SELECT {pair_columns} FROM l JOIN r ON {joined}),
        levels AS (SELECT {levels} FROM pairs)
        SELECT comparison, level, count(*)
        FROM (UNPIVOT levels ON COLUMNS(*) INTO NAME comparison VALUE level)
        WHERE level >= 0
        GROUP BY ALL
        """  # noqa: S608 - all names are our own
    ).fetchall()
    totals: dict[str, int] = {}
    for comparison, _, count in rows:
        totals[comparison] = totals.get(comparison, 0) + count
    measured: dict[str, dict[int, float]] = {}
    for comparison, level, count in rows:
        measured.setdefault(comparison, {})[level] = count / totals[comparison]
    return measured


def estimate_prior(connection, sides: list[str], rules: list[str]) -> float:
    """Share of all pairs that are one child, from the pairs certain rules find.

    As Splink's estimate_probability_two_random_records_match: pairs meeting
    any rule, over all pairs, scaled up by the share of true pairs the rules
    are expected to find. With no such pair the default prior stands.
    """
    counts = [_count(connection, side) for side in sides]
    if len(sides) == 2:
        total, left, right, extra = counts[0] * counts[1], sides[0], sides[1], ""
    else:
        total, left, right = counts[0] * (counts[0] - 1) // 2, sides[0], sides[0]
        extra = " AND l.unique_id < r.unique_id"
    if not total:
        return DEFAULT_PRIOR
    found = " UNION ".join(
        f"SELECT l.unique_id AS a, r.unique_id AS b FROM {left}_records l "  # noqa: S608
        f"JOIN {right}_records r ON {rule}{extra}"
        for rule in rules
    )
    pairs = connection.execute(f"SELECT count(*) FROM ({found})").fetchall()[0][0]  # noqa: S608
    if not pairs:
        return DEFAULT_PRIOR
    return min(pairs / total / CERTAIN_RULES_RECALL, MAX_PRIOR)


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


def _present_comparisons(present: set[str], measure: bool) -> list["Comparison"]:
    return [comparison for feature, comparison in _comparisons(measure) if feature in present]


def settings(
    present: set[str],
    link: bool,
    measure: bool = True,
    measured: Mapping[str, Mapping[int, float]] | None = None,
    prior: float = 1e-4,
) -> SettingsCreator:
    """The model for the features present; `measure` weighs rare values more.

    `measured` holds u values counted on the data (see measure_u), by
    comparison and level; levels it does not name keep their priors.
    """
    measured = measured or {}
    return SettingsCreator(
        link_type="link_only" if link else "dedupe_only",
        unique_id_column_name="unique_id",
        source_dataset_column_name="source_dataset",
        comparisons=[
            comparison.splink(measured.get(comparison.column))
            for comparison in _present_comparisons(present, measure)
        ],
        blocking_rules_to_generate_predictions=_blocking_rules(present),
        probability_two_random_records_match=prior,
        retain_matching_columns=False,
        retain_intermediate_calculation_columns=False,
    )


def _blocking_rules(present: set[str]) -> list[str]:
    """Pairs worth scoring: each true pair should meet at least one rule.

    Every rule is an equality join kept narrow enough that a million records
    give tens of millions of pairs, not billions: scoring the pairs is most
    of the cost of a large run. Where a rule's keys are common (a given name
    in one place), pairs born years apart are dropped in the join, since the
    model would not keep them anyway.
    """
    rules = [
        "l.first_key = r.first_key and l.last_key = r.last_key",
        "l.first_key = r.last_key and l.last_key = r.first_key",
    ]
    near_in_age = ""
    if "birth_year" in present:
        near_in_age = (
            " and (l.birth_year is null or r.birth_year is null"
            " or abs(l.birth_year - r.birth_year) <= 3)"
        )
        rules.append(
            "l.last_key = r.last_key and l.birth_year = r.birth_year"
            " and substr(l.first_key, 1, 1) = substr(r.first_key, 1, 1)"
        )
    # A family name misspelt past its first letters.
    rules.append(
        "l.first_key = r.first_key and substr(l.last, 1, 4) = substr(r.last, 1, 4)" + near_in_age
    )
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
            f"l.first_key = r.first_key and l.place = r.place{near_in_age}",
            # Names in the other order, one of them misspelt.
            "l.first_key = r.last_key and l.place = r.place",
            "l.last_key = r.first_key and l.place = r.place",
        ]
    if "place" in present and "postcode" in present:
        rules.append("l.postcode = r.postcode and l.place = r.place")
    # Records whose names were written too differently to meet above: the
    # same date of birth or house, where a file has them (FEBRL4's hard cases).
    if "postcode" in present and "dob" in present:
        rules.append("l.dob = r.dob and l.postcode = r.postcode")
    for extra in ("postcode", "dob"):
        if "house" in present and extra in present:
            rules.append(f"l.{extra} = r.{extra} and l.house = r.house")
    if "caregiver" in present:
        rules.append("l.caregiver = r.caregiver")
    return rules


# Each level: (SQL, label, m, u). m is how often a true pair lands there,
# u how often two different children do; u is measured again on large inputs.
@dataclass(frozen=True)
class Comparison:
    """One comparison's levels, kept as SQL so that u can be counted outside Splink."""

    column: str
    levels: tuple[tuple[str, str, float, float], ...]
    null_column: str
    tf_column: str | None = None

    def case_sql(self) -> str:
        """The level a pair falls in: -1 for a missing value, then 0, 1, … in order."""
        null = f"{self.null_column}_l IS NULL OR {self.null_column}_r IS NULL"
        whens = [f"WHEN {null} THEN -1"]
        for index, (sql, *_) in enumerate(self.levels):
            whens.append(f"ELSE {index}" if sql == "ELSE" else f"WHEN {sql} THEN {index}")
        return f"CASE {' '.join(whens)} END"

    def splink(self, measured: Mapping[int, float] | None = None) -> cl.CustomComparison:
        """The comparison for Splink, with u counted on the data where it was counted."""
        measured = measured or {}
        built = [cll.NullLevel(self.null_column)]
        for index, (sql, label, m, u) in enumerate(self.levels):
            options = {"m_probability": m, "u_probability": measured.get(index, u)}
            if self.tf_column and index == 0:
                options |= {"tf_adjustment_column": self.tf_column, "tf_adjustment_weight": 1.0}
            built.append(cll.CustomLevel(sql, label_for_charts=label).configure(**options))
        return cl.CustomComparison(output_column_name=self.column, comparison_levels=built)


def _custom(column: str, levels, *, exact_tf: str | None = None, null_column: str | None = None):
    return Comparison(column, tuple(levels), null_column or column, exact_tf)


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
        ("dob_l = dob_r", "same date of birth", 0.60, 0.0003),
        (
            # Dates are ISO, one length: the cheap Hamming distance rules out
            # most pairs before the costly Damerau-Levenshtein one is taken.
            "(hamming(dob_l, dob_r) <= 2 and damerau_levenshtein(dob_l, dob_r) <= 1)"
            f" or ({swapped})"
            " or abs(date_diff('day', dob_l::DATE, dob_r::DATE)) <= 31",
            "typo or within a month",
            0.09,
            0.004,
        ),
        # Two written dates further apart than a typo: siblings, not one child
        # (whose dates, once written, are copied rather than guessed).
        ("dob_l is not null and dob_r is not null", "both dates given, apart", 0.01, 0.6),
        # From here on at least one year is from an estimated age.
        (f"{years_apart} <= 1", "estimated age agrees", 0.20, 0.05),
        (f"{years_apart} <= 3", "estimated age within three years", 0.08, 0.1),
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
    # list_has_any first: most pairs share no word, and it is cheaper than
    # counting the shared ones.
    any_shared = f"list_has_any({words}_l, {words}_r)"
    shared = f"len(list_intersect({words}_l, {words}_r))"
    levels = [
        (f"{column}_l = {column}_r", "same", m, u),
        (f"{any_shared} and {shared} >= 2", "two words shared", (1 - m) * 0.5, u * 5),
        (any_shared, "one word shared", (1 - m) * 0.3, 0.1),
    ]
    return _custom(column, [*levels, _else(levels, (1 - m) * 0.2)])


def _comparisons(measure: bool):
    close_text = "jaro_winkler_similarity({column}_l, {column}_r) >= 0.9"
    # Levenshtein is several times cheaper and never below Damerau-Levenshtein - 1.
    close_code = (
        "levenshtein({column}_l, {column}_r) <= 2"
        " and damerau_levenshtein({column}_l, {column}_r) <= 1"
    )
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
