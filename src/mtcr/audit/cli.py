"""``mtcr audit``: verify the hash chain of the trail and show its latest entries.

The ``mtcr`` command configures Django before it runs these commands.
"""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table
from rich.text import Text

audit_app = typer.Typer(
    help="Check the tamper-evident audit trail: recompute its hash chain, show its latest entries.",
    no_args_is_help=True,
)


@audit_app.command()
def verify(
    chunk_size: Annotated[int, typer.Option(min=1, help="Entries read from the database at a time.")] = 2000,
) -> None:
    """Recompute the hash chain; exit 0 if intact, else name the first broken entry and exit 1."""
    from django.db import connection

    from mtcr.audit import append_only
    from mtcr.audit.chain import verify as verify_chain
    from mtcr.audit.models import AuditEntry

    out, err = Console(soft_wrap=True), Console(stderr=True, soft_wrap=True)
    total = AuditEntry.objects.count()
    columns = (TextColumn("Verifying audit trail"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=err, transient=True) as bar:
        task = bar.add_task("verify", total=total)
        result = verify_chain(lambda checked: bar.update(task, completed=checked), chunk_size=chunk_size)
    if connection.vendor in ("postgresql", "sqlite") and not append_only.is_installed(connection):
        err.print("[yellow]warning:[/] the database's append-only triggers on the audit table are missing")
    if not result.ok:
        err.print(f"[red]audit trail broken:[/] {escape(result.reason)}")
        seq, intact = result.first_broken_seq, result.entries_checked
        err.print(f"first broken entry: {seq}; the {intact} before it are intact")
        raise typer.Exit(1)
    noun = "entry" if result.entries_checked == 1 else "entries"
    out.print(f"audit trail intact: {result.entries_checked} {noun}")
    if result.head_hash:
        out.print(f"head: entry {result.head_seq}, hash {result.head_hash}")


@audit_app.command()
def show(
    last: Annotated[int, typer.Option("--last", "-n", min=1, help="How many of the latest entries.")] = 20,
) -> None:
    """Print the latest entries of the trail, oldest first."""
    from mtcr.audit.selectors import entries
    from mtcr.audit.services import SYSTEM

    rows = list(entries(SYSTEM).order_by("-seq")[:last])[::-1]
    table = Table(title=f"Audit trail: last {len(rows)} entries")
    for column in ("#", "when (UTC)", "who", "for", "verb", "object", "changed"):
        table.add_column(column)
    for entry in rows:
        changed = "; ".join(
            f"{c.field}: {c.before} → {c.after}" if c.before is not None else f"{c.field}: {c.after}"
            for c in entry.changes()
        )
        cells = (
            str(entry.seq),
            entry.occurred_at.strftime("%Y-%m-%d %H:%M:%S"),
            entry.actor_label,
            entry.government_code or "—",
            entry.verb_label,
            entry.target_label or "—",
            changed or "—",
        )
        table.add_row(*(Text(cell) for cell in cells))
    Console().print(table)
