"""`vigil import_htcds FILE`: HTCDS case records from another deployment, as statistics."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from vigil.exchange import htcds
from vigil.exchange.actions import ExchangeError, import_records
from vigil.exchange.htcds import FileError
from vigil.exchange.models import ImportKind


def read_text(path: str) -> tuple[bytes, str]:
    try:
        content = Path(path).read_bytes()
    except OSError as error:
        raise CommandError(f"Cannot read {path}: {error.strerror}.") from None
    try:
        return content, content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise CommandError(f"{path} is not UTF-8 text.") from None


def fail(path: str, error: FileError):
    lines = "\n".join(error.problems)
    raise CommandError(f"{path} was not imported (nothing was stored):\n{lines}")


class Command(BaseCommand):
    help = (
        "Import an HTCDS file (CSV or JSON, as `vigil export_htcds` writes) into the "
        "imported statistics. Identifying fields are dropped. All or nothing: a bad value "
        "imports nothing and lists every problem with its line. Re-importing is harmless."
    )

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument(
            "--source", help="name of the source (default: the file's export id, or its name)"
        )

    def handle(self, *args, **options):
        path = options["file"]
        content, text = read_text(path)
        json_format = path.lower().endswith(".json") or text.lstrip().startswith(("{", "["))
        try:
            parsed, dropped = htcds.parsed_records(text, json_format=json_format)
        except FileError as error:
            fail(path, error)
        export_ids = {p.case["export_id"] for p in parsed if p.case["export_id"]}
        default = export_ids.pop() if len(export_ids) == 1 else Path(path).stem
        try:
            batch = import_records(
                kind=ImportKind.HTCDS,
                source=options["source"] or f"htcds:{default}",
                file_name=Path(path).name,
                content=content,
                parsed=parsed,
                actor_label="command line",
            )
        except FileError as error:
            fail(path, error)
        except ExchangeError as error:
            raise CommandError(str(error)) from None
        if dropped:
            self.stdout.write(f"Identifying columns not stored: {', '.join(dropped)}.")
        self.stdout.write(
            f"Imported {batch.rows_created} new records ({batch.rows_unchanged} already there, "
            f"{batch.rows_read} read) as source {batch.source!r}."
        )
