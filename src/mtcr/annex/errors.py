"""Errors of the Annex data: each names the file, the entry and the field at fault."""

from __future__ import annotations


class AnnexDataError(ValueError):
    """The Annex data is not valid; ``str()`` reads ``file, entry ID, field: what is wrong``."""

    def __init__(self, file: str, message: str, entry: str | None = None, field: str | None = None) -> None:
        self.file, self.entry, self.field, self.message = file, entry, field, message
        where = ", ".join(part for part in (file, f"entry {entry}" if entry else None, field) if part)
        super().__init__(f"{where}: {message}")
