"""`vigil load_instruments [PATH ...]`: load instrument files; unchanged ones do nothing."""

from django.core.management.base import BaseCommand, CommandError

from vigil.screening.instruments import (
    DATA_DIR,
    InstrumentError,
    instrument_files,
    load_instrument,
)


class Command(BaseCommand):
    help = (
        "Load screening instrument files (JSON; a directory means every *.json in it; "
        f"default: {DATA_DIR}). A file whose content is already a version of its instrument "
        "is skipped; otherwise it becomes a new version and the current one."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="*")

    def handle(self, *args, **options):
        files = instrument_files(options["paths"])
        if not files:
            raise CommandError("No instrument files found.")
        errors = []
        for path in files:
            try:
                loaded = load_instrument(path)
            except InstrumentError as error:
                errors.append(str(error))
                continue
            instrument = loaded.instrument
            if loaded.created:
                self.stdout.write(
                    f"{path.name}: loaded as {instrument.slug} v{instrument.version}."
                )
            else:
                self.stdout.write(
                    f"{path.name}: unchanged ({instrument.slug} v{instrument.version})."
                )
        if errors:
            raise CommandError("\n".join(errors))
