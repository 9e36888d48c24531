import pytest

from vigil.tips.tests.factories import TipFactory
from vigil.triage import minhash
from vigil.triage.linking import cluster_of, linked_tip_ids
from vigil.triage.models import LinkReason, NarrativeBand, TipAnalysis, TipLink
from vigil.triage.pipeline import analyse_tip
from vigil.triage.tests.test_pipeline import LONG_STORY, LONG_STORY_RETOLD


def chain(hotline, length: int) -> list:
    """Tips each sharing one phone with the next: a line of links."""
    tips = []
    for n in range(length):
        numbers = f"07700 900{n:03d} and 07700 900{n + 1:03d}"
        tip = TipFactory(hotline=hotline, country_code="GB", narrative=f"Call {numbers}.")
        analyse_tip(tip)
        tips.append(tip)
    return tips


@pytest.mark.django_db
def test_linked_tip_ids_are_the_direct_neighbours(hotline):
    a, b, c = chain(hotline, 3)

    assert linked_tip_ids(a) == {b.pk}
    assert linked_tip_ids(b) == {a.pk, c.pk}


@pytest.mark.django_db
def test_the_cluster_is_every_tip_reachable_nearest_first(hotline):
    tips = chain(hotline, 4)
    loner = TipFactory(hotline=hotline, country_code="GB", narrative="Call 07700 900999.")
    analyse_tip(loner)

    members, links = cluster_of(tips[0])

    assert [t.pk for t in members] == [t.pk for t in tips]
    assert members[0].analysis.priority >= 1
    pairs = {frozenset((link.from_tip_id, link.to_tip_id)) for link in links}
    assert pairs == {frozenset((x.pk, y.pk)) for x, y in zip(tips, tips[1:], strict=False)}
    assert {(link.reason, link.kind) for link in links} == {(LinkReason.SHARED_IDENTIFIER, "phone")}


@pytest.mark.django_db
def test_the_cluster_stops_at_its_size_limit(hotline, django_assert_max_num_queries):
    tips = chain(hotline, 6)

    with django_assert_max_num_queries(4):
        members, links = cluster_of(tips[0], max_size=3)

    assert [t.pk for t in members] == [t.pk for t in tips[:3]]
    kept = {t.pk for t in members}
    assert all(link.from_tip_id in kept and link.to_tip_id in kept for link in links)
    assert TipLink.objects.count() == 10


@pytest.mark.django_db
def test_a_tip_alone_is_its_own_cluster(hotline):
    tip = TipFactory(hotline=hotline, narrative="Nothing to link here.")
    analyse_tip(tip)

    members, links = cluster_of(tip)

    assert [t.pk for t in members] == [tip.pk]
    assert links == []


def test_shingles_ignore_case_accents_and_punctuation():
    written = "Ella está en la casa de Mónica, cerca del río Tajo y del puente."
    typed = "ella esta en la CASA de monica cerca del rio tajo y del puente"

    assert minhash.shingles(written) == minhash.shingles(typed)
    assert "esta en la" in minhash.shingles(written)


def test_short_texts_have_no_signature():
    assert minhash.shingles("she is here now") == frozenset()
    assert minhash.narrative_bands("she is here now") == []


def test_band_hashes_are_stable_and_sized_for_the_model():
    text = "A man drives three girls from the station to a flat above the bakery every night."

    bands = minhash.narrative_bands(text)

    assert bands == minhash.narrative_bands(text.upper())
    assert [band for band, _ in bands] == list(range(minhash.BANDS))
    assert all(len(band_hash) == 32 for _, band_hash in bands)


def test_the_signature_estimates_jaccard_similarity():
    words = [f"w{n}" for n in range(200)]
    a = minhash.shingles(" ".join(words))
    b = minhash.shingles(" ".join(words[:150] + [f"x{n}" for n in range(50)]))

    exact = minhash.jaccard(a, b)
    estimate = minhash.estimated_similarity(minhash.signature(a), minhash.signature(b))

    assert 0.55 < exact < 0.65
    assert abs(estimate - exact) < 0.2
    assert minhash.estimated_similarity(minhash.signature(a), minhash.signature(a)) == 1.0


def _links(*tips) -> set:
    rows = TipLink.objects.filter(from_tip__in=tips).values_list(
        "from_tip_id", "to_tip_id", "reason", "kind"
    )
    return set(rows)


@pytest.mark.django_db
def test_it_links_near_copies_both_ways_and_keeps_one_set_of_rows_on_reanalysis(hotline):
    first = TipFactory(hotline=hotline, country_code="GB", narrative=LONG_STORY + " 07700 900123")
    retold = TipFactory(
        hotline=hotline, country_code="GB", narrative=LONG_STORY_RETOLD + " 07700 900123"
    )
    analyse_tip(first)
    analyse_tip(retold)
    created = dict(TipLink.objects.values_list("id", "created_at"))

    analyse_tip(first)
    analyse_tip(retold)

    near, shared = LinkReason.NEAR_DUPLICATE, LinkReason.SHARED_IDENTIFIER
    assert _links(first, retold) == {
        (first.pk, retold.pk, near, ""),
        (retold.pk, first.pk, near, ""),
        (first.pk, retold.pk, shared, "phone"),
        (retold.pk, first.pk, shared, "phone"),
    }
    assert dict(TipLink.objects.values_list("id", "created_at")) == created
    similarity = TipLink.objects.get(from_tip=retold, reason=near).similarity
    assert 0.6 <= similarity < 1
    for tip in (first, retold):
        assert NarrativeBand.objects.filter(tip=tip).count() == minhash.BANDS
        assert set(NarrativeBand.objects.filter(tip=tip).values_list("band", "band_hash")) == set(
            minhash.narrative_bands(tip.narrative)
        )


@pytest.mark.django_db
def test_a_near_copy_held_by_another_hotline_is_never_linked(hotline, other_org):
    ours = TipFactory(hotline=hotline, country_code="GB", narrative=LONG_STORY)
    theirs = TipFactory(hotline=other_org, country_code="GB", narrative=LONG_STORY)

    analyse_tip(ours)
    analyse_tip(theirs)

    assert NarrativeBand.objects.filter(tip=theirs).count() == minhash.BANDS
    assert not TipLink.objects.exists()


@pytest.mark.django_db
def test_a_newcomer_sharing_a_phone_with_many_tips_updates_each_of_their_priorities(hotline):
    older = [
        TipFactory(hotline=hotline, country_code="GB", narrative=f"Report {n}: 07700 900123.")
        for n in range(12)
    ]
    for tip in older:
        analyse_tip(tip)
    newcomer = TipFactory(hotline=hotline, country_code="GB", narrative="Ring 07700 900123.")

    analyse_tip(newcomer)

    assert linked_tip_ids(newcomer) == {t.pk for t in older}
    assert TipLink.objects.filter(to_tip=newcomer).count() == len(older)
    for tip in older:
        reasons = {(r.code, r.label) for r in TipAnalysis.objects.get(tip=tip).reasons.all()}
        assert ("corroboration", "Shares identifiers with 12 other tips") in reasons
    order = list(TipAnalysis.objects.get(tip=older[0]).reasons.values_list("order", flat=True))
    assert order == list(range(len(order)))
