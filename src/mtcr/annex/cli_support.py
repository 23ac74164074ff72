"""Shared by ``mtcr annex`` and ``mtcr classify``: failing with a message, opening an edition."""

from __future__ import annotations

from pathlib import Path
from typing import NoReturn

import typer
from rich.console import Console
from rich.markup import escape

from mtcr.annex import versions as annex_versions
from mtcr.annex.errors import AnnexDataError
from mtcr.annex.loader import Annex

errors = Console(stderr=True, highlight=False)


def fail(message: str, code: int = 2) -> NoReturn:
    """Print ``message`` in red on standard error and exit (2: bad input; 1: invalid Annex data)."""
    errors.print(f"[red]{escape(message)}[/]")
    raise typer.Exit(code)


def open_annex(version_id: str | None, data_dir: Path | None) -> Annex:
    """An edition by id (``None``: the one in force), from another data folder if given."""
    try:
        return annex_versions.annex(version_id, data_dir)
    except annex_versions.UnknownVersion as exc:
        fail(f"Unknown Annex version {exc.version_id!r}. Known versions: {', '.join(exc.known)}.")
    except AnnexDataError as exc:
        fail(f"The Annex data is not valid: {exc}", code=1)
