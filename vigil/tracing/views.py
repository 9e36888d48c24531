"""Tracing pages: record and follow a relative's request, and review possible matches."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from vigil.accounts.access import staff_required
from vigil.audit.actions import record_view
from vigil.tracing import access, actions
from vigil.tracing.disclosure import describe, describe_all
from vigil.tracing.forms import Decision, ReviewForm, TracingRequestForm
from vigil.tracing.models import CandidateStatus


@require_GET
@never_cache
@staff_required
def request_list(request):
    access.require_tracing_work(request.user)
    requests = list(access.tracing_requests_visible_to(request.user))
    return render(request, "tracing/requests.html", {"requests": requests})


@require_http_methods(["GET", "POST"])
@never_cache
@staff_required
def new_request(request):
    organisations = access.require_tracing_work(request.user)
    form = TracingRequestForm(request.POST or None, organisations=organisations)
    if request.method == "POST" and form.is_valid():
        try:
            found = actions.record_tracing_request(
                request.user, form.cleaned_data["organisation"], **form.request_fields()
            )
        except actions.TracingError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("Tracing request recorded. Possible matches appear here after the next search."),
            )
            return redirect("tracing:request", found.pk)
    status = 400 if form.is_bound else 200
    return render(request, "tracing/request_new.html", {"form": form}, status=status)


@require_GET
@never_cache
@staff_required
def request_detail(request, request_id):
    found = access.tracing_request_for(request.user, request_id)
    record_view(found, request.user, found.organisation)
    candidates = found.candidates.filter(reviewing_organisation=found.organisation).select_related(
        "reviewing_organisation",
        "child__organisation",
        "tracing_request__organisation",
        "reviewed_by",
    )
    context = {
        "tracing_request": found,
        "views": describe_all(request.user, candidates),
        "review_form": ReviewForm(),
    }
    return render(request, "tracing/request_detail.html", context)


@require_POST
@never_cache
@staff_required
def close_request(request, request_id):
    found = access.tracing_request_for(request.user, request_id)
    try:
        actions.close_tracing_request(request.user, found)
    except actions.TracingError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, _("Tracing request closed."))
    return redirect("tracing:request", found.pk)


@require_GET
@never_cache
@staff_required
def candidate_list(request):
    access.require_tracing_work(request.user)
    views = describe_all(request.user, access.candidates_awaiting(request.user))
    return render(request, "tracing/candidates.html", {"views": views})


@require_GET
@never_cache
@staff_required
def candidate_detail(request, candidate_id):
    candidate = access.candidate_for(request.user, candidate_id)
    record_view(candidate, request.user, candidate.reviewing_organisation)
    context = {"view": describe(request.user, candidate), "review_form": ReviewForm()}
    return render(request, "tracing/candidate.html", context)


def _back(request, candidate):
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(target)
    return redirect("tracing:candidate", candidate.pk)


@require_POST
@never_cache
@staff_required
def review_candidate(request, candidate_id):
    candidate = access.candidate_for(request.user, candidate_id)
    form = ReviewForm(request.POST)
    if not form.is_valid():
        context = {"view": describe(request.user, candidate), "review_form": form}
        return render(request, "tracing/candidate.html", context, status=400)
    review = (
        actions.confirm_candidate
        if form.cleaned_data["decision"] == Decision.CONFIRM
        else actions.reject_candidate
    )
    try:
        review(request.user, candidate, form.cleaned_data["note"])
    except actions.TracingError as error:
        messages.error(request, error.messages[0])
    else:
        if candidate.status == CandidateStatus.CONFIRMED:
            messages.success(request, _("Confirmed. Nothing was merged: the records stay apart."))
        else:
            messages.success(request, _("Rejected. This pair will not be proposed again."))
    return _back(request, candidate)
