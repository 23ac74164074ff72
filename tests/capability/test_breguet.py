"""Breguet range: closed forms, units, and the cruise integrator against them (capability-physics.md §3.3)."""

from __future__ import annotations

import math

import numpy as np
import pytest

from mtcr.capability.air import (
    Aerodynamics,
    AirVehicle,
    Engine,
    Launch,
    breguet,
    max_range,
    polar,
    standard_air,
)
from mtcr.capability.air.cruise import cruise_range_m
from mtcr.capability.earth import EARTH_RADIUS_M, STANDARD_GRAVITY_M_S2

G0 = STANDARD_GRAVITY_M_S2


def test_units_of_specific_fuel_consumption():
    # 1 kg/(N·h) is 1/3600 kg/(N·s); 1 kg/(kW·h) is 1/3.6e6 kg/J.
    assert breguet.tsfc_kg_per_n_s(3.6) == pytest.approx(1e-3, rel=1e-15)
    assert breguet.bsfc_kg_per_j(3.6) == pytest.approx(1e-6, rel=1e-15)


def test_jet_breguet_by_hand():
    # V = 250 m/s, L/D = 10, TSFC = 0.08 kg/(N·h): range factor = 250·10 / (9.80665 · 0.08/3600) m.
    factor = 250.0 * 10.0 / (G0 * 0.08 / 3600.0)
    assert breguet.jet_range_factor_m(250.0, 10.0, 0.08) == pytest.approx(factor, rel=1e-14)
    assert breguet.jet_range_m(250.0, 10.0, 0.08, 1000.0, 800.0) == pytest.approx(
        factor * math.log(1.25), rel=1e-14
    )


def test_propeller_breguet_by_hand():
    # η = 0.8, L/D = 20, BSFC = 0.3 kg/(kW·h): range factor = 0.8·20 / (9.80665 · 0.3/3.6e6) m.
    factor = 0.8 * 20.0 / (G0 * 0.3 / 3.6e6)
    assert breguet.propeller_range_factor_m(0.8, 20.0, 0.3) == pytest.approx(factor, rel=1e-14)
    assert breguet.propeller_range_m(0.8, 20.0, 0.3, 4000.0, 3000.0) == pytest.approx(
        factor * math.log(4.0 / 3.0), rel=1e-14
    )


def test_mass_ratio_for_300_km_inverts_breguet():
    # §3.3 oracle (ii): W0/W1 = exp(300 km · g0 TSFC / (V · L/D)).
    factor = breguet.jet_range_factor_m(230.0, 6.0, 0.1)
    ratio = breguet.mass_ratio_for_range(300e3, factor)
    assert breguet.jet_range_m(230.0, 6.0, 0.1, 1000.0 * ratio, 1000.0) == pytest.approx(300e3, rel=1e-12)


@pytest.mark.parametrize(("initial", "final"), [(1300.0, 1100.0), (14_630.0, 6_781.0), (200.0, 100.0)])
def test_cruise_integrator_is_breguet_exact_for_a_jet(initial, final):
    # Constant L/D, TSFC and speed: the integrator must equal the closed form to 1e-9.
    factor = breguet.jet_range_factor_m(240.0, 7.5, 0.09)
    integrated = cruise_range_m(lambda masses: np.full_like(masses, factor), initial, final)
    assert integrated == pytest.approx(breguet.jet_range_m(240.0, 7.5, 0.09, initial, final), rel=1e-9)


@pytest.mark.parametrize(("initial", "final"), [(4760.0, 2723.0), (150.0, 100.0)])
def test_cruise_integrator_is_breguet_exact_for_a_propeller(initial, final):
    factor = breguet.propeller_range_factor_m(0.78, 18.0, 0.34)
    integrated = cruise_range_m(lambda masses: np.full_like(masses, factor), initial, final)
    assert integrated == pytest.approx(breguet.propeller_range_m(0.78, 18.0, 0.34, initial, final), rel=1e-9)


def test_cruise_integrator_matches_the_constant_altitude_jet_closed_form():
    # Speed falling as √m at constant altitude and C_L: R ∝ √W0 - √W1 (a varying integrand).
    density, area, cd0, k, tsfc = 0.3, 12.0, 0.022, 0.05, 0.07
    cl = polar.lift_coefficient_jet_best_range(cd0, k)
    cd = cd0 + k * cl * cl

    def factor(masses):
        speed = polar.speed_for_lift_coefficient_m_s(masses, density, area, cl)
        return speed * (cl / cd) / (G0 * breguet.tsfc_kg_per_n_s(tsfc))

    expected = breguet.jet_range_constant_altitude_m(density, area, cl, cd, tsfc, 5000.0, 3000.0)
    assert cruise_range_m(factor, 5000.0, 3000.0) == pytest.approx(expected, rel=1e-12)


def _released_at_cruise(engine: Engine, altitude_m: float, speed_m_s: float) -> AirVehicle:
    return AirVehicle(
        empty_mass_kg=700.0,
        max_takeoff_mass_kg=1300.0,
        fuel_capacity_kg=250.0,
        engine=engine,
        aerodynamics=Aerodynamics(lift_to_drag_max=6.0),
        cruise_speed_m_s=speed_m_s,
        launch=Launch(altitude_m=altitude_m, speed_m_s=speed_m_s),
    )


def test_whole_mission_of_a_jet_is_breguet_plus_the_glide():
    # Released at cruise speed, no climb: the cruise is the Breguet range at sea level (the best altitude
    # once the ground track is counted) and the release height is glided at (L/D)max.
    vehicle = _released_at_cruise(Engine("turbojet", tsfc_kg_per_n_h=0.11), 6000.0, 240.0)
    result = max_range(vehicle, payload_kg=350.0)
    cruise = breguet.jet_range_m(240.0, 6.0, 0.11, 1300.0, 1050.0)
    assert result.range_km * 1e3 == pytest.approx(cruise + 6.0 * 6000.0, rel=1e-9)
    assert result.fuel_kg == 250.0


def test_whole_mission_of_a_propeller_aircraft_is_breguet_plus_the_glide():
    vehicle = _released_at_cruise(
        Engine("piston", bsfc_kg_per_kw_h=0.38, propeller_efficiency=0.7), 3000.0, 50.0
    )
    result = max_range(vehicle, payload_kg=400.0)  # MTOW binds: fuel 200 kg
    cruise = breguet.propeller_range_m(0.7, 6.0, 0.38, 1300.0, 1100.0)
    assert result.fuel_kg == 200.0
    assert result.range_km * 1e3 == pytest.approx(cruise + 6.0 * 3000.0, rel=1e-9)


def test_jet_at_its_ceiling_follows_the_constant_altitude_closed_form():
    # Without a Mach limit a jet's best altitude is always above this ceiling, so it cruises at the
    # ceiling at the best-range C_L, its speed falling as √m. Released there at that speed: closed form
    # (ground-projected) plus the glide from the ceiling.
    cd0, k, area, ceiling, tsfc = 0.025, 0.045, 10.0, 9000.0, 0.09
    cl = polar.lift_coefficient_jet_best_range(cd0, k)
    density = float(standard_air.density_kg_m3(ceiling))
    speed = float(polar.speed_for_lift_coefficient_m_s(2000.0, density, area, cl))
    vehicle = AirVehicle(
        empty_mass_kg=1200.0,
        max_takeoff_mass_kg=2000.0,
        fuel_capacity_kg=600.0,
        engine=Engine("turbofan", tsfc_kg_per_n_h=tsfc),
        aerodynamics=Aerodynamics(cd0=cd0, k=k, wing_area_m2=area),
        ceiling_m=ceiling,
        launch=Launch(altitude_m=ceiling, speed_m_s=speed),
    )
    result = max_range(vehicle, payload_kg=200.0)
    cd = cd0 + k * cl * cl
    cruise = breguet.jet_range_constant_altitude_m(density, area, cl, cd, tsfc, 2000.0, 1400.0)
    projected = cruise * EARTH_RADIUS_M / (EARTH_RADIUS_M + ceiling)
    glide = polar.max_lift_to_drag(cd0, k) * ceiling
    assert result.cruise_altitude_m == pytest.approx(ceiling, abs=1e-6)
    assert result.cruise_speed_m_s == pytest.approx(speed, rel=1e-6)
    assert result.range_km * 1e3 == pytest.approx(projected + glide, rel=1e-6)
