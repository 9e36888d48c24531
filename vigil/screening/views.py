"""Staff pages for instruments: the list, and one version with its questions, bands and sources."""

from django.shortcuts import render
from django.views.decorators.http import require_GET

from vigil.accounts.access import staff_required
from vigil.screening import access
from vigil.screening.forms import ScreeningForm
from vigil.screening.instruments import with_definition
from vigil.screening.models import Instrument


@require_GET
@staff_required
def instrument_list(request):
    access.require_screener(request.user)
    instruments = Instrument.objects.order_by("slug", "-version")
    return render(request, "screening/instrument_list.html", {"instruments": instruments})


@require_GET
@staff_required
def instrument_detail(request, slug, version):
    instrument = access.instrument_for(request.user, slug, version)
    instrument = with_definition(Instrument.objects.filter(pk=instrument.pk)).get()
    context = {
        "instrument": instrument,
        "form": ScreeningForm(instrument),
        "questions": instrument.questions.all(),
        "bands": instrument.bands.all(),
        "sources": instrument.sources.all(),
        "other_versions": Instrument.objects.filter(slug=slug).exclude(pk=instrument.pk),
    }
    return render(request, "screening/instrument_detail.html", context)
