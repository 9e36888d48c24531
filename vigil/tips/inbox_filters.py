"""Narrowing the hotline inbox: filters on plain columns, search by reference or text."""

import re
from dataclasses import dataclass

from django import forms
from django.utils.translation import gettext_lazy as _

from vigil.regions.models import Place, PlaceKind
from vigil.tips.models import Channel, Status

# Narratives are encrypted, so the database cannot search them: the text search
# decrypts this many of the most recent matching tips and looks through them.
TEXT_SEARCH_LIMIT = 500
REFERENCE = re.compile(r"^T-[A-HJ-NP-Z2-9]{8}$")


def region_choices(hotlines) -> list[tuple[str, str]]:
    """The regions of the countries the person's hotlines cover."""
    countries = {org.jurisdiction.split("-", 1)[0] for org in hotlines}
    regions = Place.objects.filter(country_code__in=countries, kind=PlaceKind.SUBDIVISION)
    return [(place.code, place.name) for place in regions.order_by("name")]


class InboxFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("Any"))] + Status.choices
    )
    channel = forms.ChoiceField(
        label=_("Channel"), required=False, choices=[("", _("Any"))] + Channel.choices
    )
    region = forms.ChoiceField(label=_("Region"), required=False)
    danger = forms.BooleanField(label=_("Child in danger only"), required=False)
    unread = forms.BooleanField(label=_("Unread reporter messages only"), required=False)
    received_from = forms.DateField(
        label=_("Received from"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    received_to = forms.DateField(
        label=_("Received until"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, regions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].choices = [("", _("Any"))] + list(regions)
        self.fields["q"].help_text = _(
            "A reference such as T-ABCD2345, or words from the report. Words are looked "
            "for only in the %(limit)s most recent tips that match the other filters."
        ) % {"limit": TEXT_SEARCH_LIMIT}

    def clean(self):
        data = super().clean()
        start, end = data.get("received_from"), data.get("received_to")
        if start and end and start > end:
            self.add_error("received_to", _("This date is before the start date."))
        return data


def apply_filters(tips, filters: dict):
    """Filters on plain columns; every one narrows the list."""
    if filters.get("status"):
        tips = tips.filter(status=filters["status"])
    if filters.get("channel"):
        tips = tips.filter(channel=filters["channel"])
    if filters.get("region"):
        tips = tips.filter(region_code=filters["region"])
    if filters.get("danger"):
        tips = tips.filter(immediate_danger=True)
    if filters.get("unread"):
        tips = tips.filter(has_unread_reporter_message=True)
    if filters.get("received_from"):
        tips = tips.filter(created_at__date__gte=filters["received_from"])
    if filters.get("received_to"):
        tips = tips.filter(created_at__date__lte=filters["received_to"])
    return tips


def is_reference(text: str) -> bool:
    return bool(REFERENCE.match(text.strip().upper()))


@dataclass
class SearchResult:
    tips: object
    # True when the text search stopped at TEXT_SEARCH_LIMIT and older tips went unread.
    truncated: bool = False
    text_search: bool = False


def search(tips, text: str) -> SearchResult:
    """Exact match on a reference, otherwise words in the recent narratives."""
    text = text.strip()
    if not text:
        return SearchResult(tips)
    if is_reference(text):
        return SearchResult(tips.filter(reference=text.upper()))
    words = text.casefold().split()
    recent = list(
        tips.order_by("-created_at").values_list("pk", "narrative")[: TEXT_SEARCH_LIMIT + 1]
    )
    truncated = len(recent) > TEXT_SEARCH_LIMIT
    matching = [
        pk
        for pk, narrative in recent[:TEXT_SEARCH_LIMIT]
        if all(word in narrative.casefold() for word in words)
    ]
    return SearchResult(tips.filter(pk__in=matching), truncated=truncated, text_search=True)


def inbox_tips(tips, filters: dict) -> SearchResult:
    result = search(apply_filters(tips, filters), filters.get("q") or "")
    result.tips = result.tips.order_by("-created_at")
    return result
