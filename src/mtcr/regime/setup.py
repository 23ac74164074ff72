"""Bring a database to the current schema and reference data (``mtcr init``)."""

from __future__ import annotations

from django.core.management import call_command
from rich.console import Console

from mtcr.regime.settings import DATABASES


def initialise(console: Console) -> None:
    """Apply migrations, then load reference data; both are idempotent."""
    from mtcr.states.reference import load_reference_data

    engine = DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    with console.status(f"Migrating the {engine} database..."):
        call_command("migrate", interactive=False, verbosity=0)
    with console.status("Loading reference data (states, standings, roles)..."):
        report = load_reference_data()
    console.print(f"[green]Database ready[/] ({engine}); reference data: {report}")
