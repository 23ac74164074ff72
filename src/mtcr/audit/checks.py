"""System check: the database guard of the audit table is in place (``audit.W001``)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.checks import CheckMessage, Tags, Warning, register
from django.db import DatabaseError, connections

from mtcr.audit import append_only


@register(Tags.database)
def append_only_guard(
    app_configs: Any = None, databases: Iterable[str] | None = None, **kwargs: Any
) -> list[CheckMessage]:
    """Warn when the audit table exists without its append-only triggers (e.g. after a SQLite rebuild)."""
    messages: list[CheckMessage] = []
    for alias in databases or ():
        connection = connections[alias]
        try:
            if append_only.TABLE not in connection.introspection.table_names():
                continue
            installed = append_only.is_installed(connection)
        except DatabaseError:
            continue
        if not installed:
            messages.append(
                Warning(
                    f"The audit table on database {alias!r} lacks its append-only triggers.",
                    hint="Install them again: a migration with the operation append_only.InstallGuard().",
                    id="audit.W001",
                )
            )
    return messages
