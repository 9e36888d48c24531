"""Case pages: the desk, a case, its edits, assignment, status, access and consent."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from vigil.accounts.access import organisations_where, roles_in, staff_required
from vigil.accounts.models import Organisation
from vigil.audit.actions import record_view
from vigil.cases import access, actions, from_tip, plans
from vigil.cases.actions import CaseError
from vigil.cases.forms import (
    AssignForm,
    CaregiverForm,
    CaseForm,
    ClosureRequestForm,
    ConsentForm,
    FollowUpForm,
    FromTipForm,
    GrantForm,
    NeedForm,
    NewCaseForm,
    PlanItemForm,
    PlanItemUpdateForm,
    ReasonForm,
    ReferralForm,
    RevokeConsentForm,
    StatusForm,
    TransferForm,
)
from vigil.cases.models import CaseStatus, Referral, ReferralStatus
from vigil.tips import access as tip_access


@require_GET
@never_cache
@staff_required
def desk(request):
    person = request.user
    visible = access.cases_visible_to(person).select_related("child", "organisation", "assigned_to")
    open_cases = list(visible.exclude(status=CaseStatus.CLOSED))
    access.mark_hidden_names(person, open_cases)
    supervised = organisations_where(person, {access.Role.SUPERVISOR})
    context = {
        "mine": [c for c in open_cases if c.assigned_to_id == person.pk],
        "unassigned": [c for c in open_cases if c.assigned_to_id is None] if supervised else [],
        "others": [c for c in open_cases if c.assigned_to_id not in (None, person.pk)],
        "may_open": bool(organisations_where(person, access.CASE_ROLES)),
        **desk_items(person, open_cases, supervised),
        "sections": [import_string(path)(request) for path in settings.VIGIL_DESK_SECTIONS],
    }
    return render(request, "cases/desk.html", context)


def desk_items(person, open_cases, supervised) -> dict:
    """What needs doing across the person's open cases, soonest first."""
    related = ("case", "case__child")
    return {
        "overdue_follow_ups": list(plans.overdue_follow_ups(open_cases).select_related(*related)),
        "follow_ups_due": list(plans.follow_ups_due(open_cases).select_related(*related)),
        "overdue_items": list(plans.overdue_plan_items(open_cases).select_related(*related)),
        "referrals_waiting": list(
            Referral.objects.filter(
                case__in=open_cases, status=ReferralStatus.PENDING
            ).select_related("case", "organisation")
        ),
        "referrals_received": list(
            access.referrals_received_by(person).filter(status=ReferralStatus.PENDING)
        ),
        "closures_to_approve": [
            c
            for c in open_cases
            if c.closure_requested_at and c.organisation_id in {o.pk for o in supervised}
        ],
        "transfers_awaiting": list(access.transfers_awaiting(person)),
    }


@require_http_methods(["GET", "POST"])
@never_cache
@staff_required
def new_case(request):
    organisations = Organisation.objects.filter(
        pk__in=[o.pk for o in organisations_where(request.user, access.CASE_ROLES)]
    )
    if not organisations:
        raise PermissionDenied
    form = NewCaseForm(request.POST or None, organisations=organisations)
    if request.method == "POST" and form.is_valid():
        case = actions.open_case(request.user, form.cleaned_data["organisation"], form.details())
        messages.success(request, _("Case %(number)s opened.") % {"number": case.case_number})
        return redirect("cases:detail", case.pk)
    status = 400 if form.is_bound else 200
    return render(request, "cases/edit.html", {"form": form, "case": None}, status=status)


@require_GET
@never_cache
@staff_required
def detail(request, case_id):
    case = access.case_for(request.user, case_id)
    record_view(case, request.user, case.organisation)
    person = request.user
    context = {
        "case": case,
        "may_edit": access.may_edit(person, case),
        "may_supervise": access.may_supervise(person, case),
        "hidden": access.hidden_fields(person, case),
        "tip_readable": case.tip is not None
        and bool(roles_in(person, case.tip.hotline) & tip_access.READ_ROLES),
        "consents": list(case.consents.select_related("share_with", "recorded_by")),
        "grants": list(case.grants.filter(revoked_at__isnull=True).select_related("person")),
        "assign_form": AssignForm(organisation=case.organisation, auto_id="assign_%s"),
        "status_form": StatusForm(initial={"status": case.status}, auto_id="status_%s"),
        "grant_form": GrantForm(auto_id="grant_%s"),
        "consent_form": ConsentForm(auto_id="consent_%s"),
        "caregivers": list(case.child.caregivers.order_by("created_at")),
        "caregiver_form": CaregiverForm(auto_id="caregiver_%s"),
        "needs": list(case.needs.all()),
        "plan_items": list(case.plan_items.select_related("service__organisation")),
        "follow_ups": list(case.follow_ups.all()),
        "referrals": list(case.referrals.select_related("organisation", "service")),
        "transfers": list(case.transfers.select_related("to_organisation")),
        "today": timezone.localdate(),
        "need_form": NeedForm(auto_id="need_%s"),
        "plan_form": PlanItemForm(auto_id="plan_%s"),
        "plan_update_form": PlanItemUpdateForm(auto_id="plan_update_%s"),
        "follow_up_form": FollowUpForm(auto_id="follow_up_%s"),
        "closure_form": ClosureRequestForm(auto_id="closure_%s"),
        "referral_form": ReferralForm(case=case, auto_id="referral_%s"),
        "transfer_form": TransferForm(case=case, auto_id="transfer_%s"),
        "reason_form": ReasonForm(auto_id="closure_decision_%s"),
    }
    return render(request, "cases/detail.html", context)


@require_http_methods(["GET", "POST"])
@never_cache
@staff_required
def edit(request, case_id):
    case = access.case_for(request.user, case_id, write=True)
    country = case.organisation.jurisdiction
    hidden = access.hidden_form_fields(access.hidden_fields(request.user, case))
    if request.method == "POST":
        form = CaseForm(request.POST, country=country, hidden=hidden)
        if form.is_valid():
            try:
                actions.update_case(
                    request.user, case, form.cleaned_data["version"] or 0, form.details()
                )
            except actions.EditConflict as conflict:
                form.add_error(None, str(conflict))
            else:
                messages.success(request, _("Case saved."))
                return redirect("cases:detail", case.pk)
        return render(request, "cases/edit.html", {"form": form, "case": case}, status=400)
    form = CaseForm(initial=CaseForm.initial_for(case), country=country, hidden=hidden)
    return render(request, "cases/edit.html", {"form": form, "case": case})


def _act(request, do) -> None:
    try:
        do()
    except CaseError as error:
        messages.error(request, str(error))


def _form_errors(request, form) -> None:
    for errors in form.errors.values():
        for error in errors:
            messages.error(request, error)


@require_POST
@staff_required
def assign(request, case_id):
    case = access.supervised_case_for(request.user, case_id)
    form = AssignForm(request.POST, organisation=case.organisation)
    if form.is_valid():
        _act(
            request,
            lambda: actions.assign_case(request.user, case, form.cleaned_data["assignee"]),
        )
    else:
        _form_errors(request, form)
    return redirect("cases:detail", case.pk)


@require_POST
@staff_required
def change_status(request, case_id):
    case = access.case_for(request.user, case_id, write=True)
    form = StatusForm(request.POST)
    if not form.is_valid():
        _form_errors(request, form)
        return redirect("cases:detail", case.pk)
    status = form.cleaned_data["status"]
    # Reopening a closed case is a supervisor's decision.
    if status == CaseStatus.REOPENED and not access.may_supervise(request.user, case):
        raise PermissionDenied
    _act(request, lambda: actions.set_status(request.user, case, status))
    return redirect("cases:detail", case.pk)


def _grantor_case(person, case_id):
    """The assigned case worker or a supervisor: those who may let others in."""
    case = access.case_for(person, case_id, write=True)
    if case.assigned_to_id != person.pk and not access.may_supervise(person, case):
        raise PermissionDenied
    return case


@require_POST
@staff_required
def grant(request, case_id):
    case = _grantor_case(request.user, case_id)
    form = GrantForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        _act(
            request,
            lambda: actions.grant_access(
                request.user,
                case,
                data["username"],
                can_edit=data["can_edit"],
                reason=data["reason"],
            ),
        )
    else:
        _form_errors(request, form)
    return redirect("cases:detail", case.pk)


@require_POST
@staff_required
def revoke_grant(request, case_id, grant_id):
    case = _grantor_case(request.user, case_id)
    found = case.grants.filter(pk=grant_id, revoked_at__isnull=True).first()
    if found is None:
        raise Http404
    actions.revoke_access(request.user, found)
    return redirect("cases:detail", case.pk)


@require_POST
@staff_required
def add_caregiver(request, case_id):
    case = access.case_for(request.user, case_id, write=True)
    form = CaregiverForm(request.POST)
    if form.is_valid():
        actions.add_caregiver(request.user, case, **form.cleaned_data)
    else:
        _form_errors(request, form)
    return redirect(f"/cases/{case.pk}/#caregivers")


@require_POST
@staff_required
def add_consent(request, case_id):
    case = access.case_for(request.user, case_id, write=True)
    form = ConsentForm(request.POST)
    if form.is_valid():
        actions.record_consent(request.user, case, **form.cleaned_data)
        messages.success(request, _("Consent recorded."))
    else:
        _form_errors(request, form)
    return redirect("cases:detail", case.pk)


@require_POST
@staff_required
def revoke_consent(request, case_id, consent_id):
    case = access.case_for(request.user, case_id, write=True)
    consent = case.consents.filter(pk=consent_id).first()
    if consent is None:
        raise Http404
    form = RevokeConsentForm(request.POST)
    if form.is_valid():
        _act(
            request,
            lambda: actions.revoke_consent(request.user, consent, form.cleaned_data["reason"]),
        )
    else:
        _form_errors(request, form)
    return redirect("cases:detail", case.pk)


@require_http_methods(["GET", "POST"])
@never_cache
@staff_required
def open_from_tip(request, tip_id):
    tip = tip_access.tip_for(request.user, tip_id, write=True)
    owners = from_tip.case_owners_for(tip)
    form = FromTipForm(request.POST or None, owners=owners)
    if request.method == "POST" and form.is_valid():
        organisation = form.cleaned_data["organisation"]
        case = from_tip.open_case_from_tip(request.user, tip, organisation)
        messages.success(
            request,
            _("Case %(number)s opened with %(organisation)s.")
            % {"number": case.case_number, "organisation": organisation.name},
        )
        if access.may_edit(request.user, case) or access.may_supervise(request.user, case):
            return redirect("cases:detail", case.pk)
        return redirect("tips:detail", tip.pk)
    status = 400 if form.is_bound else 200
    return render(
        request, "cases/from_tip.html", {"form": form, "tip": tip, "owners": owners}, status=status
    )
