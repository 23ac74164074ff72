"""The vehicle description refuses what cannot be flown, with a message naming the fault; the drag table."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from mtcr.capability.rocket.drag import DEFAULT_DRAG_TABLE, drag_coefficient, pack_tables
from mtcr.capability.rocket.max_range import max_range
from mtcr.capability.rocket.rotating import RotatingEarth
from mtcr.capability.rocket.vehicle import Reentry, RocketVehicle, Stage

GOOD = dict(gross_mass_kg=4_897.0, propellant_mass_kg=3_699.0, isp_s=230.0, burn_time_s=75.0, diameter_m=0.84)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (dict(propellant_mass_kg=5_000.0), "below its gross mass"),
        (dict(isp_s=0.0), "isp_s must be a positive"),
        (dict(burn_time_s=float("nan")), "burn_time_s must be a positive"),
        (dict(diameter_m=-1.0), "diameter_m must be a positive"),
        (dict(nozzle_exit_area_m2=-0.1), "nozzle exit area"),
        (dict(coast_after_s=-1.0), "coast after burnout"),
        (dict(drag_table=()), "drag table is empty"),
        (dict(drag_table=((0.0, 0.2), (0.0, 0.3))), "increase strictly"),
        (dict(drag_table=((0.0, -0.2),)), "not negative"),
    ],
)
def test_stage_refuses_bad_values(change: dict, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        Stage(**{**GOOD, **change})


def test_vehicle_has_one_to_four_stages_and_a_positive_ballistic_coefficient() -> None:
    stage = Stage(**GOOD)
    with pytest.raises(ValueError, match="1 to 4 stages"):
        RocketVehicle(())
    with pytest.raises(ValueError, match="1 to 4 stages"):
        RocketVehicle((stage,) * 5)
    with pytest.raises(ValueError, match="ballistic coefficient"):
        Reentry(separates=True, ballistic_coefficient_kg_m2=0.0)
    assert RocketVehicle([stage]).stages == (stage,)  # a list is accepted and frozen


def test_bad_payload_and_launch_site_are_refused() -> None:
    vehicle = RocketVehicle((Stage(**GOOD),))
    with pytest.raises(ValueError, match="payload"):
        max_range(vehicle, -1.0)
    with pytest.raises(ValueError, match="latitude"):
        RotatingEarth(latitude_deg=91.0)


def test_description_is_frozen_and_hashable() -> None:
    vehicle = RocketVehicle((Stage(**GOOD, drag_table=[[0, 0.3], [2, 0.2]]),))
    assert vehicle.stages[0].drag_table == ((0.0, 0.3), (2.0, 0.2))
    assert hash(vehicle) == hash(RocketVehicle((Stage(**GOOD, drag_table=((0.0, 0.3), (2.0, 0.2))),)))
    with pytest.raises(dataclasses.FrozenInstanceError):
        vehicle.stages[0].isp_s = 300.0  # type: ignore[misc]


def test_default_drag_table_is_interpolated_linearly_and_held_beyond_its_ends() -> None:
    mach, cd, n = pack_tables([DEFAULT_DRAG_TABLE])
    expected = {0.0: 0.20, 0.5: 0.20, 0.85: 0.20, 0.925: 0.235, 1.1: 0.27, 1.6: 0.235, 2.0: 0.20, 8.0: 0.20}
    for m, value in expected.items():
        assert drag_coefficient(m, mach[0], cd[0], n[0]) == pytest.approx(value)


def test_a_stage_drag_table_changes_the_range() -> None:
    draggy = Stage(**GOOD, drag_table=tuple((m, 2.0 * c) for m, c in DEFAULT_DRAG_TABLE))
    base = max_range(RocketVehicle((Stage(**GOOD),)), 1_000.0)
    worse = max_range(RocketVehicle((draggy,)), 1_000.0)
    assert worse.range_km < base.range_km
    assert any("its own drag table" in a for a in worse.assumptions)
    assert np.isfinite(worse.burnout_angle_deg)
