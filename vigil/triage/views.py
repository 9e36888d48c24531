"""Triage pages: the queue, a tip's cluster, the actions on a tip, and liaisons' referrals."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from vigil.accounts.access import staff_required
from vigil.audit.actions import record_view
from vigil.regions import places
from vigil.triage import access, actions, queue
from vigil.triage.actions import TriageError
from vigil.triage.clusters import cluster_for
from vigil.triage.forms import (
    AddEntityForm,
    AddIndicatorForm,
    AssignForm,
    EscalationForm,
    QueueFilterForm,
)
from vigil.triage.models import TipEntity, TipIndicator

PER_PAGE = 50
VERDICTS = {"confirm", "reject"}


def _back_to_tip(tip):
    return redirect(reverse("tips:detail", args=[tip.pk]) + "#triage")


# The queue ----------------------------------------------------------------------------


@require_GET
@never_cache
@staff_required
def queue_view(request):
    access.queue_hotlines(request.user)
    form = QueueFilterForm(request.GET or None)
    chosen = form.cleaned_data["show"] if form.is_valid() else ""
    queue.prepare(request.user)
    page = Paginator(queue.queue_tips(request.user, chosen), PER_PAGE).get_page(
        request.GET.get("page")
    )
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "form": form,
        "page": page,
        "rows": queue.rows(page.object_list),
        "chosen": chosen,
        "query": query.urlencode(),
    }
    status = 400 if form.is_bound and not form.is_valid() else 200
    return render(request, "triage/queue.html", context, status=status)


@require_GET
@never_cache
@staff_required
def cluster_view(request, tip_id):
    tip = access.tip_for(request.user, tip_id)
    record_view(tip, request.user, tip.hotline, summary="viewed linked tips")
    cluster = cluster_for(tip, request.user)
    return render(request, "triage/cluster.html", {"tip": tip, "cluster": cluster})


# Assignment ---------------------------------------------------------------------------


@require_POST
@staff_required
def claim(request, tip_id):
    tip = access.tip_for(request.user, tip_id, write=True)
    try:
        actions.claim_tip(tip, request.user)
    except TriageError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("You handle this tip now."))
    return _back_to_tip(tip)


@require_POST
@staff_required
def release(request, tip_id):
    tip = access.tip_for(request.user, tip_id, write=True)
    assignment = queue.related(tip, "assignment")
    if assignment is not None and assignment.assignee_id != request.user.pk:
        # Taking a tip from a colleague is a supervisor's decision.
        access.tip_to_assign(request.user, tip_id)
    try:
        actions.release_tip(tip, request.user)
    except TriageError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Nobody handles this tip now."))
    return _back_to_tip(tip)


@require_POST
@staff_required
def assign(request, tip_id):
    tip = access.tip_to_assign(request.user, tip_id)
    form = AssignForm(request.POST, hotline=tip.hotline)
    if not form.is_valid():
        return render(request, "triage/assign.html", {"tip": tip, "form": form}, status=400)
    assignee = form.cleaned_data["assignee"]
    actions.assign_tip(tip, request.user, assignee)
    messages.success(request, _("%(name)s handles this tip now.") % {"name": assignee})
    return _back_to_tip(tip)


# Escalation ---------------------------------------------------------------------------


def _identifier_choices(tip):
    entities = TipEntity.objects.filter(tip=tip, rejected=False).order_by("kind")
    seen, choices = set(), []
    for entity in entities:
        if entity.kind in {"age", "place"} or entity.normalized in seen:
            continue
        seen.add(entity.normalized)
        choices.append((entity.normalized, f"{entity.get_kind_display()}: {entity.normalized}"))
    return choices


def _initial_summary(tip):
    analysis = queue.related(tip, "analysis")
    titles = [
        found.indicator.title
        for found in TipIndicator.objects.filter(tip=tip, rejected=False).select_related(
            "indicator"
        )
    ]
    region = places.name_of(tip.region_code) if tip.region_code else ""
    return actions.minimal_summary(tip, analysis, titles, region)


@require_http_methods(["GET", "POST"])
@never_cache
@staff_required
def escalate(request, tip_id):
    tip = access.tip_for(request.user, tip_id, write=True)
    choices = _identifier_choices(tip)
    if request.method == "GET":
        form = EscalationForm(identifiers=choices, initial={"summary": _initial_summary(tip)})
        return render(request, "triage/escalate.html", {"tip": tip, "form": form})
    form = EscalationForm(request.POST, identifiers=choices)
    if form.is_valid():
        data = form.cleaned_data
        try:
            escalation = actions.escalate_tip(
                tip,
                request.user,
                data["organisation"],
                summary=data["summary"],
                identifiers=data["identifiers"],
                note=data["note"],
            )
        except TriageError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                _("Escalated to %(organisation)s.") % {"organisation": escalation.organisation},
            )
            return _back_to_tip(tip)
    return render(request, "triage/escalate.html", {"tip": tip, "form": form}, status=400)


# Corrections --------------------------------------------------------------------------


@require_POST
@staff_required
def entity_verdict(request, tip_id, entity_id, verdict):
    tip = access.tip_for(request.user, tip_id, write=True)
    entity = TipEntity.objects.filter(tip=tip, pk=access.parse_uuid(entity_id)).first()
    if entity is None or verdict not in VERDICTS:
        raise Http404
    if verdict == "confirm":
        actions.confirm_entity(tip, request.user, entity)
        messages.success(request, _("Identifier confirmed."))
    else:
        actions.reject_entity(tip, request.user, entity)
        messages.success(request, _("Identifier marked as wrong."))
    return _back_to_tip(tip)


@require_POST
@staff_required
def entity_add(request, tip_id):
    tip = access.tip_for(request.user, tip_id, write=True)
    form = AddEntityForm(request.POST)
    if form.is_valid():
        try:
            actions.add_entity(
                tip, request.user, form.cleaned_data["kind"], form.cleaned_data["value"]
            )
        except TriageError as error:
            form.add_error("value", str(error))
        else:
            messages.success(request, _("Identifier added."))
            return _back_to_tip(tip)
    return render(
        request, "triage/correction.html", {"tip": tip, "form": form, "what": "entity"}, status=400
    )


@require_POST
@staff_required
def indicator_verdict(request, tip_id, indicator_id, verdict):
    tip = access.tip_for(request.user, tip_id, write=True)
    found = (
        TipIndicator.objects.filter(tip=tip, pk=indicator_id).select_related("indicator").first()
        if str(indicator_id).isdigit()
        else None
    )
    if found is None or verdict not in VERDICTS:
        raise Http404
    if verdict == "confirm":
        actions.confirm_indicator(tip, request.user, found)
        messages.success(request, _("Indicator confirmed."))
    else:
        actions.reject_indicator(tip, request.user, found)
        messages.success(request, _("Indicator marked as wrong."))
    return _back_to_tip(tip)


@require_POST
@staff_required
def indicator_add(request, tip_id):
    tip = access.tip_for(request.user, tip_id, write=True)
    form = AddIndicatorForm(request.POST)
    if form.is_valid():
        try:
            actions.add_indicator(
                tip, request.user, form.cleaned_data["indicator"], form.cleaned_data["evidence"]
            )
        except TriageError as error:
            form.add_error("indicator", str(error))
        else:
            messages.success(request, _("Indicator added."))
            return _back_to_tip(tip)
    return render(
        request,
        "triage/correction.html",
        {"tip": tip, "form": form, "what": "indicator"},
        status=400,
    )


# Liaisons' referrals ------------------------------------------------------------------


@require_GET
@never_cache
@staff_required
def escalation_list(request):
    escalations = access.escalations_visible_to(request.user).select_related("organisation")
    page = Paginator(escalations, PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "triage/escalation_list.html", {"page": page})


def _render_escalation(request, escalation, status=200):
    record_view(escalation, request.user, escalation.organisation)
    context = {
        "escalation": escalation,
        "identifiers": [line for line in escalation.identifiers.splitlines() if line],
        "region_name": places.name_of(escalation.region_code) if escalation.region_code else "",
    }
    return render(request, "triage/escalation_detail.html", context, status=status)


@require_GET
@never_cache
@staff_required
def escalation_detail(request, escalation_id):
    escalation = access.escalation_for(request.user, escalation_id)
    return _render_escalation(request, escalation)


@require_POST
@staff_required
def escalation_acknowledge(request, escalation_id):
    escalation = access.escalation_for(request.user, escalation_id)
    try:
        actions.acknowledge_escalation(escalation, request.user)
    except TriageError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Referral acknowledged."))
    return redirect("escalations:detail", escalation_id=escalation.pk)


@require_POST
@staff_required
def escalation_close(request, escalation_id):
    escalation = access.escalation_for(request.user, escalation_id)
    try:
        actions.close_escalation(escalation, request.user)
    except TriageError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Referral closed."))
    return redirect("escalations:detail", escalation_id=escalation.pk)
