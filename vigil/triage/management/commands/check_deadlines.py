"""`vigil check_deadlines`: report overdue protocol deadlines by email (cron, every minute)."""

from django.core.management.base import BaseCommand

from vigil.triage.deadlines import report_overdue


class Command(BaseCommand):
    help = (
        "Mark tips whose protocol deadline has passed and email their assignee and the "
        "hotline's supervisors, once per deadline. Meant to run every minute from cron."
    )

    def handle(self, *args, **options):
        reported = report_overdue()
        self.stdout.write(f"{reported} overdue deadline(s) reported.")
