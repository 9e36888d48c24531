"""The one validation of a tip, shared by the web form, the API and SMS."""

import datetime

import pycountry
from django import forms
from django.conf import settings
from django.forms.utils import flatatt
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from vigil.core.text import validate_plain_text
from vigil.regions import places
from vigil.tips.models import AgeBand, Gender

TEXT_LIMITS = {
    "narrative": 10_000,
    "place_description": 2_000,
    "children_description": 2_000,
    "controllers_description": 2_000,
    "vehicles": 1_000,
    "phone_numbers": 1_000,
    "online_accounts": 2_000,
    "contact_details": 500,
}


def country_choices() -> list[tuple[str, str]]:
    choices = [(c.alpha_2, c.name) for c in pycountry.countries]
    own = settings.VIGIL_COUNTRY
    if not any(code == own for code, _name in choices):
        choices.append((own, places.name_of(own)))
    return [("", _("Not sure"))] + sorted(choices, key=lambda c: c[1])


class CountrySelect(forms.Select):
    """A select rendered in one pass.

    The stock widget runs a template per option; for 250 countries that was half
    the time of the whole report page.
    """

    def render(self, name, value, attrs=None, renderer=None):
        final = self.build_attrs(self.attrs, attrs)
        final["name"] = name
        chosen = self.format_value(value)
        options = format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            (
                (code, mark_safe(" selected") if code in chosen else "", label)  # noqa: S308
                for code, label in self.choices
            ),
        )
        return format_html("<select{}>{}</select>", flatatt(final), options)


def text_field(name: str, label, help_text="", required=False, rows=3):
    return forms.CharField(
        label=label,
        help_text=help_text,
        required=required,
        max_length=TEXT_LIMITS[name],
        validators=[validate_plain_text],
        widget=forms.Textarea(attrs={"rows": rows}),
    )


class TipForm(forms.Form):
    immediate_danger = forms.BooleanField(label=_("A child is in danger right now"), required=False)
    narrative = text_field(
        "narrative",
        _("What happened?"),
        _("Describe what you saw or heard, in your own words."),
        required=True,
        rows=6,
    )
    country = forms.ChoiceField(label=_("Country"), required=False, widget=CountrySelect)
    region = forms.ChoiceField(label=_("Region"), required=False)
    town = forms.CharField(
        label=_("Town or city"), max_length=120, required=False, validators=[validate_plain_text]
    )
    place_description = text_field(
        "place_description",
        _("Describe the place"),
        _("For example a street, a building, a hotel, a bus station, a website."),
    )
    occurred_on = forms.DateField(
        label=_("Date it happened"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Leave empty if you are not sure."),
    )
    occurred_when = forms.CharField(
        label=_("Or describe when"),
        max_length=120,
        required=False,
        validators=[validate_plain_text],
        help_text=_("For example: last night, every weekend, since March."),
    )
    children_count = forms.IntegerField(
        label=_("How many children?"), min_value=1, max_value=500, required=False
    )
    children_age = forms.ChoiceField(
        label=_("Approximate age"), choices=AgeBand.choices, required=False
    )
    children_gender = forms.ChoiceField(label=_("Gender"), choices=Gender.choices, required=False)
    children_description = text_field(
        "children_description",
        _("Describe the children"),
        _("What they looked like, what they wore, the language they spoke."),
    )
    controllers_description = text_field(
        "controllers_description",
        _("The people controlling them"),
        _("How many, what they looked like, names or nicknames you heard."),
    )
    vehicles = text_field("vehicles", _("Vehicles"), _("Type, colour, number plate."), rows=2)
    phone_numbers = text_field(
        "phone_numbers", _("Phone numbers"), _("Any numbers you saw or heard."), rows=2
    )
    online_accounts = text_field(
        "online_accounts",
        _("Online accounts and links"),
        _("Usernames, profiles, adverts, websites, chat groups."),
        rows=2,
    )
    contact_details = text_field(
        "contact_details",
        _("Your contact details (optional)"),
        _("Only if you want the hotline to contact you. You can stay anonymous."),
        rows=2,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = country_choices()
        self.fields["country"].initial = settings.VIGIL_COUNTRY
        regions = [(p.code, p.name) for p in places.regions_of(settings.VIGIL_COUNTRY)]
        self.fields["region"].choices = [("", _("Not sure"))] + regions

    def clean_occurred_on(self):
        day = self.cleaned_data.get("occurred_on")
        if day and day > timezone.localdate() + datetime.timedelta(days=1):
            raise forms.ValidationError(_("The date cannot be in the future."))
        return day

    def clean(self):
        data = super().clean()
        region = data.get("region")
        country = data.get("country")
        if region and country and not region.startswith(country + "-"):
            self.add_error("region", _("This region is not in the country you chose."))
        return data

    def tip_fields(self) -> dict:
        """The cleaned values under the Tip model's field names."""
        data = dict(self.cleaned_data)
        data["country_code"] = data.pop("country") or ""
        data["region_code"] = data.pop("region") or ""
        return data
