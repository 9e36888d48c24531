"""A handful of invented children's cases at the demo's child-protection agency.

Every name, date and story is fictional. The cases are at different stages so
that each desk has something to show: a referral waiting at the shelter, a
visit overdue, a hearing next week, a closure waiting for approval.
"""

import datetime

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from vigil.accounts.models import Membership, Organisation, Person, Role
from vigil.cases import plans, referrals
from vigil.cases.actions import CaseDetails, open_case, record_consent
from vigil.cases.models import Case
from vigil.demo.organisations import DEMO_PASSWORD, ORGANISATIONS, PEOPLE, Login
from vigil.directory.models import Service
from vigil.regions.models import Place

AGENCY = "valdoria-child-protection"
# The agency's own supervisor (the demo's one supervisor works at the hotline).
SUPERVISOR = ("demo-cp-supervisor", "Aurelia Benn")

# given, family, other names, sex, date of birth, estimated age, region,
# exploitation, risk, story
CHILDREN = [
    (
        "Mira",
        "Kestrel",
        "Myra",
        "female",
        "2012-03-14",
        None,
        "XV-NO",
        "sexual",
        "critical",
        "Found at the Harbour motel after a tip; says a 'boyfriend' keeps her phone.",
    ),
    (
        "Tobin",
        "Arlo",
        "",
        "male",
        "",
        13,
        "XV-CO",
        "labour",
        "high",
        "Works nights at a brick kiln to pay a debt his family owes the owner.",
    ),
    (
        "Selah",
        "Varnik",
        "Sela\nSelah Warnick",
        "female",
        "2010-11-02",
        None,
        "XV-CE",
        "marriage",
        "high",
        "Promised in marriage to a man of 40; left school this year.",
    ),
    (
        "Ilyas",
        "Doren",
        "Elias",
        "male",
        "",
        11,
        "XV-CO",
        "begging",
        "medium",
        "Begs at the central station; an adult collects his money each evening.",
    ),
    (
        "Noa",
        "Pellin",
        "",
        "female",
        "2013-07-21",
        None,
        "XV-NO",
        "domestic",
        "medium",
        "Housemaid for a family in the capital since she was 10; no school.",
    ),
    (
        "Dario",
        "Quist",
        "",
        "male",
        "2009-01-30",
        None,
        "XV-HI",
        "criminal",
        "low",
        "Was made to carry packages across the border; now back with his aunt.",
    ),
]


def _agency_supervisor(agency) -> Person:
    username, display_name = SUPERVISOR
    person, created = Person.objects.get_or_create(
        username=username,
        defaults={"display_name": display_name, "password": make_password(DEMO_PASSWORD)},
    )
    Membership.objects.get_or_create(person=person, organisation=agency, role=Role.SUPERVISOR)
    return person


def supervisor_login() -> Login:
    return Login(SUPERVISOR[0], Role.SUPERVISOR.label, ORGANISATIONS[AGENCY][0])


def build_cases() -> int:
    """The demo cases, once: nothing is added if the agency already holds cases."""
    agency = Organisation.objects.get(slug=AGENCY)
    if Case.objects.filter(organisation=agency).exists():
        return 0
    worker = Person.objects.get(username=PEOPLE[Role.CASE_WORKER][0])
    supervisor = _agency_supervisor(agency)
    today = timezone.localdate()
    with transaction.atomic():
        cases = []
        for given, family, others, sex, birth, age, region, kind, risk, story in CHILDREN:
            details = CaseDetails(
                child={
                    "given_name": given,
                    "family_name": family,
                    "other_names": others,
                    "sex": sex,
                    "date_of_birth": birth,
                    "estimated_age": age,
                    "nationality": "XV",
                    "current_place": Place.objects.filter(code=region).first(),
                },
                case={
                    "identified_by": "outreach",
                    "risk_level": risk,
                    "risk_reasons": f"Demo: {story}",
                    "summary": f"Invented for the demo. {story}",
                },
                exploitations=[kind],
                concerns=["trafficked"],
            )
            case = open_case(worker, agency, details)
            case.assigned_to = worker
            case.save(update_fields=["assigned_to"])
            cases.append(case)
        _stages(cases, worker, supervisor, today)
    return len(cases)


def _stages(cases, worker, supervisor, today) -> None:
    shelter = Service.objects.filter(organisation__slug="harbour-house").order_by("name").first()
    first, second, third = cases[0], cases[1], cases[5]
    # A referral waiting at the shelter, within consent.
    consent = record_consent(
        worker, first, given_by="both", purpose="services", share_identity=True,
        share_health=True, given_on=today,
    )  # fmt: skip
    if shelter is not None:
        item = plans.add_plan_item(
            worker, first, area=shelter.service_type, goal="A safe bed away from the motel",
            service=shelter, due_on=today + datetime.timedelta(days=3),
        )  # fmt: skip
        referrals.refer(worker, first, shelter, plan_item=item, consent=consent)
    plans.assess_need(worker, first, "mental_health", "high", "Nightmares; will not talk to men.")
    # A visit overdue and one due this week.
    plans.schedule_follow_up(
        worker, second, kind="home_visit", due_on=today - datetime.timedelta(days=4)
    )
    plans.schedule_follow_up(
        worker, second, kind="phone", due_on=today + datetime.timedelta(days=2)
    )
    # A closure waiting for the agency's supervisor.
    item = plans.add_plan_item(worker, third, area="family_tracing", goal="Back with his aunt")
    plans.update_plan_item(worker, item, status="done", outcome="Living with his aunt since May.")
    plans.request_closure(worker, third, "reunified")
