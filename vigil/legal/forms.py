"""Legal forms: validation at the edge, nothing saved until every field is right."""

from django import forms
from django.core.validators import MinValueValidator
from django.db.models import Case, When
from django.utils.translation import gettext_lazy as _

from vigil.accounts.models import Organisation, OrganisationKind
from vigil.legal.models import (
    CompensationClaim,
    Hearing,
    MeasureStatus,
    Proceeding,
    ProtectionMeasure,
)

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class ProceedingForm(forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Proceeding
        fields = [
            "kind",
            "court_name",
            "court_reference",
            "child_role",
            "legal_aid_provider",
            "lawyer_name",
            "status",
            "outcome",
            "outcome_notes",
        ]
        widgets = {"outcome_notes": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Legal-aid organisations first, though an NGO's lawyers may act for the child too.
        self.fields["legal_aid_provider"].queryset = Organisation.objects.alias(
            legal_aid_first=Case(When(kind=OrganisationKind.LEGAL_AID, then=0), default=1)
        ).order_by("legal_aid_first", "name")

    def fields_for_action(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class HearingForm(forms.ModelForm):
    class Meta:
        model = Hearing
        fields = [
            "starts_at",
            "place",
            "purpose",
            "child_must_attend",
            "support_arranged",
            "status",
            "result_notes",
        ]
        widgets = {
            "starts_at": DATETIME,
            "support_arranged": forms.Textarea(attrs={"rows": 2}),
            "result_notes": forms.Textarea(attrs={"rows": 3}),
        }
        error_messages = {
            "starts_at": {"required": _("Give the date and time of the hearing.")},
        }

    def fields_for_action(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class MeasureForm(forms.ModelForm):
    class Meta:
        model = ProtectionMeasure
        fields = ["measure", "details", "requested_on", "status", "decided_on"]
        widgets = {"requested_on": DATE, "decided_on": DATE}

    def clean(self):
        data = super().clean()
        status, decided_on = data.get("status"), data.get("decided_on")
        requested_on = data.get("requested_on")
        decided = status in (MeasureStatus.GRANTED, MeasureStatus.REFUSED)
        if decided and decided_on is None:
            self.add_error("decided_on", _("Give the date the court decided."))
        if status == MeasureStatus.REQUESTED and decided_on is not None:
            self.add_error("decided_on", _("A measure still requested has no decision date."))
        if decided_on and requested_on and decided_on < requested_on:
            self.add_error("decided_on", _("The decision cannot come before the request."))
        if data.get("measure") == "other" and not data.get("details"):
            self.add_error("details", _("Say which measure."))
        return data

    def fields_for_action(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class ClaimForm(forms.ModelForm):
    class Meta:
        model = CompensationClaim
        fields = [
            "claimed_amount",
            "currency",
            "against",
            "status",
            "awarded_amount",
            "paid_amount",
            "notes",
        ]
        widgets = {
            "against": forms.TextInput,
            "currency": forms.TextInput(attrs={"size": 3, "maxlength": 3}),
            "notes": forms.Textarea(attrs={"rows": 2}),
        }
        help_texts = {"currency": _("ISO 4217 code, e.g. EUR, USD, XOF.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("claimed_amount", "awarded_amount", "paid_amount"):
            self.fields[name].validators.append(MinValueValidator(0))
            self.fields[name].widget.attrs["min"] = "0"

    def clean_currency(self):
        return self.cleaned_data["currency"].strip().upper()

    def clean(self):
        data = super().clean()
        awarded, paid = data.get("awarded_amount"), data.get("paid_amount")
        if paid is not None and awarded is None and "awarded_amount" not in self.errors:
            self.add_error("awarded_amount", _("Record the amount awarded before an amount paid."))
        elif paid is not None and awarded is not None and paid > awarded:
            self.add_error(
                "paid_amount", _("The amount paid cannot be more than the amount awarded.")
            )
        return data

    def fields_for_action(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}
