"""The linked tips a person may see around one tip: for the list, the graph and the cluster page.

Links can join tips of different hotlines; a person only ever sees the tips
their own roles open, and the links between those.
"""

from dataclasses import dataclass, field

from django.utils.safestring import mark_safe

from vigil.tips import access as tip_access
from vigil.triage import graph
from vigil.triage.models import TipAnalysis


@dataclass
class Linked:
    tip: object
    priority: int | None
    reasons: list[str] = field(default_factory=list)
    direct: bool = False


@dataclass
class EdgeRow:
    a_reference: str
    b_reference: str
    label: str


@dataclass
class Cluster:
    centre: object
    members: list[Linked]
    links: list
    priorities: dict

    @property
    def tips(self):
        return [self.centre] + [m.tip for m in self.members]

    @property
    def edges(self) -> list["EdgeRow"]:
        """Every pair of tips joined, and what joins them: the graph's edges as text."""
        refs = {t.pk: t.reference for t in self.tips}
        rows = [
            EdgeRow(*sorted((refs[e.a], refs[e.b])), e.label)
            for e in graph.edges_of(self.links, set(refs))
        ]
        return sorted(rows, key=lambda r: (r.a_reference, r.b_reference, r.label))

    def svg(self, id_prefix="cluster"):
        return mark_safe(  # noqa: S308 - graph.cluster_svg escapes every text it draws
            graph.cluster_svg(
                self.centre, self.tips, self.links, self.priorities, id_prefix=id_prefix
            )
        )


def cluster_for(tip, person, max_size: int = 200) -> Cluster:
    from vigil.triage import linking

    tips, links = linking.cluster_of(tip, max_size=max_size)
    ids = {t.pk for t in tips} | {tip.pk}
    visible = set(
        tip_access.tips_visible_to(person).filter(pk__in=ids).values_list("pk", flat=True)
    )
    visible.add(tip.pk)
    links = [link for link in links if link.from_tip_id in visible and link.to_tip_id in visible]
    priorities = dict(
        TipAnalysis.objects.filter(tip_id__in=visible).values_list("tip_id", "priority")
    )
    members = {}
    for other in sorted(tips, key=lambda t: t.reference):
        if other.pk != tip.pk and other.pk in visible:
            members[other.pk] = Linked(other, priorities.get(other.pk))
    for link in links:
        ends = {link.from_tip_id, link.to_tip_id}
        if tip.pk in ends:
            other = (ends - {tip.pk}) or {tip.pk}
            member = members.get(other.pop())
            if member is not None:
                member.direct = True
                label = graph.edge_label(link)
                if label not in member.reasons:
                    member.reasons.append(label)
    ordered = sorted(members.values(), key=lambda m: (not m.direct, -(m.priority or 0)))
    return Cluster(tip, ordered, links, priorities)
