"""Recompute the published aggregates and store them, for the statistics and insights pages."""

import time

from django.core.management.base import BaseCommand, CommandError

from vigil.statistics import sources


class Command(BaseCommand):
    help = (
        "Recompute every published aggregate (tips, cases, …) and store it as the latest "
        "snapshot the public statistics and the insights dashboard read. Run from cron."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--source",
            action="append",
            dest="sources",
            help="only this dotted path (repeatable); default: every source",
        )

    def handle(self, *args, **options):
        started = time.perf_counter()
        try:
            stored = sources.refresh(options.get("sources"))
        except ImportError as error:
            raise CommandError(f"no such source: {error}") from error
        for path, rows in stored.items():
            self.stdout.write(f"{path}: {rows} rows")
        self.stdout.write(f"refreshed in {time.perf_counter() - started:.1f} s")
