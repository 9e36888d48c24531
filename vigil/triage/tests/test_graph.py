"""Linked tips as a list and as a network graph drawn on the server."""

import re
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from vigil.audit.models import AuditEvent
from vigil.tips.tests.factories import TipFactory
from vigil.triage import graph
from vigil.triage.models import LinkReason, TipLink

from .workflow_data import analysed_tip, link

pytestmark = pytest.mark.django_db
SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture
def cluster(hotline):
    """centre —phone— near —handle— far; centre ≈ twin (near-duplicate narrative)."""
    centre = analysed_tip(hotline, 5)
    near = analysed_tip(hotline, 3)
    far = analysed_tip(hotline, 2)
    twin = TipFactory(hotline=hotline)
    link(centre, near, "phone")
    link(near, far, "handle")
    link(centre, twin, "", reason=LinkReason.NEAR_DUPLICATE)
    return centre, near, far, twin


def test_the_layout_is_the_same_every_time_and_nodes_do_not_overlap(cluster):
    centre, *others = cluster
    priorities = {centre.pk: 5}

    first, size = graph.layout(centre, [centre, *others], priorities)
    again, _ = graph.layout(centre, list(reversed([centre, *others])), priorities)

    assert first == again
    assert (first[0].x, first[0].y) == (size / 2, size / 2) and first[0].centre
    for a in first:
        for b in first:
            if a is not b:
                assert ((a.x - b.x) ** 2 + (a.y - b.y) ** 2) ** 0.5 > 2 * graph.NODE_RADIUS
            assert 0 < a.x < size and 0 < a.y < size


def test_the_svg_has_a_title_a_description_nodes_and_labelled_edges(cluster):
    centre, near, far, twin = cluster
    links = list(TipLink.objects.all())

    svg = graph.cluster_svg(centre, [centre, near, far, twin], links, {centre.pk: 5, near.pk: 3})
    root = ET.fromstring(svg)  # noqa: S314 - our own output, under test

    assert root.get("role") == "img"
    assert root.find(f"{SVG}title").text == f"Tips linked to {centre.reference}"
    assert "4 tips joined by 3 links" in root.find(f"{SVG}desc").text
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert {"phone number", "online account", "near-duplicate"} <= set(texts)
    assert {centre.reference, near.reference, far.reference, twin.reference} <= set(texts)
    assert {"P5", "P3", "–"} <= set(texts)
    assert len(root.findall(f".//{SVG}line")) == 3


def test_text_in_the_graph_is_escaped():
    class Fake:
        pk = 1
        reference = "<script>x</script>"

    svg = graph.cluster_svg(Fake(), [Fake()], [], {})

    assert "<script>" not in svg and "&lt;script&gt;" in svg
    ET.fromstring(svg)  # noqa: S314 - well-formed after escaping


def test_the_tip_page_lists_linked_tips_and_draws_them(cluster, analyst, signed_in):
    centre, near, far, twin = cluster

    text = signed_in(analyst).get(reverse("tips:detail", args=[centre.pk])).text

    linked = text.split('<ul class="linked"')[1].split("</ul>")[0]
    assert re.findall(r">(T-\w+)</a>", linked) == [near.reference, twin.reference, far.reference]
    assert "shares: phone number" in linked and "shares: near-duplicate" in linked
    assert "linked through other tips" in linked
    assert '<svg xmlns="http://www.w3.org/2000/svg" class="cluster-graph"' in text


def test_the_cluster_view_shows_the_graph_and_every_link_as_text(cluster, analyst, signed_in):
    centre, near, far, _twin = cluster

    response = signed_in(analyst).get(reverse("triage:cluster", args=[centre.pk]))

    assert response.status_code == 200
    pair = " — ".join(sorted([near.reference, far.reference]))
    assert f"{pair}: online account" in response.text
    assert "<svg" in response.text
    assert AuditEvent.objects.filter(
        object_id=str(centre.pk), action="view", summary="viewed linked tips"
    ).exists()


def test_a_tip_of_another_hotline_is_never_shown_even_if_linked(
    cluster, other_org, analyst, outsider, signed_in
):
    centre, *_ = cluster
    foreign = analysed_tip(other_org, 5)
    link(centre, foreign, "phone")

    text = signed_in(analyst).get(reverse("triage:cluster", args=[centre.pk])).text

    assert foreign.reference not in text
    assert signed_in(outsider).get(reverse("triage:cluster", args=[centre.pk])).status_code == 404
