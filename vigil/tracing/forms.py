"""Tracing forms: validation at the edge, nothing saved until every field is right."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from vigil.accounts.models import Organisation
from vigil.cases.models import Sex
from vigil.regions.models import Place
from vigil.regions.places import deployment_places

NAME_FIELDS = ("given_name", "family_name", "other_names")


class TracingRequestForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Organisation receiving the request"), queryset=Organisation.objects.none()
    )
    enquirer_name = forms.CharField(label=_("Name of the person asking"), max_length=200)
    enquirer_relationship = forms.CharField(
        label=_("Their relationship to the child"), max_length=100, required=False
    )
    enquirer_contact = forms.CharField(
        label=_("How to reach them"),
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Phone, address, or a person who can pass on a message."),
    )
    given_name = forms.CharField(label=_("The child's given name"), max_length=200, required=False)
    family_name = forms.CharField(
        label=_("The child's family name"), max_length=200, required=False
    )
    other_names = forms.CharField(
        label=_("Other names and spellings"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("One per line: nicknames, other transliterations."),
    )
    sex = forms.ChoiceField(label=_("Sex"), choices=Sex.choices, required=False)
    date_of_birth = forms.DateField(
        label=_("Date of birth"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    approximate_age = forms.IntegerField(
        label=_("Approximate age"),
        min_value=0,
        max_value=25,
        required=False,
        help_text=_("When the date of birth is not known."),
    )
    last_seen_place = forms.ModelChoiceField(
        label=_("Where the child was last seen"), queryset=Place.objects.none(), required=False
    )
    last_seen_description = forms.CharField(
        label=_("When and how the child was last seen"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    caregiver_names = forms.CharField(
        label=_("Names of the child's parents or caregivers"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("One per line."),
    )

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.filter(
            pk__in=[organisation.pk for organisation in organisations]
        )
        # Most people work for one organisation: no need to ask which.
        self.only_organisation = organisations[0] if len(organisations) == 1 else None
        if self.only_organisation is not None:
            self.fields["organisation"].required = False
            self.fields["organisation"].widget = forms.HiddenInput()
        self.fields["last_seen_place"].queryset = deployment_places().order_by("name")

    def clean_organisation(self):
        return self.cleaned_data["organisation"] or self.only_organisation

    def clean_date_of_birth(self):
        birth = self.cleaned_data["date_of_birth"]
        if birth and birth > timezone.localdate():
            raise forms.ValidationError(_("A date of birth cannot be in the future."))
        return birth

    def clean(self):
        cleaned = super().clean()
        if not any((cleaned.get(name) or "").strip() for name in NAME_FIELDS):
            raise forms.ValidationError(
                _("Give at least one name the child is known by, even a nickname.")
            )
        return cleaned

    def request_fields(self) -> dict:
        data = {name: self.cleaned_data[name] for name in self.fields if name != "organisation"}
        birth = data["date_of_birth"]
        data["date_of_birth"] = birth.isoformat() if birth else ""
        return data


class Decision:
    CONFIRM = "confirm"
    REJECT = "reject"


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[
            (Decision.CONFIRM, _("Same child: confirm")),
            (Decision.REJECT, _("Not the same child: reject")),
        ],
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("Note (optional)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
