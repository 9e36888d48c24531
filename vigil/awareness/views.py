"""Public awareness pages: no sign-in, no JavaScript, every one leading to the report page."""

from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from vigil.awareness import helplines, posters
from vigil.regions import places


def _page(request, name, title, **context):
    lines = places.helplines_for(settings.VIGIL_COUNTRY)
    context = {
        "current": name,
        "title": title,
        "helplines": lines,
        "emergency": helplines.emergency_lines(lines),
        **context,
    }
    return render(request, f"awareness/{name}.html", context)


def index(request):
    return _page(request, "index", _("Child trafficking: know the signs, report safely"))


def signs(request):
    return _page(request, "signs", _("The signs of child trafficking"))


def how_to_report(request):
    return _page(
        request,
        "how_to_report",
        _("How and where to report"),
        jurisdictions=helplines.by_jurisdiction(settings.VIGIL_COUNTRY),
    )


def after(request):
    return _page(request, "after", _("What happens after you report"))


def poster_list(request):
    return _page(
        request,
        "posters",
        _("Posters to print"),
        languages=settings.LANGUAGES,
        report_url=report_url(request),
    )


def poster(request, language):
    if language not in dict(settings.LANGUAGES):
        raise Http404
    lines = places.helplines_for(settings.VIGIL_COUNTRY)
    response = HttpResponse(
        posters.poster(language, report_url(request), lines), content_type="application/pdf"
    )
    response["Content-Disposition"] = f'inline; filename="vigil-poster-{language}.pdf"'
    return response


def report_url(request) -> str:
    """The address printed on posters: the configured public one, else the one asked for."""
    path = reverse("report:new")
    if settings.VIGIL_SITE_URL:
        return settings.VIGIL_SITE_URL.rstrip("/") + path
    return request.build_absolute_uri(path)
