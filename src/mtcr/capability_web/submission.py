"""A system as submitted on the page, text or uploaded file, read into the mapping the engine takes.

Nothing here touches Django's request: the view hands over text (or the bytes of an upload) and gets a mapping
back, or a ``SpecError`` naming what is wrong. The shipped examples live in ``examples/``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from mtcr.capability import SpecError

MAX_BYTES = 256 * 1024
EXAMPLES_DIR = Path(__file__).resolve().parent / "examples"
DEFAULT_EXAMPLE = "scud-b-forden"


@dataclass(frozen=True, slots=True)
class Example:
    """A shipped example: its file stem, the system's name and the file's text."""

    id: str
    name: str
    text: str


@cache
def examples() -> dict[str, Example]:
    """The shipped examples by id (file stem), in name order."""
    found = []
    for path in sorted(EXAMPLES_DIR.glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        found.append(Example(path.stem, str(yaml.safe_load(text)["name"]), text))
    return {example.id: example for example in sorted(found, key=lambda e: e.name)}


def decode(data: bytes, filename: str = "upload") -> str:
    """The text of an uploaded file: UTF-8, at most ``MAX_BYTES``."""
    if len(data) > MAX_BYTES:
        raise SpecError(filename, f"is {len(data) // 1024:,} KB; the limit is {MAX_BYTES // 1024} KB")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise SpecError(filename, "is not UTF-8 text; upload a YAML or JSON file") from None


def read_system(text: str, filename: str = "") -> dict[str, Any]:
    """The system described by ``text``: JSON when the file ends in .json or the text starts with '{', else
    YAML. ``SpecError`` (field ``system``) when it cannot be read or is not a mapping."""
    if len(text.encode("utf-8")) > MAX_BYTES:
        raise SpecError("system", f"is longer than {MAX_BYTES // 1024} KB")
    if not text.strip():
        raise SpecError("system", "is empty: describe the system in YAML or JSON, or upload a file")
    is_json = filename.lower().endswith(".json") or text.lstrip().startswith("{")
    try:
        data = json.loads(text) if is_json else yaml.safe_load(text)
    except (json.JSONDecodeError, yaml.YAMLError) as exc:
        raise SpecError("system", f"is not valid {'JSON' if is_json else 'YAML'}: {exc}") from None
    except RecursionError:
        raise SpecError("system", "is nested too deeply") from None
    if not isinstance(data, dict):
        raise SpecError("system", "must be a mapping with at least 'name' and 'type'")
    return data
