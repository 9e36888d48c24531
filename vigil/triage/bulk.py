"""Multi-row writes without model instances, for the rows analysis writes per tip.

A new tip can gain hundreds of links and its linked tips dozens of priority
reasons; making and compiling that many model instances cost the ORM tens of
milliseconds, against one or two for the database itself. These functions write
the same rows in one statement per batch. Values must already be what the
database stores (`db_id` for ids); callers name the columns, which come from
the frozen models, never from input.
"""

from django.db import connection

from vigil.tips.models import Tip


def db_id(value):
    """A UUID primary or foreign key as this database stores it (hex text in SQLite)."""
    return Tip._meta.pk.get_db_prep_value(value, connection)


def from_db_id(value):
    """A UUID as read back by a plain cursor (text in SQLite, a UUID in PostgreSQL)."""
    return Tip._meta.pk.to_python(value)


def table(model) -> str:
    return connection.ops.quote_name(model._meta.db_table)


def placeholders(count: int) -> str:
    return ", ".join(["%s"] * count)


def insert(model, columns: tuple[str, ...], rows: list[tuple], ignore_conflicts=False) -> None:
    """INSERT the rows, batched to the database's parameter limit; with
    `ignore_conflicts`, rows breaking a unique constraint are skipped."""
    if not rows:
        return
    batch = connection.ops.bulk_batch_size(columns, rows) or len(rows)
    names = ", ".join(connection.ops.quote_name(c) for c in columns)
    row = f"({placeholders(len(columns))})"
    tail = " ON CONFLICT DO NOTHING" if ignore_conflicts else ""
    with connection.cursor() as cursor:
        for start in range(0, len(rows), batch):
            chunk = rows[start : start + batch]
            cursor.execute(
                f"INSERT INTO {table(model)} ({names}) "  # noqa: S608
                f"VALUES {', '.join([row] * len(chunk))}{tail}",
                [value for values in chunk for value in values],
            )


def update(model, columns: tuple[str, ...], rows: list[tuple]) -> None:
    """Set `columns` of each row by its primary key: rows are (*values, pk)."""
    if not rows:
        return
    assignments = ", ".join(f"{connection.ops.quote_name(c)} = %s" for c in columns)
    pk = connection.ops.quote_name(model._meta.pk.column)
    with connection.cursor() as cursor:
        cursor.executemany(
            f"UPDATE {table(model)} SET {assignments} WHERE {pk} = %s",  # noqa: S608
            rows,
        )
