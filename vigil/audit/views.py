from django import forms
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from vigil.accounts.access import staff_required
from vigil.audit import trail as audit_trail
from vigil.audit.models import Action

PER_PAGE = 100


class TrailFilterForm(forms.Form):
    reference = forms.CharField(
        label=_("Record"), required=False, max_length=64, help_text=_("A reference or an id.")
    )
    actor = forms.CharField(label=_("Who"), required=False, max_length=150)
    action = forms.ChoiceField(
        label=_("Action"), required=False, choices=[("", _("Any"))] + Action.choices
    )


@staff_required
def trail(request):
    """A supervisor's view of their organisations' audit trail, newest first."""
    organisations = audit_trail.organisations_for(request.user)
    if not organisations:
        raise PermissionDenied
    form = TrailFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    events = audit_trail.events_for(organisations, **{k: v for k, v in filters.items() if v})
    page = Paginator(events, PER_PAGE).get_page(request.GET.get("page"))
    references = audit_trail.references_for(page.object_list)
    for event in page.object_list:
        event.reference = references.get((event.object_type, event.object_id), "")
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "audit/trail.html",
        {
            "form": form,
            "page": page,
            "organisations": organisations,
            "query": query.urlencode(),
        },
        status=200 if form.is_valid() or not request.GET else 400,
    )
