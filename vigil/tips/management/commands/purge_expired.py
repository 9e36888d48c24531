"""`vigil purge_expired`: drop what is kept only for a while (run it hourly from cron)."""

from django.core.management.base import BaseCommand

from vigil.tips.idempotency import purge_idempotency_records


class Command(BaseCommand):
    help = "Delete API idempotency records older than 24 hours (their sealed receipts with them)."

    def handle(self, *args, **options):
        removed = purge_idempotency_records()
        self.stdout.write(f"Removed {removed} expired idempotency record(s).")
