"""The hearings of the coming week on the case worker's desk."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from vigil.legal.tests.factories import make_hearing, make_proceeding

pytestmark = pytest.mark.django_db


def test_the_desk_lists_the_coming_weeks_hearings_of_visible_cases(
    signed_in, case, worker, worker_colleague
):
    proceeding = make_proceeding(case, worker, court_name="Northmarch Juvenile Court")
    soon = timezone.now() + datetime.timedelta(days=2)
    later = timezone.now() + datetime.timedelta(days=20)
    make_hearing(proceeding, worker, starts_at=soon)
    make_hearing(proceeding, worker, starts_at=later)
    page = signed_in(worker).get(reverse("cases:desk")).content.decode()
    assert "Hearings in the coming week" in page
    assert page.count("Northmarch Juvenile Court") == 1
    # A colleague who cannot see the case sees none of its hearings.
    assert (
        "Northmarch Juvenile Court"
        not in signed_in(worker_colleague).get(reverse("cases:desk")).content.decode()
    )
