"""No code path changes or removes an audit entry, and the database itself refuses to."""

from __future__ import annotations

import pytest
from django.db import DatabaseError, connection, transaction
from django.db.migrations.executor import MigrationExecutor

from mtcr.audit import append_only
from mtcr.audit.errors import AppendOnlyError
from mtcr.audit.models import AuditEntry

pytestmark = pytest.mark.django_db

postgresql_only = pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL-specific guard")
TABLE = connection.ops.quote_name(AuditEntry._meta.db_table)


def _raw(sql: str, params: list | None = None) -> None:
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql, params)


def test_the_orm_refuses_to_save_an_existing_entry(append):
    append(1)
    entry = AuditEntry.objects.get(seq=1)
    entry.actor_label = "someone-else"
    with pytest.raises(AppendOnlyError, match="append-only"):
        entry.save()
    assert AuditEntry.objects.get(seq=1).actor_label == "amelie.martin"


def test_the_orm_refuses_to_save_a_recorded_entry_twice(append):
    (entry,) = append(1)
    with pytest.raises(AppendOnlyError):
        entry.save()


def test_the_orm_refuses_to_delete_entries(append):
    append(2)
    with pytest.raises(AppendOnlyError, match="deleting entry 1"):
        AuditEntry.objects.get(seq=1).delete()
    with pytest.raises(AppendOnlyError):
        AuditEntry.objects.all().delete()
    with pytest.raises(AppendOnlyError):
        AuditEntry.objects.filter(seq=2).update(actor_label="x")
    with pytest.raises(AppendOnlyError):
        AuditEntry.objects.bulk_update(list(AuditEntry.objects.all()), ["actor_label"])
    assert AuditEntry.objects.count() == 2


def test_the_database_refuses_a_raw_update(append):
    append(2)
    with pytest.raises(DatabaseError, match="audit entries are append-only"):
        _raw(f"UPDATE {TABLE} SET actor_label = %s WHERE seq = %s", ["mallory", 1])
    assert AuditEntry.objects.get(seq=1).actor_label == "amelie.martin"


def test_the_database_refuses_a_raw_delete(append):
    append(2)
    with pytest.raises(DatabaseError, match="audit entries are append-only"):
        _raw(f"DELETE FROM {TABLE} WHERE seq = %s", [2])
    assert AuditEntry.objects.count() == 2


@postgresql_only
def test_postgresql_refuses_update_delete_and_truncate_naming_the_operation(append):
    append(1)
    _raw("SET CONSTRAINTS ALL IMMEDIATE")  # no deferred checks pending: TRUNCATE reaches the trigger
    for sql, operation in (
        (f"UPDATE {TABLE} SET verb = 'created'", "UPDATE"),
        (f"DELETE FROM {TABLE}", "DELETE"),
        (f"TRUNCATE {TABLE} CASCADE", "TRUNCATE"),
    ):
        with pytest.raises(
            DatabaseError, match=f"audit entries are append-only: {operation} on audit_auditentry"
        ):
            _raw(sql)
    assert AuditEntry.objects.count() == 1


def test_the_guard_is_installed_by_the_migrations():
    assert append_only.is_installed(connection)


def test_the_guard_can_be_removed_and_installed_again():
    with transaction.atomic():
        append_only.remove(connection)
        assert not append_only.is_installed(connection)
        assert append_only.installed_triggers(connection) == set()
        append_only.install(connection)
        assert append_only.is_installed(connection)


@pytest.mark.django_db(transaction=True)
def test_the_migration_installs_and_removes_the_guard():
    executor = MigrationExecutor(connection)
    executor.migrate([("audit", "0001_initial")])
    assert append_only.installed_triggers(connection) == set()
    executor = MigrationExecutor(connection)
    executor.migrate([("audit", "0002_append_only")])
    assert append_only.is_installed(connection)
