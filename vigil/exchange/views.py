"""Data exchange pages for supervisors: export in HTCDS, record and revoke agreements."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from vigil.accounts.access import staff_required
from vigil.exchange import access, actions
from vigil.exchange.forms import AgreementForm, ExportForm, RevokeForm
from vigil.exchange.models import ExportFormat, HtcdsExport, ImportBatch, PartnerToken, Scope

CONTENT_TYPES = {ExportFormat.CSV: "text/csv; charset=utf-8", ExportFormat.JSON: "application/json"}


def _page(request, organisation, *, export_form=None, status=200, error=""):
    context = {
        "organisation": organisation,
        "export_form": export_form or ExportForm(organisation=organisation),
        "error": error,
        "agreements": list(organisation.sharing_agreements.select_related("recorded_by")),
        "exports": list(
            HtcdsExport.objects.filter(organisation=organisation).select_related(
                "agreement", "exported_by"
            )[:20]
        ),
        "tokens": list(
            PartnerToken.objects.filter(agreement__organisation=organisation).select_related(
                "agreement"
            )
        ),
        "imports": list(ImportBatch.objects.all()[:20]),
    }
    return render(request, "exchange/organisation.html", context, status=status)


@require_GET
@staff_required
def index(request):
    organisations = access.exchanging_organisations(request.user)
    if len(organisations) == 1:
        return redirect("exchange:organisation", organisations[0].slug)
    return render(request, "exchange/index.html", {"organisations": organisations})


@require_GET
@never_cache
@staff_required
def organisation_page(request, slug):
    return _page(request, access.organisation_for(request.user, slug))


@require_POST
@never_cache
@staff_required
def export(request, slug):
    organisation = access.organisation_for(request.user, slug)
    form = ExportForm(request.POST, organisation=organisation)
    if not form.is_valid():
        return _page(request, organisation, export_form=form, status=400)
    try:
        done, content = actions.export_htcds(
            request.user,
            organisation,
            fmt=form.cleaned_data["format"],
            full=form.cleaned_data["scope"] == Scope.FULL,
            agreement=form.cleaned_data["agreement"],
        )
    except actions.NotPermitted as error:
        return _page(request, organisation, export_form=form, status=403, error=str(error))
    response = HttpResponse(content, content_type=CONTENT_TYPES[done.format])
    name = f"htcds-{organisation.slug}-{done.scope}-{done.created_at:%Y%m%d}.{done.format}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@require_http_methods(["GET", "POST"])
@never_cache
@staff_required
def new_agreement(request, slug):
    organisation = access.organisation_for(request.user, slug)
    form = AgreementForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        actions.record_agreement(request.user, organisation, **form.cleaned_data)
        messages.success(request, _("Agreement recorded."))
        return redirect("exchange:organisation", organisation.slug)
    return render(
        request,
        "exchange/agreement_form.html",
        {"organisation": organisation, "form": form},
        status=400 if form.is_bound else 200,
    )


@require_POST
@never_cache
@staff_required
def revoke_agreement(request, slug, agreement_id):
    agreement = access.agreement_for(request.user, slug, agreement_id)
    form = RevokeForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Say why the agreement is revoked."))
    else:
        try:
            actions.revoke_agreement(request.user, agreement, form.cleaned_data["reason"])
        except actions.ExchangeError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Agreement revoked; its partner keys no longer work."))
    return redirect("exchange:organisation", agreement.organisation.slug)
