"""The demo content, loaded once per test run and copied back for each test that reads it.

`load_demo` takes about 25 seconds (it publishes, translates and aliases every page through
Wagtail), and a dozen tests check pages, markup, exports and search on what it builds. The first of
them loads it; the rows of every table are then kept in memory (PostgreSQL's COPY, in its binary
format) and written back in the others, in a fraction of a second. The tests of `load_demo` itself
(tests/*/test_demo.py) still run it.
"""

from django.db import connection, transaction

# Tables whose rows say which schema the database has, not what content it holds.
SCHEMA_TABLES = {"django_migrations"}

# A restore waits this long for a lock that another connection (a worker, the live server) holds,
# then fails with PostgreSQL's "lock timeout" rather than hanging the suite.
LOCK_TIMEOUT = "30s"


def _tables(cursor) -> list[str]:
    cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename")
    return [name for (name,) in cursor.fetchall() if name not in SCHEMA_TABLES]


def _quoted(name: str) -> str:
    return connection.ops.quote_name(name)


class DatabaseSnapshot:
    """The rows of every content table at one moment, to put back later in another test."""

    def __init__(self, rows: dict[str, bytes]):
        self.rows = rows

    @classmethod
    def take(cls) -> "DatabaseSnapshot":
        rows = {}
        with connection.cursor() as cursor:
            for table in _tables(cursor):
                with cursor.copy(f"COPY {_quoted(table)} TO STDOUT (FORMAT BINARY)") as copy:
                    rows[table] = b"".join(bytes(block) for block in copy)
        return cls(rows)

    def restore(self) -> None:
        """Replace every row with the snapshot's, and move each id sequence past the restored ids.

        Inside a test's transaction (the `db` fixture) the rollback undoes it all, except the
        sequences, which PostgreSQL never rolls back: they only ever move forward here. Content
        types keep their ids (the suite never re-creates them), so Django's cache of them stays
        right; emptying it would make the next transactional test's restore of the seeded data
        create content types before it inserts its own, under the same names.
        """
        with transaction.atomic(), connection.cursor() as cursor:
            tables = _tables(cursor)
            cursor.execute(f"SET LOCAL lock_timeout = '{LOCK_TIMEOUT}'")
            # Rows the test's fixtures added have foreign-key checks pending (Django defers them);
            # PostgreSQL refuses to truncate a table with pending checks, so run them first.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute(f"TRUNCATE {', '.join(_quoted(t) for t in tables)}")
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
            for table in tables:
                data = self.rows.get(table)
                if data:
                    with cursor.copy(f"COPY {_quoted(table)} FROM STDIN (FORMAT BINARY)") as copy:
                        copy.write(data)
            cursor.execute(
                """
                SELECT sequence.relname, owner.relname, owner_column.attname
                FROM pg_class sequence
                JOIN pg_depend link ON link.objid = sequence.oid AND link.deptype IN ('a', 'i')
                JOIN pg_class owner ON owner.oid = link.refobjid
                JOIN pg_attribute owner_column
                  ON owner_column.attrelid = owner.oid AND owner_column.attnum = link.refobjsubid
                WHERE sequence.relkind = 'S' AND owner.relnamespace = to_regnamespace(current_schema())
                """
            )
            for sequence, table, column in cursor.fetchall():
                highest = f"SELECT MAX({_quoted(column)}) FROM {_quoted(table)}"  # noqa: S608 - catalogue names
                current = f"SELECT last_value FROM {_quoted(sequence)}"  # noqa: S608 - catalogue names
                cursor.execute(f"SELECT setval(%s, GREATEST(({highest}), ({current})))", [sequence])
