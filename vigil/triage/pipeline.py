"""Every tip gets its analysis stored as it arrives: identifiers, indicators,
links to other tips, and a priority with its reasons.

`on_tip_received` is the VIGIL_TIP_HOOKS entry (run on commit by the tips app);
`vigil reanalyze` calls `analyse_tip` for stored tips after a catalogue change
and for any tip a failed hook missed.

Analyst corrections survive a new analysis: rows an analyst added stay, and an
identifier or indicator an analyst rejected for this tip is not added again.
"""

from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from vigil.core.blind_index import keyed_hash
from vigil.regions.models import Place, PlaceKind
from vigil.tips.models import Tip
from vigil.triage import bulk, linking, minhash, priority
from vigil.triage.analysis import TEXT_FIELDS, find_in_fields
from vigil.triage.indicators import Catalogue
from vigil.triage.models import (
    LINKING_KINDS,
    AnalystLabel,
    Indicator,
    LabelTarget,
    PriorityReason,
    TipAnalysis,
    TipEntity,
    TipIndicator,
    TipLink,
    Verdict,
)

# Re-scoring the tips a new tip links to keeps their corroboration current
# without re-analysing them; past this many the rest wait for `vigil reanalyze`.
MAX_RESCORED_TIPS = 50


@dataclass(frozen=True)
class _Found:
    """An identifier or indicator as priority.assess reads it (stored or new)."""

    kind: str = ""
    normalized: str = ""
    code: str = ""
    title: str = ""
    weight: int = 0
    implies_minor: bool = False


def known_places(country: str) -> tuple[tuple[str, str], ...]:
    """(code, name) of the regions and towns the deployment knows in this country."""
    rows = Place.objects.filter(
        country_code=country, kind__in=[PlaceKind.SUBDIVISION, PlaceKind.TOWN]
    ).values_list("code", "name")
    return tuple(sorted(rows))


def _rejections(tip: Tip, kept_entities, kept_indicators) -> tuple[set, set]:
    """(kind, value hash) pairs and indicator codes an analyst rejected for this tip."""
    hashes = {(e.kind, e.value_hash) for e in kept_entities if e.rejected}
    codes = {i.indicator.code for i in kept_indicators if i.rejected}
    labels = AnalystLabel.objects.filter(tip=tip, verdict=Verdict.REJECTED).only(
        "target", "kind", "value"
    )
    for label in labels:
        if label.target == LabelTarget.INDICATOR:
            codes.add(label.kind)
        elif label.value:
            hashes.add((label.kind, keyed_hash(label.kind, label.value)))
    return hashes, codes


def analyse_tip(tip: Tip) -> TipAnalysis:
    """Analyse a stored tip and store the result; all or nothing."""
    with transaction.atomic():
        # The lock keeps the hook and `vigil reanalyze` from analysing one tip at
        # once; contact_details is never read (it is the reporter's, not evidence).
        # The analysis comes in the same query (locking only the tip's row): a
        # tip not analysed before has no rows of its own to update or clear.
        tip = (
            Tip.objects.select_for_update(of=("self",))
            .select_related("analysis")
            .defer("contact_details")
            .get(pk=tip.pk)
        )
        previous = getattr(tip, "analysis", None)
        country = tip.country_code or settings.VIGIL_COUNTRY
        catalogue = Catalogue.current()
        fields = {name: getattr(tip, name) or "" for name in TEXT_FIELDS}
        found_entities, found_indicators = find_in_fields(
            fields, country, catalogue=catalogue, places=known_places(country)
        )

        kept_entities = list(
            TipEntity.objects.filter(tip=tip).filter(Q(added_by__isnull=False) | Q(rejected=True))
        )
        kept_indicators = list(
            TipIndicator.objects.filter(tip=tip)
            .filter(Q(added_by__isnull=False) | Q(rejected=True))
            .select_related("indicator")
        )
        rejected_hashes, rejected_codes = _rejections(tip, kept_entities, kept_indicators)
        TipEntity.objects.filter(tip=tip, added_by__isnull=True, rejected=False).delete()
        TipIndicator.objects.filter(tip=tip, added_by__isnull=True, rejected=False).delete()

        entities = _store_entities(tip, found_entities, kept_entities, rejected_hashes)
        indicators = _store_indicators(tip, found_indicators, kept_indicators, rejected_codes)

        hashes = {e.value_hash for e in entities if e.kind in LINKING_KINDS}
        narrative_shingles = minhash.shingles(tip.narrative or "")
        bands = minhash.band_hashes(minhash.signature(narrative_shingles))
        identifiers, near = linking.find_links(tip, hashes, narrative_shingles, bands)
        linking.store_bands(tip, bands, replace=previous is not None)
        targets = linking.link_targets(identifiers, near)
        touched = linking.replace_links(tip, targets)
        linked, near_only = linking.corroboration_counts((t.other_id, t.reason) for t in targets)

        assessment = priority.assess(
            entities=[_Found(kind=e.kind, normalized=e.normalized) for e in entities],
            indicators=indicators,
            immediate_danger=tip.immediate_danger,
            children_age=tip.children_age,
            received_at=tip.created_at,
            now=timezone.now(),
            linked_tips=linked,
            near_duplicates=near_only,
        )
        values = {
            "priority": assessment.priority,
            "score": assessment.score,
            "catalogue_version": catalogue.version,
            "analysed_at": timezone.now(),
        }
        if previous is None:
            analysis = TipAnalysis.objects.create(tip=tip, **values)
        else:
            analysis = previous
            for name, value in values.items():
                setattr(analysis, name, value)
            analysis.save(update_fields=list(values))
            PriorityReason.objects.filter(analysis=analysis).delete()
        _store_reasons([(analysis.pk, assessment.reasons)])
        _rescore(sorted(touched, key=str)[:MAX_RESCORED_TIPS])
    return analysis


def on_tip_received(tip: Tip) -> None:
    analyse_tip(tip)


def _store_entities(tip, found, kept, rejected_hashes) -> list[TipEntity]:
    """New automatic entities (not rejected, not already added by an analyst),
    and the analyst-added ones; returns those that count."""
    added = {(e.kind, e.value_hash) for e in kept if not e.rejected}
    rows = []
    for field, entity in found:
        value_hash = keyed_hash(entity.kind, entity.normalized)
        # An analyst may have rejected the value as written or as normalised.
        if (entity.kind, value_hash) in rejected_hashes or (
            entity.kind,
            keyed_hash(entity.kind, entity.value),
        ) in rejected_hashes:
            continue
        if (entity.kind, value_hash) in added:
            continue
        rows.append(
            TipEntity(
                tip=tip,
                kind=entity.kind,
                field=field,
                start=entity.start,
                end=entity.end,
                value=entity.value,
                normalized=entity.normalized,
                value_hash=value_hash,
            )
        )
    TipEntity.objects.bulk_create(rows)
    return rows + [e for e in kept if not e.rejected]


def _store_indicators(tip, found, kept, rejected_codes) -> list[_Found]:
    added = {i.indicator.code: i.indicator for i in kept if not i.rejected}
    wanted = [
        (field, d) for field, d in found if d.code not in rejected_codes and d.code not in added
    ]
    ids = dict(
        Indicator.objects.filter(code__in=[d.code for _, d in wanted]).values_list("code", "id")
    )
    TipIndicator.objects.bulk_create(
        TipIndicator(tip=tip, indicator_id=ids[d.code], field=field, start=d.start, end=d.end)
        for field, d in wanted
        if d.code in ids
    )
    counted = [
        _Found(code=d.code, title=d.title, weight=d.weight, implies_minor=d.implies_minor)
        for _, d in wanted
        if d.code in ids
    ]
    counted += [
        _Found(code=i.code, title=i.title, weight=i.weight, implies_minor=i.implies_minor)
        for i in added.values()
    ]
    return counted


def _store_reasons(pairs) -> None:
    """Store (analysis id, reasons) pairs in order, in one multi-row INSERT."""
    rows = [
        (analysis_id, str(reason.code), str(reason.label)[:300], reason.contribution, order)
        for analysis_id, reasons in pairs
        for order, reason in enumerate(reasons)
    ]
    bulk.insert(PriorityReason, ("analysis_id", "code", "label", "contribution", "order"), rows)


def _rescore(tip_ids: list) -> None:
    """Bring the corroboration of already analysed linked tips up to date.

    Only their corroboration reasons change; the rest of their analysis stays as
    computed (six queries, whatever the number of tips, and rows read as values
    rather than model instances: a common identifier touches dozens of tips).
    """
    if not tip_ids:
        return
    rows = TipLink.objects.filter(from_tip_id__in=tip_ids).values_list(
        "from_tip_id", "to_tip_id", "reason"
    )
    links: dict = {tip_id: [] for tip_id in tip_ids}
    for from_id, to_id, reason in rows:
        links[from_id].append((to_id, reason))
    analyses = list(
        TipAnalysis.objects.filter(tip_id__in=tip_ids).values_list("id", "tip_id", "priority")
    )
    reasons: dict = {analysis_id: [] for analysis_id, _, _ in analyses}
    stored = PriorityReason.objects.filter(analysis_id__in=list(reasons)).order_by(
        "analysis_id", "order"
    )
    for analysis_id, code, label, contribution in stored.values_list(
        "analysis_id", "code", "label", "contribution"
    ):
        reasons[analysis_id].append(priority.Reason(code, label, contribution))
    changed = []
    for analysis_id, tip_id, old_priority in analyses:
        old = reasons[analysis_id]
        linked, near_only = linking.corroboration_counts(links[tip_id])
        new = priority.with_corroboration(old, linked, near_only)
        if new.reasons != old or new.priority != old_priority:
            changed.append((analysis_id, new))
    if not changed:
        return
    bulk.update(
        TipAnalysis, ("score", "priority"), [(new.score, new.priority, a) for a, new in changed]
    )
    PriorityReason.objects.filter(analysis_id__in=[a for a, _ in changed]).delete()
    _store_reasons([(a, new.reasons) for a, new in changed])
