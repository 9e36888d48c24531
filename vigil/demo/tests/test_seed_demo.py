import io

import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command
from django.db import connection
from django.test import RequestFactory

from vigil.accounts.models import ApiKey, Membership, Organisation, Person, Role
from vigil.audit.models import AuditEvent
from vigil.demo.organisations import DEMO_PASSWORD
from vigil.regions.models import Helpline, Place, PlaceKind
from vigil.tips.models import Channel, Status, Tip, TipMessage

pytestmark = pytest.mark.django_db


def seed(tips=30) -> str:
    out = io.StringIO()
    call_command("seed_demo", tips=tips, stdout=out)
    return out.getvalue()


def counts() -> dict:
    models = [Place, Helpline, Organisation, Person, Membership, ApiKey, Tip, TipMessage]
    return {model.__name__: model.objects.count() for model in models}


def test_it_builds_the_demo_once_and_a_second_run_creates_nothing():
    first = seed()
    after_first = counts()
    second = seed()

    assert counts() == after_first
    assert after_first["Tip"] == 30
    assert "Nothing new" in second
    assert "Nothing new" not in first
    # The partner key is shown once, when it is made, never again.
    raw_key = next(line.strip() for line in first.splitlines() if "vgl_" in line)
    assert raw_key not in second
    assert ApiKey.authenticate(raw_key).organisation.kind == "international"
    assert "for the demo only" in second
    assert "QR code" in second


def test_every_role_has_a_person_listed_in_the_logins():
    output = seed(tips=0)

    for role in Role:
        memberships = Membership.objects.filter(role=role)
        assert memberships.exists()
        for membership in memberships:
            assert membership.person.username.startswith("demo-")
            assert membership.person.username in output
            assert membership.organisation.name in output


def test_the_demo_agency_holds_cases_at_every_stage():
    from vigil.cases.models import Case, Referral

    seed(tips=0)
    cases = Case.objects.filter(organisation__slug="valdoria-child-protection")
    assert cases.count() == 6
    assert Referral.objects.filter(status="pending", organisation__slug="harbour-house").exists()
    assert cases.filter(closure_requested_at__isnull=False).count() == 1
    seed(tips=0)
    assert cases.count() == 6  # seeding again adds nothing


def test_a_staff_password_works():
    seed(tips=0)
    request = RequestFactory().post("/accounts/login/")

    person = authenticate(request, username="demo-analyst", password=DEMO_PASSWORD)

    assert person is not None
    assert person.memberships.get().role == Role.ANALYST
    assert authenticate(request, username="demo-analyst", password="wrong password") is None


def test_tips_are_in_four_languages_and_in_regions_that_exist():
    seed(tips=20)
    tips = Tip.objects.all()

    assert set(tips.values_list("language", flat=True)) == {"en", "fr", "es", "ar"}
    regions = set(
        Place.objects.filter(kind=PlaceKind.SUBDIVISION, country_code="XV").values_list(
            "code", flat=True
        )
    )
    assert len(regions) == 6
    # The rest of the world is there too, for maps and statistics.
    assert Place.objects.filter(kind=PlaceKind.COUNTRY).count() > 200
    assert set(tips.values_list("region_code", flat=True)) <= regions
    assert Place.objects.filter(kind=PlaceKind.TOWN, parent__code="XV-NO").count() >= 3
    assert set(tips.values_list("channel", flat=True)) == set(Channel.values)
    assert tips.exclude(status=Status.NEW).exists()


def test_tips_went_through_intake_encrypted_and_audited():
    seed(tips=8)
    tip = Tip.objects.filter(channel=Channel.WEB).first()

    assert tip.receipt_hash
    assert tip.hotline.slug == "valdoria-hotline"
    assert AuditEvent.objects.filter(object_id=str(tip.pk), action="create").exists()
    with connection.cursor() as cursor:
        cursor.execute("SELECT narrative FROM tips_tip")
        stored = [row[0] for row in cursor.fetchall()]
    assert len(stored) == 8
    assert all(value.startswith("v1:") for value in stored)
    assert Helpline.objects.filter(jurisdiction="XV", number="116 111").exists()
    assert Helpline.objects.filter(jurisdiction="XV", number="112").exists()


def test_a_larger_run_adds_only_the_missing_tips():
    seed(tips=5)
    first_five = set(Tip.objects.values_list("reference", flat=True))

    seed(tips=8)

    assert Tip.objects.count() == 8
    assert first_five < set(Tip.objects.values_list("reference", flat=True))


def test_the_demo_has_the_shipped_courses_and_attempts_for_the_trainer(client):
    from vigil.learn.models import Attempt, Course

    seed(tips=0)
    assert Course.objects.filter(published__isnull=False).count() >= 3
    attempts = Attempt.objects.count()
    assert attempts >= 3 * 40
    assert Attempt.objects.filter(passed=True).exists() and Attempt.objects.filter(passed=False)
    seed(tips=0)
    assert Attempt.objects.count() == attempts
    trainer = Person.objects.get(memberships__role=Role.TRAINER)
    client.force_login(trainer)
    page = client.get("/learn/trainer/recognising-the-signs/statistics/").content.decode()
    assert "40 attempts" in page
