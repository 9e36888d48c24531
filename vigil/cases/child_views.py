"""Children and their screenings: a child may be screened before any case is opened."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from vigil.accounts.access import organisations_where, staff_required
from vigil.accounts.models import Organisation
from vigil.audit.actions import record_view
from vigil.cases import access, actions, children
from vigil.cases.forms import CaseForm, ChildForm
from vigil.screening.actions import record_screening
from vigil.screening.forms import ScreeningForm
from vigil.screening.instruments import ScreeningError, current_instrument, score
from vigil.screening.models import ScreeningResult

INSTRUMENT = "child-trafficking-screen"


def _case_organisations(person):
    return Organisation.objects.filter(
        pk__in=[o.pk for o in organisations_where(person, access.CASE_ROLES)]
    )


@require_GET
@never_cache
@staff_required
def child_list(request):
    organisations = _case_organisations(request.user)
    if not organisations:
        raise PermissionDenied
    context = {"children": children.uncased_children(organisations)}
    return render(request, "cases/children.html", context)


@require_http_methods(["GET", "POST"])
@never_cache
@staff_required
def new_child(request):
    organisations = _case_organisations(request.user)
    if not organisations:
        raise PermissionDenied
    form = ChildForm(request.POST or None, organisations=organisations)
    if request.method == "POST" and form.is_valid():
        data = form.child_fields()
        child = children.register_child(request.user, form.cleaned_data["organisation"], **data)
        return redirect("cases:screen", child.pk)
    status = 400 if form.is_bound else 200
    return render(request, "cases/child_new.html", {"form": form}, status=status)


@require_GET
@never_cache
@staff_required
def child_detail(request, child_id):
    child = access.child_for(request.user, child_id)
    record_view(child, request.user, child.organisation)
    cases = list(
        access.cases_visible_to(request.user).filter(child=child).select_related("organisation")
    )
    context = {
        "child": child,
        "cases": cases,
        "hidden": access.hidden_fields(request.user, cases[0]) if cases else frozenset(),
        "screenings": list(
            ScreeningResult.objects.for_subject(children.SUBJECT, child.pk).select_related(
                "instrument", "band", "organisation", "screened_by"
            )
        ),
        "may_open_case": not child.cases.exists(),
    }
    return render(request, "cases/child_detail.html", context)


@require_http_methods(["GET", "POST"])
@never_cache
@staff_required
def screen(request, child_id):
    child = access.child_for(request.user, child_id, write=True)
    instrument = current_instrument(INSTRUMENT)
    if instrument is None:
        messages.error(
            request, _("No screening instrument is loaded: run `vigil load_instruments`.")
        )
        return redirect("cases:child", child.pk)
    data = request.POST if request.method == "POST" else None
    form = ScreeningForm(instrument, data, language=request.LANGUAGE_CODE)
    if request.method == "POST" and form.is_valid():
        try:
            result = record_screening(
                request.user,
                child.organisation,
                instrument,
                children.SUBJECT,
                child.pk,
                form.answers(),
                notes=form.cleaned_data["notes"],
            )
        except ScreeningError as error:
            form.add_error(None, str(error))
        else:
            return redirect("cases:screening", child.pk, result.pk)
    status = 400 if form.is_bound else 200
    context = {"child": child, "form": form, "instrument": instrument}
    return render(request, "cases/screen.html", context, status=status)


@require_GET
@never_cache
@staff_required
def screening(request, child_id, result_id):
    child = access.child_for(request.user, child_id)
    result = (
        ScreeningResult.objects.for_subject(children.SUBJECT, child.pk)
        .select_related("instrument", "band", "screened_by")
        .filter(pk=result_id)
        .first()
    )
    if result is None:
        raise Http404
    record_view(result, request.user, child.organisation)
    outcome = score(result.instrument, result.answer_map())
    context = {"child": child, "result": result, "outcome": outcome}
    return render(request, "cases/screening.html", context)


@require_http_methods(["GET", "POST"])
@never_cache
@staff_required
def open_case_for_child(request, child_id):
    child = access.child_for(request.user, child_id, write=True)
    if child.cases.exists():
        raise Http404
    form = CaseForm(
        request.POST or None, country=child.organisation.jurisdiction, child_fields=False
    )
    if request.method == "POST" and form.is_valid():
        case = actions.open_case(request.user, child.organisation, form.details(), child=child)
        messages.success(request, _("Case %(number)s opened.") % {"number": case.case_number})
        return redirect("cases:detail", case.pk)
    status = 400 if form.is_bound else 200
    return render(
        request, "cases/edit.html", {"form": form, "case": None, "child": child}, status=status
    )
