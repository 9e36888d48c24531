"""`vigil find_matches`: propose possible duplicates and matches for open tracing requests."""

from django.core.management.base import BaseCommand

from vigil.tracing.matching_runs import find_duplicates, match_tracing_requests, threshold


class Command(BaseCommand):
    help = (
        "Look for children registered twice (within and across organisations) and for "
        "children open tracing requests may be looking for. Each pair becomes a candidate "
        "for case workers to confirm or reject; nothing is merged. Meant for cron."
    )

    def handle(self, *args, **options):
        duplicates = find_duplicates()
        tracing = match_tracing_requests()
        if options["verbosity"]:
            self.stdout.write(
                f"{len(duplicates)} new possible duplicates, {len(tracing)} new possible "
                f"matches for tracing requests (threshold {threshold():.2f})"
            )
