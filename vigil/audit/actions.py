from vigil.audit.models import Action, AuditEvent


def record(action: str, obj, *, actor=None, organisation=None, actor_label="", summary=""):
    """Append one event to the trail; call inside the transaction of the change."""
    return AuditEvent.objects.create(
        action=action,
        object_type=obj._meta.label_lower,
        object_id=str(obj.pk),
        actor=actor if actor is not None and actor.is_authenticated else None,
        actor_label=actor_label,
        organisation=organisation,
        summary=summary[:300],
    )


def record_view(obj, person, organisation, summary=""):
    return record(Action.VIEW, obj, actor=person, organisation=organisation, summary=summary)


def trail_for(obj):
    return AuditEvent.objects.filter(
        object_type=obj._meta.label_lower, object_id=str(obj.pk)
    ).select_related("actor", "organisation")
