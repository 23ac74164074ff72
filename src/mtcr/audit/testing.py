"""Test support: lift the append-only guard where a test must, and let Django's test flush empty the table.

A ``TransactionTestCase`` (``@pytest.mark.django_db(transaction=True)``) ends by flushing every table, which
the guard refuses (PostgreSQL refuses TRUNCATE of the audit table even when it is empty). Activate
:func:`flush_through_guard` once per test session, e.g. in the suite's ``conftest.py``::

    @pytest.fixture(autouse=True, scope="session")
    def _audit_flush():
        with flush_through_guard():
            yield
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.core.management.commands import flush
from django.db import DEFAULT_DB_ALIAS, connections

from mtcr.audit import append_only


@contextmanager
def guard_lifted(using: str = DEFAULT_DB_ALIAS) -> Iterator[None]:
    """Drop the guard's triggers for the block and install them again after it, as DDL rights would allow.

    Inside a transaction both databases roll the DDL back with it; outside one, the guard is back on exit.
    """
    connection = connections[using]
    append_only.remove(connection)
    try:
        yield
    finally:
        append_only.install(connection)


@contextmanager
def flush_through_guard() -> Iterator[None]:
    """While active, Django's ``flush`` command (run after each transactional test) lifts the guard."""
    original = flush.Command.handle

    def handle(self: flush.Command, **options: Any) -> Any:
        with guard_lifted(options.get("database", DEFAULT_DB_ALIAS)):
            return original(self, **options)

    flush.Command.handle = handle
    try:
        yield
    finally:
        flush.Command.handle = original
