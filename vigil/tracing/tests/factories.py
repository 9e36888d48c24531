"""Children and tracing requests made through the same actions the pages use."""

from vigil.cases.children import register_child
from vigil.cases.models import Caregiver
from vigil.tracing.actions import record_tracing_request


def make_child(organisation, person, *, caregivers=(), **fields):
    child = register_child(person, organisation, **fields)
    for name in caregivers:
        Caregiver.objects.create(child=child, name=name, relationship="mother")
    return child


def make_request(organisation, person, **fields):
    defaults = {
        "enquirer_name": "Fatima Hassan",
        "enquirer_relationship": "mother",
        "enquirer_contact": "+999 555 0100",
    }
    return record_tracing_request(person, organisation, **{**defaults, **fields})
