"""The database's own refusal to update or delete audit entries: triggers on PostgreSQL and SQLite.

Installed by migration ``0002_append_only``. The statements are kept here, unchanged, so that tests and checks
can tell whether the guard is in place; a change to them needs a new migration that installs them again.

On SQLite, a later migration that rebuilds the audit table (as SQLite alters most columns) drops its triggers:
such a migration must end with ``InstallGuard()``. System check ``audit.W001`` warns if they are gone.
"""

from __future__ import annotations

from typing import Any

from django.db import NotSupportedError
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.operations.base import Operation

TABLE = "audit_auditentry"
MESSAGE = "audit entries are append-only"

_POSTGRESQL_INSTALL = [
    f"""
    CREATE OR REPLACE FUNCTION audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        RAISE EXCEPTION '{MESSAGE}: % on % refused', TG_OP, TG_TABLE_NAME
            USING HINT = 'Record a new entry instead; run "mtcr audit verify" to check the trail.';
    END;
    $$
    """,
    f"DROP TRIGGER IF EXISTS audit_refuse_update_delete ON {TABLE}",
    f"""
    CREATE TRIGGER audit_refuse_update_delete BEFORE UPDATE OR DELETE ON {TABLE}
    FOR EACH ROW EXECUTE FUNCTION audit_refuse_change()
    """,
    f"DROP TRIGGER IF EXISTS audit_refuse_truncate ON {TABLE}",
    f"""
    CREATE TRIGGER audit_refuse_truncate BEFORE TRUNCATE ON {TABLE}
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change()
    """,
]
_POSTGRESQL_REMOVE = [
    f"DROP TRIGGER IF EXISTS audit_refuse_update_delete ON {TABLE}",
    f"DROP TRIGGER IF EXISTS audit_refuse_truncate ON {TABLE}",
    "DROP FUNCTION IF EXISTS audit_refuse_change()",
]
_SQLITE_INSTALL = [
    "DROP TRIGGER IF EXISTS audit_refuse_update",
    f"""
    CREATE TRIGGER audit_refuse_update BEFORE UPDATE ON {TABLE}
    BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END
    """,
    "DROP TRIGGER IF EXISTS audit_refuse_delete",
    f"""
    CREATE TRIGGER audit_refuse_delete BEFORE DELETE ON {TABLE}
    BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END
    """,
]
_SQLITE_REMOVE = [
    "DROP TRIGGER IF EXISTS audit_refuse_update",
    "DROP TRIGGER IF EXISTS audit_refuse_delete",
]
_TRIGGERS = {
    "postgresql": {"audit_refuse_update_delete", "audit_refuse_truncate"},
    "sqlite": {"audit_refuse_update", "audit_refuse_delete"},
}


def _statements(vendor: str, install: bool) -> list[str]:
    if vendor == "postgresql":
        return _POSTGRESQL_INSTALL if install else _POSTGRESQL_REMOVE
    if vendor == "sqlite":
        return _SQLITE_INSTALL if install else _SQLITE_REMOVE
    raise NotSupportedError(
        f"the audit trail's append-only guard supports PostgreSQL and SQLite, not {vendor}"
    )


def install_statements(vendor: str) -> list[str]:
    """SQL making the database refuse UPDATE, DELETE (and, on PostgreSQL, TRUNCATE) of audit entries."""
    return [sql.strip() for sql in _statements(vendor, True)]


def remove_statements(vendor: str) -> list[str]:
    """The SQL that lifts the guard (the reverse of the migration)."""
    return [sql.strip() for sql in _statements(vendor, False)]


def install(connection: BaseDatabaseWrapper) -> None:
    with connection.cursor() as cursor:
        for sql in install_statements(connection.vendor):
            cursor.execute(sql, None)


def remove(connection: BaseDatabaseWrapper) -> None:
    with connection.cursor() as cursor:
        for sql in remove_statements(connection.vendor):
            cursor.execute(sql, None)


def installed_triggers(connection: BaseDatabaseWrapper) -> set[str]:
    """Names of the guard's enabled triggers on the audit table."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT tgname FROM pg_trigger WHERE tgrelid = to_regclass(%s) AND NOT tgisinternal"
                " AND tgenabled <> 'D'",
                [TABLE],
            )
        elif connection.vendor == "sqlite":
            cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = %s", [TABLE])
        else:
            return set()
        return {row[0] for row in cursor.fetchall()} & _TRIGGERS[connection.vendor]


def is_installed(connection: BaseDatabaseWrapper) -> bool:
    """Whether every trigger of the guard is present and enabled."""
    expected = _TRIGGERS.get(connection.vendor)
    return expected is not None and installed_triggers(connection) == expected


class InstallGuard(Operation):
    """Migration operation: install the guard for the database's vendor (``sqlmigrate`` shows its SQL)."""

    reduces_to_sql = True
    reversible = True

    def state_forwards(self, app_label: str, state: Any) -> None:
        pass

    def _run(self, schema_editor: BaseDatabaseSchemaEditor, statements: list[str]) -> None:
        for sql in statements:
            schema_editor.execute(sql, params=None)

    def database_forwards(self, app_label: str, schema_editor: BaseDatabaseSchemaEditor, *args: Any) -> None:
        self._run(schema_editor, install_statements(schema_editor.connection.vendor))

    def database_backwards(self, app_label: str, schema_editor: BaseDatabaseSchemaEditor, *args: Any) -> None:
        self._run(schema_editor, remove_statements(schema_editor.connection.vendor))

    def describe(self) -> str:
        return "Make the database refuse UPDATE and DELETE (and TRUNCATE) of audit entries"
