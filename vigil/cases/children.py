"""Children known without a case yet: registered for a screening, perhaps a case later."""

from django.db import transaction

from vigil.audit.actions import record
from vigil.audit.models import Action
from vigil.cases.models import Child

SUBJECT = "cases.child"  # how screenings refer to a child


def register_child(person, organisation, **fields) -> Child:
    with transaction.atomic():
        child = Child.objects.create(organisation=organisation, **fields)
        record(Action.CREATE, child, actor=person, organisation=organisation)
    return child


def uncased_children(organisations):
    return (
        Child.objects.filter(organisation__in=organisations, cases__isnull=True)
        .select_related("organisation")
        .order_by("-created_at")
    )
