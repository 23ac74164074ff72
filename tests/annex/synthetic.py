"""A small synthetic Annex (``tests/annex/data``): editions 2022-10 and 2024-04, which differ on purpose."""

from __future__ import annotations

from pathlib import Path

from mtcr.annex.loader import Annex, load_annex

SYNTHETIC = Path(__file__).parent / "data"


def synthetic(version_id: str | None = None) -> Annex:
    return load_annex(version_id, data_dir=SYNTHETIC)
