"""The only way staff load tips: by organisation and role, 404 to outsiders."""

import uuid

from django.http import Http404

from vigil.accounts.access import check
from vigil.accounts.models import Membership, Role
from vigil.tips.models import Tip, TipAttachment

READ_ROLES = frozenset({Role.ANALYST, Role.SUPERVISOR})
WRITE_ROLES = frozenset({Role.ANALYST, Role.SUPERVISOR})


def _uuid(value) -> uuid.UUID:
    try:
        return uuid.UUID(str(value))
    except ValueError:
        raise Http404 from None


def tip_for(person, tip_id, write: bool = False) -> Tip:
    tip = Tip.objects.select_related("hotline").filter(pk=_uuid(tip_id)).first()
    if tip is None:
        raise Http404
    check(person, tip.hotline, WRITE_ROLES if write else READ_ROLES)
    return tip


def attachment_for(person, tip_id, attachment_id) -> TipAttachment:
    tip = tip_for(person, tip_id)
    attachment = tip.attachments.filter(pk=_uuid(attachment_id)).first()
    if attachment is None:
        raise Http404
    return attachment


def tips_visible_to(person):
    """Tips of the hotlines where the person reads tips; none for anyone else."""
    hotlines = Membership.objects.filter(person=person, role__in=READ_ROLES).values(
        "organisation_id"
    )
    return Tip.objects.filter(hotline_id__in=hotlines)
