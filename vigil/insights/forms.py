"""The dashboard's choices (level, country, year, measure) and the planning decision form."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from vigil.insights.models import PlanningDecision

FIRST_YEAR = 1990

MEASURES = [
    ("gap", _("Gap: vulnerable but little reported or served")),
    ("index", _("Vulnerability index")),
    ("reports", _("Reports per 100,000 children (smoothed)")),
    ("cases", _("Cases per 100,000 children (smoothed)")),
    ("services", _("Services listed")),
    ("hotspot", _("Hotspot of reports (Gi* z-score)")),
    ("identified_exploitation", _("Identified victims by country of exploitation (imported)")),
    ("identified_citizenship", _("Identified victims by citizenship (imported)")),
]


def default_year() -> int:
    """The latest year with a child population figure, else last year."""
    try:
        from vigil.vulnerability.catalogue import POPULATION
        from vigil.vulnerability.models import IndicatorValue
    except ImportError:
        return timezone.localdate().year - 1
    from django.db.models import Max

    latest = IndicatorValue.objects.filter(indicator__code=POPULATION).aggregate(Max("year"))
    return latest["year__max"] or timezone.localdate().year - 1


def measure_choices() -> list[tuple[str, str]]:
    """The built-in measures, then each dimension and indicator of the index."""
    choices = list(MEASURES)
    try:
        from vigil.vulnerability.models import Dimension, Indicator
    except ImportError:
        return choices
    for slug, name in Dimension.objects.values_list("slug", "name"):
        choices.append((f"dimension:{slug}", _("Dimension: %(name)s") % {"name": name}))
    for code, name in Indicator.objects.values_list("code", "name"):
        choices.append((f"indicator:{code}", _("Indicator: %(name)s") % {"name": name}))
    return choices


class DashboardForm(forms.Form):
    level = forms.ChoiceField(
        label=_("Places"),
        required=False,
        choices=[("country", _("Countries")), ("subdivision", _("Regions of a country"))],
    )
    within = forms.ChoiceField(label=_("Country"), required=False)
    year = forms.IntegerField(
        label=_("Year of the indicators"),
        required=False,
        min_value=FIRST_YEAR,
        error_messages={
            "min_value": _("Indicators start in %(limit_value)s."),
            "invalid": _("Give the year as four digits."),
        },
    )
    measure = forms.ChoiceField(label=_("Show on the map"), required=False)

    def __init__(self, *args, countries=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["within"].choices = [("", _("Choose a country")), *countries]
        self.fields["measure"].choices = measure_choices()

    def clean_year(self):
        year = self.cleaned_data.get("year")
        this_year = timezone.localdate().year
        if year is not None and year > this_year:
            raise forms.ValidationError(
                _("Choose a year up to %(year)s.") % {"year": this_year}, code="max_value"
            )
        return year

    def clean(self):
        data = super().clean()
        if data.get("level") == "subdivision" and not data.get("within"):
            self.add_error("within", _("Choose the country whose regions to show."))
        return data

    def settings(self) -> dict:
        """The choices made, with defaults for the ones left out."""
        data = self.cleaned_data if self.is_bound and self.is_valid() else {}
        level = data.get("level") or "country"
        return {
            "level": level,
            "within": data.get("within", "") if level == "subdivision" else "",
            "year": data.get("year") or default_year(),
            "measure": data.get("measure") or "gap",
        }


class DecisionForm(forms.ModelForm):
    organisation = forms.ChoiceField(label=_("For the organisation"))

    class Meta:
        model = PlanningDecision
        fields = ["kind", "description", "starts_on", "ends_on"]
        widgets = {
            "starts_on": forms.DateInput(attrs={"type": "date"}),
            "ends_on": forms.DateInput(attrs={"type": "date"}),
            "description": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {"description": _("What, for whom, by whom, e.g. “school talks in Q3”.")}

    def __init__(self, *args, organisations=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.organisations = {str(o.pk): o for o in organisations}
        self.fields["organisation"].choices = [(str(o.pk), o.name) for o in organisations]
        if len(organisations) == 1:
            self.fields["organisation"].initial = str(organisations[0].pk)

    def clean(self):
        data = super().clean()
        starts, ends = data.get("starts_on"), data.get("ends_on")
        if starts and ends and ends < starts:
            self.add_error("ends_on", _("The end must not be before the start."))
        return data

    def clean_organisation(self):
        return self.organisations[self.cleaned_data["organisation"]]
