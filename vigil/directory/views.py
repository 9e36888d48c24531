"""The directory: search it, read a service, and manage your organisation's services."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from vigil.accounts.access import staff_required
from vigil.directory import access, actions
from vigil.directory.forms import SearchForm, ServiceForm
from vigil.directory.models import Service
from vigil.directory.search import find_services, languages_in_use

PER_PAGE = 50


@require_GET
@staff_required
def search(request):
    access.require_reader(request.user)
    form = SearchForm(request.GET or None, languages_in_use=languages_in_use())
    page = None
    if not form.is_bound or form.is_valid():
        criteria = form.cleaned_data if form.is_bound else {}
        services = find(criteria)
        page = Paginator(services, PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "form": form,
        "page": page,
        "query": query.urlencode(),
        "manages": bool(access.managed_organisations(request.user)),
    }
    return render(
        request, "directory/search.html", context, status=200 if page is not None else 400
    )


def find(criteria: dict):
    return find_services(
        need=criteria.get("need") or None,
        place=criteria.get("place"),
        age=criteria.get("age"),
        language=criteria.get("language") or None,
        query=criteria.get("q", ""),
    )


@require_GET
@staff_required
def detail(request, service_id):
    service = access.service_for(request.user, service_id)
    context = {
        "service": service,
        "may_manage": access.may_manage(request.user, service.organisation),
    }
    return render(request, "directory/detail.html", context)


@require_GET
@staff_required
def ours(request):
    organisations = access.managed_organisations(request.user)
    if not organisations:
        raise PermissionDenied
    services = Service.objects.filter(organisation__in=organisations).prefetch_related("areas")
    for organisation in organisations:
        organisation.listed = [s for s in services if s.organisation_id == organisation.pk]
    return render(request, "directory/ours.html", {"organisations": organisations})


def posted(request):
    """The form data of a POST, even an empty one; None for a GET."""
    return request.POST if request.method == "POST" else None


@require_http_methods(["GET", "POST"])
@staff_required
def create(request, organisation_id):
    organisation = access.organisation_to_manage(request.user, organisation_id)
    form = ServiceForm(posted(request), organisation=organisation)
    if form.is_bound and form.is_valid():
        service = actions.create_service(organisation, form.service_fields(), actor=request.user)
        messages.success(request, _("The service is listed in the directory."))
        return redirect("directory:detail", service_id=service.pk)
    context = {"form": form, "organisation": organisation, "service": None, "listed_as": ""}
    status = 400 if form.is_bound else 200
    return render(request, "directory/service_form.html", context, status=status)


@require_http_methods(["GET", "POST"])
@staff_required
def edit(request, service_id):
    service = access.service_for(request.user, service_id, write=True)
    listed_as = service.name  # the form changes `service` in memory while it validates
    form = ServiceForm(posted(request), instance=service, organisation=service.organisation)
    if form.is_bound and form.is_valid():
        actions.update_service(service, form.service_fields(), actor=request.user)
        messages.success(request, _("The service's listing is saved."))
        return redirect("directory:detail", service_id=service.pk)
    context = {
        "form": form,
        "organisation": service.organisation,
        "service": service,
        "listed_as": listed_as,
    }
    status = 400 if form.is_bound else 200
    return render(request, "directory/service_form.html", context, status=status)


@require_POST
@staff_required
def deactivate(request, service_id):
    service = access.service_for(request.user, service_id, write=True)
    actions.deactivate_service(service, actor=request.user)
    messages.success(request, _("The service no longer appears in searches."))
    return redirect("directory:ours")


@require_POST
@staff_required
def reactivate(request, service_id):
    service = access.service_for(request.user, service_id, write=True)
    actions.reactivate_service(service, actor=request.user)
    messages.success(request, _("The service appears in searches again."))
    return redirect("directory:detail", service_id=service.pk)
