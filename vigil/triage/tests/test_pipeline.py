import io

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from vigil.tips import actions as tip_actions
from vigil.tips.models import Tip
from vigil.tips.tests.factories import TipFactory
from vigil.triage import actions as triage_actions
from vigil.triage.analysis import analyse_text
from vigil.triage.indicators import Catalogue
from vigil.triage.models import (
    LinkReason,
    NarrativeBand,
    PriorityReason,
    TipAnalysis,
    TipEntity,
    TipIndicator,
    TipLink,
)
from vigil.triage.pipeline import analyse_tip

pytestmark = pytest.mark.django_db

LONG_STORY = (
    "Every evening a man called Ravel drives three girls from the bus station to a flat "
    "above the bakery on Mill Road. The girls look very young, they never go to school and "
    "they do not speak to the neighbours. A woman with red hair collects money from the "
    "men who visit and she keeps the girls' phones in her bag. Lights stay on all night."
)
# The same story with a few words changed, as the same witness might tell it twice.
LONG_STORY_RETOLD = (
    "Every evening a man called Ravel drives three girls from the train station to a flat "
    "above the bakery on Mill Road. The girls look very young, they never go to school and "
    "they do not talk to the neighbours. A woman with red hair collects money from the "
    "men who visit and she keeps the girls' phones in her bag. Lights stay on all night."
)
OTHER_STORY = (
    "Two boys sell flowers between the cars at the crossroads near the port until midnight. "
    "An older man watches them from a blue van and takes everything they earn before he "
    "drives them away. They look tired and hungry and one of them has a bandaged hand."
)


def gb_tip(hotline, **fields) -> Tip:
    fields.setdefault("country_code", "GB")
    return TipFactory(hotline=hotline, **fields)


def link_rows(tip) -> set:
    return set(TipLink.objects.filter(from_tip=tip).values_list("to_tip_id", "reason", "kind"))


def test_analyse_text_finds_identifiers_indicators_and_priority():
    result = analyse_text(
        "She is 14 and they took her passport. Call 07700 900123 or write to jane.doe@example.com.",
        "GB",
        catalogue=Catalogue.current(),
        immediate_danger=True,
    )

    found = {(e.kind, e.normalized) for e in result.entities}
    assert {("phone", "+447700900123"), ("email", "jane.doe@example.com"), ("age", "14")} <= found
    assert "confiscated-documents" in {d.code for d in result.indicators}
    assert result.priority == 5
    codes = [r.code for r in result.reasons]
    assert codes[:2] == ["immediate_danger", "minor"]
    assert "indicator:confiscated-documents" in codes
    assert result.score == sum(r.contribution for r in result.reasons)


def test_a_submitted_tip_is_analysed_on_commit(hotline, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        tip, _code = tip_actions.submit_tip(
            {
                "narrative": "A girl of 15 is kept in a flat, they took her passport.",
                "country_code": "GB",
                "immediate_danger": True,
                "phone_numbers": "07700 900123",
            },
            channel="web",
        )

    analysis = TipAnalysis.objects.get(tip=tip)
    assert analysis.priority == 5
    assert analysis.catalogue_version == Catalogue.current().version
    reasons = list(PriorityReason.objects.filter(analysis=analysis))
    assert [r.code for r in reasons][:2] == ["immediate_danger", "minor"]
    assert [r.order for r in reasons] == list(range(len(reasons)))
    phone = TipEntity.objects.get(tip=tip, kind="phone")
    assert (phone.field, phone.normalized, phone.value) == (
        "phone_numbers",
        "+447700900123",
        "07700 900123",
    )
    assert TipIndicator.objects.filter(
        tip=tip, indicator__code="confiscated-documents", field="narrative"
    ).exists()


def test_entities_are_stored_encrypted_with_keyed_hashes(hotline):
    tip = gb_tip(hotline, narrative="Her number is 07700 900123, email jane.doe@example.com.")

    analyse_tip(tip)

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT value, normalized, value_hash FROM triage_tipentity WHERE tip_id = %s",
            [tip.pk.hex if connection.vendor == "sqlite" else tip.pk],
        )
        rows = cursor.fetchall()
    assert len(rows) == 2
    for value, normalized, value_hash in rows:
        assert "7700" not in value and "example" not in value
        assert "7700" not in normalized and "example" not in normalized
        assert len(value_hash) == 64
    spans = {(e.kind, e.field, e.start, e.end) for e in TipEntity.objects.filter(tip=tip)}
    assert ("phone", "narrative", 14, 26) in spans


def test_tips_sharing_a_phone_written_differently_are_linked_both_ways(hotline):
    first = gb_tip(hotline, narrative="The driver answers on 07700 900123 at night.")
    second = gb_tip(hotline, narrative="Nothing unusual.", phone_numbers="+44 7700 900 123")
    analyse_tip(first)

    analyse_tip(second)

    assert link_rows(first) == {(second.pk, LinkReason.SHARED_IDENTIFIER, "phone")}
    assert link_rows(second) == {(first.pk, LinkReason.SHARED_IDENTIFIER, "phone")}
    # The newcomer's corroboration is counted, and the older tip's is brought up to date.
    for tip in (first, second):
        reasons = TipAnalysis.objects.get(tip=tip).reasons.all()
        assert ("corroboration", "Shares identifiers with 1 other tip", 3) in {
            (r.code, r.label, r.contribution) for r in reasons
        }


def test_contact_details_are_never_read_nor_linked(hotline):
    reporter = gb_tip(hotline, narrative="I saw children begging.", contact_details="07700 900123")
    other = gb_tip(hotline, narrative="Call 07700 900123 to book a girl.")

    analyse_tip(reporter)
    analyse_tip(other)

    assert not TipEntity.objects.filter(tip=reporter).exists()
    assert not TipEntity.objects.filter(field="contact_details").exists()
    assert not TipLink.objects.exists()


def test_tips_of_another_hotline_are_never_linked(hotline, other_org):
    ours = gb_tip(hotline, narrative="Call 07700 900123.")
    theirs = gb_tip(other_org, narrative="Call 07700 900123.")

    analyse_tip(ours)
    analyse_tip(theirs)

    assert not TipLink.objects.exists()


def test_near_duplicate_narratives_are_linked_and_different_ones_are_not(hotline):
    first = gb_tip(hotline, narrative=LONG_STORY)
    retold = gb_tip(hotline, narrative=LONG_STORY_RETOLD)
    other = gb_tip(hotline, narrative=OTHER_STORY)

    for tip in (first, retold, other):
        analyse_tip(tip)

    assert NarrativeBand.objects.filter(tip=first).count() == 16
    link = TipLink.objects.get(from_tip=retold, to_tip=first)
    assert link.reason == LinkReason.NEAR_DUPLICATE
    assert 0.6 <= link.similarity < 1
    assert TipLink.objects.filter(from_tip=first, to_tip=retold).exists()
    assert not TipLink.objects.filter(from_tip=other).exists()
    assert not TipLink.objects.filter(to_tip=other).exists()
    reasons = {r.code for r in TipAnalysis.objects.get(tip=retold).reasons.all()}
    assert "near_duplicate" in reasons


def test_an_analyst_rejection_survives_reanalysis(hotline, analyst):
    first = gb_tip(hotline, narrative="Her phone is 07700 900123 and she is 14.")
    second = gb_tip(hotline, narrative="Same number: 07700 900123.")
    analyse_tip(first)
    analyse_tip(second)
    phone = TipEntity.objects.get(tip=first, kind="phone")
    triage_actions.reject_entity(first, analyst, phone)
    added = triage_actions.add_entity(first, analyst, "email", "lily@example.org")

    analyse_tip(first)

    phones = TipEntity.objects.filter(tip=first, kind="phone")
    assert [(p.pk, p.rejected) for p in phones] == [(phone.pk, True)]
    assert TipEntity.objects.filter(pk=added.pk, added_by=analyst).exists()
    assert TipEntity.objects.filter(tip=first, kind="age", rejected=False).count() == 1
    assert not TipLink.objects.exists()
    analyse_tip(second)
    assert not TipLink.objects.exists()


def test_an_analyst_rejected_indicator_is_not_added_again(hotline, analyst):
    tip = gb_tip(hotline, narrative="They took her passport and keep it locked away.")
    analyse_tip(tip)
    found = TipIndicator.objects.get(tip=tip, indicator__code="confiscated-documents")
    triage_actions.reject_indicator(tip, analyst, found)

    analysis = analyse_tip(tip)

    rows = TipIndicator.objects.filter(tip=tip)
    assert [(r.pk, r.rejected) for r in rows] == [(found.pk, True)]
    assert "indicator:confiscated-documents" not in {r.code for r in analysis.reasons.all()}


def test_reanalysis_replaces_automatic_rows_instead_of_adding_to_them(hotline):
    first = gb_tip(hotline, narrative="Call 07700 900123. They took her passport.")
    second = gb_tip(hotline, narrative="Call 07700 900123.")
    analyse_tip(first)
    analyse_tip(second)
    before = (
        TipEntity.objects.count(),
        TipIndicator.objects.count(),
        TipLink.objects.count(),
        PriorityReason.objects.count(),
        NarrativeBand.objects.count(),
    )
    created = TipLink.objects.get(from_tip=first).created_at

    analyse_tip(first)
    analyse_tip(second)

    after = (
        TipEntity.objects.count(),
        TipIndicator.objects.count(),
        TipLink.objects.count(),
        PriorityReason.objects.count(),
        NarrativeBand.objects.count(),
    )
    assert after == before
    assert TipLink.objects.get(from_tip=first).created_at == created


def _queries_to_analyse(tip) -> int:
    with CaptureQueriesContext(connection) as queries:
        analyse_tip(tip)
    return len(queries)


def test_analysing_a_tip_costs_the_same_queries_however_many_tips_are_stored(
    hotline, django_assert_max_num_queries
):
    def newcomer():
        return gb_tip(
            hotline,
            narrative=LONG_STORY + " Call 07700 900123 or jane.doe@example.com, she is 14.",
        )

    old = gb_tip(hotline, narrative=LONG_STORY_RETOLD + " Ring 07700 900123.")
    analyse_tip(old)
    few = _queries_to_analyse(newcomer())

    for n in range(40):
        analyse_tip(gb_tip(hotline, narrative=f"Unrelated report {n} about 07700 900{n:03d}."))
    many = _queries_to_analyse(newcomer())

    assert many == few
    with django_assert_max_num_queries(40):
        analyse_tip(newcomer())


def test_seeding_the_demo_analyses_every_tip(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("seed_demo", tips=30, stdout=io.StringIO())

    assert Tip.objects.count() == 30
    assert TipAnalysis.objects.count() == 30
    assert not Tip.objects.filter(analysis__isnull=True).exists()
