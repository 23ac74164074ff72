"""Fixtures of the states tests."""

from __future__ import annotations

import pytest

from mtcr.states.reference import LoadReport, load_reference_data


@pytest.fixture
def reference_data(db) -> LoadReport:
    """Every ISO state, the roles and the dated standings of the data files, as ``mtcr init`` loads them."""
    return load_reference_data()
