"""The hearings calendar: only the hearings of cases one may see, by day, week by week;
and its calendar file, which names no child."""

from datetime import date

import pytest
from django.urls import reverse

from vigil.audit.models import Action, AuditEvent
from vigil.cases.tests.factories import make_case
from vigil.legal.calendar import Week, hearings_between
from vigil.legal.models import Hearing

from .factories import WEEK, at, make_hearing, make_proceeding

pytestmark = pytest.mark.django_db


def calendar(client, week=WEEK):
    return client.get(reverse("legal:hearings"), {"week": week})


def calendar_file(client, week=WEEK):
    return client.get(reverse("legal:hearings_ics"), {"week": week})


@pytest.fixture
def week_of_hearings(agency, worker, worker_colleague, case, proceeding):
    """Three hearings of the worker's case in week 10 of 2031, one the week after, and one
    of a colleague's case the worker may not see."""
    make_hearing(proceeding, worker, at(2031, 3, 6, 10), place="Room 6", purpose="Verdict")
    make_hearing(proceeding, worker, at(2031, 3, 4, 14), place="Room 4b", purpose="Testimony")
    make_hearing(proceeding, worker, at(2031, 3, 4, 9), place="Room 4a", purpose="Opening")
    make_hearing(proceeding, worker, at(2031, 3, 11, 9), place="Room 11", purpose="Appeal")
    theirs = make_case(agency, worker_colleague, assigned_to=worker_colleague, given_name="Zara")
    other = make_proceeding(theirs, worker_colleague, court_name="Coastal Youth Court")
    make_hearing(other, worker_colleague, at(2031, 3, 5, 9), place="Room 5", purpose="Hidden")
    return theirs


@pytest.mark.parametrize(
    ("who", "expected"),
    [
        ("worker", 200),
        ("agency_supervisor", 200),
        ("worker_colleague", 200),
        ("reader", 200),
        ("outsider", 403),
        ("policy_analyst", 403),
    ],
)
def test_who_may_open_the_calendar_and_its_file(request, signed_in, case, who, expected):
    client = signed_in(request.getfixturevalue(who))
    assert calendar(client).status_code == expected
    assert calendar_file(client).status_code == expected


def test_the_calendar_shows_the_weeks_hearings_by_day_in_order(
    signed_in, worker, case, week_of_hearings
):
    page = calendar(signed_in(worker)).content.decode()

    days = ["Monday 3 March 2031", "Tuesday 4 March 2031", "Wednesday 5 March 2031",
            "Thursday 6 March 2031", "Sunday 9 March 2031"]  # fmt: skip
    positions = [page.index(day) for day in days]
    assert positions == sorted(positions)
    tuesday, thursday = page.index(days[1]), page.index(days[3])
    assert tuesday < page.index("Room 4a") < page.index("Room 4b") < page.index(days[2])
    assert thursday < page.index("Room 6")
    assert case.case_number in page
    assert "Room 11" not in page  # next week
    assert "3 hearings in the cases you can see." in page


def test_the_calendar_shows_only_cases_one_may_see(
    signed_in, worker, worker_colleague, agency_supervisor, case, week_of_hearings
):
    mine = calendar(signed_in(worker)).content.decode()
    assert "Room 5" not in mine
    assert week_of_hearings.case_number not in mine

    theirs = calendar(signed_in(worker_colleague)).content.decode()
    assert "Room 5" in theirs
    assert "Room 4a" not in theirs

    supervised = calendar(signed_in(agency_supervisor)).content.decode()
    assert "Room 5" in supervised and "Room 4a" in supervised


def test_a_granted_reader_sees_the_cases_hearings(signed_in, reader, week_of_hearings):
    page = calendar(signed_in(reader)).content.decode()
    assert "Room 4a" in page
    assert "Room 5" not in page


def test_week_navigation(signed_in, worker, week_of_hearings):
    client = signed_in(worker)
    page = calendar(client).content.decode()
    assert "?week=2031-W09" in page
    assert "?week=2031-W11" in page

    next_week = calendar(client, "2031-W11").content.decode()
    assert "Room 11" in next_week and "Room 4a" not in next_week
    assert "?week=2031-W10" in next_week and "?week=2031-W12" in next_week


def test_weeks_cross_the_year():
    assert str(Week.parse("2026-W53").next) == "2027-W01"
    assert str(Week.parse("2027-W01").previous) == "2026-W53"
    assert Week.parse("2026-W01").monday == date(2025, 12, 29)
    assert Week.containing(date(2031, 3, 9)) == Week.parse(WEEK)


@pytest.mark.parametrize("asked", ["2031-W60", "2025-W53", "next week", "2031-10"])
def test_a_week_that_is_not_one_shows_this_week_with_an_error(signed_in, worker, asked):
    response = calendar(signed_in(worker), asked)
    assert response.status_code == 400
    assert "That is not a week" in response.content.decode()
    assert calendar_file(signed_in(worker), asked).status_code == 400


def test_without_a_week_the_calendar_shows_this_week(signed_in, worker, case, proceeding):
    from django.utils import timezone

    make_hearing(proceeding, worker, timezone.now(), place="Today's room")
    response = signed_in(worker).get(reverse("legal:hearings"))
    assert response.status_code == 200
    assert "Today&#x27;s room" in response.content.decode()


def test_the_calendar_stays_within_a_query_budget(
    signed_in, agency, worker, django_assert_max_num_queries
):
    for n in range(6):
        case = make_case(agency, worker, assigned_to=worker)
        proceeding = make_proceeding(case, worker)
        make_hearing(proceeding, worker, at(2031, 3, 3 + n % 5, 9 + n))
        make_hearing(proceeding, worker, at(2031, 3, 3 + n % 5, 15))
    client = signed_in(worker)
    with django_assert_max_num_queries(7):
        response = calendar(client)
    assert response.content.decode().count('class="hearing"') == 12


def test_hearings_between_is_for_the_case_workers_desk(
    worker, worker_colleague, case, week_of_hearings
):
    week = Week.parse(WEEK)
    mine = list(hearings_between(worker, week.start, week.end))
    assert [h.place for h in mine] == ["Room 4a", "Room 4b", "Room 6"]
    assert [h.place for h in hearings_between(worker_colleague, week.start, week.end)] == ["Room 5"]


# --- the calendar file ---


def test_the_calendar_file_has_one_event_per_hearing_and_no_child_name(
    signed_in, worker, case, proceeding, week_of_hearings
):
    make_hearing(
        proceeding,
        worker,
        at(2031, 3, 7, 11),
        place="Amina's waiting room",
        purpose="Amina Testchild testifies",
        support_arranged="Screen for Amina",
        status="cancelled",
    )
    response = calendar_file(signed_in(worker))

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert 'filename="hearings-2031-W10.ics"' in response["Content-Disposition"]
    body = response.content.decode()
    assert body.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")
    assert body.endswith("END:VCALENDAR\r\n")
    assert body.count("BEGIN:VEVENT") == 4
    assert body.count("END:VEVENT") == 4
    for hearing in Hearing.objects.filter(proceeding=proceeding, starts_at__lt=at(2031, 3, 10)):
        assert f"UID:{hearing.pk}@vigil" in body
    assert "DTSTART:20310304T090000Z" in body
    assert f"SUMMARY:Hearing\\, case {case.case_number}" in body
    assert "LOCATION:Northmarch District Court" in body
    assert "STATUS:CANCELLED" in body
    unfolded = body.replace("\r\n ", "")
    for private in ["Amina", "Testchild", "Zara", "CR-2031-77", "Room", "Testimony", "Screen"]:
        assert private not in unfolded, private
    assert all(len(line.encode()) <= 75 for line in body.split("\r\n"))


def test_exporting_the_file_is_in_each_cases_trail(
    signed_in, agency_supervisor, case, week_of_hearings
):
    calendar_file(signed_in(agency_supervisor))

    exports = AuditEvent.objects.filter(action=Action.EXPORT, actor=agency_supervisor)
    assert sorted(e.object_id for e in exports) == sorted([str(case.pk), str(week_of_hearings.pk)])
    assert all(
        e.summary == "hearings of week 2031-W10 exported as a calendar file" for e in exports
    )


def test_the_calendar_file_holds_only_visible_cases(
    signed_in, worker_colleague, case, week_of_hearings
):
    body = calendar_file(signed_in(worker_colleague)).content.decode()
    assert body.count("BEGIN:VEVENT") == 1
    assert week_of_hearings.case_number in body
    assert case.case_number not in body


def test_long_lines_are_folded_without_splitting_a_character(worker, case):
    from vigil.legal.calendar import ics

    court = "Tribunal pour enfants de la Région côtière, chambre spéciale des mineurs " * 2
    proceeding = make_proceeding(case, worker, court_name=court.strip())
    body = ics([make_hearing(proceeding, worker)])

    lines = body.split("\r\n")
    assert all(len(line.encode()) <= 75 for line in lines)
    assert "LOCATION:" + court.strip().replace(",", "\\,") in body.replace("\r\n ", "")
