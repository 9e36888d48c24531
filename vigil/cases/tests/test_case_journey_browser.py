"""One child from a tip to a closed case, in a real browser, and who sees what.

The hotline's analyst opens a case with the child-protection agency; its
supervisor assigns a case worker, who screens the child, records consent,
plans two services from two other organisations and refers to both; one
accepts, one declines; a hearing is set, a follow-up is done, the plan is
resolved and the supervisor approves the closure. Then an outsider, the
provider and a policy analyst try the case.
"""

import datetime

import pytest
from django.utils import timezone

from vigil.accounts.models import OrganisationKind, Role
from vigil.accounts.tests.browser import sign_in
from vigil.accounts.tests.factories import OrganisationFactory, member
from vigil.cases.models import Case, CaseStatus, PlanItem, Referral
from vigil.directory.models import Service, ServiceType
from vigil.screening.instruments import DATA_DIR, load_instrument
from vigil.tips import actions as tip_actions

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("transactional_db")]


def provider_with_service(name, kind, username, service_name, service_type):
    organisation = OrganisationFactory(name=name, kind=kind)
    person = member(organisation, Role.SERVICE_PROVIDER, username=username)
    service = Service.objects.create(
        organisation=organisation, name=service_name, service_type=service_type
    )
    return person, service


def test_a_child_from_tip_to_closed_case(live_server, browser_context, hotline, analyst, outsider):
    base = live_server.url
    for path in sorted(DATA_DIR.glob("*.json")):
        load_instrument(path)
    agency = OrganisationFactory(
        name="Child Protection Agency", kind=OrganisationKind.CHILD_PROTECTION
    )
    worker = member(agency, Role.CASE_WORKER, username="worker", display_name="Wren Worker")
    supervisor = member(agency, Role.SUPERVISOR, username="boss")
    policy = member(agency, Role.POLICY_ANALYST, username="policy")
    shelter_person, beds = provider_with_service(
        "Safe House", OrganisationKind.SHELTER, "shelter", "Emergency beds", ServiceType.SHELTER
    )
    clinic_person, counselling = provider_with_service(
        "Valdoria Clinic",
        OrganisationKind.HEALTH,
        "clinic",
        "Counselling",
        ServiceType.MENTAL_HEALTH,
    )
    tip, _ = tip_actions.submit_tip(
        {
            "narrative": (
                "A girl of about 13 sells sweets at the bus station late at night; "
                "a man takes her money."
            ),
            "country_code": "XV",
            "region_code": "XV-NO",
            "children_gender": "girl",
        },
        channel="web",
        with_receipt=False,
    )

    # The analyst opens a case with the agency from the tip.
    page = browser_context().new_page()
    sign_in(page, base, analyst, f"/inbox/tips/{tip.pk}/")
    page.get_by_role("link", name="Open a case for a child in this tip").click()
    page.select_option("#id_organisation", label="Child Protection Agency")
    page.get_by_role("button", name="Open the case").click()
    case = Case.objects.get()
    page.wait_for_url(f"**/inbox/tips/{tip.pk}/**")
    assert case.case_number in page.content()
    tip.refresh_from_db()
    assert tip.status == "case_opened"

    # The agency's supervisor assigns the case worker.
    boss = browser_context().new_page()
    sign_in(boss, base, supervisor, "/cases/")
    boss.get_by_role("link", name=case.case_number).click()
    boss.select_option("#assign_assignee", label="Wren Worker")
    boss.get_by_role("button", name="Assign").click()
    boss.wait_for_load_state()
    assert "Wren Worker" in boss.content()

    # The case worker screens the child.
    desk = browser_context().new_page()
    sign_in(desk, base, worker, "/cases/")
    desk.get_by_role("link", name=case.case_number).first.click()
    desk.get_by_role("link", name="The child's page: screenings and history").click()
    desk.get_by_role("link", name="Screen now").click()
    desk.locator("fieldset.domain input[type=radio]:not([value=''])").first.check()
    desk.get_by_role("button", name="Record the screening").click()
    desk.wait_for_url("**/screenings/**")
    assert "score" in desk.content()
    desk.goto(f"{base}/cases/{case.pk}/")

    # Consent to share identity and health with service providers.
    desk.get_by_text("Record a consent").click()
    desk.select_option("#consent_given_by", "both")
    desk.select_option("#consent_purpose", "services")
    desk.check("#consent_share_identity")
    desk.check("#consent_share_health")
    desk.fill("#consent_given_on", timezone.localdate().isoformat())
    desk.get_by_role("button", name="Record the consent").click()
    desk.wait_for_load_state()
    assert "In force" in desk.content()

    # A plan with two services from two other organisations, each referred.
    for area, goal, service in (
        ("shelter", "A safe bed tonight", beds),
        ("mental_health", "Weekly counselling", counselling),
    ):
        desk.get_by_text("Add a plan item").click()
        desk.select_option("#plan_area", area)
        desk.fill("#plan_goal", goal)
        desk.select_option("#plan_service", str(service.pk))
        desk.get_by_role("button", name="Add to the plan").click()
        desk.wait_for_load_state()
        item = PlanItem.objects.filter(case=case).latest("created_at")
        assert item.goal == goal
        desk.get_by_text("Refer to a provider").click()
        desk.select_option("#referral_service", str(service.pk))
        desk.select_option("#referral_plan_item", str(item.pk))
        desk.select_option("#referral_consent", index=1)
        desk.get_by_role("button", name="Send the referral").click()
        desk.wait_for_load_state()
    assert Referral.objects.filter(case=case).count() == 2

    # The shelter accepts; the clinic declines with a reason.
    shelter = browser_context().new_page()
    sign_in(shelter, base, shelter_person, "/cases/received/")
    shelter.get_by_role("link", name="Emergency beds").click()
    assert "Name:" in shelter.content()  # identity was consented
    shelter.get_by_role("button", name="Accept").click()
    shelter.wait_for_load_state()
    assert "Accepted" in shelter.content()
    clinic = browser_context().new_page()
    sign_in(clinic, base, clinic_person, "/cases/received/")
    clinic.get_by_role("link", name="Counselling").click()
    clinic.fill("#id_reason", "No counsellor speaks her language this month")
    clinic.get_by_role("button", name="Decline, with the reason above").click()
    clinic.wait_for_load_state()
    assert "Declined" in clinic.content()

    # Proceedings against the trafficker, with a hearing this week.
    desk.goto(f"{base}/cases/{case.pk}/")
    desk.get_by_role("link", name="Add proceedings").click()
    desk.select_option("#id_kind", "criminal")
    desk.fill("#id_court_name", "Northmarch Juvenile Court")
    desk.select_option("#id_child_role", "victim_witness")
    desk.get_by_role("button", name="Add").click()
    desk.wait_for_url("**/proceedings/**")
    desk.get_by_text("Schedule a hearing").click()
    hearing_at = timezone.localtime() + datetime.timedelta(days=2)
    desk.fill("#id_starts_at", hearing_at.strftime("%Y-%m-%dT10:00"))
    desk.get_by_role("button", name="Schedule the hearing").click()
    desk.wait_for_load_state()
    desk.goto(f"{base}/cases/")
    assert "Northmarch Juvenile Court" in desk.content()
    assert "Referrals waiting for an answer" not in desk.content()

    # A follow-up visit, scheduled then recorded.
    desk.goto(f"{base}/cases/{case.pk}/")
    desk.get_by_text("Schedule a follow-up").click()
    desk.select_option("#follow_up_kind", "placement_visit")
    desk.fill("#follow_up_due_on", timezone.localdate().isoformat())
    desk.get_by_role("button", name="Schedule").click()
    desk.wait_for_load_state()
    desk.locator("#follow-ups input[name=notes]").fill("Settled at the shelter, goes to school")
    desk.locator("#follow-ups").get_by_role("button", name="Record").click()
    desk.wait_for_load_state()
    assert "Settled at the shelter" in desk.content()

    # Resolve the plan, ask for closure; the supervisor approves.
    for goal, status, outcome in (
        ("A safe bed tonight", "done", "Placed at the shelter"),
        ("Weekly counselling", "not_done", "Declined by the clinic; counselling at school instead"),
    ):
        row = desk.locator("#plan tr", has_text=goal)
        row.locator("select[name=status]").select_option(status)
        row.locator("input[name=outcome]").fill(outcome)
        row.get_by_role("button", name="Update").click()
        desk.wait_for_load_state()
    desk.select_option("#closure_closure_reason", "goals_met")
    desk.get_by_role("button", name="Ask to close the case").click()
    desk.wait_for_load_state()
    assert "asked to close the case" in desk.content()
    boss.goto(f"{base}/cases/")
    assert "Closures to approve" in boss.content()
    boss.locator(f'a[href="/cases/{case.pk}/#closure"]').click()
    boss.get_by_role("button", name="Approve the closure").click()
    boss.wait_for_load_state()
    case.refresh_from_db()
    assert case.status == CaseStatus.CLOSED

    # Who sees what: an analyst of another hotline, the shelter (signed in
    # above), and a policy analyst of the agency itself.
    pages = {}
    for person, home in ((outsider, "/inbox/"), (policy, "/")):
        pages[person] = browser_context().new_page()
        sign_in(pages[person], base, person, home, lands_on="/**")
    pages[shelter_person] = shelter
    for person, expected in ((outsider, 404), (shelter_person, 404), (policy, 403)):
        response = pages[person].goto(f"{base}/cases/{case.pk}/")
        assert response.status == expected, person.username
        content = pages[person].content()
        assert "sweets" not in content and case.case_number not in content
