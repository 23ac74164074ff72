"""The editions of the Annex held as data (``versions.yaml``): which exist, which is current, where they live.

``MTCR_ANNEX_DATA_DIR`` points the command line and the web application at another data folder (a draft
edition under review, or the small test folder); by default the data shipped with the package is used.
"""

from __future__ import annotations

import os
from pathlib import Path

from mtcr.annex.errors import AnnexDataError
from mtcr.annex.loader import DATA_DIR, Annex, _read_yaml, _validate, load_annex
from mtcr.annex.schema import Version, VersionsFile

ENVIRONMENT = "MTCR_ANNEX_DATA_DIR"


class UnknownVersion(LookupError):
    """No edition has this id; ``known`` lists those that do."""

    def __init__(self, version_id: str, known: list[str]) -> None:
        self.version_id, self.known = version_id, known
        super().__init__(f"no Annex version {version_id!r}; known versions: {', '.join(known)}")


def default_data_dir() -> Path:
    """The data folder: ``MTCR_ANNEX_DATA_DIR`` when set, else the package's own data."""
    configured = os.environ.get(ENVIRONMENT)
    return Path(configured) if configured else DATA_DIR


def versions_file(data_dir: Path | None = None) -> VersionsFile:
    """Every edition and the id of the current one, as ``versions.yaml`` declares them."""
    path = (data_dir or default_data_dir()) / "versions.yaml"
    if not path.exists():
        raise AnnexDataError(path.name, "missing: the data folder must declare its versions")
    return _validate(VersionsFile, _read_yaml(path), path)


def versions(data_dir: Path | None = None) -> list[Version]:
    """Every edition, oldest in force first."""
    return sorted(versions_file(data_dir).versions, key=lambda v: (v.in_force_on, v.adopted_on, v.id))


def version(version_id: str | None = None, data_dir: Path | None = None) -> Version:
    """One edition (``None``: the current one); raises :class:`UnknownVersion`."""
    declared = versions_file(data_dir)
    wanted = version_id or declared.current
    found = next((v for v in declared.versions if v.id == wanted), None)
    if found is None:
        raise UnknownVersion(wanted, [v.id for v in declared.versions])
    return found


def annex(version_id: str | None = None, data_dir: Path | None = None) -> Annex:
    """An edition loaded (once); ``None`` is the current edition; raises :class:`UnknownVersion`."""
    folder = data_dir or default_data_dir()
    found = version(version_id, folder)
    return load_annex(found.id, data_dir=folder)
