"""`vigil purge_expired`: drop what is kept only for a while (run it hourly from cron)."""

from importlib import import_module

from django.conf import settings
from django.core.management.base import BaseCommand

from vigil.tips.idempotency import purge_idempotency_records


class Command(BaseCommand):
    help = (
        "Delete API idempotency records older than 24 hours (their sealed receipts with them) "
        "and expired sessions (a reporter's session names the report it opened)."
    )

    def handle(self, *args, **options):
        removed = purge_idempotency_records()
        import_module(settings.SESSION_ENGINE).SessionStore.clear_expired()
        self.stdout.write(f"Removed {removed} expired idempotency record(s) and expired sessions.")
