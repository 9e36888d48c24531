"""The directory's search form and the form managers fill in for a service."""

from django import forms
from django.utils.translation import gettext_lazy as _

from vigil.directory.languages import MAX_LANGUAGES, all_languages, split_codes, unknown_codes
from vigil.directory.models import MAX_AGE, Service, ServiceType
from vigil.regions.models import Place
from vigil.regions.places import deployment_places


class PlaceChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, place):
        return f"{place.name} ({place.parent.name})" if place.parent_id else place.name


class PlaceMultipleChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, place):
        return f"{place.name} ({place.parent.name})" if place.parent_id else place.name


def places():
    return deployment_places().select_related("parent").order_by("name")


class SearchForm(forms.Form):
    need = forms.ChoiceField(
        label=_("Need"), required=False, choices=[("", _("Any need")), *ServiceType.choices]
    )
    place = PlaceChoiceField(
        label=_("Where the child is"),
        required=False,
        queryset=places(),
        empty_label=_("Anywhere"),
        error_messages={"invalid_choice": _("Choose a place from the list.")},
    )
    age = forms.IntegerField(
        label=_("Age of the child"),
        required=False,
        min_value=0,
        max_value=MAX_AGE,
        error_messages={
            "min_value": _("Give an age of at least %(limit_value)s."),
            "max_value": _("The directory lists services up to age %(limit_value)s."),
            "invalid": _("Give the age as a whole number of years."),
        },
    )
    language = forms.ChoiceField(label=_("Language"), required=False)
    q = forms.CharField(
        label=_("Words"),
        required=False,
        max_length=100,
        help_text=_("Looked for in the service's name and description."),
    )

    def __init__(self, *args, languages_in_use=(), **kwargs):
        super().__init__(*args, **kwargs)
        # Offer the languages services work in; a known code from an old link stays valid.
        wanted = set(languages_in_use) | {str(self.data.get("language", "")).strip().lower()}
        self.fields["language"].choices = [
            ("", _("Any language")),
            *((code, name) for code, name in all_languages() if code in wanted),
        ]
        self.fields["place"].queryset = places()


class ServiceForm(forms.ModelForm):
    """What an organisation says about one of its services."""

    areas = PlaceMultipleChoiceField(
        label=_("Areas served"),
        required=False,
        queryset=Place.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Tick none if the service covers the whole country."),
    )
    languages = forms.CharField(
        label=_("Languages"),
        required=False,
        max_length=100,
        help_text=_("Two-letter ISO 639-1 codes separated by commas, e.g. “en, fr, ar”."),
    )

    class Meta:
        model = Service
        fields = [
            "name",
            "service_type",
            "description",
            "areas",
            "min_age",
            "max_age",
            "languages",
            "capacity",
            "places_available",
            "hours",
            "phone",
            "email",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 5})}

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisation = organisation
        self.instance.organisation = organisation
        self.fields["areas"].queryset = places()

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        taken = Service.objects.filter(organisation=self.organisation, name__iexact=name)
        if self.instance.pk:
            taken = taken.exclude(pk=self.instance.pk)
        if taken.exists():
            raise forms.ValidationError(
                _("Your organisation already lists a service with this name.")
            )
        return name

    def clean_languages(self):
        codes = split_codes(self.cleaned_data["languages"])
        bad = unknown_codes(codes)
        if bad:
            raise forms.ValidationError(
                _("%(codes)s: not a two-letter ISO 639-1 language code (e.g. en, fr, ar)."),
                params={"codes": ", ".join(bad)},
            )
        if len(codes) > MAX_LANGUAGES:
            raise forms.ValidationError(
                _("List at most %(limit)d languages."), params={"limit": MAX_LANGUAGES}
            )
        return ",".join(codes)

    def service_fields(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}
