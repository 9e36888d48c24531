from datetime import date

import pyarrow as pa
import pytest

from vigil.matching import synthetic
from vigil.matching.model import (
    _present_comparisons,
    _register,
    _sample_sizes,
    connect,
    estimate_prior,
    find_pairs,
    measure_u,
    settings,
)

AS_OF = date(2026, 1, 1)


@pytest.fixture
def registered(tmp_path):
    connection = connect(str(tmp_path))
    records = list(synthetic.iter_records(1500, seed=11, as_of=AS_OF))
    present = _register(connection, "left", records, synthetic.ROLES, "id", AS_OF)
    yield connection, present
    connection.close()


def test_chance_agreement_is_counted_on_the_data_the_same_way_each_time(registered):
    connection, present = registered
    comparisons = _present_comparisons(present, measure=True)

    measured = measure_u(connection, ["left"], comparisons, max_pairs=50_000)
    again = measure_u(connection, ["left"], comparisons, max_pairs=50_000)

    assert measured == again
    assert set(measured) == {comparison.column for comparison in comparisons}
    for levels in measured.values():
        assert sum(levels.values()) == pytest.approx(1.0)
    # Two children drawn at random rarely share a family name, and more often
    # share neither name nor anything close to it.
    last = measured["last"]
    assert last[0] < 0.01
    assert last[max(last)] > 0.9


def test_measured_chance_agreement_reaches_the_model(registered):
    connection, present = registered
    comparisons = _present_comparisons(present, measure=True)
    measured = measure_u(connection, ["left"], comparisons, max_pairs=50_000)

    model = settings(present, link=False, measured=measured).get_settings("duckdb")

    last = next(c for c in model.comparisons if c.output_column_name == "last")
    same = last._comparison_levels_excluding_null[0]
    assert same.u_probability == pytest.approx(measured["last"][0])


def test_sample_sizes_give_about_the_pairs_asked_for():
    (size,) = _sample_sizes([1_000_000], 300_000)
    assert 300_000 <= size * (size - 1) / 2 < 301_000
    left, right = _sample_sizes([5000, 20_000], 300_000)
    assert 300_000 <= left * right < 301_000
    assert _sample_sizes([40], 300_000) == [40]
    assert _sample_sizes([10, 20], 300_000) == [10, 20]


def test_prior_falls_back_when_no_pair_is_certain(tmp_path):
    connection = connect(str(tmp_path))
    rows = [{"id": "1", "name": "Anna Kowalska"}, {"id": "2", "name": "Omar Said"}]
    present = _register(connection, "left", rows, {"full_name": "name"}, "id", AS_OF)

    prior = estimate_prior(connection, ["left"], ["l.first = r.first and l.last = r.last"])

    assert 0 < prior < 1
    assert present >= {"first", "last"}
    connection.close()


def test_two_different_children_give_no_pair_and_one_record_none():
    roles = {"full_name": "name"}
    two = [{"id": "1", "name": "Anna Kowalska"}, {"id": "2", "name": "Omar Said"}]

    assert find_pairs(two, roles=roles, as_of=AS_OF) == []
    assert find_pairs(two[:1], roles=roles, as_of=AS_OF) == []


def test_records_whose_names_differ_meet_on_date_of_birth_and_house():
    # As in FEBRL4: one registration has the names badly garbled, but the
    # date of birth, house number and postcode agree.
    roles = {
        "first_name": "given",
        "last_name": "family",
        "dob": "born",
        "postcode": "postcode",
        "address": ["number", "street"],
    }
    left = [
        {
            "id": "a1",
            "given": "jack",
            "family": "noble",
            "born": "19960409",
            "postcode": "2031",
            "number": "60",
            "street": "marrawah street",
        },
    ]
    right = [
        {
            "id": "b1",
            "given": "noblx",
            "family": "jaco",
            "born": "19960409",
            "postcode": "2031",
            "number": "60",
            "street": "marrawah street",
        },
        {
            "id": "b2",
            "given": "mia",
            "family": "chen",
            "born": "20010101",
            "postcode": "4000",
            "number": "3",
            "street": "queen street",
        },
    ]

    pairs = find_pairs(
        pa.Table.from_pylist(left),
        pa.Table.from_pylist(right),
        roles=roles,
        threshold=0.0,
        as_of=AS_OF,
    )

    assert [(left_id, right_id) for left_id, right_id, _ in pairs] == [("a1", "b1")]
