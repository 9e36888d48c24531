"""The needs assessment, the service plan, follow-ups and closure of a case."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from vigil.accounts.access import staff_required
from vigil.cases import access, plans
from vigil.cases.forms import (
    ClosureRequestForm,
    FollowUpDoneForm,
    FollowUpForm,
    NeedForm,
    PlanItemForm,
    PlanItemUpdateForm,
    ReasonForm,
)
from vigil.cases.views import _act, _form_errors


def _back(case, anchor: str):
    return redirect(f"/cases/{case.pk}/#{anchor}")


def _with_form(request, case, form, do, anchor):
    if form.is_valid():
        _act(request, lambda: do(form.cleaned_data))
    else:
        _form_errors(request, form)
    return _back(case, anchor)


@require_POST
@staff_required
def assess_need(request, case_id):
    case = access.case_for(request.user, case_id, write=True)
    return _with_form(
        request,
        case,
        NeedForm(request.POST),
        lambda data: plans.assess_need(
            request.user, case, data["area"], data["severity"], data["notes"]
        ),
        "needs",
    )


@require_POST
@staff_required
def add_plan_item(request, case_id):
    case = access.case_for(request.user, case_id, write=True)
    return _with_form(
        request,
        case,
        PlanItemForm(request.POST),
        lambda data: plans.add_plan_item(request.user, case, **data),
        "plan",
    )


@require_POST
@staff_required
def update_plan_item(request, case_id, item_id):
    case = access.case_for(request.user, case_id, write=True)
    item = case.plan_items.filter(pk=item_id).first()
    if item is None:
        raise Http404
    return _with_form(
        request,
        case,
        PlanItemUpdateForm(request.POST),
        lambda data: plans.update_plan_item(request.user, item, **data),
        "plan",
    )


@require_POST
@staff_required
def schedule_follow_up(request, case_id):
    case = access.case_for(request.user, case_id, write=True)
    return _with_form(
        request,
        case,
        FollowUpForm(request.POST),
        lambda data: plans.schedule_follow_up(request.user, case, **data),
        "follow-ups",
    )


@require_POST
@staff_required
def record_follow_up(request, case_id, follow_up_id):
    case = access.case_for(request.user, case_id, write=True)
    follow_up = case.follow_ups.filter(pk=follow_up_id).first()
    if follow_up is None:
        raise Http404
    return _with_form(
        request,
        case,
        FollowUpDoneForm(request.POST),
        lambda data: plans.record_follow_up(request.user, follow_up, **data),
        "follow-ups",
    )


@require_POST
@staff_required
def request_closure(request, case_id):
    case = access.case_for(request.user, case_id, write=True)
    return _with_form(
        request,
        case,
        ClosureRequestForm(request.POST),
        lambda data: plans.request_closure(
            request.user, case, data["closure_reason"], data["closure_note"]
        ),
        "closure",
    )


@require_POST
@staff_required
def decide_closure(request, case_id):
    case = access.case_for(request.user, case_id, write=True)
    if not access.may_supervise(request.user, case):
        raise PermissionDenied
    form = ReasonForm(request.POST)
    if request.POST.get("decision") == "approve":
        _act(request, lambda: plans.approve_closure(request.user, case))
        return _back(case, "closure")
    return _with_form(
        request,
        case,
        form,
        lambda data: plans.reject_closure(request.user, case, data["reason"]),
        "closure",
    )
