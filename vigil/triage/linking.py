"""Linked reports: tips joined by a shared identifier or a near-copy narrative.

Shared identifiers are found through TipEntity.value_hash, a keyed hash of
(kind, normalised value), so the link table and the lookup never hold a clear
phone number or handle. Near-copies are found through the LSH bands of each
narrative's MinHash signature (minhash.py, NarrativeBand).

Every lookup here is an indexed equality lookup bounded by a LIMIT: the cost
of linking a new tip depends on how many tips it matches, never on how many
are stored. Links stay inside one hotline: an organisation never learns,
even as a count, what another organisation holds.
"""

from collections import Counter, deque
from dataclasses import dataclass

from django.db import connection
from django.utils import timezone

from vigil.tips.models import Tip
from vigil.triage import bulk, minhash
from vigil.triage.models import LINKING_KINDS, LinkReason, NarrativeBand, TipEntity, TipLink

# A phone number pasted into thousands of tips (a hotline's own number, a
# well-known venue) would otherwise link every one of them; past these many
# matching rows the rest are ignored.
MAX_IDENTIFIER_ROWS = 1000
MAX_LINKED_TIPS = 200
# Near-copies: band rows read, then the best candidates checked exactly.
MAX_BAND_ROWS = 400
MAX_NEAR_DUPLICATE_CANDIDATES = 20
NEAR_DUPLICATE_SIMILARITY = 0.6
LINK_COLUMNS = ("from_tip_id", "to_tip_id", "reason", "kind", "similarity", "created_at")


@dataclass(frozen=True)
class LinkTarget:
    """A link this tip should have: to another tip, for a reason (and kind)."""

    other_id: object
    reason: str
    kind: str = ""
    similarity: float | None = None


def find_links(
    tip: Tip, hashes: set[str], shingles: frozenset[str], bands: list[tuple[int, str]]
) -> tuple[dict, dict]:
    """Other tips of the same hotline sharing an identifier hash or a near-copy
    narrative: ({tip id: set of kinds shared}, {tip id: Jaccard similarity}).

    Both lookups go in one query (the (value_hash, kind) and (band, band_hash)
    indexes, each side bounded by its LIMIT), then one more for the narratives
    of the near-copy candidates.
    """
    identifiers: dict = {}
    agreeing: Counter = Counter()
    # Ids stay as the database returns them until the few that are kept.
    for source, other_id, kind in _candidate_rows(tip, hashes, bands):
        if source == "band":
            agreeing[other_id] += 1
        elif other_id in identifiers or len(identifiers) < MAX_LINKED_TIPS:
            identifiers.setdefault(other_id, set()).add(kind)
    identifiers = {bulk.from_db_id(other_id): kinds for other_id, kinds in identifiers.items()}
    return identifiers, _confirmed_near_copies(shingles, agreeing)


def _candidate_rows(tip: Tip, hashes: set[str], bands: list[tuple[int, str]]) -> list:
    """("identifier", tip id, kind) and ("band", tip id, "") rows, in one query.

    Written as SQL rather than through the ORM: building and compiling the
    sixteen-way OR of (band, band_hash) pairs cost the ORM about 3 ms per tip,
    some thirty times what the indexed lookup itself costs at a million tips.
    """
    entity, band, tips = bulk.table(TipEntity), bulk.table(NarrativeBand), bulk.table(Tip)
    own, hotline = bulk.db_id(tip.pk), bulk.db_id(tip.hotline_id)
    parts, params = [], []
    if hashes:
        kinds = sorted(str(kind.value) for kind in LINKING_KINDS)
        parts.append(
            "SELECT 'identifier' AS source, m.tip_id, m.kind FROM ("  # noqa: S608
            f"SELECT DISTINCT e.tip_id, e.kind FROM {entity} e "
            f"INNER JOIN {tips} t ON t.id = e.tip_id "
            f"WHERE e.value_hash IN ({bulk.placeholders(len(hashes))}) "
            f"AND e.kind IN ({bulk.placeholders(len(kinds))}) AND e.rejected = %s "
            f"AND t.hotline_id = %s AND e.tip_id <> %s LIMIT {MAX_IDENTIFIER_ROWS}) m"
        )
        params += [*sorted(hashes), *kinds, False, hotline, own]
    if bands:
        any_band = " OR ".join(["(b.band = %s AND b.band_hash = %s)"] * len(bands))
        parts.append(
            "SELECT 'band' AS source, c.tip_id, '' AS kind FROM ("  # noqa: S608
            f"SELECT b.tip_id FROM {band} b INNER JOIN {tips} t ON t.id = b.tip_id "
            f"WHERE ({any_band}) AND t.hotline_id = %s AND b.tip_id <> %s "
            f"LIMIT {MAX_BAND_ROWS}) c"
        )
        params += [value for pair in bands for value in pair] + [hotline, own]
    if not parts:
        return []
    with connection.cursor() as cursor:
        # Table names come from the models and every value is a parameter.
        cursor.execute(" UNION ALL ".join(parts), params)  # noqa: S608
        return cursor.fetchall()


def _confirmed_near_copies(shingles: frozenset[str], agreeing: Counter) -> dict:
    """Candidates confirmed by decrypting their narratives and comparing the
    exact shingle sets rather than by band agreement alone: the models keep only
    the bands, not the full signature, and 16 band agreements are too coarse an
    estimate near the threshold. At most MAX_NEAR_DUPLICATE_CANDIDATES, the
    ones agreeing on most bands, are decrypted, so the cost stays bounded.
    """
    if not agreeing:
        return {}
    best = [
        bulk.from_db_id(tip_id) for tip_id, _ in agreeing.most_common(MAX_NEAR_DUPLICATE_CANDIDATES)
    ]
    found = {}
    rows = Tip.objects.filter(pk__in=best).order_by().values_list("id", "narrative")
    for other_id, narrative in rows:
        similarity = minhash.jaccard(shingles, minhash.shingles(narrative or ""))
        if similarity >= NEAR_DUPLICATE_SIMILARITY:
            found[other_id] = round(similarity, 3)
    return found


def store_bands(tip: Tip, bands: list[tuple[int, str]], replace: bool = True) -> None:
    """Store the tip's narrative bands in one INSERT, after removing its old
    ones unless the caller knows it has none (`replace=False`)."""
    own = bulk.db_id(tip.pk)
    if replace:
        with connection.cursor() as cursor:
            cursor.execute(
                f"DELETE FROM {bulk.table(NarrativeBand)} WHERE tip_id = %s",  # noqa: S608
                [own],
            )
    rows = [(own, band, band_hash) for band, band_hash in bands]
    bulk.insert(NarrativeBand, ("tip_id", "band", "band_hash"), rows)


def link_targets(identifiers: dict, near: dict) -> set[LinkTarget]:
    targets = {
        LinkTarget(other_id, LinkReason.SHARED_IDENTIFIER, kind)
        for other_id, kinds in identifiers.items()
        for kind in kinds
    }
    targets |= {
        LinkTarget(other_id, LinkReason.NEAR_DUPLICATE, "", similarity)
        for other_id, similarity in near.items()
    }
    return targets


def replace_links(tip: Tip, targets: set[LinkTarget]) -> set:
    """Make the tip's links (both directions) exactly `targets`; returns every
    other tip that was or is now linked, whose corroboration may have changed.

    Links that stay are kept as they are (with their created_at); at most three
    queries. The new ones are written as one INSERT ... ON CONFLICT DO NOTHING
    (the unique_tip_link constraint) without model instances: a tip sharing a
    common phone number can gain hundreds of links, and making and compiling
    that many TipLink objects cost the ORM some 15 ms.
    """
    table, own = bulk.table(TipLink), bulk.db_id(tip.pk)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT id, from_tip_id, to_tip_id, reason, kind, similarity "  # noqa: S608
            f"FROM {table} WHERE from_tip_id = %s OR to_tip_id = %s",
            [own, own],
        )
        existing = cursor.fetchall()
    wanted = {(t.other_id, t.reason, t.kind): t for t in targets}
    have: dict = {}
    stale = []
    touched = set()
    for link_id, from_id, to_id, reason, kind, similarity in existing:
        from_id, to_id = bulk.from_db_id(from_id), bulk.from_db_id(to_id)
        outgoing = from_id == tip.pk
        other = to_id if outgoing else from_id
        touched.add(other)
        target = wanted.get((other, reason, kind))
        if target is None or (
            target.similarity is not None
            and similarity is not None
            and abs(target.similarity - similarity) > 0.0005
        ):
            stale.append(link_id)
        else:
            have.setdefault((other, reason, kind), set()).add(outgoing)
    if stale:
        TipLink.objects.filter(id__in=stale).delete()
    now = TipLink._meta.get_field("created_at").get_db_prep_value(timezone.now(), connection)
    new = []
    for key, target in wanted.items():
        present = have.get(key, set())
        other = bulk.db_id(target.other_id)
        fields = (str(target.reason), str(target.kind), target.similarity, now)
        if True not in present:
            new.append((own, other, *fields))
        if False not in present:
            new.append((other, own, *fields))
    bulk.insert(TipLink, LINK_COLUMNS, new, ignore_conflicts=True)
    return touched | {t.other_id for t in targets}


def corroboration_counts(rows) -> tuple[int, int]:
    """(tips sharing an identifier, tips that are only near-copies) from
    (other tip id, reason) pairs."""
    rows = list(rows)
    by_identifier = {other for other, reason in rows if reason == LinkReason.SHARED_IDENTIFIER}
    by_text = {other for other, reason in rows if reason == LinkReason.NEAR_DUPLICATE}
    return len(by_identifier), len(by_text - by_identifier)


def linked_tip_ids(tip: Tip) -> set:
    """Ids of the tips directly linked to this one, for any reason."""
    return set(TipLink.objects.filter(from_tip=tip).values_list("to_tip_id", flat=True))


def cluster_of(tip: Tip, max_size: int = 200) -> tuple[list[Tip], list[TipLink]]:
    """The tips reachable from this one through links, nearest first, and the links
    among them (one per pair, reason and kind), breadth-first and bounded.

    One query per hop plus one for the tips; tips come with their analysis
    loaded and without their encrypted text (only what a list or graph shows).
    """
    order = [tip.pk]
    seen = {tip.pk}
    frontier = deque([tip.pk])
    edges: dict = {}
    while frontier and len(order) < max_size:
        hop = list(frontier)
        frontier.clear()
        for link in TipLink.objects.filter(from_tip_id__in=hop).order_by("created_at", "id"):
            pair = tuple(sorted((link.from_tip_id, link.to_tip_id), key=str))
            if link.to_tip_id not in seen:
                if len(order) >= max_size:
                    continue
                seen.add(link.to_tip_id)
                order.append(link.to_tip_id)
                frontier.append(link.to_tip_id)
            edges.setdefault((pair, link.reason, link.kind), link)
    tips = Tip.objects.filter(pk__in=order).select_related("analysis")
    tips = tips.only(
        "id",
        "reference",
        "hotline_id",
        "status",
        "immediate_danger",
        "country_code",
        "region_code",
        "town",
        "created_at",
        "analysis__priority",
        "analysis__score",
    )
    by_id = {t.pk: t for t in tips}
    links = [link for link in edges.values() if link.from_tip_id in seen and link.to_tip_id in seen]
    return [by_id[pk] for pk in order if pk in by_id], links
