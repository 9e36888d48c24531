"""`vigil reanalyze`: run the analysis again over stored tips, in batches.

Run it after a change to the indicator catalogue, and from time to time with
--only-missing to catch tips whose analysis hook failed (the tip is always kept).
"""

import datetime
import logging

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime

from vigil.tips.models import Tip
from vigil.triage import workflow
from vigil.triage.pipeline import analyse_tip

logger = logging.getLogger(__name__)


def _since(value: str) -> datetime.datetime:
    moment = parse_datetime(value)
    if moment is None:
        day = parse_date(value)
        if day is None:
            raise ValueError(value)
        moment = datetime.datetime.combine(day, datetime.time())
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    return moment


class Command(BaseCommand):
    help = (
        "Re-run the automatic analysis (identifiers, indicators, links, priority) over "
        "stored tips, a batch at a time. Analyst corrections are kept."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--batch", type=int, default=200, help="Tips per transaction (default 200)."
        )
        parser.add_argument(
            "--only-missing", action="store_true", help="Only tips that have no analysis yet."
        )
        parser.add_argument(
            "--since", help="Only tips received on or after this date (YYYY-MM-DD) or time."
        )

    def handle(self, *args, batch: int, only_missing: bool, since: str | None, **options):
        if batch < 1:
            raise CommandError("--batch must be at least 1")
        tips = Tip.objects.order_by("pk")
        if only_missing:
            tips = tips.filter(analysis__isnull=True)
        if since:
            try:
                tips = tips.filter(created_at__gte=_since(since))
            except ValueError as error:
                raise CommandError("--since must be a date like 2025-01-31") from error
        total = tips.count()
        self.stdout.write(f"Analysing {total} tips, {batch} at a time…")
        done = failed = 0
        last = None
        while True:
            page = tips.filter(pk__gt=last) if last is not None else tips
            ids = list(page.values_list("pk", flat=True)[:batch])
            if not ids:
                break
            # Tips are paged by primary key, so tips analysed (or added) meanwhile
            # neither stop the run nor get analysed twice.
            with transaction.atomic():
                for pk in ids:
                    try:
                        analyse_tip(Tip(pk=pk))
                        # A new priority moves the tip's deadlines (and its links').
                        workflow.on_tip_received(Tip(pk=pk))
                    except Exception:
                        # analyse_tip is atomic: its failure leaves this tip as it
                        # was and the rest of the batch goes on.
                        logger.exception("analysis failed for tip %s", pk)
                        failed += 1
                    else:
                        done += 1
            last = ids[-1]
            self.stdout.write(f"  {done + failed}/{total} tips ({failed} failed)")
        self.stdout.write(self.style.SUCCESS(f"Analysed {done} tips."))
        if failed:
            raise CommandError(f"{failed} tips could not be analysed; see the log.")
