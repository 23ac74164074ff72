"""Keeps numba's on-disk cache of the rocket engine consistent with its sources.

The compiled functions are cached with ``@njit(cache=True)``: numba writes them next to the sources (the
``__pycache__`` folder), or, when that folder is not writable, to the user-wide cache folder, or to
``NUMBA_CACHE_DIR`` when it is set. Numba checks the source of the cached function's own file only, so a
change to a function it calls in another file (the atmosphere, the drag table, the integrator) would leave
stale machine code behind. Before the engine is imported, this module hashes all the engine's sources and,
when the hash differs from the one stamped in a cache folder, deletes that folder's engine entries.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

_ROCKET = Path(__file__).resolve().parent
_CAPABILITY = _ROCKET.parent
_SOURCES = sorted([_CAPABILITY / "atmosphere.py", _CAPABILITY / "earth.py", *_ROCKET.glob("*.py")])
_STAMP = "mtcr-rocket-sources.sha256"


def sources_digest() -> str:
    digest = hashlib.sha256()
    for path in _SOURCES:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _cache_folders(source_dir: Path) -> list[Path]:
    """Where numba may cache functions of the files in ``source_dir`` (numba.core.caching locators)."""
    folders = [source_dir / "__pycache__"]
    try:
        from numba.core import config
        from numba.core.caching import _CacheLocator
        from numba.misc.appdirs import AppDirs
    except ImportError:  # another numba layout: only the in-tree cache is refreshed
        return folders
    subpath = _CacheLocator.get_suitable_cache_subpath(str(source_dir / "x.py"))
    if config.CACHE_DIR:
        folders.append(Path(config.CACHE_DIR) / subpath)
    folders.append(Path(AppDirs(appname="numba", appauthor=False).user_cache_dir) / subpath)
    return folders


def refresh() -> None:
    """Delete cached engine functions compiled from other sources than the present ones."""
    digest = sources_digest()
    engine_prefixes = {_ROCKET: None, _CAPABILITY: ("atmosphere.",)}
    for source_dir, prefixes in engine_prefixes.items():
        for folder in _cache_folders(source_dir):
            stamp = folder / _STAMP
            try:
                if not folder.is_dir() or (stamp.is_file() and stamp.read_text() == digest):
                    continue
                for entry in folder.iterdir():
                    ours = prefixes is None or entry.name.startswith(prefixes)
                    if entry.suffix in (".nbi", ".nbc") and ours:
                        entry.unlink(missing_ok=True)
                stamp.write_text(digest)
            except OSError:
                continue  # a read-only cache folder is not ours to fix


refresh()
