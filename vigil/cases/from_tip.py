"""Opening a case from a tip: what the tip knew becomes the case's starting point.

The hotline's "case opened" decision: the case links back to the tip, the tip
moves to "case opened", and the owning organisation takes it from there.
"""

from django.db import transaction
from django.utils.translation import gettext as _

from vigil.accounts.models import Organisation, OrganisationKind, Role
from vigil.cases.actions import CaseDetails, open_case
from vigil.cases.models import Concern, Exploitation, IdentifiedBy, RiskLevel, Sex
from vigil.regions.models import Place
from vigil.tips import actions as tip_actions
from vigil.tips.models import Gender, Status

# Catalogue indicators that name a type of exploitation (HTCDS categories).
EXPLOITATION_OF_INDICATOR = {
    "minor-commercial-sex": Exploitation.SEXUAL,
    "new-in-town-young-looking": Exploitation.SEXUAL,
    "online-grooming-sextortion": Exploitation.SEXUAL,
    "debt-bondage": Exploitation.LABOUR,
    "dangerous-child-labour": Exploitation.LABOUR,
    "lives-at-workplace": Exploitation.LABOUR,
    "forced-begging": Exploitation.BEGGING,
    "child-marriage": Exploitation.MARRIAGE,
}
CONCERN_OF_INDICATOR = {
    "confiscated-documents": Concern.NO_DOCUMENTS,
    "physical-abuse-branding": Concern.PHYSICAL_VIOLENCE,
    "minor-commercial-sex": Concern.SEXUAL_VIOLENCE,
}
SEX_OF_GENDER = {Gender.GIRL: Sex.FEMALE, Gender.BOY: Sex.MALE}
# Organisations that may own a child's case.
CASE_KINDS = (
    OrganisationKind.CHILD_PROTECTION,
    OrganisationKind.NGO,
    OrganisationKind.SHELTER,
    OrganisationKind.HOTLINE,
)


def case_owners_for(tip) -> list[Organisation]:
    """Organisations of the tip's jurisdiction with case workers, the tip's hotline first."""
    owners = Organisation.objects.filter(
        kind__in=CASE_KINDS,
        jurisdiction=tip.hotline.jurisdiction,
        memberships__role=Role.CASE_WORKER,
    ).distinct()
    return sorted(owners, key=lambda o: (o.pk != tip.hotline_id, o.name))


def _risk(tip, priority: int | None) -> tuple[str, str]:
    reasons = []
    if priority:
        reasons.append(_("triage priority %(priority)s") % {"priority": priority})
    if tip.immediate_danger:
        reasons.append(_("the reporter said a child was in immediate danger"))
    if tip.immediate_danger or priority == 5:
        level = RiskLevel.CRITICAL
    elif priority == 4:
        level = RiskLevel.HIGH
    elif priority == 3:
        level = RiskLevel.MEDIUM
    else:
        level = RiskLevel.LOW
    text = _("Carried over from tip %(reference)s: %(reasons)s.") % {
        "reference": tip.reference,
        "reasons": "; ".join(reasons) or _("no triage reading"),
    }
    return level, text


def details_from_tip(tip) -> CaseDetails:
    # Imported here: cases read triage's findings, triage never reads cases.
    from vigil.triage.models import TipAnalysis, TipIndicator

    codes = set(
        TipIndicator.objects.filter(tip=tip, rejected=False).values_list(
            "indicator__code", flat=True
        )
    )
    analysis = TipAnalysis.objects.filter(tip=tip).only("priority").first()
    level, reasons = _risk(tip, analysis.priority if analysis else None)
    parts = [tip.narrative]
    if tip.children_description:
        parts.append(_("About the child(ren): %(text)s") % {"text": tip.children_description})
    return CaseDetails(
        child={
            "sex": SEX_OF_GENDER.get(tip.children_gender, Sex.UNKNOWN),
            "current_place": Place.objects.filter(code=tip.region_code).first()
            if tip.region_code
            else None,
        },
        case={
            "identified_by": IdentifiedBy.TIP,
            "risk_level": level,
            "risk_reasons": reasons,
            "summary": "\n\n".join(parts),
        },
        exploitations=sorted(
            {EXPLOITATION_OF_INDICATOR[c] for c in codes if c in EXPLOITATION_OF_INDICATOR}
        ),
        concerns=sorted(
            {Concern.TRAFFICKED}
            | {CONCERN_OF_INDICATOR[c] for c in codes if c in CONCERN_OF_INDICATOR}
        ),
    )


def open_case_from_tip(person, tip, organisation):
    """The case, and the tip marked "case opened", in one transaction."""
    with transaction.atomic():
        case = open_case(person, organisation, details_from_tip(tip), tip=tip)
        if tip.status != Status.CASE_OPENED:
            tip_actions.set_status(tip, person, Status.CASE_OPENED)
    return case
