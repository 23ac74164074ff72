"""Raw-SQL tampering, as an attacker with direct database access would do it."""

from __future__ import annotations

from typing import Any

from django.db import connection

from mtcr.audit.models import AuditEntry
from mtcr.audit.testing import guard_lifted

TABLE = connection.ops.quote_name(AuditEntry._meta.db_table)


def tamper(seq: int, field: str, value: Any) -> None:
    """Overwrite one stored field of entry ``seq`` behind the application's back (guard dropped first)."""
    model_field = AuditEntry._meta.get_field(field)
    column = connection.ops.quote_name(model_field.column)
    param = model_field.get_db_prep_save(value, connection)
    with guard_lifted(), connection.cursor() as cursor:
        cursor.execute(f"UPDATE {TABLE} SET {column} = %s WHERE seq = %s", [param, seq])
        assert cursor.rowcount == 1


def erase(seq: int) -> None:
    """Delete entry ``seq`` behind the application's back (guard dropped first)."""
    with guard_lifted(), connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {TABLE} WHERE seq = %s", [seq])
        assert cursor.rowcount == 1
