"""Every change to the directory: atomic, with its audit row."""

from django.db import transaction

from vigil.audit.actions import record
from vigil.audit.models import Action
from vigil.directory.models import Service


def create_service(organisation, fields: dict, *, actor) -> Service:
    """List a new service of the organisation; `fields` are a validated form's data."""
    fields = dict(fields)
    areas = list(fields.pop("areas", []))
    with transaction.atomic():
        service = Service.objects.create(organisation=organisation, **fields)
        service.areas.set(areas)
        record(
            Action.CREATE,
            service,
            actor=actor,
            organisation=organisation,
            summary=f"listed service “{service.name}”",
        )
    return service


def update_service(service: Service, fields: dict, *, actor) -> Service:
    """Change a service's listing; the audit row names the fields that changed."""
    fields = dict(fields)
    areas = fields.pop("areas", None)
    with transaction.atomic():
        # Compare with the stored row: a form may already have changed `service` in memory.
        current = Service.objects.select_for_update().get(pk=service.pk)
        changed = [name for name, value in fields.items() if getattr(current, name) != value]
        for name in changed:
            setattr(current, name, fields[name])
        if areas is not None:
            wanted = {place.pk for place in areas}
            if wanted != set(current.areas.values_list("pk", flat=True)):
                current.areas.set(wanted)
                changed.append("areas")
        if not changed:
            return current
        current.save(update_fields=[name for name in changed if name != "areas"] + ["updated_at"])
        record(
            Action.CHANGE,
            current,
            actor=actor,
            organisation=current.organisation,
            summary="changed " + ", ".join(changed),
        )
    return current


def _set_active(service: Service, active: bool, *, actor, summary: str) -> Service:
    with transaction.atomic():
        current = Service.objects.select_for_update().get(pk=service.pk)
        if current.is_active == active:
            return current
        current.is_active = active
        current.save(update_fields=["is_active", "updated_at"])
        record(
            Action.CHANGE, current, actor=actor, organisation=current.organisation, summary=summary
        )
    return current


def deactivate_service(service: Service, *, actor) -> Service:
    """Take a service out of the directory; referrals already made keep pointing at it."""
    return _set_active(service, False, actor=actor, summary="deactivated the service")


def reactivate_service(service: Service, *, actor) -> Service:
    """List a deactivated service again."""
    return _set_active(service, True, actor=actor, summary="reactivated the service")
