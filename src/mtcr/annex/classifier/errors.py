"""Errors in an item description: each names the field at fault and what is allowed there."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


class ItemError(ValueError):
    """The item description cannot be classified; ``str()`` reads ``field: what is wrong``."""

    def __init__(self, field: str, message: str) -> None:
        self.field, self.message = field, message
        super().__init__(f"{field}: {message}")


def suggest(word: str, choices: Iterable[str], limit: int = 3) -> str:
    """`` (did you mean a, b?)`` for the nearest known ids, or an empty string."""
    close = difflib.get_close_matches(word, list(choices), n=limit, cutoff=0.6)
    return f" (did you mean {', '.join(close)}?)" if close else ""
