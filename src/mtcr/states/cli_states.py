"""``mtcr states``: list the states and their standings, show one state's history, record a change.

The ``mtcr`` command configures Django before it runs these commands. A change is recorded as a named person
(``--as``), never as the system actor, which is kept for the reference data loader.
"""

from __future__ import annotations

import json
import re
from datetime import date
from typing import Annotated, NoReturn

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

states_app = typer.Typer(
    help="States and their standing over time: list them, show one, record a change of standing.",
    no_args_is_help=True,
)

NON_PARTNER = "non_partner"
FORMATS = ("table", "json")
#: The command-line option behind each field the service may name in an error.
OPTIONS = {
    "government_code": "CODE",
    "standing": "--standing",
    "entered": "--enter/--leave",
    "effective_on": "--on",
    "precision": "--year-only",
    "source": "--source",
    "evidence": "--evidence",
}


def _fail(message: str, option: str | None = None) -> NoReturn:
    """One red line on standard error, exit status 2."""
    where = f" ({option})" if option else ""
    Console(stderr=True, soft_wrap=True).print(f"[red]error{where}:[/] {escape(message)}")
    raise typer.Exit(2)


def _parse_day(value: str, *, year_only: bool = False) -> date:
    """``YYYY-MM-DD``; with ``year_only`` also ``YYYY`` (1 January)."""
    if year_only and re.fullmatch(r"\d{4}", value):
        return date(int(value), 1, 1)
    shape = "YYYY-MM-DD or YYYY" if year_only else "YYYY-MM-DD"
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        _fail(f"{value!r} is not a date written {shape}", "--on")
    try:
        return date.fromisoformat(value)
    except ValueError:
        _fail(f"{value!r} is not a calendar date", "--on")


def _since(change) -> dict[str, str]:
    return {"since": change.effective_on.isoformat(), "precision": change.precision}


def _rows(standing: str | None, on: date) -> list[dict]:
    """Every state (or those holding ``standing``) with the standings it holds on ``on``."""
    from mtcr.states import selectors
    from mtcr.states.models.standing import Standing

    held: dict[str, dict[str, dict[str, str]]] = {}
    for value in Standing.values:
        for government, change in selectors.governments_with_standing(value, on):
            held.setdefault(government.code, {})[value] = _since(change)
    if standing in Standing.values:
        pairs = selectors.governments_with_standing(standing, on)
        states = [government for government, _ in pairs]
    else:
        states = list(selectors.governments())
        if standing == NON_PARTNER:
            states = [g for g in states if Standing.MTCR_PARTNER not in held.get(g.code, {})]
    return [
        {
            "code": g.code,
            "name": g.name,
            "standings": held.get(g.code, {}),
            "non_partner": Standing.MTCR_PARTNER not in held.get(g.code, {}),
        }
        for g in states
    ]


def _since_label(since: dict[str, str]) -> str:
    day = date.fromisoformat(since["since"])
    return str(day.year) if since["precision"] == "year" else day.isoformat()


@states_app.command("list")
def list_states(
    standing: Annotated[
        str | None,
        typer.Option(
            help="Only states holding it: mtcr_partner, unilateral_adherent, hcoc_subscriber, non_partner."
        ),
    ] = None,
    on: Annotated[str | None, typer.Option(help="The date (YYYY-MM-DD); default today.")] = None,
    output: Annotated[str, typer.Option("--format", help="table or json.")] = "table",
) -> None:
    """List the states with their standings on a date (a non-partner holds no MTCR partner standing)."""
    from django.utils import timezone

    from mtcr.states.models.standing import Standing

    allowed = [*Standing.values, NON_PARTNER]
    if standing is not None and standing not in allowed:
        _fail(f"{standing!r} is not a standing; allowed: {', '.join(allowed)}", "--standing")
    if output not in FORMATS:
        _fail(f"{output!r} is not a format; allowed: {', '.join(FORMATS)}", "--format")
    day = _parse_day(on) if on is not None else timezone.localdate()
    rows = _rows(standing, day)
    if output == "json":
        typer.echo(json.dumps({"on": day.isoformat(), "standing": standing, "states": rows}, indent=2))
        return
    table = Table(title=f"{len(rows)} states on {day.isoformat()}" + (f" ({standing})" if standing else ""))
    for column in ("code", "state", "standings (since)"):
        table.add_column(column)
    for row in rows:
        held = ", ".join(f"{s} ({_since_label(v)})" for s, v in sorted(row["standings"].items()))
        label = held if not row["non_partner"] else ", ".join(filter(None, [NON_PARTNER, held]))
        table.add_row(Text(row["code"]), Text(row["name"]), Text(label))
    Console().print(table)


@states_app.command()
def show(code: Annotated[str, typer.Argument(help="ISO 3166-1 alpha-2 code, e.g. FR.")]) -> None:
    """Show a state's current standings and the dated history of its changes."""
    from mtcr.states import selectors
    from mtcr.states.models import Government
    from mtcr.states.models.standing import Standing

    try:
        government = selectors.government(code.strip())
    except Government.DoesNotExist:
        _fail(f"{code!r} is not an ISO 3166-1 alpha-2 code of a known state", "CODE")
    held = sorted(selectors.current_standings(government.code))
    if Standing.MTCR_PARTNER not in held:
        held.append(f"{NON_PARTNER} (no current MTCR partner standing)")
    console = Console()
    console.print(Text(f"{government.name} ({government.code}, {government.alpha3})", style="bold"))
    console.print(Text(f"Standings today: {', '.join(held)}"))
    table = Table(title="History of standing")
    for column in ("on", "standing", "change"):
        table.add_column(column)
    table.add_column("source", overflow="fold")
    table.add_column("evidence")
    for change in selectors.standing_history(government.code):
        verb = "entered" if change.entered else "left"
        cells = (change.effective_label, change.standing, verb, change.source or "—", change.evidence or "—")
        table.add_row(*(Text(cell) for cell in cells))
    console.print(table)


@states_app.command("record")
def record(
    code: Annotated[str, typer.Argument(help="ISO 3166-1 alpha-2 code of the state, e.g. IN.")],
    standing: Annotated[str, typer.Option(help="mtcr_partner, unilateral_adherent or hcoc_subscriber.")],
    on: Annotated[str, typer.Option(help="The day it takes effect (YYYY-MM-DD; YYYY with --year-only).")],
    source: Annotated[str, typer.Option(help="An http(s) address or a document reference.")],
    entered: Annotated[
        bool | None, typer.Option("--enter/--leave", help="Whether the state enters or leaves the standing.")
    ] = None,
    year_only: Annotated[
        bool, typer.Option("--year-only", help="Only the year is known (1 January).")
    ] = False,
    evidence: Annotated[str, typer.Option(help="What the source says.")] = "",
    username: Annotated[str | None, typer.Option("--as", help="The person recording the change.")] = None,
) -> None:
    """Record that a state entered or left a standing, acting as a named person (audited)."""
    from django.core.exceptions import PermissionDenied

    from mtcr.regime.errors import ApiError
    from mtcr.states.actor import actor_for_user
    from mtcr.states.models import User
    from mtcr.states.standings import record_standing_change

    if not username:
        _fail("say who records the change with --as USERNAME (the system actor is for the reference loader)")
    if entered is None:
        _fail("say whether the state enters or leaves the standing: --enter or --leave", "--enter/--leave")
    user = User.objects.filter(username=username).first()
    if user is None or not user.is_active:
        _fail(f"no active user named {username!r}", "--as")
    try:
        change = record_standing_change(
            actor=actor_for_user(user),
            government_code=code,
            standing=standing,
            entered=entered,
            effective_on=_parse_day(on, year_only=year_only),
            precision="year" if year_only else "day",
            source=source,
            evidence=evidence,
        )
    except ApiError as exc:
        _fail(exc.message, OPTIONS.get(exc.field or ""))
    except PermissionDenied as exc:
        _fail(str(exc), "--as")
    verb = "entered" if change.entered else "left"
    Console(soft_wrap=True).print(
        Text(
            f"Recorded: {change.government.name} ({change.government_id}) {verb} {change.standing} "
            f"on {change.effective_label}."
        )
    )
