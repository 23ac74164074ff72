"""``mtcr annex``: list, show and search the entries of the Annex, list its versions and compare two.

Output is a table or text for people and ``--format json`` for other programs. An unknown entry or version
is reported on standard error with exit status 2.
"""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from mtcr.annex import versions as annex_versions
from mtcr.annex.cli_support import fail, open_annex
from mtcr.annex.describe import BASIS, Clause, clauses
from mtcr.annex.diff import diff
from mtcr.annex.errors import AnnexDataError
from mtcr.annex.export import entry_detail, entry_summary, hit_data, version_data
from mtcr.annex.loader import Annex
from mtcr.annex.search import search as search_annex

annex_app = typer.Typer(no_args_is_help=True, rich_markup_mode="rich")
console = Console(highlight=False)


class Format(StrEnum):
    table = "table"
    json = "json"


class TextFormat(StrEnum):
    text = "text"
    json = "json"


VersionOption = Annotated[
    str | None, typer.Option("--version", "-v", help="An Annex version id; default: the version in force.")
]
DataOption = Annotated[
    Path | None,
    typer.Option(
        "--data-dir",
        envvar=annex_versions.ENVIRONMENT,
        help="Another Annex data folder (a draft edition under review).",
        show_default=False,
    ),
]


def _print_json(data: Any) -> None:
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2))


@annex_app.command()
def entries(
    version: VersionOption = None,
    format: Annotated[Format, typer.Option("--format", "-f", help="table or json.")] = Format.table,
    data_dir: DataOption = None,
) -> None:
    """Every entry of a version of the Annex, in document order."""
    annex = open_annex(version, data_dir)
    if format is Format.json:
        _print_json([entry_summary(entry) for entry in annex.entries.values()])
        return
    table = Table(title=f"MTCR Annex, version {escape(annex.version.id)}: {len(annex.entries)} entries")
    for column in ("Entry", "Category", "Title"):
        table.add_column(column)
    for entry in annex.entries.values():
        indent = "  " * max(0, entry.depth - 1)
        table.add_row(escape(entry.id), entry.category or "-", escape(indent + entry.title))
    console.print(table)


def _clause_lines(clause: Clause, depth: int = 0) -> list[str]:
    exact = f"  [{clause.comparison}]" if clause.comparison else ""
    lines = ["  " * depth + f"- {clause.text}{':' if clause.joiner else ''}{exact}"]
    for child in clause.children:
        lines += _clause_lines(child, depth + 1)
    return lines


def _show_text(annex: Annex, entry_id: str) -> None:
    entry, data = annex.entries[entry_id], entry_detail(annex, annex.entries[entry_id])
    out = [f"{entry.id}  {entry.title}"]
    category = f"Category {entry.category}" if entry.category else "no category (empty group)"
    out.append(f"{category} · Item {entry.item} · version {annex.version.id}")
    if data["ancestors"]:
        out.append("Within: " + " > ".join(f"{a} {annex.entries[a].title}" for a in data["ancestors"]))
    out += ["", entry.description]
    if entry.criteria is not None:
        out += ["", "Controlled when:", *_clause_lines(clauses(entry.criteria, annex), 1)]
    for exclusion in entry.exclusions:
        effect = "excluded" if exclusion.effect == "excluded" else "may be treated as Category II"
        out += ["", f"Exclusion ({effect}): {exclusion.text}"]
    for heading, items in (("Notes", entry.notes), ("Technical notes", entry.technical_notes)):
        if items:
            out += ["", f"{heading}:", *[f"  - {item}" for item in items]]
    facts = [
        ("Definitions used", ", ".join(d["term"] for d in data["definitions"])),
        ("Related entries", ", ".join(entry.related)),
        ("CAS numbers", ", ".join(entry.cas_numbers)),
        ("EU equivalents", ", ".join(entry.equivalents.eu)),
        ("US equivalents", ", ".join(entry.equivalents.us)),
        ("Other equivalents", ", ".join(entry.equivalents.other)),
        ("Sub-entries", ", ".join(data["children"])),
        ("Basis", f"{entry.basis} ({BASIS.get(entry.basis, 'not explained')})"),
        ("Sources", ", ".join(entry.sources)),
    ]
    out += [""] + [f"{label}: {value}" for label, value in facts if value]
    for line in out:
        console.print(escape(line))


@annex_app.command()
def show(
    entry_id: Annotated[str, typer.Argument(metavar="ID", help="An entry id such as 3.A.7.")],
    version: VersionOption = None,
    format: Annotated[TextFormat, typer.Option("--format", "-f", help="text or json.")] = TextFormat.text,
    data_dir: DataOption = None,
) -> None:
    """One entry: its description, criteria in words, notes, exclusions, definitions and equivalents."""
    annex = open_annex(version, data_dir)
    wanted = entry_id.strip()
    found = annex.entries.get(wanted) or next(
        (e for e in annex.entries.values() if e.id.casefold() == wanted.casefold()), None
    )
    if found is None:
        hint = search_annex(annex, wanted, limit=3)
        suggestion = f" Did you mean {', '.join(h.entry_id for h in hint)}?" if hint else ""
        fail(f"No entry {wanted!r} in Annex version {annex.version.id}.{suggestion}")
    if format is TextFormat.json:
        _print_json(entry_detail(annex, found))
    else:
        _show_text(annex, found.id)


@annex_app.command()
def search(
    text: Annotated[str, typer.Argument(help="Words, an entry id or a CAS number.")],
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, max=200, help="At most this many.")] = 20,
    version: VersionOption = None,
    format: Annotated[Format, typer.Option("--format", "-f", help="table or json.")] = Format.table,
    data_dir: DataOption = None,
) -> None:
    """Search the entries by words, entry id or CAS number, best first, with why each matched."""
    annex = open_annex(version, data_dir)
    hits = search_annex(annex, text, limit=limit)
    if format is Format.json:
        _print_json([hit_data(hit) for hit in hits])
        return
    if not hits:
        console.print(f"No entry matches {escape(repr(text))} in version {escape(annex.version.id)}.")
        return
    table = Table(title=f"{len(hits)} result{'s' if len(hits) != 1 else ''} for {escape(repr(text))}")
    for column in ("Entry", "Title", "Why"):
        table.add_column(column)
    for hit in hits:
        table.add_row(escape(hit.entry_id), escape(hit.title), escape("; ".join(hit.reasons)))
    console.print(table)


@annex_app.command("diff")
def diff_command(
    before: Annotated[str, typer.Argument(metavar="A", help="The earlier version id.")],
    after: Annotated[str, typer.Argument(metavar="B", help="The later version id.")],
    format: Annotated[TextFormat, typer.Option("--format", "-f", help="text or json.")] = TextFormat.text,
    data_dir: DataOption = None,
) -> None:
    """Entries added, removed and changed from version A to version B, threshold by threshold."""
    result = diff(open_annex(before, data_dir), open_annex(after, data_dir))
    if format is TextFormat.json:
        _print_json(result.as_dict())
        return
    for line in result.lines():
        console.print(escape(line), soft_wrap=True)


@annex_app.command("versions")
def versions_command(
    format: Annotated[Format, typer.Option("--format", "-f", help="table or json.")] = Format.table,
    data_dir: DataOption = None,
) -> None:
    """The versions of the Annex held, which is in force, and which official edition each follows."""
    try:
        declared = annex_versions.versions_file(data_dir)
    except AnnexDataError as exc:
        fail(f"The Annex data is not valid: {exc}", code=1)
    held = annex_versions.versions(data_dir)
    if format is Format.json:
        _print_json([version_data(v, declared.current) for v in held])
        return
    table = Table(title="Versions of the MTCR Annex")
    for column in ("Version", "Title", "Adopted by", "Adopted", "In force"):
        table.add_column(column)
    for v in held:
        label = f"{v.id} (current)" if v.id == declared.current else v.id
        table.add_row(escape(label), escape(v.title), escape(v.adopted_by), v.adopted_on, v.in_force_on)
    console.print(table)
    for v in held:
        console.print(f"\n[bold]{escape(v.id)}[/] follows: {escape(v.follows)}")
