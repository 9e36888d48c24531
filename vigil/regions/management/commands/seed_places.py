"""`vigil seed_places`: every ISO 3166 country and subdivision, from pycountry."""

from django.core.management.base import BaseCommand

from vigil.regions.iso import seed_places


class Command(BaseCommand):
    help = (
        "Add every ISO 3166-1 country and ISO 3166-2 subdivision that is missing (from "
        "pycountry). Safe to run again: it never renames a place or removes one."
    )

    def handle(self, *args, **options):
        counts = seed_places()
        self.stdout.write(
            self.style.SUCCESS(
                f"{counts.countries} countries and {counts.subdivisions} subdivisions added, "
                f"{counts.updated} existing places completed."
            )
        )
