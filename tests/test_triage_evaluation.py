"""Extractors and indicator detection, scored against the whole labelled evaluation set."""

from pathlib import Path

import pytest

from vigil.triage.entities import extract_entities
from vigil.triage.evaluation import load_eval_set, score_entities, score_indicators
from vigil.triage.indicators import Catalogue, detect_indicators

FILES = sorted((Path(__file__).parent / "data").glob("triage_eval_*.jsonl"))

# The acceptance bar of the triage issue.
INDICATOR_F1_MINIMUM = 0.90


@pytest.fixture(scope="module")
def examples():
    return load_eval_set(FILES)


@pytest.fixture(scope="module")
def extracted(examples):
    return {e.id: extract_entities(e.text, e.country) for e in examples}


@pytest.fixture(scope="module")
def entity_scores(examples, extracted):
    return score_entities(examples, extracted)


@pytest.fixture(scope="module")
def indicator_score(examples):
    catalogue = Catalogue.from_file()
    return score_indicators(
        examples, {e.id: detect_indicators(e.text, catalogue) for e in examples}
    )


@pytest.mark.parametrize(("kind", "minimum"), [("phone", 0.98), ("email", 0.97), ("handle", 0.97)])
def test_it_finds_identifiers_with_high_precision_and_recall(entity_scores, kind, minimum):
    score = entity_scores[kind]
    assert score.true_positives + score.false_negatives > 0, f"no {kind} labelled"
    good_enough = score.precision >= minimum and score.recall >= minimum
    assert good_enough, score.report(kind)


def test_every_extracted_entity_points_at_its_own_text(examples, extracted):
    texts = {e.id: e.text for e in examples}
    bad = [
        f"{example_id}: {entity}"
        for example_id, entities in extracted.items()
        for entity in entities
        if texts[example_id][entity.start : entity.end] != entity.value
    ]
    assert not bad, "\n".join(bad[:20])


def test_it_detects_indicators_with_a_micro_f1_of_at_least_090(indicator_score):
    overall = indicator_score.overall
    per_code = "\n".join(
        f"  {code:28} P {s.precision:.2f} R {s.recall:.2f}"
        for code, s in sorted(indicator_score.per_code.items())
    )
    f1 = overall.f1
    report = f"micro-F1 {f1:.3f}\n{per_code}\n"
    assert f1 >= INDICATOR_F1_MINIMUM, report + overall.report("indicators", limit=25)


def test_it_never_reports_an_indicator_the_text_negates(examples, indicator_score):
    texts = {e.id: e.text for e in examples}
    offenders = [
        f"{example_id}: {code}\n    {texts[example_id][:160]!r}"
        for example_id, code in indicator_score.negated_detected
    ]
    assert not offenders, "negated or hypothetical indicators reported:\n" + "\n".join(offenders)


# Texts where one kind claims characters another would take.
CLAIMED = [
    "add her on snap: academie.danse.pro tonight",
    "IBAN GB82 WEST 1234 5698 7654 32 or call 07700 900123",
    "mail jane.doe@example.com or see example.com",
    "van reg KX19 HBN, 0770 0900 123",
]


@pytest.mark.parametrize(
    "kinds",
    [("phone", "email", "url"), ("phone",), ("url",), ("email",), ("handle", "plate"), ("age",)],
)
def test_asking_for_some_kinds_finds_them_exactly_as_among_all(examples, kinds):
    # Kinds asked for alone skip the finders they do not need (links look for
    # accounts only when there is a link): what they find must not change.
    texts = [(e.text, e.country) for e in examples] + [(text, "GB") for text in CLAIMED]
    for text, country in texts:
        alone = extract_entities(text, country, kinds=kinds)
        among_all = [e for e in extract_entities(text, country) if e.kind in kinds]
        assert alone == among_all, text


def test_a_link_that_is_an_account_is_not_a_link():
    assert extract_entities(CLAIMED[0], "GB", kinds=("url",)) == []
