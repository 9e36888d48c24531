"""The dashboard and a place's page: who may open them, what they show, their CSV files."""

import csv
import io

import pytest
from django.urls import reverse

from vigil.accounts.models import Person
from vigil.audit.models import AuditEvent

DASHBOARD = "/insights/"
REGIONS = "/insights/?level=subdivision&within=XV&year=2024&measure=reports"


@pytest.mark.parametrize(
    ("who", "expected"),
    [("policy_analyst", 200), ("supervisor", 200), ("org_admin", 200), ("analyst", 403)],
)
def test_who_opens_the_dashboard(request, signed_in, who, expected):
    client = signed_in(request.getfixturevalue(who))
    assert client.get(DASHBOARD).status_code == expected
    assert client.get("/insights/places/XV-NO/").status_code == expected
    assert client.get("/insights/places.csv").status_code == expected


def test_a_case_worker_and_someone_without_a_role_may_not(signed_in, caseworker, country):
    assert signed_in(caseworker).get(DASHBOARD).status_code == 403
    nobody = Person.objects.create(username="nobody")
    assert signed_in(nobody).get(DASHBOARD).status_code == 403


def test_signed_out_people_are_sent_to_sign_in(client, country):
    response = client.get(DASHBOARD)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_the_regions_with_smoothed_rates_and_services(signed_in, policy_analyst, observed):
    response = signed_in(policy_analyst).get(REGIONS)
    assert response.status_code == 200
    rows = response.context["rows"]
    north, coastal = (next(r for r in rows if r.code == c) for c in ("XV-NO", "XV-CO"))
    # 3 reports for 50,000 children: 6 per 100,000; 1 for 100,000: 1 per 100,000.
    assert north.tips == 3 and north.tip_rate == pytest.approx(6.0)
    assert coastal.tips == 1 and coastal.tip_rate == pytest.approx(1.0)
    # m = 4/150,000; s² = 5.556e-10, m/n̄ = 3.556e-10, A = 2e-10; C = A / (A + m/50,000) = 3/11:
    # 2.667 + 3/11 · (6 − 2.667) = 3.576 per 100,000, pulled toward the overall 2.667.
    assert north.tip_rate_smoothed == pytest.approx(8 / 3 + 3 / 11 * (6 - 8 / 3))
    assert (north.services, north.shelters, coastal.services) == (0, 0, 1)
    assert "no shelter service listed" in north.gap_reasons
    content = response.content.decode()
    assert "Northmarch" in content and "3.58" in content


def test_missing_figures_are_shown_as_no_data(signed_in, policy_analyst, country):
    response = signed_in(policy_analyst).get(REGIONS)
    north = next(r for r in response.context["rows"] if r.code == "XV-NO")
    assert north.children is None and north.tip_rate is None and north.tip_rate_smoothed is None
    assert "no data" in response.content.decode()


def test_a_bad_year_is_a_form_error_not_a_crash(signed_in, policy_analyst, country):
    response = signed_in(policy_analyst).get("/insights/?year=abc&level=subdivision")
    assert response.status_code == 400
    assert "Give the year as four digits." in response.content.decode()
    assert "Choose the country whose regions to show." in response.content.decode()


def read_csv(response) -> list[dict]:
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.DictReader(io.StringIO(response.content.decode())))


def test_the_table_as_csv(signed_in, policy_analyst, observed):
    client = signed_in(policy_analyst)
    rows = read_csv(client.get("/insights/places.csv?level=subdivision&within=XV&year=2024"))
    by_place = {row["place"]: row for row in rows}
    assert set(by_place) == {"XV-NO", "XV-CO"}
    assert by_place["XV-NO"]["reports"] == "3"
    assert by_place["XV-NO"]["reports_per_100k"] == "6.0"
    assert by_place["XV-NO"]["index"] == ""  # no indicator of the index: empty, not 0


@pytest.mark.parametrize("table", ["dimensions", "indicators", "trend", "gaps", "decisions"])
def test_every_table_of_a_place_as_csv(signed_in, policy_analyst, observed, table):
    response = signed_in(policy_analyst).get(f"/insights/places/XV-NO/{table}.csv?year=2024")
    assert response.status_code == 200
    rows = read_csv(response)
    if table == "trend":
        assert len(rows) == 24 and rows[-1]["reports"] == "3"
        assert rows[-1]["reports_per_100k"] == "6.0"
    if table == "gaps":
        assert "no shelter service listed" in {row["reason"] for row in rows}
    if table == "indicators":
        population = next(row for row in rows if row["indicator"] == "sp.pop.totl")
        assert population["value"] == "125000.0" and population["year"] == "2024"


def test_unknown_places_and_tables_are_not_found(signed_in, policy_analyst, country):
    client = signed_in(policy_analyst)
    assert client.get("/insights/places/ZZ-XX/").status_code == 404
    assert client.get("/insights/places/XV-NO/secrets.csv").status_code == 404


def test_the_place_page(signed_in, policy_analyst, observed):
    response = signed_in(policy_analyst).get("/insights/places/XV-NO/?year=2024")
    content = response.content.decode()
    assert response.status_code == 200
    assert "Northmarch" in content
    assert 'role="img"' in content  # the trend chart, with its table beside it
    assert "Table of the chart" in content
    assert "no shelter service listed" in content


def decision(**overrides):
    data = {
        "organisation": "",
        "kind": "awareness_campaign",
        "description": "School talks on safe work offers, Q3.",
        "starts_on": "2026-07-01",
        "ends_on": "2026-09-30",
    }
    data.update(overrides)
    return data


def test_a_decision_is_recorded_with_its_audit_row(signed_in, policy_analyst, hotline, country):
    client = signed_in(policy_analyst)
    response = client.post("/insights/places/XV-NO/", decision(organisation=str(hotline.pk)))
    assert response.status_code == 302
    made = policy_analyst.__class__.objects.get(pk=policy_analyst.pk)
    from vigil.insights.models import PlanningDecision

    recorded = PlanningDecision.objects.get()
    assert recorded.place.code == "XV-NO" and recorded.recorded_by == made
    assert recorded.organisation == hotline and recorded.days == 92
    event = AuditEvent.objects.get(object_id=str(recorded.pk))
    assert event.action == "create" and event.organisation == hotline
    page = client.get(response["Location"]).content.decode()
    assert "School talks on safe work offers" in page
    assert "0 → 0 → 0" in page  # course completions before, during, after


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"ends_on": "2026-06-30"}, "The end must not be before the start."),
        ({"description": "<script>x</script>"}, "Please write plain text"),
        ({"starts_on": "not a date"}, "Enter a valid date."),
        ({"kind": "bribe"}, "Select a valid choice."),
        ({"organisation": "other"}, "Select a valid choice."),
    ],
)
def test_a_bad_decision_is_refused_with_a_reason(
    signed_in, policy_analyst, hotline, other_org, country, overrides, message
):
    data = decision(**{"organisation": str(hotline.pk), **overrides})
    if overrides.get("organisation") == "other":
        data["organisation"] = str(other_org.pk)
    response = signed_in(policy_analyst).post("/insights/places/XV-NO/", data)
    assert response.status_code == 400
    assert message in response.content.decode()
    from vigil.insights.models import PlanningDecision

    assert not PlanningDecision.objects.exists()
    assert not AuditEvent.objects.filter(object_type="insights.planningdecision").exists()


def test_an_analyst_may_not_record_a_decision(signed_in, analyst, hotline, country):
    response = signed_in(analyst).post(
        "/insights/places/XV-NO/", decision(organisation=str(hotline.pk))
    )
    assert response.status_code == 403


def test_the_policy_analyst_opens_no_tip_and_no_case(signed_in, policy_analyst, observed):
    from vigil.cases.tests.factories import make_case
    from vigil.tips.models import Tip

    worker = policy_analyst.__class__.objects.create(username="worker")
    from vigil.accounts.models import Membership, Role

    hotline = policy_analyst.memberships.get().organisation
    Membership.objects.create(person=worker, organisation=hotline, role=Role.CASE_WORKER)
    case = make_case(hotline, worker)
    client = signed_in(policy_analyst)
    tip = Tip.objects.first()
    assert client.get(reverse("tips:detail", args=[tip.pk])).status_code == 403
    assert client.get(reverse("cases:detail", args=[case.pk])).status_code == 403
    assert client.get(reverse("tips:inbox")).status_code == 403


def test_an_index_that_cannot_be_computed_is_said_not_a_crash(signed_in, policy_analyst, country):
    from vigil.vulnerability.models import Dimension

    Dimension.objects.update(weight=0)
    response = signed_in(policy_analyst).get("/insights/?year=2024")
    assert response.status_code == 200
    assert "The vulnerability index is not available yet." in response.content.decode()
