"""Every read of the Annex for pages and the API: the editions come from data files, not the database.

``settings.ANNEX_DATA_DIR`` (optional) points at another data folder; otherwise ``MTCR_ANNEX_DATA_DIR`` or the
package's own data is used.
"""

from __future__ import annotations

from pathlib import Path

from django.conf import settings

from mtcr.annex import versions as annex_versions
from mtcr.annex.loader import Annex
from mtcr.annex.schema import Version, VersionsFile
from mtcr.annex.versions import UnknownVersion

__all__ = ["UnknownVersion", "annex", "current_version_id", "data_dir", "versions", "versions_file"]


def data_dir() -> Path:
    configured = getattr(settings, "ANNEX_DATA_DIR", None)
    return Path(configured) if configured else annex_versions.default_data_dir()


def versions_file() -> VersionsFile:
    return annex_versions.versions_file(data_dir())


def versions() -> list[Version]:
    """Every edition held, oldest in force first."""
    return annex_versions.versions(data_dir())


def current_version_id() -> str:
    return versions_file().current


def annex(version_id: str | None = None) -> Annex:
    """An edition (``None`` or ``""``: the one in force); raises :class:`UnknownVersion`."""
    return annex_versions.annex(version_id or None, data_dir())
