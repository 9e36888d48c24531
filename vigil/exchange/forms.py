from django import forms
from django.utils.translation import gettext_lazy as _

from vigil.exchange.models import DataSharingAgreement, ExportFormat, Scope


class ExportForm(forms.Form):
    format = forms.ChoiceField(
        label=_("Format"),
        choices=ExportFormat.choices,
        initial=ExportFormat.CSV,
        widget=forms.RadioSelect,
    )
    scope = forms.ChoiceField(
        label=_("What to include"),
        choices=[
            (
                Scope.DEIDENTIFIED,
                _("De-identified: no names, dates of birth, free text, towns or case numbers"),
            ),
            (Scope.FULL, _("Full: identifying fields too (needs an agreement of full scope)")),
        ],
        initial=Scope.DEIDENTIFIED,
        widget=forms.RadioSelect,
    )
    agreement = forms.ModelChoiceField(
        label=_("Under the agreement"),
        queryset=DataSharingAgreement.objects.none(),
        required=False,
        empty_label=_("No agreement"),
    )

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        # Agreements no longer in force stay choosable, so that the refusal says why.
        self.fields["agreement"].queryset = DataSharingAgreement.objects.filter(
            organisation=organisation
        )
        self.fields["agreement"].label_from_instance = self.agreement_label

    @staticmethod
    def agreement_label(agreement) -> str:
        label = str(agreement)
        return label if agreement.is_active() else f"{label} ({_('not in force')})"


class AgreementForm(forms.ModelForm):
    class Meta:
        model = DataSharingAgreement
        fields = [
            "partner_name",
            "purpose",
            "scope",
            "valid_from",
            "valid_until",
            "document_reference",
        ]
        widgets = {
            "valid_from": forms.DateInput(attrs={"type": "date"}),
            "valid_until": forms.DateInput(attrs={"type": "date"}),
            "scope": forms.RadioSelect,
        }

    def clean(self):
        data = super().clean()
        start, end = data.get("valid_from"), data.get("valid_until")
        if start and end and end < start:
            self.add_error("valid_until", _("The agreement must end after it starts."))
        return data


class RevokeForm(forms.Form):
    reason = forms.CharField(label=_("Why is it revoked?"), max_length=300)
