"""Reading the audit trail: who may, and how it is narrowed down."""

import uuid

from django.apps import apps
from django.db.models import Q

from vigil.accounts.access import organisations_where
from vigil.accounts.models import Role
from vigil.audit.models import AuditEvent

TRAIL_ROLES = frozenset({Role.SUPERVISOR, Role.ORG_ADMIN})


def organisations_for(person) -> list:
    """The organisations whose trail the person may read (none: may not read any)."""
    if not person.is_authenticated:
        return []
    return organisations_where(person, TRAIL_ROLES)


# The field that holds a record's human-facing reference ("T-…", a case number).
REFERENCE_FIELDS = ("reference", "case_number")


def _models_with_reference():
    """(model, field) for records with a human-facing reference, found generically
    so the audit app does not depend on the apps it audits."""
    found = []
    for model in apps.get_models():
        names = {field.name for field in model._meta.concrete_fields}
        found += [(model, name) for name in REFERENCE_FIELDS if name in names][:1]
    return found


def object_ids_for(reference: str) -> list[str]:
    """Object ids a typed reference or id may stand for."""
    reference = reference.strip()
    try:
        return [str(uuid.UUID(reference))]
    except ValueError:
        pass
    ids = []
    for model, field in _models_with_reference():
        ids += [
            str(pk)
            for pk in model._default_manager.filter(**{f"{field}__iexact": reference}).values_list(
                "pk", flat=True
            )
        ]
    return ids or [reference]


def events_for(organisations, *, reference="", actor="", action=""):
    events = AuditEvent.objects.filter(organisation__in=organisations).select_related(
        "actor", "organisation"
    )
    if reference:
        events = events.filter(object_id__in=object_ids_for(reference))
    if actor:
        actor = actor.strip()
        events = events.filter(
            Q(actor__username__iexact=actor)
            | Q(actor__display_name__icontains=actor)
            | Q(actor_label__icontains=actor)
        )
    if action:
        events = events.filter(action=action)
    return events.order_by("-at")


def references_for(events) -> dict[tuple[str, str], str]:
    """{(object_type, object_id): reference} for the events shown, one query per type."""
    wanted: dict[str, set[str]] = {}
    for event in events:
        wanted.setdefault(event.object_type, set()).add(event.object_id)
    found = {}
    for model, field in _models_with_reference():
        label = model._meta.label_lower
        if label not in wanted:
            continue
        valid = []
        for object_id in wanted[label]:
            try:
                valid.append(model._meta.pk.to_python(object_id))
            except Exception:  # noqa: S112 - an id of another shape simply has no reference
                continue
        for pk, reference in model._default_manager.filter(pk__in=valid).values_list("pk", field):
            found[(label, str(pk))] = reference
    return found
