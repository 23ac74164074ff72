"""The air-breathing classification examples of capability-physics.md §5.4, range side.

§5.4 expects MQ-9, Global Hawk and Tomahawk to be Category I (500 kg to at least 300 km), Shahed-136
Category II (at least 300 km, but not with 500 kg), and Storm Shadow's export version, declared at 250 km,
to be judged on its capability. The verdict is decided elsewhere; these tests assert the range side.

The vehicle inputs are illustrative estimates, rounded from open figures where validation-missiles.csv
gives them (MTOW, fuel, payload) and typical values for their engine and airframe class where it does not
(TSFC, BSFC, drag polar, L/D). They are test inputs, not assessments of the real systems.
"""

from __future__ import annotations

import dataclasses

import pytest

from mtcr.capability.air import (
    Aerodynamics,
    AirVehicle,
    Booster,
    Engine,
    Launch,
    max_payload_kg,
    max_range,
    range_curve,
)

THRESHOLD_KM = 300.0
CATEGORY_I_PAYLOAD_KG = 500.0

MQ9 = AirVehicle(  # turboprop UAV: MTOW 4,760 kg, fuel 1,800 kg, payload up to 1,700 kg (CSV)
    empty_mass_kg=2223.0,
    max_takeoff_mass_kg=4760.0,
    fuel_capacity_kg=1800.0,
    engine=Engine("turboprop", bsfc_kg_per_kw_h=0.335, propeller_efficiency=0.8),
    aerodynamics=Aerodynamics(cd0=0.03, k=0.0237, wing_area_m2=24.0),
    ceiling_m=15_240.0,
    max_mach=0.4,
)
GLOBAL_HAWK = AirVehicle(  # turbofan UAV: MTOW 14,630 kg, fuel 7,850 kg, payload 1,360 kg (CSV)
    empty_mass_kg=6781.0,
    max_takeoff_mass_kg=14_630.0,
    fuel_capacity_kg=7850.0,
    engine=Engine("turbofan", tsfc_kg_per_n_h=0.061),
    aerodynamics=Aerodynamics(cd0=0.02, k=0.0144, wing_area_m2=61.0),
    ceiling_m=18_288.0,
    max_mach=0.6,
)
TOMAHAWK = (
    AirVehicle(  # surface-launched turbofan cruise missile, ~450 kg warhead (CSV); masses after the booster
        empty_mass_kg=500.0,
        max_takeoff_mass_kg=1315.0,
        fuel_capacity_kg=365.0,
        engine=Engine("turbofan", tsfc_kg_per_n_h=0.07),
        aerodynamics=Aerodynamics(lift_to_drag_max=5.0),
        cruise_speed_m_s=245.0,
        max_mach=0.75,
        booster=Booster(burnout_altitude_m=300.0, burnout_speed_m_s=150.0, ground_distance_km=1.0),
    )
)
STORM_SHADOW = AirVehicle(  # air-launched turbojet cruise missile, ~1,300 kg, ~450 kg warhead (CSV)
    empty_mass_kg=680.0,
    max_takeoff_mass_kg=1300.0,
    fuel_capacity_kg=170.0,
    engine=Engine("turbojet", tsfc_kg_per_n_h=0.122),
    aerodynamics=Aerodynamics(lift_to_drag_max=5.0),
    cruise_speed_m_s=250.0,
    max_mach=0.8,
    launch=Launch(altitude_m=10_000.0, speed_m_s=220.0),
)
SHAHED_136 = AirVehicle(  # one-way attack UAV, ~200 kg, 40-60 kg warhead, 50 hp piston engine (CSV)
    empty_mass_kg=100.0,
    max_takeoff_mass_kg=200.0,
    fuel_capacity_kg=50.0,
    engine=Engine("piston", bsfc_kg_per_kw_h=0.38, propeller_efficiency=0.7),
    aerodynamics=Aerodynamics(lift_to_drag_max=10.0),
    cruise_speed_m_s=51.0,
)


@pytest.mark.parametrize("vehicle", [MQ9, GLOBAL_HAWK, TOMAHAWK], ids=["MQ-9", "Global Hawk", "Tomahawk"])
def test_category_one_examples_carry_500_kg_beyond_300_km(vehicle):
    assert max_payload_kg(vehicle) >= CATEGORY_I_PAYLOAD_KG
    assert max_range(vehicle, CATEGORY_I_PAYLOAD_KG).range_km >= THRESHOLD_KM


def test_uav_range_is_one_way_to_exhaustion_not_the_operational_figure():
    # §1.2: the operator's figure (MQ-9 ~1,850 km) is not the Annex range; with its full 1,700 kg payload
    # it still flies further one way. Global Hawk's 13,800 km one-way flight is a lower bound (CSV).
    assert max_range(MQ9, 1700.0).range_km > 1850.0
    assert max_range(GLOBAL_HAWK, 1360.0).range_km > 13_800.0


def test_tomahawk_lighter_warhead_flies_further():
    # TLAM-N (~120 kg) vs TLAM-C (~450 kg): the published trade-off datum of the CSV.
    nuclear, conventional, category_one = range_curve(TOMAHAWK, [120.0, 450.0, CATEGORY_I_PAYLOAD_KG])
    assert nuclear.range_km > conventional.range_km > category_one.range_km >= THRESHOLD_KM


def test_storm_shadow_capability_exceeds_its_declared_export_range():
    declared_export_km = 250.0
    high = max_range(STORM_SHADOW, 450.0)
    assert high.range_km > THRESHOLD_KM > declared_export_km
    assert max_range(STORM_SHADOW, CATEGORY_I_PAYLOAD_KG).range_km >= THRESHOLD_KM
    low_release = dataclasses.replace(STORM_SHADOW, launch=Launch(altitude_m=100.0, speed_m_s=200.0))
    assert max_range(low_release, 450.0).range_km < high.range_km  # release conditions matter (§5.5)


def test_shahed_reaches_300_km_but_cannot_lift_500_kg():
    assert max_range(SHAHED_136, 0.0).range_km >= THRESHOLD_KM
    assert max_range(SHAHED_136, 50.0).range_km >= THRESHOLD_KM
    with pytest.raises(ValueError, match=r"payload_kg 500 kg exceeds the 100 kg"):
        max_range(SHAHED_136, CATEGORY_I_PAYLOAD_KG)
