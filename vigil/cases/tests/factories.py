"""Cases made through the same action the pages use."""

from vigil.cases.actions import CaseDetails, open_case
from vigil.cases.models import IdentifiedBy, RiskLevel


def details(**child) -> CaseDetails:
    return CaseDetails(
        child={"given_name": "Amina", "family_name": "Testchild", **child},
        case={
            "identified_by": IdentifiedBy.OUTREACH,
            "risk_level": RiskLevel.HIGH,
            "risk_reasons": "Synthetic: seen working at night.",
            "summary": "Synthetic case for tests.",
        },
        exploitations=["labour"],
        concerns=["out_of_school"],
    )


def make_case(organisation, person, assigned_to=None, **child):
    case = open_case(person, organisation, details(**child))
    if assigned_to is not None:
        case.assigned_to = assigned_to
        case.save(update_fields=["assigned_to"])
    return case


def form_data(case=None, **overrides) -> dict:
    data = {
        "given_name": "Amina",
        "family_name": "Testchild",
        "other_names": "Aminah\nAmeena",
        "sex": "female",
        "date_of_birth": "2011-04-02",
        "estimated_age": "",
        "nationality": "XV",
        "languages": "fr, ar",
        "current_place": "",
        "placement": "shelter",
        "placement_details": "",
        "identified_by": "outreach",
        "risk_level": "high",
        "risk_reasons": "Synthetic reasons.",
        "exploitations": ["labour", "begging"],
        "concerns": ["no_documents"],
        "summary": "Synthetic summary.",
    }
    if case is not None:
        data["version"] = case.version
    data.update(overrides)
    return data
