"""The integrator's step: the default resolution against steps eight times finer, and the search's coarse
steps against the default at every pitch angle (a descending body must not overshoot into the air)."""

from __future__ import annotations

import math

import pytest

from mtcr.capability.rocket.max_range import SEARCH_COARSENING, max_range
from mtcr.capability.rocket.plan import DEFAULT_RESOLUTION, build_plan
from mtcr.capability.rocket.vehicle import Reentry, RocketVehicle, Stage

VEHICLES = {
    "Scud-B": (RocketVehicle((Stage(4_897.0, 3_699.0, 230.0, 75.0, 0.84),)), 1_000.0, 2e-5),
    "No-dong": (RocketVehicle((Stage(19_900.0, 16_000.0, 240.0, 70.0, 0.88),)), 1_000.0, 2e-5),
    "two-stage, coast, exit areas, RV": (
        RocketVehicle(
            (
                Stage(9_000.0, 7_800.0, 265.0, 60.0, 1.2, nozzle_exit_area_m2=0.5, coast_after_s=5.0),
                Stage(3_000.0, 2_600.0, 285.0, 55.0, 1.2, nozzle_exit_area_m2=0.4),
            ),
            Reentry(separates=True, ballistic_coefficient_kg_m2=3_000.0),
        ),
        700.0,
        2e-5,
    ),
    "low-beta RV": (
        RocketVehicle((Stage(19_900.0, 16_000.0, 240.0, 70.0, 0.88),), Reentry(True, 100.0)),
        1_000.0,
        2e-4,
    ),
}


@pytest.mark.parametrize("name", list(VEHICLES))
def test_default_steps_are_converged(name: str) -> None:
    vehicle, payload, tolerance = VEHICLES[name]
    pitch = math.radians(max_range(vehicle, payload).trajectory.guidance.pitch_angle_deg)
    default = build_plan(vehicle, payload).range_m(pitch)
    fine = build_plan(vehicle, payload, resolution=DEFAULT_RESOLUTION.refined(8.0)).range_m(pitch)
    assert default == pytest.approx(fine, rel=tolerance)


@pytest.mark.parametrize("name", list(VEHICLES))
def test_search_steps_agree_with_the_default_at_every_angle(name: str) -> None:
    vehicle, payload, _ = VEHICLES[name]
    default = build_plan(vehicle, payload)
    coarse = build_plan(vehicle, payload, resolution=DEFAULT_RESOLUTION.refined(1.0 / SEARCH_COARSENING))
    for pitch_deg in range(5, 90, 4):
        pitch = math.radians(pitch_deg)
        assert coarse.range_m(pitch) == pytest.approx(default.range_m(pitch), rel=1e-2)
