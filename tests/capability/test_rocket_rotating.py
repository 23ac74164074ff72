"""The optional rotating Earth: it reduces to the non-rotating model when still, and firing east gains what
firing west loses (capability-physics.md §2.1: about ±1 % at 300 km, ±2 % at 900 km)."""

from __future__ import annotations

import pytest

from mtcr.capability.rocket.max_range import fly_pitch, max_range
from mtcr.capability.rocket.rotating import RotatingEarth, east_west_band
from mtcr.capability.rocket.vehicle import RocketVehicle, Stage

SCUD_B = RocketVehicle((Stage(4_897.0, 3_699.0, 230.0, 75.0, 0.84),))
NO_DONG = RocketVehicle((Stage(19_900.0, 16_000.0, 240.0, 70.0, 0.88),))


@pytest.mark.parametrize(("latitude", "azimuth"), [(0.0, 90.0), (40.0, 40.0), (-60.0, 200.0), (89.0, 0.0)])
def test_a_still_earth_gives_the_same_range_from_anywhere_in_any_direction(latitude, azimuth) -> None:
    still = RotatingEarth(latitude, azimuth, rotation_rad_s=0.0)
    rotated = fly_pitch(SCUD_B, 1_000.0, 70.0, rotating=still).range_km
    assert rotated == pytest.approx(fly_pitch(SCUD_B, 1_000.0, 70.0).range_km, rel=1e-9)


@pytest.mark.parametrize(("vehicle", "spread"), [(SCUD_B, 0.02), (NO_DONG, 0.035)], ids=["Scud-B", "No-dong"])
def test_east_west_band(vehicle: RocketVehicle, spread: float) -> None:
    band = east_west_band(vehicle, 1_000.0, latitude_deg=0.0)
    assert band.west_km < band.non_rotating_km < band.east_km
    assert 0.005 < band.relative_spread < spread


def test_the_band_narrows_towards_the_pole() -> None:
    equator = east_west_band(SCUD_B, 1_000.0, latitude_deg=0.0)
    north = east_west_band(SCUD_B, 1_000.0, latitude_deg=60.0)
    assert north.relative_spread < equator.relative_spread


def test_rotating_result_says_where_it_was_fired_from() -> None:
    result = max_range(SCUD_B, 1_000.0, rotating=RotatingEarth(40.0, 40.0))
    assert "latitude 40°, azimuth 40°" in result.assumptions[0]
