"""`vigil load_indicators [FILE]`: upsert the indicator catalogue from a file, as a new version."""

import json

from django.core.management.base import BaseCommand, CommandError

from vigil.triage.catalogue import load_catalogue
from vigil.triage.indicators import DEFAULT_FILE, read_catalogue_file


class Command(BaseCommand):
    help = (
        "Load an indicator catalogue file (the shipped vigil/triage/data/indicators.json by "
        "default): indicators are matched by code and updated, their patterns replaced; "
        "indicators not in the file are kept. Records a new catalogue version."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", default=str(DEFAULT_FILE))

    def handle(self, *args, **options):
        path = options["file"]
        try:
            data = read_catalogue_file(path)
        except FileNotFoundError as error:
            raise CommandError(f"No such file: {path}") from error
        except (json.JSONDecodeError, UnicodeDecodeError) as error:
            raise CommandError(f"{path} is not a JSON catalogue file: {error}") from error
        try:
            created, updated, version = load_catalogue(data, note=f"Loaded {path}"[-300:])
        except ValueError as error:
            raise CommandError(f"{path} was not loaded:\n{error}") from error
        self.stdout.write(
            f"Catalogue version {version}: {created} indicator(s) created, {updated} updated."
        )
