"""``mtcr capability FILE``: the Category I/II verdict of a rocket or UAV from its design, and R(P).

The file is YAML or JSON (``--schema`` prints its JSON Schema). Output is a table for people or
``--format json`` (the JSON of ``CapabilityResult.to_dict``); ``--plot out.svg|out.png`` draws the trade-off
curve and the trajectory; ``--uncertainty N`` samples the declared uncertainties N times (Latin hypercube,
``--seed``). Exit status: 0 when assessed, 2 for a bad file or option.
"""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated, NoReturn

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from mtcr.capability.assess import assess
from mtcr.capability.result import CapabilityResult
from mtcr.capability.spec import Spec, SpecError, number_text, read_spec_file, spec_json_schema

console = Console(highlight=False)
errors = Console(stderr=True, highlight=False)


PLOT_FORMATS = ("svg", "png")


class Format(StrEnum):
    table = "table"
    json = "json"


def fail(message: str, code: int = 2) -> NoReturn:
    """Print ``message`` in red on standard error and exit with ``code``."""
    errors.print(f"[red]{escape(message)}[/]", soft_wrap=True)
    raise typer.Exit(code)


def verdict_text(result: CapabilityResult) -> str:
    """The verdict in one line of rich markup."""
    if result.category == "I":
        text = f"[bold red]Category I[/] ({result.entry})"
    elif result.category == "II":
        text = f"[bold yellow]Category II[/] ({result.entry})"
    elif result.decided:
        text = "[bold]No complete-system entry[/] (1.A, 19.A)"
    else:
        text = "[bold]Undecided[/]"
    if not result.decided:
        text = f"[bold magenta]Screen only, not a verdict:[/] {text}"
    return text


def _km(value: float | None) -> str:
    return "n/a" if value is None else f"{number_text(value)} km"


def _kg(value: float | None) -> str:
    return "n/a" if value is None else f"{number_text(value)} kg"


def _figures(result: CapabilityResult) -> Table:
    table = Table(show_header=False, box=None, pad_edge=False)
    table.add_column(style="bold")
    table.add_column()
    limit = result.payload_limit_kg
    beyond = result.range_km_at_500kg is None and limit is not None and limit < 500.0
    at_500 = "beyond the payload limit" if beyond else _km(result.range_km_at_500kg)
    table.add_row("Range with 500 kg", at_500)
    table.add_row(
        "Maximum range", f"{_km(result.max_range_km)} with {_kg(result.max_range_payload_kg)} of payload"
    )
    table.add_row("Largest payload to 300 km", _kg(result.payload_kg_at_300km))
    if result.margin_km is not None and result.margin_pct is not None:
        table.add_row("Margin", f"{result.margin_km:+,.1f} km ({result.margin_pct:+.1f} %)")
    table.add_row("Payload (declared)", _kg(result.payload_kg))
    table.add_row("Payload limit", _kg(result.payload_limit_kg) if result.payload_limit_kg else "not given")
    band = result.uncertainty
    if band is not None and band.valid:
        probability = band.probability_category_i
        table.add_row(
            "P(Category I)",
            "n/a" if probability is None else f"{probability * 100:.1f} % of {band.valid} samples",
        )
        if band.range_at_500_km is not None:
            r = band.range_at_500_km
            table.add_row("R(500 kg), 5-95 %", f"{number_text(r.p5)} to {number_text(r.p95)} km")
    rotation = result.rotation
    if rotation is not None:
        table.add_row(
            f"Rotating Earth, {rotation.latitude_deg:g}° latitude",
            f"east {_km(rotation.east_km)}, west {_km(rotation.west_km)} "
            f"(non-rotating {_km(rotation.non_rotating_km)}; with {_kg(rotation.payload_kg)})",
        )
    return table


def print_table(result: CapabilityResult, out: Console = console) -> None:
    """The assessment for people: verdict, figures, curve, reasons, flags, assumptions."""
    out.print(f"[bold]{escape(result.name)}[/] ({result.type.replace('_', ' ')})")
    out.print(verdict_text(result))
    out.print(_figures(result))
    curve = Table(title="Range against payload", title_justify="left")
    curve.add_column("Payload (kg)", justify="right")
    curve.add_column("Range (km)", justify="right")
    for point in result.curve:
        curve.add_row(number_text(point.payload_kg), number_text(point.range_km))
    out.print(curve)
    if result.payload_sum is not None:
        items = Table(title="Payload accounting", title_justify="left")
        for column in ("Item", "Mass (kg)", "Role"):
            items.add_column(column)
        for line in result.payload_sum.items:
            items.add_row(escape(line.name), number_text(line.mass_kg), line.role.replace("_", "-"))
        items.add_row("[bold]payload[/]", f"[bold]{number_text(result.payload_sum.payload_kg)}[/]", "")
        out.print(items)
    out.print("[bold]Why[/]")
    for reason in result.reasons:
        out.print(f"- {escape(reason)}")
    for flag in result.flags:
        out.print(f"[yellow]Note ({flag.id}):[/] {escape(flag.text)}")
    out.print("[bold]Assumptions[/]")
    for line in result.assumptions:
        out.print(f"[dim]{escape(line)}[/]")


def capability_command(
    file: Annotated[
        Path | None, typer.Argument(help="The system's design, a YAML or JSON file.", show_default=False)
    ] = None,
    format: Annotated[Format, typer.Option("--format", "-f", help="table or json.")] = Format.table,
    plot: Annotated[
        Path | None,
        typer.Option(
            "--plot", help="Draw the curve and trajectory to PATH (.svg or .png).", show_default=False
        ),
    ] = None,
    uncertainty: Annotated[
        int, typer.Option("--uncertainty", "-u", min=0, help="Latin-hypercube samples of the uncertainties.")
    ] = 0,
    seed: Annotated[int, typer.Option("--seed", help="Seed of the sampling (reproducible runs).")] = 0,
    schema: Annotated[
        bool, typer.Option("--schema", help="Print the JSON Schema of the input file and exit.")
    ] = False,
) -> None:
    """Assess a rocket or UAV from its design: Category I, II or neither, with curve, margin and reasons."""
    if schema:
        typer.echo(json.dumps(spec_json_schema(), ensure_ascii=False, indent=2))
        return
    if file is None:
        fail("Give the design file (YAML or JSON), or --schema for its format.")
    if plot is not None and plot.suffix.lower().lstrip(".") not in PLOT_FORMATS:
        fail(f"--plot {plot.name}: the plot file ends in .svg or .png")
    try:
        spec = read_spec_file(file)
        result = _run(spec, uncertainty, seed)
    except SpecError as exc:
        fail(f"{file.name}: {exc}")
    if plot is not None:
        from mtcr.capability.plot import write_plot  # matplotlib only when a plot is asked for

        try:
            write_plot(result, plot)
        except OSError as exc:
            fail(f"--plot {plot}: cannot be written: {exc.strerror or exc}")
    if format is Format.json:
        typer.echo(result.to_json())
    else:
        print_table(result)
        if plot is not None:
            console.print(f"[dim]Plot written to {escape(str(plot))}[/]")


def _run(spec: Spec, samples: int, seed: int) -> CapabilityResult:
    """Assess, with a progress bar on standard error while the uncertainty samples are flown."""
    if samples <= 0:
        return assess(spec, seed=seed)
    columns = (
        TextColumn("Sampling uncertainties"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=errors, transient=True) as bar:
        task = bar.add_task("samples", total=samples)

        def advance(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        return assess(spec, samples=samples, seed=seed, progress=advance)
