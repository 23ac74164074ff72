"""A disk cache of loaded Annex editions, so that a process starts without re-parsing the YAML files.

The key is a SHA-256 over every data file (name and bytes) and over the source of the schema and the
loader, so any change to the data or to the code that reads it makes a new entry. The cache lives in
``MTCR_CACHE_DIR`` (default ``$XDG_CACHE_HOME/mtcr`` or ``~/.cache/mtcr``); it holds only what this program
wrote there, and an unreadable or unwritable cache is simply skipped.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from pathlib import Path
from typing import Any

_CODE = [Path(__file__).with_name(name) for name in ("schema.py", "loader.py", "cache.py")]


def cache_dir() -> Path:
    if configured := os.environ.get("MTCR_CACHE_DIR"):
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "mtcr"


def fingerprint(data_dir: Path, version_id: str | None) -> str:
    """SHA-256 of the edition's inputs: every YAML file under ``data_dir`` and the reading code."""
    digest = hashlib.sha256(f"{version_id}\0".encode())
    for path in sorted(data_dir.rglob("*.yaml")) + _CODE:
        digest.update(str(path.relative_to(path.parents[1])).encode() + b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()


def read(key: str) -> Any | None:
    path = cache_dir() / f"annex-{key}.pickle"
    try:
        with path.open("rb") as handle:
            return pickle.load(handle)  # our own cache, keyed by content hash
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        return None


def write(key: str, value: Any) -> None:
    """Write atomically (temporary file, then rename); failures are ignored."""
    folder = cache_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, delete=False, suffix=".tmp") as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(handle.name, folder / f"annex-{key}.pickle")
    except OSError:
        return
