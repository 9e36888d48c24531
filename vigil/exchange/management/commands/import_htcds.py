"""`vigil import_htcds FILE`: HTCDS case records from another deployment, as statistics."""

from pathlib import Path

from django.core.management.base import BaseCommand

from vigil.exchange import htcds
from vigil.exchange.htcds import FileError
from vigil.exchange.management.imports import fail, read_text, store, summary
from vigil.exchange.models import ImportKind


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
        batch = store(
            path,
            content,
            parsed,
            kind=ImportKind.HTCDS,
            source=options["source"] or f"htcds:{default}",
        )
        if dropped:
            self.stdout.write(f"Identifying columns not stored: {', '.join(dropped)}.")
        self.stdout.write(summary(batch))
