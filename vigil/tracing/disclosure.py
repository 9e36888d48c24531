"""What one side of a candidate may be shown about the other side.

Across organisations a reviewer learns only that a possible record exists and
whom to contact there (its supervisors), never the other record's content: the
two organisations talk, under their own consent rules, before anything is shared.
"""

from dataclasses import dataclass, field

from vigil.accounts.models import Membership, Organisation, Role
from vigil.cases.models import Child
from vigil.tracing.access import may_open_child, reviewed_on_request_side
from vigil.tracing.models import CandidateKind, MatchCandidate, TracingRequest


@dataclass
class Contact:
    name: str
    email: str


@dataclass
class CandidateView:
    """A candidate as one reviewer may see it."""

    candidate: MatchCandidate
    # Records of the reviewer's organisation, each None when this person may not open it.
    own_child: Child | None = None
    other_child: Child | None = None
    tracing_request: TracingRequest | None = None
    # A record of the pair kept in the reviewer's organisation that this person may not open.
    hidden_here: bool = False
    # The other organisation holding a record of the pair, and whom to contact there.
    elsewhere: Organisation | None = None
    contacts: list[Contact] = field(default_factory=list)

    @property
    def is_duplicate(self) -> bool:
        return self.candidate.kind == CandidateKind.DUPLICATE

    @property
    def on_request_side(self) -> bool:
        return self.tracing_request is not None


def contacts(organisation: Organisation) -> list[Contact]:
    """The supervisors of an organisation, whom another organisation may ask about a record."""
    memberships = (
        Membership.objects.filter(organisation=organisation, role=Role.SUPERVISOR)
        .select_related("person")
        .order_by("person__display_name", "person__username")
    )
    return [Contact(name=str(m.person), email=m.person.email) for m in memberships]


def _visible(person, child: Child, view: CandidateView) -> Child | None:
    if may_open_child(person, child):
        return child
    view.hidden_here = True
    return None


def describe(person, candidate: MatchCandidate, cache: dict | None = None) -> CandidateView:
    """The candidate as `person` (already allowed to review it) may see it."""
    cache = {} if cache is None else cache
    view = CandidateView(candidate=candidate)
    reviewer = candidate.reviewing_organisation_id
    if reviewed_on_request_side(candidate):
        view.tracing_request = candidate.tracing_request
        if candidate.child.organisation_id == reviewer:
            view.other_child = _visible(person, candidate.child, view)
        else:
            view.elsewhere = candidate.child.organisation
    else:
        view.own_child = _visible(person, candidate.child, view)
        if candidate.kind == CandidateKind.TRACING:
            view.elsewhere = candidate.tracing_request.organisation
        elif candidate.other_child.organisation_id == reviewer:
            view.other_child = _visible(person, candidate.other_child, view)
        else:
            view.elsewhere = candidate.other_child.organisation
    if view.elsewhere is not None:
        if view.elsewhere.pk not in cache:
            cache[view.elsewhere.pk] = contacts(view.elsewhere)
        view.contacts = cache[view.elsewhere.pk]
    return view


def describe_all(person, candidates) -> list[CandidateView]:
    cache: dict = {}
    return [describe(person, candidate, cache) for candidate in candidates]
