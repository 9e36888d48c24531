"""extract_entities: every kind in one call, spans as written.

The scores on the labelled evaluation set are asserted in tests/test_triage_evaluation.py.
"""

import pytest

from vigil.triage.entities import Entity, extract_entities


def test_it_returns_every_kind_sorted_by_position_with_spans_as_written():
    text = (
        "She is 15. Call 07700 900123 or mail Jane.Doe@example.com, IG: @lily_x, "
        "site www.example.org/ads/, van reg KX19 HBN, cashapp $LilMamii, in Norte."
    )
    entities = extract_entities(text, "GB", places=[("XV-NO", "Norte")])
    assert [(e.kind, e.normalized) for e in entities] == [
        ("age", "15"),
        ("phone", "+447700900123"),
        ("email", "jane.doe@example.com"),
        ("handle", "instagram:lily_x"),
        ("url", "example.org/ads"),
        ("plate", "KX19HBN"),
        ("payment", "cashtag:$lilmamii"),
        ("place", "XV-NO"),
    ]
    assert all(text[e.start : e.end] == e.value for e in entities)
    assert [e.start for e in entities] == sorted(e.start for e in entities)


def test_it_reports_a_repeated_identifier_at_each_place_but_never_twice_at_one():
    text = "07700 900123, again 07700 900123"
    phones = [e for e in extract_entities(text, "GB") if e.kind == "phone"]
    assert [(e.start, e.normalized) for e in phones] == [
        (0, "+447700900123"),
        (20, "+447700900123"),
    ]
    assert len(set(extract_entities(text, "GB"))) == len(extract_entities(text, "GB"))


def test_entities_are_frozen_values():
    entity = Entity("age", "15", "15", 0, 2)
    with pytest.raises(AttributeError):
        entity.kind = "phone"


def test_it_accepts_empty_text_and_no_country():
    assert extract_entities("") == []
    assert extract_entities("nothing to see here") == []


def test_places_are_found_whole_word_ignoring_case_and_accents_longest_first():
    places = [("BR-SP", "São Paulo"), ("XV-LI", "Lisboa"), ("XV-NL", "Nova Lisboa")]
    text = "Levada de SAO PAULO para nova lisboa, não para Lisboapolis."
    found = [
        (e.value, e.normalized) for e in extract_entities(text, "BR", places) if e.kind == "place"
    ]
    assert found == [("SAO PAULO", "BR-SP"), ("nova lisboa", "XV-NL")]


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("Meet 12/03/2024 at 21:30, it cost £1,200.", set()),
        ("He is on snap and line.", set()),
        ("IBAN GB82 WEST 1234 5698 7654 32", {"payment"}),
        ("email jane@example.com", {"email"}),
    ],
)
def test_it_keeps_each_identifier_to_its_own_kind(text, kinds):
    assert {e.kind for e in extract_entities(text, "GB")} == kinds
