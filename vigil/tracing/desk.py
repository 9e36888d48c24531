"""The tracing section of the case worker's desk (an entry of settings.VIGIL_DESK_SECTIONS)."""

from django.db.models import Count, F, Q
from django.template.loader import render_to_string

from vigil.tracing.access import candidates_awaiting, tracing_requests_visible_to
from vigil.tracing.disclosure import describe_all
from vigil.tracing.models import CandidateStatus, TracingStatus

LISTED = 10


def candidates_to_review(request) -> str:
    """Possible matches waiting for this person, and open tracing requests with new ones."""
    person = request.user
    waiting = candidates_awaiting(person)
    requests = list(
        tracing_requests_visible_to(person)
        .filter(status=TracingStatus.OPEN)
        .annotate(
            new_matches=Count(
                "candidates",
                filter=Q(
                    candidates__status=CandidateStatus.PENDING,
                    candidates__reviewing_organisation=F("organisation"),
                ),
            )
        )
        .filter(new_matches__gt=0)
    )
    context = {
        "count": len(waiting),
        "views": describe_all(person, waiting[:LISTED]),
        "requests": requests,
    }
    return render_to_string("tracing/desk.html", context, request=request)
