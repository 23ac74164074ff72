"""Analytic oracles (capability-physics.md §3.1, §3.2, §5.4): closed forms, and the integrator against them.

Vacuum and impulsive cases: a drag table of zeros removes drag, and a burn of a millisecond makes the
burn impulsive (its gravity loss is 0.01 m/s). The programme has no vertical rise and no pitch-over, so
the thrust points at the pitch angle throughout.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from mtcr.capability.earth import EARTH_MU_M3_S2, EARTH_RADIUS_M, STANDARD_GRAVITY_M_S2
from mtcr.capability.rocket import ballistic
from mtcr.capability.rocket.drag import ZERO_DRAG_TABLE
from mtcr.capability.rocket.guidance import ProgrammeShape
from mtcr.capability.rocket.max_range import max_range, vertical_apogee_km
from mtcr.capability.rocket.plan import free_flight_plan
from mtcr.capability.rocket.vehicle import RocketVehicle, Stage

RANGES_KM = [100.0, 300.0, 1_000.0, 3_000.0, 5_500.0, 10_000.0]
IMPULSIVE = ProgrammeShape(vertical_rise_s=0.0, pitch_over_s=0.0)

# capability-physics.md §3.1 table: range km, minimum burnout speed m/s, optimal angle °, apogee km,
# time of flight s (rounded as printed there)
TABLE = [
    (100, 987, 44.78, 25, 143),
    (150, 1207, 44.66, 37, 176),
    (300, 1696, 44.33, 74, 251),
    (500, 2173, 43.88, 123, 327),
    (600, 2372, 43.65, 146, 360),
    (1000, 3016, 42.75, 240, 474),
    (1300, 3401, 42.08, 308, 548),
    (2000, 4113, 40.50, 459, 702),
    (3000, 4865, 38.26, 655, 895),
    (5500, 6075, 32.63, 1041, 1316),
    (10000, 7198, 22.52, 1319, 1931),
]


def impulsive_vehicle(delta_v_m_s: float, isp_s: float = 300.0) -> RocketVehicle:
    """One stage, no payload, no drag, 1 ms burn, with an ideal ΔV of ``delta_v_m_s`` (Tsiolkovsky)."""
    gross = 1_000.0
    propellant = gross * (1.0 - math.exp(-delta_v_m_s / (isp_s * STANDARD_GRAVITY_M_S2)))
    return RocketVehicle((Stage(gross, propellant, isp_s, 1e-3, 1.0, drag_table=ZERO_DRAG_TABLE),))


@pytest.mark.parametrize(("range_km", "speed", "angle", "apogee", "time"), TABLE)
def test_closed_forms_reproduce_the_reference_table(range_km, speed, angle, apogee, time) -> None:
    v = ballistic.minimum_speed_m_s(range_km)
    gamma = ballistic.optimal_angle_deg(v)
    assert v == pytest.approx(speed, abs=0.5)
    assert gamma == pytest.approx(angle, abs=0.005)
    assert ballistic.apogee_altitude_km(v, gamma) == pytest.approx(apogee, abs=0.5)
    assert ballistic.flight_time_s(v, gamma) == pytest.approx(time, abs=0.5)
    assert ballistic.max_surface_range_km(v) == pytest.approx(range_km, rel=1e-12)
    assert ballistic.surface_range_km(v, gamma) == pytest.approx(range_km, rel=1e-12)
    assert ballistic.free_flight_range_km(v, gamma) == pytest.approx(range_km, rel=1e-12)


def test_range_is_largest_at_the_optimal_angle_and_symmetric_to_first_order() -> None:
    v = ballistic.minimum_speed_m_s(3_000.0)
    best = ballistic.optimal_angle_deg(v)
    top = ballistic.surface_range_km(v, best)
    for delta in (0.5, 2.0, 5.0):
        low = ballistic.surface_range_km(v, best - delta)
        high = ballistic.surface_range_km(v, best + delta)
        assert low < top and high < top
        assert (top - low) == pytest.approx(top - high, rel=0.05 * delta)


def test_flat_earth_limit_at_low_speed() -> None:
    for v in (30.0, 100.0):
        assert ballistic.surface_range_km(v, 45.0) == pytest.approx(
            ballistic.flat_earth_range_km(v, 45.0), rel=1e-4
        )


def test_sounding_rocket_conversion_of_the_reference() -> None:
    assert ballistic.range_from_vertical_apogee_km(250.0) == pytest.approx(500.1, abs=0.05)
    assert ballistic.range_from_vertical_apogee_km(700.0) == pytest.approx(1_403.0, abs=0.5)
    assert ballistic.range_from_vertical_apogee_km(1_000.0) == pytest.approx(2_008.0, abs=0.5)
    for apogee in (100.0, 250.0, 1_000.0):
        v = math.sqrt(2.0 * EARTH_MU_M3_S2 * apogee / (EARTH_RADIUS_M * (EARTH_RADIUS_M / 1000.0 + apogee)))
        assert ballistic.vertical_apogee_km(v) == pytest.approx(apogee, rel=1e-12)
        assert ballistic.max_surface_range_km(v) == pytest.approx(
            ballistic.range_from_vertical_apogee_km(apogee), rel=1e-12
        )


@pytest.mark.parametrize("range_km", RANGES_KM)
def test_free_flight_integrator_against_the_closed_form(range_km: float) -> None:
    v = ballistic.minimum_speed_m_s(range_km)
    gamma = ballistic.optimal_angle_deg(v)
    status, range_m, end_s, apogee_m, _, _ = free_flight_plan(v, gamma).fly(0.0)
    assert status == 0
    assert range_m / 1000.0 == pytest.approx(range_km, rel=1e-4)
    assert end_s == pytest.approx(ballistic.flight_time_s(v, gamma), rel=1e-4)
    assert apogee_m / 1000.0 == pytest.approx(ballistic.apogee_altitude_km(v, gamma), rel=1e-4)


def test_free_flight_from_altitude_and_downward() -> None:
    for speed, gamma, altitude in (
        (2_500.0, 30.0, 50_000.0),
        (4_000.0, -10.0, 300_000.0),
        (6_000.0, 0.0, 150_000.0),
    ):
        range_m = free_flight_plan(speed, gamma, altitude).fly(0.0)[1]
        assert range_m / 1000.0 == pytest.approx(
            ballistic.free_flight_range_km(speed, gamma, altitude), rel=1e-4
        )


@pytest.mark.parametrize("range_km", RANGES_KM)
def test_impulsive_vacuum_rocket_reaches_the_closed_form_range_at_the_optimal_angle(range_km: float) -> None:
    v = ballistic.minimum_speed_m_s(range_km)
    result = max_range(impulsive_vehicle(v), 0.0, shape=IMPULSIVE)
    assert result.burnout_speed_m_s == pytest.approx(v, rel=2e-5)
    assert result.range_km == pytest.approx(range_km, rel=1e-4)
    assert result.burnout_angle_deg == pytest.approx(ballistic.optimal_angle_deg(v), abs=0.1)


@pytest.mark.parametrize("apogee_km", [100.0, 250.0, 700.0, 1_000.0])
def test_vertical_apogee_identity(apogee_km: float) -> None:
    """Vertical shot: h = r v² / (2μ/r - v²); and sin(ψ_max / 2) = h / R_E at the same burnout speed."""
    r = EARTH_RADIUS_M
    v = math.sqrt(2.0 * EARTH_MU_M3_S2 * apogee_km * 1000.0 / (r * (r + apogee_km * 1000.0)))
    vehicle = impulsive_vehicle(v)
    flown_apogee = vertical_apogee_km(vehicle, 0.0)
    assert flown_apogee == pytest.approx(apogee_km, rel=1e-4)
    flown_range = max_range(vehicle, 0.0, shape=IMPULSIVE).range_km
    assert flown_range == pytest.approx(ballistic.range_from_vertical_apogee_km(flown_apogee), rel=1e-4)


def test_energy_is_conserved_in_coast_without_drag() -> None:
    for range_km in (300.0, 3_000.0, 10_000.0):
        v = ballistic.minimum_speed_m_s(range_km)
        records = free_flight_plan(v, ballistic.optimal_angle_deg(v)).fly(0.0, record=True)[5]
        radius = EARTH_RADIUS_M + records[:, 2]
        energy = 0.5 * records[:, 3] ** 2 - EARTH_MU_M3_S2 / radius
        assert np.max(np.abs(energy / energy[0] - 1.0)) < 1e-8


def test_impulsive_burn_gives_the_tsiolkovsky_speed() -> None:
    vehicle = impulsive_vehicle(3_000.0)
    stage = vehicle.stages[0]
    ideal = ballistic.tsiolkovsky_delta_v_m_s(stage.isp_s, stage.gross_mass_kg, stage.inert_mass_kg)
    assert ideal == pytest.approx(3_000.0, rel=1e-12)
    result = max_range(vehicle, 0.0, shape=IMPULSIVE)
    assert result.burnout_speed_m_s == pytest.approx(ideal, rel=2e-5)
