"""`vigil export_htcds --organisation SLUG`: an organisation's cases in HTCDS fields."""

import uuid

from django.core.management.base import BaseCommand, CommandError

from vigil.accounts.models import Organisation
from vigil.exchange.actions import ExchangeError, export_htcds
from vigil.exchange.models import DataSharingAgreement


class Command(BaseCommand):
    help = (
        "Export an organisation's cases in the HTCDS field vocabulary, de-identified unless "
        "--full is given with --agreement naming an active agreement of full scope. Audited."
    )

    def add_arguments(self, parser):
        parser.add_argument("--organisation", required=True, help="slug of the organisation")
        parser.add_argument("--format", choices=["csv", "json"], default="csv")
        parser.add_argument("--agreement", help="id of the data-sharing agreement")
        parser.add_argument(
            "--full", action="store_true", help="include names, dates of birth and free text"
        )
        parser.add_argument("--out", help="file to write (default: standard output)")

    def handle(self, *args, **options):
        organisation = Organisation.objects.filter(slug=options["organisation"]).first()
        if organisation is None:
            raise CommandError(f"No organisation {options['organisation']!r}.")
        agreement = None
        if options["agreement"]:
            try:
                agreement_id = uuid.UUID(options["agreement"])
            except ValueError:
                raise CommandError("--agreement must be an agreement id (a UUID).") from None
            agreement = DataSharingAgreement.objects.filter(
                pk=agreement_id, organisation=organisation
            ).first()
            if agreement is None:
                raise CommandError("No such agreement for this organisation.")
        try:
            export, content = export_htcds(
                None,
                organisation,
                fmt=options["format"],
                full=options["full"],
                agreement=agreement,
                actor_label="command line",
            )
        except ExchangeError as error:
            raise CommandError(str(error)) from None
        if options["out"]:
            with open(options["out"], "w", encoding="utf-8", newline="") as handle:
                handle.write(content)
            self.stderr.write(
                f"Wrote {export.record_count} {export.scope} records to {options['out']} "
                f"(export {export.id.hex})."
            )
        else:
            self.stdout.write(content, ending="")
