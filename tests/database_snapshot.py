"""The test database as loaded with the reference and demo data, kept once per run (per
worker) and put back after a transactional test has emptied it: copied back in a fraction of
a second instead of loaded again through the services, whose audit trail and checks take
seconds each time.

SQLite's test database lives in memory and is copied whole with SQLite's backup API;
PostgreSQL's tables are copied out and back in with COPY. Sequences are left where they are,
past every copied row, so a row made after a restore never takes a copied row's id."""

from __future__ import annotations

import sqlite3
from typing import Protocol

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction


class Snapshot(Protocol):
    def restore(self) -> None: ...


class SQLiteSnapshot:
    def __init__(self) -> None:
        connection.ensure_connection()
        self.copy = sqlite3.connect(":memory:", check_same_thread=False)
        connection.connection.backup(self.copy)

    def restore(self) -> None:
        connection.ensure_connection()
        self.copy.backup(connection.connection)


class PostgreSQLSnapshot:
    def __init__(self) -> None:
        self.tables = [
            connection.ops.quote_name(table)
            for table in connection.introspection.django_table_names(
                only_existing=True, include_views=False
            )
        ]
        self.rows: dict[str, bytes] = {}
        with connection.cursor() as cursor:
            for table in self.tables:
                with cursor.cursor.copy(f"COPY {table} TO STDOUT") as copy:
                    rows = b"".join(bytes(chunk) for chunk in copy)
                if rows:
                    self.rows[table] = rows

    def restore(self) -> None:
        # The flush has emptied the tables and its post_migrate signal has written the
        # content types and permissions again, under new ids: those go too. The foreign keys
        # are checked at the commit, when every table is back.
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(f"TRUNCATE {', '.join(self.tables)}")
            for table, rows in self.rows.items():
                with cursor.cursor.copy(f"COPY {table} FROM STDIN") as copy:
                    copy.write(rows)


def take() -> Snapshot:
    """The default database as it is now."""
    if connection.vendor == "sqlite":
        assert "mode=memory" in str(connection.settings_dict["NAME"]), (
            "the snapshot copies an in-memory test database"
        )
        return SQLiteSnapshot()
    return PostgreSQLSnapshot()


def restore(snapshot: Snapshot) -> None:
    snapshot.restore()
    # The content types cached since the flush carry the ids it gave them.
    ContentType.objects.clear_cache()
