"""The mission: payload/fuel trade, climb and glide, launch, results, errors (capability-physics.md §5.5)."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from mtcr.capability.air import (
    Aerodynamics,
    AirVehicle,
    Booster,
    Engine,
    Launch,
    breguet,
    max_payload_kg,
    max_range,
    range_curve,
)
from mtcr.capability.air.cruise import cruise_model, cruise_state
from mtcr.capability.air.mission import fly, start_state

JET_UAV = AirVehicle(
    empty_mass_kg=1500.0,
    max_takeoff_mass_kg=3000.0,
    fuel_capacity_kg=1000.0,
    engine=Engine("turbofan", tsfc_kg_per_n_h=0.075),
    aerodynamics=Aerodynamics(cd0=0.022, k=0.035, wing_area_m2=16.0),
    ceiling_m=14_000.0,
    max_mach=0.7,
)
PROP_UAV = AirVehicle(
    empty_mass_kg=900.0,
    max_takeoff_mass_kg=1600.0,
    fuel_capacity_kg=400.0,
    engine=Engine("turboprop", bsfc_kg_per_kw_h=0.33, propeller_efficiency=0.8),
    aerodynamics=Aerodynamics(lift_to_drag_max=18.0),
    cruise_speed_m_s=70.0,
    ceiling_m=9000.0,
)


def test_max_payload_is_mtow_minus_empty_mass():
    assert max_payload_kg(JET_UAV) == 1500.0


def test_payload_fuel_trade_tank_limited_then_mtow_limited():
    # Up to MTOW - empty - tank = 500 kg the tanks are full; beyond, each kg of payload displaces fuel.
    payloads = [0.0, 250.0, 500.0, 750.0, 1000.0, 1250.0]
    results = range_curve(JET_UAV, payloads)
    assert [r.fuel_kg for r in results] == [1000.0, 1000.0, 1000.0, 750.0, 500.0, 250.0]
    ranges = np.array([r.range_km for r in results])
    assert np.all(np.diff(ranges) < 0.0)
    tank_limited_slope = (ranges[0] - ranges[2]) / 500.0
    mtow_limited_slope = (ranges[2] - ranges[4]) / 500.0
    assert mtow_limited_slope > 3.0 * tank_limited_slope  # the curve breaks where MTOW starts to bind
    assert any("limited by the tank capacity" in note for note in results[0].assumptions)
    assert any("limited by the maximum take-off mass" in note for note in results[4].assumptions)


def test_curve_equals_point_by_point():
    payloads = [0.0, 333.0, 900.0]
    curve = range_curve(JET_UAV, payloads)
    for payload, point in zip(payloads, curve, strict=True):
        alone = max_range(JET_UAV, payload)
        assert alone.range_km == pytest.approx(point.range_km, rel=1e-12)
        assert alone.cruise_altitude_m == point.cruise_altitude_m
        assert alone.assumptions == point.assumptions


def test_payload_above_the_mtow_limit_is_refused_by_name():
    with pytest.raises(ValueError, match=r"payload_kg 1600 kg exceeds the 1500 kg"):
        max_range(JET_UAV, 1600.0)
    with pytest.raises(ValueError, match="payload_kg"):
        max_range(JET_UAV, -1.0)
    with pytest.raises(ValueError, match="payload_kg 2000"):
        range_curve(JET_UAV, [0.0, 2000.0])


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"max_takeoff_mass_kg": 1000.0}, "max_takeoff_mass_kg"),
        ({"fuel_capacity_kg": 0.0}, "fuel_capacity_kg"),
        ({"ceiling_m": -5.0}, "ceiling_m"),
    ],
)
def test_bad_vehicle_numbers_are_refused_by_name(change, message):
    with pytest.raises(ValueError, match=message):
        dataclasses.replace(JET_UAV, **change)


def test_bad_engine_and_aerodynamics_are_refused_by_name():
    with pytest.raises(ValueError, match="tsfc_kg_per_n_h is required"):
        Engine("turbojet")
    with pytest.raises(ValueError, match="bsfc_kg_per_kw_h is required"):
        Engine("piston", tsfc_kg_per_n_h=0.1)
    with pytest.raises(ValueError, match="propeller_efficiency"):
        Engine("piston", bsfc_kg_per_kw_h=0.3, propeller_efficiency=1.2)
    with pytest.raises(ValueError, match="lift_to_drag_max, or cd0 and k"):
        Aerodynamics(cd0=0.02, wing_area_m2=10.0)


def test_a_jet_without_polar_needs_a_speed():
    vehicle = dataclasses.replace(
        PROP_UAV, engine=Engine("turbojet", tsfc_kg_per_n_h=0.1), cruise_speed_m_s=None
    )
    with pytest.raises(ValueError, match="cruise_speed_m_s"):
        max_range(vehicle, 0.0)
    at_mach_limit = max_range(dataclasses.replace(vehicle, max_mach=0.6), 0.0)
    assert at_mach_limit.cruise_speed_m_s == pytest.approx(0.6 * 340.294, rel=1e-4)  # sea-level cruise


def test_ceiling_above_the_standard_atmosphere_is_refused():
    with pytest.raises(ValueError, match="ceiling_m 40000"):
        max_range(dataclasses.replace(JET_UAV, ceiling_m=40_000.0), 0.0)


def test_air_launch_adds_range_and_higher_faster_release_adds_more():
    low = max_range(dataclasses.replace(JET_UAV, launch=Launch(altitude_m=1000.0, speed_m_s=150.0)), 500.0)
    high = max_range(dataclasses.replace(JET_UAV, launch=Launch(altitude_m=11_000.0, speed_m_s=200.0)), 500.0)
    runway = max_range(JET_UAV, 500.0)
    assert runway.range_km < low.range_km < high.range_km
    assert any("air launch: released at 11000 m and 200 m/s" in note for note in high.assumptions)


def test_booster_adds_its_ground_distance_and_start_state():
    boosted = dataclasses.replace(
        PROP_UAV, booster=Booster(burnout_altitude_m=500.0, burnout_speed_m_s=70.0, ground_distance_km=4.0)
    )
    result = max_range(boosted, 200.0)
    assert result.range_km > max_range(PROP_UAV, 200.0).range_km + 4.0
    assert result.profile[0] == (0.0, 0.0)
    assert result.profile[1] == (4.0, 500.0)


def test_climb_and_glide_allowance_lies_between_breguet_and_breguet_plus_glide():
    # §3.3 oracle (iii), for a propeller aircraft starting at sea level at its cruise speed and forced to
    # cruise at altitude h: Breguet (ground-projected) ≤ range ≤ Breguet + h·(L/D)max.
    vehicle = dataclasses.replace(PROP_UAV, launch=Launch(altitude_m=0.0, speed_m_s=70.0))
    model, start = cruise_model(vehicle), start_state(vehicle)
    heights = np.array([0.0, 2000.0, 5000.0, 9000.0])
    missions = fly(model, start, 1600.0, 1200.0, heights)
    bregue = breguet.propeller_range_m(0.8, 18.0, 0.33, 1600.0, 1200.0)
    projected = bregue * 6_371_000.0 / (6_371_000.0 + heights)
    assert np.all(missions.range_m >= projected * (1 - 1e-12))
    assert np.all(missions.range_m <= bregue + 18.0 * heights)


def test_vehicle_without_fuel_turns_its_release_energy_into_distance():
    # Zero fuel, released fast: it glides down and slows to the sea-level cruise speed at (L/D)max.
    vehicle = dataclasses.replace(JET_UAV, launch=Launch(8000.0, 150.0))
    zero_fuel = max_range(vehicle, max_payload_kg(JET_UAV))
    assert zero_fuel.fuel_kg == 0.0
    glide_ratio = 0.5 / np.sqrt(0.022 * 0.035)
    sea_level_speed = float(cruise_state(cruise_model(vehicle), 3000.0, 0.0).speed_m_s)
    energy_height = 8000.0 + (150.0**2 - sea_level_speed**2) / (2 * 9.80665)
    assert zero_fuel.range_km * 1e3 == pytest.approx(glide_ratio * energy_height, rel=1e-9)


def test_vehicle_that_cannot_reach_a_cruise_glides_from_its_start():
    slow = max_range(dataclasses.replace(JET_UAV, launch=Launch(8000.0, 30.0)), max_payload_kg(JET_UAV))
    assert slow.range_km * 1e3 == pytest.approx(8000.0 * 0.5 / np.sqrt(0.022 * 0.035), rel=1e-12)
    assert "cannot reach any cruise condition" in slow.assumptions[-1]
    assert max_range(JET_UAV, max_payload_kg(JET_UAV)).range_km == 0.0


def test_profile_runs_from_the_start_to_the_range_on_the_ground():
    result = max_range(JET_UAV, 300.0)
    distances = [point[0] for point in result.profile]
    assert result.profile[0] == (0.0, 0.0)
    assert result.profile[-1][1] == 0.0
    assert distances[-1] == pytest.approx(result.range_km, rel=1e-9)
    assert distances == sorted(distances)
    assert max(point[1] for point in result.profile) <= 14_000.0 + 1e-6
    assert result.cruise_altitude_m > 9000.0  # a jet cruises high


def test_assumptions_state_the_annex_conditions():
    notes = " | ".join(max_range(JET_UAV, 100.0).assumptions)
    for phrase in (
        "one-way",
        "most fuel-efficient profile",
        "ICAO standard atmosphere",
        "no wind",
        "no reserve",
        "full fuel",
        "constant TSFC 0.075",
        "ceiling 14000 m",
        "Mach limit 0.7",
    ):
        assert phrase in notes
