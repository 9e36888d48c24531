"""What the import commands share: reading the file, storing it all or nothing, the summary."""

from pathlib import Path

from django.core.management.base import CommandError

from vigil.exchange.actions import ExchangeError, import_records
from vigil.exchange.htcds import FileError


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


def store(path: str, content: bytes, parsed, *, kind: str, source: str):
    """The import batch, or a CommandError saying why nothing was stored."""
    try:
        return import_records(
            kind=kind,
            source=source,
            file_name=Path(path).name,
            content=content,
            parsed=parsed,
            actor_label="command line",
        )
    except FileError as error:
        fail(path, error)
    except ExchangeError as error:
        raise CommandError(str(error)) from None


def summary(batch) -> str:
    return (
        f"Imported {batch.rows_created} new records ({batch.rows_unchanged} already there, "
        f"{batch.rows_read} read) as source {batch.source!r}."
    )
