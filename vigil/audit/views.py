from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import render

from vigil.accounts.access import organisations_where, staff_required
from vigil.accounts.models import Role
from vigil.audit.models import AuditEvent


@staff_required
def trail(request):
    """A supervisor's view of their organisations' audit trail."""
    organisations = organisations_where(request.user, [Role.SUPERVISOR, Role.ORG_ADMIN])
    if not organisations:
        raise PermissionDenied
    events = AuditEvent.objects.filter(organisation__in=organisations).select_related(
        "actor", "organisation"
    )
    page = Paginator(events, 100).get_page(request.GET.get("page"))
    return render(request, "audit/trail.html", {"page": page})
