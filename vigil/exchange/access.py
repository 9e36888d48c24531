"""Who may exchange an organisation's data: its supervisors. Others of the organisation
get 403; everyone else 404, whether or not the organisation exists."""

import uuid

from django.core.exceptions import PermissionDenied
from django.http import Http404

from vigil.accounts.access import check, organisations_where
from vigil.accounts.models import Organisation, Role
from vigil.exchange.models import DataSharingAgreement

EXCHANGE_ROLES = frozenset({Role.SUPERVISOR})


def exchanging_organisations(person) -> list[Organisation]:
    organisations = organisations_where(person, EXCHANGE_ROLES)
    if not organisations:
        raise PermissionDenied
    return organisations


def organisation_for(person, slug: str) -> Organisation:
    organisation = Organisation.objects.filter(slug=slug).first()
    if organisation is None:
        raise Http404
    check(person, organisation, EXCHANGE_ROLES)
    return organisation


def agreement_for(person, slug: str, agreement_id) -> DataSharingAgreement:
    organisation = organisation_for(person, slug)
    try:
        pk = uuid.UUID(str(agreement_id))
    except ValueError:
        raise Http404 from None
    agreement = DataSharingAgreement.objects.filter(pk=pk, organisation=organisation).first()
    if agreement is None:
        raise Http404
    return agreement
