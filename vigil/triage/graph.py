"""A cluster of linked tips drawn as an SVG network, on the server, without JavaScript.

The layout is deterministic (the same cluster always looks the same): the
tip being read sits in the middle, the others on a circle in reference order.
Nodes carry the reference and the priority (colour and text, never colour
alone); edges are labelled with what joins the two tips (the kind of shared
identifier, or a near-duplicate narrative), never the identifier itself. The
list next to the graph is its text alternative.
"""

import math
from collections import defaultdict
from dataclasses import dataclass

from django.utils.html import escape

from vigil.triage.models import EntityKind, LinkReason

# Fill and text colour per priority; 0 = not analysed. Contrast ≥ 4.5:1 for the text.
COLOURS = {
    5: ("#a30000", "#ffffff"),
    4: ("#c2410c", "#ffffff"),
    3: ("#8a6d00", "#ffffff"),
    2: ("#0b5394", "#ffffff"),
    1: ("#4a4a4a", "#ffffff"),
    0: ("#e6e6e6", "#1a1a1a"),
}
NODE_RADIUS = 22
MARGIN = 70


@dataclass(frozen=True)
class Node:
    id: object
    reference: str
    priority: int | None
    x: float
    y: float
    centre: bool


@dataclass(frozen=True)
class Edge:
    a: object
    b: object
    label: str


def edge_label(link) -> str:
    if link.reason == LinkReason.NEAR_DUPLICATE:
        return "near-duplicate"
    return str(EntityKind(link.kind).label).lower() if link.kind else "identifier"


def edges_of(links, keep: set) -> list[Edge]:
    """One edge per pair of tips, its label naming every reason that joins them."""
    labels = defaultdict(set)
    for link in links:
        if link.from_tip_id in keep and link.to_tip_id in keep:
            pair = tuple(sorted((link.from_tip_id, link.to_tip_id), key=str))
            labels[pair].add(edge_label(link))
    return [
        Edge(a, b, ", ".join(sorted(names))) for (a, b), names in sorted(labels.items(), key=str)
    ]


def layout(centre, tips, priorities: dict) -> tuple[list[Node], float]:
    """Centre tip in the middle, the rest evenly on a circle; returns nodes and canvas size."""
    others = sorted((t for t in tips if t.pk != centre.pk), key=lambda t: t.reference)
    # The circle grows with the cluster so that nodes never overlap.
    radius = max(150.0, len(others) * (NODE_RADIUS * 2 + 16) / (2 * math.pi))
    size = 2 * (radius + MARGIN)
    middle = size / 2
    nodes = [Node(centre.pk, centre.reference, priorities.get(centre.pk), middle, middle, True)]
    for index, tip in enumerate(others):
        angle = -math.pi / 2 + 2 * math.pi * index / len(others)
        nodes.append(
            Node(
                tip.pk,
                tip.reference,
                priorities.get(tip.pk),
                round(middle + radius * math.cos(angle), 1),
                round(middle + radius * math.sin(angle), 1),
                False,
            )
        )
    return nodes, round(size, 1)


def cluster_svg(centre, tips, links, priorities: dict, *, id_prefix: str = "cluster") -> str:
    """The SVG markup (safe: every text is escaped) of the cluster around `centre`."""
    nodes, size = layout(centre, tips, priorities)
    where = {n.id: n for n in nodes}
    edges = edges_of(links, set(where))
    title_id, desc_id = f"{id_prefix}-title", f"{id_prefix}-desc"
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="cluster-graph" '
        f'viewBox="0 0 {size:g} {size:g}" width="{size:g}" height="{size:g}" role="img" '
        f'aria-labelledby="{title_id} {desc_id}">',
        f'<title id="{title_id}">{escape(f"Tips linked to {centre.reference}")}</title>',
        f'<desc id="{desc_id}">'
        + escape(
            f"{len(nodes)} tips joined by {len(edges)} links. "
            "The list of linked tips gives the same information as text."
        )
        + "</desc>",
        '<g class="edges">',
    ]
    for edge in edges:
        a, b = where[edge.a], where[edge.b]
        mx, my = (a.x + b.x) / 2, (a.y + b.y) / 2
        parts.append(
            f'<line x1="{a.x:g}" y1="{a.y:g}" x2="{b.x:g}" y2="{b.y:g}" '
            f'stroke="#4a4a4a" stroke-width="2"/>'
            f'<text x="{mx + 6:g}" y="{my + 4:g}" text-anchor="start" font-size="12" '
            f'fill="#1a1a1a" paint-order="stroke" stroke="#ffffff" stroke-width="4">'
            f"{escape(edge.label)}</text>"
        )
    parts.append('</g><g class="nodes">')
    for node in nodes:
        fill, ink = COLOURS[node.priority or 0]
        ring = ' stroke="#1a1a1a" stroke-width="4"' if node.centre else ""
        mark = f"P{node.priority}" if node.priority else "–"
        parts.append(
            f'<g class="node p{node.priority or 0}{" centre" if node.centre else ""}">'
            f'<circle cx="{node.x:g}" cy="{node.y:g}" r="{NODE_RADIUS}" fill="{fill}"{ring}/>'
            f'<text x="{node.x:g}" y="{node.y + 5:g}" text-anchor="middle" font-size="14" '
            f'font-weight="700" fill="{ink}">{escape(mark)}</text>'
            f'<text x="{node.x:g}" y="{node.y + NODE_RADIUS + 16:g}" text-anchor="middle" '
            f'font-size="13" fill="#1a1a1a">{escape(node.reference)}</text></g>'
        )
    parts.append("</g></svg>")
    return "".join(parts)
