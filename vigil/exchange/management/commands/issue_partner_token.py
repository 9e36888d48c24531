"""`vigil issue_partner_token --agreement ID`: a signed-request key for a partner."""

import uuid

from django.core.management.base import BaseCommand, CommandError

from vigil.exchange.actions import ExchangeError, issue_partner_token, revoke_partner_token
from vigil.exchange.models import DataSharingAgreement, PartnerToken


class Command(BaseCommand):
    help = (
        "Issue a key for a partner deployment to pull de-identified aggregates from "
        "/api/v1/exchange/aggregates (the secret is printed once), or --revoke KEY_ID."
    )

    def add_arguments(self, parser):
        parser.add_argument("--agreement", help="id of the data-sharing agreement")
        parser.add_argument("--partner", default="", help="name (default: the agreement's)")
        parser.add_argument("--days", type=int, default=365)
        parser.add_argument("--revoke", metavar="KEY_ID", help="revoke this key instead")

    def handle(self, *args, **options):
        if options["revoke"]:
            token = PartnerToken.objects.filter(key_id=options["revoke"]).first()
            if token is None:
                raise CommandError("No such key.")
            revoke_partner_token(None, token, actor_label="command line")
            self.stdout.write(f"Revoked {token.key_id}.")
            return
        try:
            agreement = DataSharingAgreement.objects.get(pk=uuid.UUID(options["agreement"] or ""))
        except (ValueError, DataSharingAgreement.DoesNotExist):
            raise CommandError("--agreement must name an existing agreement.") from None
        try:
            token, secret = issue_partner_token(
                None,
                agreement,
                partner_name=options["partner"],
                days=options["days"],
                actor_label="command line",
            )
        except ExchangeError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(f"Key id: {token.key_id}")
        self.stdout.write(f"Secret (shown once, give it to the partner safely): {secret}")
        self.stdout.write(f"Expires: {token.expires_at:%Y-%m-%d}")
