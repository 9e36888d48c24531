"""`vigil match`: candidate pairs of child records from CSV files, for bulk work."""

import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError


def _threshold(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise CommandError(f"--threshold must be a number between 0 and 1, not {text!r}") from None
    if not 0.0 <= value <= 1.0:
        raise CommandError(f"--threshold must be between 0 and 1, not {text}")
    return value


class Command(BaseCommand):
    # Bulk matching reads and writes files only: no database, so no checks to wait for.
    requires_system_checks = []
    help = (
        "Find records that may be the same child: duplicates within one CSV file, or "
        "links between two. Writes left_id,right_id,probability for a case worker to "
        "confirm or reject; nothing is merged."
    )

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", metavar="FILE.csv", help="one file or two")
        parser.add_argument("--id", required=True, dest="id_column", metavar="COLUMN")
        parser.add_argument(
            "--map",
            required=True,
            dest="roles",
            metavar="ROLE=COLUMN[,ROLE=COLUMN…]",
            help="which column holds each role: first_name, last_name, full_name, "
            "other_names, sex, dob, age, place, postcode, address, caregiver_name",
        )
        parser.add_argument("--threshold", default="0.5", metavar="P")
        parser.add_argument("--out", required=True, metavar="PAIRS.csv")

    def handle(self, *args, files, id_column, roles, threshold, out, **options):
        if len(files) > 2:
            raise CommandError("give one file (to find duplicates) or two (to link them)")
        threshold = _threshold(threshold)
        out = Path(out)
        if not out.parent.is_dir():
            raise CommandError(f"no such directory for --out: {out.parent}")
        started = time.monotonic()
        show = self._progress(started, options["verbosity"])
        # Imported here, not at the top: pyarrow, DuckDB and Splink take a
        # third of a second to load, which `vigil help` and the rest of the
        # project's commands should not pay.
        from vigil.matching.csv_files import FileError, parse_map, read_records, write_pairs
        from vigil.matching.model import iter_pairs
        from vigil.matching.records import RecordError

        try:
            role_map = parse_map(roles)
            tables = [read_records(path, id_column, role_map) for path in files]
            pairs = iter_pairs(
                *tables, roles=role_map, threshold=threshold, progress=show, id_column=id_column
            )
            written = write_pairs(out, pairs)
        except (FileError, RecordError) as error:
            raise CommandError(str(error)) from None
        show(f"{written} candidate pairs written to {out}")

    def _progress(self, started: float, verbosity: int):
        def show(message: str) -> None:
            if verbosity:
                self.stderr.write(f"[{time.monotonic() - started:6.1f} s] {message}")

        return show
