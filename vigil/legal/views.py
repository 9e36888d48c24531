"""Legal pages: a case's proceedings, their hearings, protection measures and compensation
claims, and the hearings calendar of everything a person may see."""

from django.contrib import messages
from django.forms.models import model_to_dict
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from vigil.accounts.access import staff_required
from vigil.audit.actions import record, record_view
from vigil.audit.models import Action
from vigil.cases.access import case_for, may_edit
from vigil.legal import access, actions
from vigil.legal.calendar import Week, by_day, hearings_between, ics
from vigil.legal.forms import ClaimForm, HearingForm, MeasureForm, ProceedingForm


def _form_page(request, form, save, *, context: dict, success: str):
    """Save a valid form through `save`, or show it again with what is wrong (nothing saved)."""
    if request.method == "POST" and form.is_valid():
        try:
            proceeding = save(form.fields_for_action())
        except actions.LegalError as error:
            form.add_error(None, error)
        else:
            messages.success(request, success)
            return redirect("legal:proceeding", proceeding.case_id, proceeding.pk)
    status = 400 if form.is_bound else 200
    return render(request, "legal/form.html", {**context, "form": form}, status=status)


def _initial(instance, form_class) -> dict:
    return model_to_dict(instance, fields=form_class.Meta.fields)


@require_http_methods(["GET", "POST"])
@never_cache
@staff_required
def new_proceeding(request, case_id):
    case = case_for(request.user, case_id, write=True)
    form = ProceedingForm(request.POST or None)
    return _form_page(
        request,
        form,
        lambda fields: actions.add_proceeding(request.user, case, **fields),
        context={"case": case, "title": _("Add proceedings"), "submit": _("Add")},
        success=_("Proceedings added."),
    )


@require_GET
@never_cache
@staff_required
def proceeding(request, case_id, proceeding_id):
    found = access.proceeding_for(request.user, case_id, proceeding_id)
    case = found.case
    record_view(found, request.user, case.organisation)
    editable = may_edit(request.user, case)
    context = {
        "case": case,
        "proceeding": found,
        "hearings": list(found.hearings.all()),
        "measures": list(found.measures.all()),
        "claims": list(found.claims.all()),
        "may_edit": editable,
    }
    if editable:
        context.update(
            hearing_form=HearingForm(), measure_form=MeasureForm(), claim_form=ClaimForm()
        )
    return render(request, "legal/proceeding.html", context)


@require_http_methods(["GET", "POST"])
@never_cache
@staff_required
def edit_proceeding(request, case_id, proceeding_id):
    found = access.proceeding_for(request.user, case_id, proceeding_id, write=True)
    if request.method == "POST":
        form = ProceedingForm(request.POST)
    else:
        form = ProceedingForm(initial={**_initial(found, ProceedingForm), "version": found.version})

    def save(fields):
        return actions.update_proceeding(
            request.user, found, form.cleaned_data["version"] or 0, **fields
        )

    return _form_page(
        request,
        form,
        save,
        context={
            "case": found.case,
            "proceeding": found,
            "title": _("Edit proceedings"),
            "submit": _("Save"),
        },
        success=_("Proceedings saved."),
    )


def _part_page(request, found, form_class, save, *, part, title, success):
    """The add or edit page of a hearing, measure or claim of a proceeding."""
    if request.method == "POST":
        form = form_class(request.POST)
    else:
        form = form_class(initial=_initial(part, form_class) if part is not None else None)

    def save_and_return(fields):
        save(fields)
        return found

    return _form_page(
        request,
        form,
        save_and_return,
        context={
            "case": found.case,
            "proceeding": found,
            "title": title,
            "submit": _("Save"),
        },
        success=success,
    )


@require_http_methods(["GET", "POST"])
@never_cache
@staff_required
def new_hearing(request, case_id, proceeding_id):
    found = access.proceeding_for(request.user, case_id, proceeding_id, write=True)
    return _part_page(
        request,
        found,
        HearingForm,
        lambda fields: actions.schedule_hearing(request.user, found, **fields),
        part=None,
        title=_("Schedule a hearing"),
        success=_("Hearing scheduled."),
    )


@require_http_methods(["GET", "POST"])
@never_cache
@staff_required
def edit_hearing(request, case_id, proceeding_id, hearing_id):
    hearing = access.hearing_for(request.user, case_id, proceeding_id, hearing_id, write=True)
    return _part_page(
        request,
        hearing.proceeding,
        HearingForm,
        lambda fields: actions.update_hearing(request.user, hearing, **fields),
        part=hearing,
        title=_("Edit the hearing"),
        success=_("Hearing saved."),
    )


@require_http_methods(["GET", "POST"])
@never_cache
@staff_required
def new_measure(request, case_id, proceeding_id):
    found = access.proceeding_for(request.user, case_id, proceeding_id, write=True)
    return _part_page(
        request,
        found,
        MeasureForm,
        lambda fields: actions.request_measure(request.user, found, **fields),
        part=None,
        title=_("Record a protection measure"),
        success=_("Protection measure recorded."),
    )


@require_http_methods(["GET", "POST"])
@never_cache
@staff_required
def edit_measure(request, case_id, proceeding_id, measure_id):
    measure = access.measure_for(request.user, case_id, proceeding_id, measure_id, write=True)
    return _part_page(
        request,
        measure.proceeding,
        MeasureForm,
        lambda fields: actions.decide_measure(request.user, measure, **fields),
        part=measure,
        title=_("Record the court's decision"),
        success=_("Protection measure saved."),
    )


@require_http_methods(["GET", "POST"])
@never_cache
@staff_required
def new_claim(request, case_id, proceeding_id):
    found = access.proceeding_for(request.user, case_id, proceeding_id, write=True)
    return _part_page(
        request,
        found,
        ClaimForm,
        lambda fields: actions.record_claim(request.user, found, **fields),
        part=None,
        title=_("Record a compensation claim"),
        success=_("Compensation claim recorded."),
    )


@require_http_methods(["GET", "POST"])
@never_cache
@staff_required
def edit_claim(request, case_id, proceeding_id, claim_id):
    claim = access.claim_for(request.user, case_id, proceeding_id, claim_id, write=True)
    return _part_page(
        request,
        claim.proceeding,
        ClaimForm,
        lambda fields: actions.update_claim(request.user, claim, **fields),
        part=claim,
        title=_("Update the compensation claim"),
        success=_("Compensation claim saved."),
    )


def _week(request) -> tuple[Week, bool]:
    """The week asked for (or this week), and whether what was asked named a week."""
    asked = request.GET.get("week", "")
    if not asked:
        return Week.current(), True
    week = Week.parse(asked)
    return (week, True) if week else (Week.current(), False)


@require_GET
@never_cache
@staff_required
def hearings_calendar(request):
    access.require_case_work(request.user)
    week, understood = _week(request)
    hearings = list(hearings_between(request.user, week.start, week.end))
    context = {
        "week": week,
        "days": by_day(week, hearings),
        "count": len(hearings),
        "understood": understood,
    }
    return render(request, "legal/calendar.html", context, status=200 if understood else 400)


@require_GET
@never_cache
@staff_required
def hearings_file(request):
    access.require_case_work(request.user)
    week, understood = _week(request)
    if not understood:
        return HttpResponse(
            _("Not a week: use the form 2025-W07."), status=400, content_type="text/plain"
        )
    hearings = list(hearings_between(request.user, week.start, week.end))
    # The file leaves the system: each case whose hearings it carries says so in its trail.
    cases = {hearing.proceeding.case.pk: hearing.proceeding.case for hearing in hearings}
    for case in cases.values():
        record(
            Action.EXPORT,
            case,
            actor=request.user,
            organisation=case.organisation,
            summary=f"hearings of week {week} exported as a calendar file",
        )
    response = HttpResponse(ics(hearings), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="hearings-{week}.ics"'
    return response
