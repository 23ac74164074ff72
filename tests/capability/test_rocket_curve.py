"""The range-payload curve: the same maxima as one search per payload, falling with payload; and the
engine against the plain SciPy reference kept in benchmarks/ (same physics, written independently)."""

from __future__ import annotations

import importlib.util
import math
from pathlib import Path

import pytest

from mtcr.capability.rocket.max_range import fly_pitch, max_range, range_curve
from mtcr.capability.rocket.vehicle import Reentry, RocketVehicle, Stage

SCUD_B = RocketVehicle((Stage(4_897.0, 3_699.0, 230.0, 75.0, 0.84),))
REFERENCE = Path(__file__).resolve().parents[2] / "benchmarks" / "rocket_reference.py"


def test_curve_points_are_the_single_searches() -> None:
    payloads = [200.0, 500.0, 800.0, 1_100.0, 1_400.0]
    curve = range_curve(SCUD_B, payloads)
    ranges = [r.range_km for r in curve]
    assert ranges == sorted(ranges, reverse=True)
    for payload, point in zip(payloads, curve, strict=True):
        assert point.payload_kg == payload
        assert point.range_km == pytest.approx(max_range(SCUD_B, payload).range_km, rel=1e-5)


def test_curve_in_any_order_and_empty() -> None:
    assert range_curve(SCUD_B, []) == []
    down = range_curve(SCUD_B, [1_400.0, 200.0])
    assert down[0].range_km == pytest.approx(max_range(SCUD_B, 1_400.0).range_km, rel=1e-5)
    assert down[1].range_km == pytest.approx(max_range(SCUD_B, 200.0).range_km, rel=1e-5)


def test_engine_agrees_with_the_scipy_reference() -> None:
    spec = importlib.util.spec_from_file_location("rocket_reference", REFERENCE)
    assert spec is not None and spec.loader is not None
    reference = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(reference)
    vehicle = RocketVehicle(
        (
            Stage(9_000.0, 7_800.0, 265.0, 60.0, 1.2, nozzle_exit_area_m2=0.5, coast_after_s=5.0),
            Stage(3_000.0, 2_600.0, 285.0, 55.0, 1.2, nozzle_exit_area_m2=0.4),
        ),
        Reentry(separates=True, ballistic_coefficient_kg_m2=3_000.0),
    )
    ours = fly_pitch(vehicle, 700.0, 60.0).range_km
    theirs = reference.range_km(vehicle, 700.0, 60.0, rtol=1e-9, atol=1e-6)
    assert math.isfinite(ours)
    assert ours == pytest.approx(theirs, rel=1e-4)
