"""Fixtures of the Annex pages and API."""

from __future__ import annotations

import pytest

from tests.annex.synthetic import SYNTHETIC


@pytest.fixture
def synthetic_data(settings) -> None:
    """Serve the small synthetic Annex (two editions, 2022-10 and 2024-04) instead of the shipped data."""
    settings.ANNEX_DATA_DIR = SYNTHETIC
