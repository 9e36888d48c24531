"""`vigil import_ctdc FILE`: CTDC identified-victim records, as statistics."""

from collections import Counter
from pathlib import Path

from django.core.management.base import BaseCommand

from vigil.exchange import ctdc
from vigil.exchange.htcds import FileError
from vigil.exchange.management.imports import fail, read_text, store, summary
from vigil.exchange.models import ImportKind


class Command(BaseCommand):
    help = (
        "Import a CTDC-format CSV (yearOfRegistration, gender, ageBroad, citizenship, "
        "isForcedLabour, isSexualExploit, CountryOfExploitation, …). All or nothing: a bad "
        "value imports nothing and lists every problem with its line. Re-importing the same "
        "file under the same source adds nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--source", help="name of the source (default: ctdc:<file name>)")

    def handle(self, *args, **options):
        path = options["file"]
        content, text = read_text(path)
        try:
            parsed = ctdc.read(text)
        except FileError as error:
            fail(path, error)
        source = options["source"] or f"ctdc:{Path(path).stem}"
        batch = store(path, content, parsed, kind=ImportKind.CTDC, source=source)
        exploitation = Counter(p.country_of_exploitation or "not known" for p in parsed)
        citizenship = Counter(p.citizenship or "not known" for p in parsed)
        self.stdout.write(summary(batch))
        self.stdout.write(
            "Countries of exploitation in the file: "
            + ", ".join(f"{code} {n}" for code, n in exploitation.most_common(10))
            + f" ({len(exploitation)} values)"
        )
        self.stdout.write(
            "Citizenships in the file: "
            + ", ".join(f"{code} {n}" for code, n in citizenship.most_common(10))
            + f" ({len(citizenship)} values)"
        )
