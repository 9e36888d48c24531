"""Referrals to providers and transfers: the case side and the receiving side."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from vigil.accounts.access import roles_anywhere, staff_required
from vigil.audit.actions import record_view
from vigil.cases import access, referrals
from vigil.cases.forms import DeliveryForm, ReasonForm, ReferralForm, TransferForm
from vigil.cases.models import ReferralStatus
from vigil.cases.views import _act, _form_errors


@require_POST
@staff_required
def refer(request, case_id):
    case = access.case_for(request.user, case_id, write=True)
    form = ReferralForm(request.POST, case=case)
    if form.is_valid():
        data = form.cleaned_data
        _act(
            request,
            lambda: referrals.refer(
                request.user,
                case,
                data["service"],
                plan_item=data["plan_item"],
                consent=data["consent"],
                override_reason=data["override_reason"],
                categories=data["categories"],
                message=data["message"],
            ),
        )
    else:
        _form_errors(request, form)
    return redirect(f"/cases/{case.pk}/#referrals")


@require_POST
@staff_required
def withdraw(request, case_id, referral_id):
    case = access.case_for(request.user, case_id, write=True)
    referral = case.referrals.filter(pk=referral_id).first()
    if referral is None:
        raise Http404
    _act(request, lambda: referrals.withdraw_referral(request.user, referral))
    return redirect(f"/cases/{case.pk}/#referrals")


@require_GET
@never_cache
@staff_required
def received(request):
    """Referrals sent to the person's organisations, and transfers awaiting their answer."""
    if not roles_anywhere(request.user) & access.PROVIDER_ROLES:
        raise PermissionDenied
    listed = list(access.referrals_received_by(request.user))
    transfers = list(access.transfers_awaiting(request.user))
    context = {"referrals": listed, "transfers": transfers}
    return render(request, "cases/received.html", context)


@require_GET
@never_cache
@staff_required
def referral_detail(request, referral_id):
    referral = access.referral_for_provider(request.user, referral_id)
    record_view(referral, request.user, referral.organisation)
    context = {
        "referral": referral,
        # Once the case worker withdraws it or consent is withdrawn, nothing of the case shows.
        "content_visible": referral.status
        not in (ReferralStatus.STOPPED, ReferralStatus.WITHDRAWN),
        "decline_form": ReasonForm(),
        "delivery_form": DeliveryForm(),
    }
    return render(request, "cases/referral.html", context)


@require_POST
@staff_required
def answer_referral(request, referral_id):
    referral = access.referral_for_provider(request.user, referral_id)
    decision = request.POST.get("decision")
    if decision == "accept":
        _act(request, lambda: referrals.accept_referral(request.user, referral))
    elif decision == "decline":
        form = ReasonForm(request.POST)
        reason = form.cleaned_data["reason"] if form.is_valid() else ""
        _act(request, lambda: referrals.decline_referral(request.user, referral, reason))
    elif decision == "delivered":
        form = DeliveryForm(request.POST)
        if form.is_valid():
            note = form.cleaned_data["note"]
            _act(request, lambda: referrals.report_delivery(request.user, referral, note))
        else:
            _form_errors(request, form)
    else:
        messages.error(request, _("Choose what to do with the referral."))
    return redirect("cases:referral", referral.pk)


@require_POST
@staff_required
def request_transfer(request, case_id):
    case = access.case_for(request.user, case_id, write=True)
    if case.assigned_to_id != request.user.pk and not access.may_supervise(request.user, case):
        raise PermissionDenied
    form = TransferForm(request.POST, case=case)
    if form.is_valid():
        data = form.cleaned_data
        _act(
            request,
            lambda: referrals.request_transfer(
                request.user,
                case,
                data["organisation"],
                reason=data["reason"],
                consent=data["consent"],
                override_reason=data["override_reason"],
            ),
        )
    else:
        _form_errors(request, form)
    return redirect(f"/cases/{case.pk}/#transfer")


@require_POST
@staff_required
def answer_transfer(request, transfer_id):
    transfer = access.transfer_for_receiver(request.user, transfer_id)
    accept = request.POST.get("decision") == "accept"
    form = ReasonForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    _act(
        request,
        lambda: referrals.decide_transfer(request.user, transfer, accept=accept, reason=reason),
    )
    if accept and transfer.status == "accepted":
        return redirect("cases:detail", transfer.case_id)
    return redirect("cases:received")
