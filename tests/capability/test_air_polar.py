"""Drag polar closed forms; best-range speed and altitude of the cruise (capability-physics.md §3.3)."""

from __future__ import annotations

import math

import numpy as np
import pytest
from scipy.optimize import minimize_scalar

from mtcr.capability.air import Aerodynamics, AirVehicle, Engine, polar, standard_air
from mtcr.capability.air.cruise import cruise_model, cruise_state

CD0, K, AREA = 0.024, 0.048, 14.0


def test_maximum_lift_to_drag_closed_form():
    cl = polar.lift_coefficient_max_lift_to_drag(CD0, K)
    assert cl == pytest.approx(math.sqrt(CD0 / K))
    assert polar.max_lift_to_drag(CD0, K) == pytest.approx(float(polar.lift_to_drag(cl, CD0, K)), rel=1e-14)
    # Induced drag equals zero-lift drag at (L/D)max.
    assert K * cl * cl == pytest.approx(CD0)


def test_jet_best_range_point_is_0866_of_max_lift_to_drag_at_1316_times_the_speed():
    cl = polar.lift_coefficient_jet_best_range(CD0, K)
    ratio = float(polar.lift_to_drag(cl, CD0, K)) / polar.max_lift_to_drag(CD0, K)
    assert ratio == pytest.approx(math.sqrt(3) / 2, rel=1e-14)
    assert ratio == pytest.approx(polar.JET_BEST_RANGE_LIFT_TO_DRAG_RATIO, rel=1e-14)
    v_best = polar.speed_for_lift_coefficient_m_s(3000.0, 0.7, AREA, cl)
    v_md = polar.speed_for_lift_coefficient_m_s(
        3000.0, 0.7, AREA, polar.lift_coefficient_max_lift_to_drag(CD0, K)
    )
    assert v_best / v_md == pytest.approx(3**0.25, rel=1e-14)


@pytest.mark.parametrize(("mass", "density"), [(3000.0, 1.225), (1800.0, 0.4), (5000.0, 0.12)])
def test_best_range_speeds_found_numerically_match_the_closed_forms(mass, density):
    def lift_to_drag_at(speed):
        return float(polar.lift_to_drag(polar.lift_coefficient_at_speed(mass, density, AREA, speed), CD0, K))

    jet = minimize_scalar(
        lambda v: -v * lift_to_drag_at(v), bounds=(10.0, 600.0), method="bounded", options={"xatol": 1e-9}
    )
    prop = minimize_scalar(
        lambda v: -lift_to_drag_at(v), bounds=(5.0, 600.0), method="bounded", options={"xatol": 1e-9}
    )
    expected_jet = polar.speed_for_lift_coefficient_m_s(
        mass, density, AREA, polar.lift_coefficient_jet_best_range(CD0, K)
    )
    expected_prop = polar.speed_for_lift_coefficient_m_s(
        mass, density, AREA, polar.lift_coefficient_max_lift_to_drag(CD0, K)
    )
    assert jet.x == pytest.approx(float(expected_jet), rel=1e-6)
    assert prop.x == pytest.approx(float(expected_prop), rel=1e-6)


def _vehicle(kind: str, *, max_mach: float | None = None, ceiling_m: float | None = 15_000.0) -> AirVehicle:
    engine = (
        Engine(kind, tsfc_kg_per_n_h=0.08) if kind == "turbofan" else Engine(kind, bsfc_kg_per_kw_h=0.3)  # type: ignore[arg-type]
    )
    return AirVehicle(
        empty_mass_kg=2000.0,
        max_takeoff_mass_kg=4000.0,
        fuel_capacity_kg=1500.0,
        engine=engine,
        aerodynamics=Aerodynamics(cd0=CD0, k=K, wing_area_m2=AREA),
        ceiling_m=ceiling_m,
        max_mach=max_mach,
    )


def test_cruise_flies_the_best_range_speed_of_each_engine_kind():
    mass, altitude = 3200.0, 4000.0
    density = standard_air.density_kg_m3(altitude)
    jet = cruise_state(cruise_model(_vehicle("turbofan")), mass, altitude)  # capped below its best altitude
    prop = cruise_state(cruise_model(_vehicle("turboprop")), mass, altitude)
    jet_cl = polar.lift_coefficient_jet_best_range(CD0, K)
    prop_cl = polar.lift_coefficient_max_lift_to_drag(CD0, K)
    assert float(jet.speed_m_s) == pytest.approx(
        float(polar.speed_for_lift_coefficient_m_s(mass, density, AREA, jet_cl))
    )
    assert float(prop.speed_m_s) == pytest.approx(
        float(polar.speed_for_lift_coefficient_m_s(mass, density, AREA, prop_cl))
    )
    assert float(prop.lift_to_drag) == pytest.approx(polar.max_lift_to_drag(CD0, K))


def test_unlimited_jet_climbs_to_its_ceiling_at_every_mass():
    model = cruise_model(_vehicle("turbofan", ceiling_m=12_000.0))
    state = cruise_state(model, np.linspace(2000.0, 4000.0, 9), 12_000.0)
    assert np.allclose(state.altitude_m, 12_000.0)


def test_mach_limited_jet_in_the_stratosphere_cruises_at_max_lift_to_drag():
    # With the speed of sound constant above 11 km, V·(L/D) at the Mach limit peaks at C_L* = √(C_D0/k):
    # the best altitude puts the Mach-limited lift coefficient there (to the small ground-track term).
    model = cruise_model(_vehicle("turbofan", max_mach=0.55, ceiling_m=20_000.0))
    masses = np.array([2600.0, 3000.0, 3400.0])
    state = cruise_state(model, masses, 20_000.0)
    assert np.all(state.altitude_m > 11_100.0) and np.all(state.altitude_m < 19_900.0)
    assert np.all(np.diff(state.altitude_m) < 0.0)  # lighter flies higher: a cruise-climb
    assert np.allclose(state.lift_to_drag, polar.max_lift_to_drag(CD0, K), rtol=1e-4)
    speed_limit = 0.55 * standard_air.speed_of_sound_m_s(state.altitude_m)
    assert np.allclose(state.speed_m_s, speed_limit, rtol=1e-12)
