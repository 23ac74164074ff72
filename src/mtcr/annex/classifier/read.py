"""Read an item description from a mapping or a YAML/JSON file, with errors that name the field."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from mtcr.annex.classifier.errors import ItemError
from mtcr.annex.classifier.item import ItemDescription


def parse_item(data: Any) -> ItemDescription:
    """An :class:`ItemDescription` from a mapping; ``ItemError`` names the first field at fault."""
    if isinstance(data, ItemDescription):
        return data
    if not isinstance(data, Mapping):
        raise ItemError("item", "give a mapping with at least 'kind'")
    try:
        return ItemDescription.model_validate(dict(data))
    except ValidationError as exc:
        error = exc.errors()[0]
        where = ".".join(str(part) for part in error["loc"] if not _is_union_tag(part)) or "item"
        raise ItemError(where, error["msg"]) from None


def _is_union_tag(part: object) -> bool:
    """Pydantic names the union member it tried (``float``, ``Quantity``); the user's field path does not."""
    return isinstance(part, str) and (
        part in {"bool", "float", "int", "str", "Quantity"} or part.startswith("function-")
    )


def read_item_file(path: Path) -> ItemDescription:
    """Read ``path`` (``.json``, or YAML otherwise)."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ItemError(str(path.name), f"cannot be read: {exc.strerror or exc}") from None
    try:
        data = json.loads(text) if path.suffix.lower() == ".json" else yaml.safe_load(text)
    except (json.JSONDecodeError, yaml.YAMLError) as exc:
        raise ItemError(
            str(path.name), f"is not valid {'JSON' if path.suffix.lower() == '.json' else 'YAML'}: {exc}"
        ) from None
    return parse_item(data)
