import csv

import pytest
from django.core.management import CommandError, call_command

CHILDREN = """ref,given,family,birth,town,mother
1,Mohammed,Hassan,2012-03-04,Gaziantep,Fatima Hassan
2,Muhammad,Hasan,2012-03-04,Gaziantep,Fatma Hasan
3,Anna,Kowalska,2015-07-01,Lviv,Olena Kowalska
4,Мухаммед,Хасан,04/03/2012,Gaziantep,
5,Sergei,Ivanov,2010-01-20,Kharkiv,Natalia Ivanova
"""
# A relative's tracing request names the child as they remember it.
REQUESTS = """ref,given,family,birth,town,mother
t1,Ana,Kowalska,2015-07-01,Lviv,Olena Kowalska
t2,Mohamed,Hassan,2012-04-03,,Fatima Hassan
t3,Sergey,Ivanov,2010-01-20,Kharkov,
t4,Yusuf,Demir,2018-09-12,Izmir,Ayse Demir
"""
CHILD_ROLES = "first_name=given,last_name=family,dob=birth,place=town,caregiver_name=mother"
LINK_ROLES = CHILD_ROLES


@pytest.fixture
def files(tmp_path):
    (tmp_path / "children.csv").write_text(CHILDREN, encoding="utf-8")
    (tmp_path / "requests.csv").write_text(REQUESTS, encoding="utf-8")
    return tmp_path


def run(*args):
    call_command("match", *map(str, args), verbosity=0)


def read_rows(path):
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.reader(handle))


def test_one_file_finds_the_child_registered_three_times(files):
    out = files / "pairs.csv"

    run(files / "children.csv", "--id", "ref", "--map", CHILD_ROLES, "--out", out)

    header, *rows = read_rows(out)
    assert header == ["left_id", "right_id", "probability"]
    assert {(left, right) for left, right, _ in rows} == {("1", "2"), ("1", "4"), ("2", "4")}
    assert all(0.5 <= float(probability) <= 1 for _, _, probability in rows)


def test_each_pair_is_written_once(files):
    out = files / "pairs.csv"

    run(
        files / "children.csv",
        "--id",
        "ref",
        "--map",
        CHILD_ROLES,
        "--threshold",
        "0",
        "--out",
        out,
    )

    pairs = [frozenset(row[:2]) for row in read_rows(out)[1:]]
    assert len(pairs) == len(set(pairs))
    assert all(len(pair) == 2 for pair in pairs)


def test_two_files_link_tracing_requests_to_children(files):
    out = files / "pairs.csv"

    run(
        files / "children.csv",
        files / "requests.csv",
        "--id",
        "ref",
        "--map",
        LINK_ROLES,
        "--out",
        out,
    )

    header, *rows = read_rows(out)
    assert header == ["left_id", "right_id", "probability"]
    # Children 1, 2 and 4 are one child registered three times: all are candidates.
    assert sorted((left, right) for left, right, _ in rows) == [
        ("1", "t2"),
        ("2", "t2"),
        ("3", "t1"),
        ("4", "t2"),
        ("5", "t3"),
    ]


def test_a_higher_threshold_keeps_fewer_pairs(files):
    everything, sure = files / "all.csv", files / "sure.csv"
    arguments = (files / "children.csv", files / "requests.csv", "--id", "ref", "--map", LINK_ROLES)

    run(*arguments, "--threshold", "0", "--out", everything)
    run(*arguments, "--threshold", "0.999999", "--out", sure)

    all_rows, sure_rows = read_rows(everything)[1:], read_rows(sure)[1:]
    assert len(sure_rows) < len(all_rows)
    assert all(float(probability) >= 0.999999 for _, _, probability in sure_rows)
    assert {row[1] for row in all_rows} <= {"t1", "t2", "t3", "t4"}


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["missing.csv", "--id", "ref", "--map", CHILD_ROLES], "no such file"),
        (["children.csv", "--id", "ref", "--map", "nickname=given"], "unknown role 'nickname'"),
        (["children.csv", "--id", "ref", "--map", "first_name=forename"], "no column 'forename'"),
        (["children.csv", "--id", "number", "--map", CHILD_ROLES], "no column 'number' for --id"),
        (["children.csv", "--id", "ref", "--map", "first_name"], "ROLE=COLUMN"),
        (["children.csv", "--id", "ref", "--map", "sex=mother"], "at least one name role"),
        (["children.csv", "--id", "ref", "--map", CHILD_ROLES, "--threshold", "high"], "number"),
        (["children.csv", "--id", "ref", "--map", CHILD_ROLES, "--threshold", "1.5"], "between 0"),
        (["duplicates.csv", "--id", "ref", "--map", CHILD_ROLES], "duplicate ids: 1"),
        (["empty.csv", "--id", "ref", "--map", CHILD_ROLES], "is empty"),
        (
            ["children.csv", "requests.csv", "children.csv", "--id", "ref", "--map", CHILD_ROLES],
            "two",
        ),
    ],
)
def test_bad_input_is_refused_with_a_plain_message(files, arguments, message):
    (files / "duplicates.csv").write_text(CHILDREN + "1,Anna,Nowak,2015-01-01,Lviv,\n")
    (files / "empty.csv").write_text("")
    paths = [files / argument if argument.endswith(".csv") else argument for argument in arguments]

    with pytest.raises(CommandError, match=message):
        run(*paths, "--out", files / "pairs.csv")


def test_output_directory_must_exist(files):
    with pytest.raises(CommandError, match="no such directory"):
        run(
            files / "children.csv",
            "--id",
            "ref",
            "--map",
            CHILD_ROLES,
            "--out",
            files / "no" / "p.csv",
        )


def test_the_vigil_console_command_runs_it_in_its_own_process(files):
    # `vigil match` starts without Django's app registry: run it as users do.
    import subprocess
    import sys

    out = files / "pairs.csv"
    completed = subprocess.run(
        [sys.executable, "-m", "vigil", "match", str(files / "children.csv"), "--id", "ref",
         "--map", CHILD_ROLES, "--out", str(out), "--verbosity", "0"],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert completed.returncode == 0, completed.stderr
    rows = read_rows(out)
    assert rows[0] == ["left_id", "right_id", "probability"]
    assert {tuple(sorted(r[:2])) for r in rows[1:]} >= {("1", "2")}
    bad = subprocess.run(
        [sys.executable, "-m", "vigil", "match", str(files / "missing.csv"), "--id", "ref",
         "--map", CHILD_ROLES, "--out", str(out)],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert bad.returncode != 0 and "Traceback" not in bad.stderr
