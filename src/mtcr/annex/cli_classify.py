"""``mtcr classify ITEM``: the Annex entries an item falls under, why, what it narrowly misses, what to ask.

The item file is YAML or JSON (``--schema`` prints its JSON Schema). Answers given with ``--answer id=yes``
are added to those in the file, so a user can answer the questions the result lists and run it again.
Output is a table for people or ``--format json``. Exit status: 0 when classified, 2 for a bad item file,
option or version, 1 when the Annex data itself is not valid.
"""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from mtcr.annex import versions as annex_versions
from mtcr.annex.classifier import (
    CapabilityAssessor,
    Classification,
    EntryExplanation,
    ItemError,
    classify,
    explain_entry,
    item_json_schema,
    read_item_file,
)
from mtcr.annex.cli_support import fail, open_annex

console = Console(highlight=False)
YES = {"yes", "y", "true", "1"}
NO = {"no", "n", "false", "0"}


class Format(StrEnum):
    table = "table"
    json = "json"


def _capability_engine() -> CapabilityAssessor:
    """The capability engine, which decides complete systems (1.A, 19.A) when an item gives its ``design``."""
    from mtcr.capability.classifier_bridge import assessor

    return assessor()


def parse_answers(raw: list[str]) -> dict[str, bool]:
    """``["usable_in_1a_systems=yes", ...]`` as a mapping; ``typer.BadParameter`` names a malformed one."""
    answers: dict[str, bool] = {}
    for text in raw:
        question, sep, value = text.partition("=")
        word = value.strip().lower()
        if not sep or not question.strip() or word not in YES | NO:
            raise typer.BadParameter(f"{text!r}: write QUESTION=yes or QUESTION=no", param_hint="--answer")
        answers[question.strip()] = word in YES
    return answers


def _verdict(result: Classification) -> str:
    if result.controlled:
        treatment = [m.entry for m in result.matches if m.category_ii_treatment]
        text = f"[bold]Controlled: Category {result.category}[/]"
        if treatment:
            text += f" (Category II treatment possible for {', '.join(treatment)})"
    elif result.undecided:
        text = "[bold]Not decided[/]: answer the questions below"
    else:
        text = "[bold]Not listed[/] in the Annex"
    if result.controlled and not result.decided:
        text += " [yellow](questions remain)[/]"
    return text


def _reasons(lines: tuple[str, ...] | list[str]) -> str:
    return "\n".join(f"- {escape(line)}" for line in lines)


def print_table(result: Classification, out: Console = console) -> None:
    """The classification for people: verdict, matches, exclusions, near misses, questions, flags, notes."""
    name = result.item.get("name") or result.item["kind"]
    out.print(f"[bold]{escape(name)}[/] ({escape(result.item['kind'])}), Annex {result.annex_version}")
    out.print(_verdict(result))
    if result.matches:
        table = Table(title="Entries the item falls under", show_lines=True, title_justify="left")
        for column in ("Entry", "Cat.", "Title", "Reasons"):
            table.add_column(column, overflow="fold")
        for match in result.matches:
            category = match.category + (" (II treatment)" if match.category_ii_treatment else "")
            reasons = list(match.reasons)
            if match.pending:
                reasons.append("pending: " + ", ".join(match.pending))
            table.add_row(match.entry, category, escape(match.title), _reasons(reasons))
        out.print(table)
    if result.excluded:
        table = Table(title="Taken out by an exclusion", show_lines=True, title_justify="left")
        for column in ("Entry", "Cat.", "Exclusion", "Reasons"):
            table.add_column(column, overflow="fold")
        for hit in result.excluded:
            table.add_row(hit.entry, hit.category, escape(hit.text), _reasons(hit.reasons))
        out.print(table)
    if result.near_misses:
        table = Table(title="Near misses (10 % or less)", title_justify="left")
        for column in ("Entry", "Cat.", "Missed by"):
            table.add_column(column, overflow="fold")
        for miss in result.near_misses:
            table.add_row(miss.entry, miss.category, escape(miss.reason))
        out.print(table)
    if result.undecided:
        table = Table(title="Not decided", title_justify="left")
        for column in ("Entry", "Cat.", "Title", "Needs"):
            table.add_column(column, overflow="fold")
        for pending in result.undecided:
            table.add_row(
                pending.entry, pending.category, escape(pending.title), ", ".join(pending.questions)
            )
        out.print(table)
    if result.questions:
        table = Table(
            title="Questions (answer with --answer ID=yes|no, or give the value)", title_justify="left"
        )
        for column in ("Id", "Question", "Decides"):
            table.add_column(column, overflow="fold")
        for question in result.questions:
            table.add_row(question.id, escape(question.text), ", ".join(question.entries))
        out.print(table)
    for flag in result.flags:
        out.print(f"[yellow]Note ({flag['id']}):[/] {escape(flag['text'])}")
    for note in result.notes:
        out.print(f"[dim]{escape(note)}[/]")


def print_explanation(explanation: EntryExplanation, out: Console = console) -> None:
    status = explanation.status.replace("_", " ")
    out.print(f"[bold]Why {explanation.entry}:[/] {status}")
    if explanation.reasons:
        out.print(_reasons(explanation.reasons))
    if explanation.questions:
        out.print("needs: " + ", ".join(explanation.questions))


def classify_command(
    item: Annotated[
        Path | None,
        typer.Argument(help="The item description, a YAML or JSON file.", show_default=False),
    ] = None,
    format: Annotated[Format, typer.Option("--format", "-f", help="table or json.")] = Format.table,
    schema: Annotated[
        bool, typer.Option("--schema", help="Print the JSON Schema of the item description and exit.")
    ] = False,
    answer: Annotated[
        list[str] | None,
        typer.Option("--answer", "-a", help="QUESTION=yes|no; repeat for each answer.", show_default=False),
    ] = None,
    why: Annotated[
        list[str] | None,
        typer.Option(
            "--why", help="Also explain how this entry judges the item (repeatable).", show_default=False
        ),
    ] = None,
    version: Annotated[
        str | None,
        typer.Option("--version", "-v", help="An Annex version id; default: the version in force."),
    ] = None,
    data_dir: Annotated[
        Path | None,
        typer.Option(
            "--data-dir",
            envvar=annex_versions.ENVIRONMENT,
            help="Another Annex data folder (a draft edition under review).",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Classify an item against the Annex: the entries and Category, why, near misses and questions."""
    answers = parse_answers(answer or [])
    annex = open_annex(version, data_dir)
    if schema:
        typer.echo(json.dumps(item_json_schema(annex), ensure_ascii=False, indent=2))
        return
    if item is None:
        fail("Give the item file (YAML or JSON), or --schema for its format.")
    try:
        described = read_item_file(item)
        engine = _capability_engine()
        result = classify(described, annex=annex, answers=answers, capability=engine)
        explained = [
            explain_entry(described, entry, annex=annex, answers=answers, capability=engine)
            for entry in why or []
        ]
    except ItemError as exc:
        fail(f"{item.name}: {exc}")
    if format is Format.json:
        data = result.to_dict()
        if explained:
            data["why"] = [explanation.to_dict() for explanation in explained]
        typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        print_table(result)
        for explanation in explained:
            print_explanation(explanation)
