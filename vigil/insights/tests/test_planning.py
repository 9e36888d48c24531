"""Reports before, during and after a planning decision, in whole months."""

import datetime

from django.utils import timezone

from vigil.insights.models import DecisionKind, PlanningDecision
from vigil.insights.planning import before_after
from vigil.insights.tests.conftest import tip_in
from vigil.regions.models import Place
from vigil.tips.models import Tip


def tips_on(day: datetime.date, number: int, region: str = "XV-NO") -> None:
    for _ in range(number):
        tip_in(region)
    moment = timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))
    Tip.objects.filter(created_at__gt=moment).update(created_at=moment)


def test_reports_before_during_and_after(policy_analyst, hotline, country):
    tips_on(datetime.date(2026, 1, 20), 5)  # outside every window
    tips_on(datetime.date(2026, 2, 10), 2)
    tips_on(datetime.date(2026, 3, 5), 1)
    tips_on(datetime.date(2026, 4, 28), 4)
    tips_on(datetime.date(2026, 4, 2), 7, region="XV-CO")  # another region
    decision = PlanningDecision.objects.create(
        place=Place.objects.get(code="XV-NO"),
        kind=DecisionKind.AWARENESS_CAMPAIGN,
        description="Radio spots",
        starts_on=datetime.date(2026, 3, 1),
        ends_on=datetime.date(2026, 3, 31),
        recorded_by=policy_analyst,
        organisation=hotline,
    )
    before, during, after = before_after(decision, today=datetime.date(2026, 6, 15))
    assert (before.months, during.months, after.months) == (["2026-02"], ["2026-03"], ["2026-04"])
    assert (before.reports, during.reports, after.reports) == (2, 1, 4)
    assert not after.partial
    assert (before.completions, during.completions, after.completions) == (0, 0, 0)

    _, _, running = before_after(decision, today=datetime.date(2026, 4, 10))
    assert running.partial


def test_a_two_month_decision_compares_two_months_each_side(policy_analyst, hotline, country):
    tips_on(datetime.date(2025, 12, 1), 1)
    tips_on(datetime.date(2026, 4, 30), 2)
    decision = PlanningDecision.objects.create(
        place=Place.objects.get(code="XV-NO"),
        kind=DecisionKind.TRAINING,
        description="Training for teachers",
        starts_on=datetime.date(2026, 2, 15),
        ends_on=datetime.date(2026, 3, 10),
        recorded_by=policy_analyst,
        organisation=hotline,
    )
    before, during, after = before_after(decision, today=datetime.date(2026, 8, 1))
    assert before.months == ["2025-12", "2026-01"] and before.reports == 1
    assert after.months == ["2026-04", "2026-05"] and after.reports == 2


def test_course_completions_before_during_and_after(policy_analyst, hotline, country):
    from vigil.learn import files
    from vigil.learn.models import Attempt
    from vigil.learn.tests.factories import document

    version = files.import_document(document(10))
    north, coast = Place.objects.get(code="XV-NO"), Place.objects.get(code="XV-CO")

    def passed(day, region, *, ok=True):
        attempt = Attempt.objects.create(
            version=version, language="en", region=region, score=90 if ok else 10, passed=ok
        )
        moment = timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))
        Attempt.objects.filter(pk=attempt.pk).update(submitted_at=moment)

    passed(datetime.date(2026, 2, 3), north)
    passed(datetime.date(2026, 4, 9), north)
    passed(datetime.date(2026, 4, 10), north)
    passed(datetime.date(2026, 4, 11), north, ok=False)  # failed: not a completion
    passed(datetime.date(2026, 4, 12), coast)  # another region
    passed(datetime.date(2026, 4, 13), None)  # no region named
    decision = PlanningDecision.objects.create(
        place=north,
        kind=DecisionKind.TRAINING,
        description="Teacher training",
        starts_on=datetime.date(2026, 3, 1),
        ends_on=datetime.date(2026, 3, 31),
        recorded_by=policy_analyst,
        organisation=hotline,
    )
    before, during, after = before_after(decision, today=datetime.date(2026, 6, 15))
    assert (before.completions, during.completions, after.completions) == (1, 0, 2)

    decision.place = country
    _, _, after = before_after(decision, today=datetime.date(2026, 6, 15))
    assert after.completions == 3  # both regions; the learner who named none is not placed
