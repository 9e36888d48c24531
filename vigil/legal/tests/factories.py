"""Legal records made through the same actions the pages use, and form data for the pages."""

from datetime import date, datetime
from decimal import Decimal

from django.utils import timezone

from vigil.legal import actions

# A week well in the future, so "upcoming" never depends on today: Monday 3 March 2031.
WEEK = "2031-W10"


def at(year, month, day, hour=9, minute=0) -> datetime:
    return timezone.make_aware(datetime(year, month, day, hour, minute))


def make_proceeding(case, person, **overrides):
    fields = {
        "kind": "criminal",
        "court_name": "Northmarch District Court",
        "court_reference": "CR-2031-77",
        "child_role": "victim_witness",
        "legal_aid_provider": None,
        "lawyer_name": "Synthetic Counsel",
        "status": "filed",
        "outcome": "",
        "outcome_notes": "",
        **overrides,
    }
    return actions.add_proceeding(person, case, **fields)


def make_hearing(proceeding, person, starts_at=None, **overrides):
    fields = {
        "starts_at": starts_at or at(2031, 3, 4, 9),
        "place": "Room 3",
        "purpose": "Testimony",
        "child_must_attend": True,
        "support_arranged": "Interpreter",
        "result_notes": "",
        "status": "scheduled",
        **overrides,
    }
    return actions.schedule_hearing(person, proceeding, **fields)


def make_measure(proceeding, person, **overrides):
    fields = {
        "measure": "video_link",
        "details": "",
        "requested_on": date(2031, 2, 1),
        "status": "requested",
        "decided_on": None,
        **overrides,
    }
    return actions.request_measure(person, proceeding, **fields)


def make_claim(proceeding, person, **overrides):
    fields = {
        "claimed_amount": Decimal("5000.00"),
        "currency": "EUR",
        "against": "Synthetic accused",
        "status": "claimed",
        "awarded_amount": None,
        "paid_amount": None,
        "notes": "",
        **overrides,
    }
    return actions.record_claim(person, proceeding, **fields)


def proceeding_data(proceeding=None, **overrides) -> dict:
    data = {
        "kind": "criminal",
        "court_name": "Northmarch District Court",
        "court_reference": "CR-2031-77",
        "child_role": "victim_witness",
        "legal_aid_provider": "",
        "lawyer_name": "Synthetic Counsel",
        "status": "filed",
        "outcome": "",
        "outcome_notes": "",
    }
    if proceeding is not None:
        data["version"] = proceeding.version
    data.update(overrides)
    return data


def hearing_data(**overrides) -> dict:
    return {
        "starts_at": "2031-03-05T10:30",
        "place": "Room 1",
        "purpose": "Preliminary hearing",
        "child_must_attend": "on",
        "support_arranged": "Intermediary, video link",
        "status": "scheduled",
        "result_notes": "",
        **overrides,
    }


def measure_data(**overrides) -> dict:
    return {
        "measure": "screen",
        "details": "",
        "requested_on": "2031-02-10",
        "status": "requested",
        "decided_on": "",
        **overrides,
    }


def claim_data(**overrides) -> dict:
    return {
        "claimed_amount": "12000.00",
        "currency": "EUR",
        "against": "Synthetic employer",
        "status": "claimed",
        "awarded_amount": "",
        "paid_amount": "",
        "notes": "",
        **overrides,
    }
