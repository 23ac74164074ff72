"""Events located exactly (burnout, staging, separation, apogee, impact), staging masses, thrust correction,
and the edge cases of the range search (no lift-off, orbit)."""

from __future__ import annotations

import math

import numpy as np
import pytest

from mtcr.capability.earth import HALF_CIRCUMFERENCE_KM
from mtcr.capability.rocket import ballistic
from mtcr.capability.rocket.drag import ZERO_DRAG_TABLE
from mtcr.capability.rocket.guidance import ProgrammeShape
from mtcr.capability.rocket.max_range import fly_pitch, max_range, vertical_apogee_km
from mtcr.capability.rocket.vehicle import Reentry, RocketVehicle, Stage

TWO_STAGE = RocketVehicle(
    (
        Stage(9_000.0, 7_800.0, 265.0, 60.0, 1.2, nozzle_exit_area_m2=0.5, coast_after_s=5.0),
        Stage(3_000.0, 2_600.0, 285.0, 55.0, 1.2, nozzle_exit_area_m2=0.4),
    ),
    Reentry(separates=True, ballistic_coefficient_kg_m2=3_000.0),
)
SCUD_B = RocketVehicle((Stage(4_897.0, 3_699.0, 230.0, 75.0, 0.84),))


def test_events_fall_at_their_exact_times_and_the_impact_on_the_ground() -> None:
    result = max_range(TWO_STAGE, 700.0)
    trajectory = result.trajectory
    names = [event.name for event in trajectory.events]
    assert names == [
        "lift-off",
        "stage 1 burnout",
        "stage 2 ignition",
        "stage 2 burnout",
        "payload separation",
        "apogee",
        "impact",
    ]
    assert trajectory.event("stage 1 burnout").time_s == pytest.approx(60.0, abs=1e-9)
    assert trajectory.event("stage 2 ignition").time_s == pytest.approx(65.0, abs=1e-9)
    assert trajectory.event("stage 2 burnout").time_s == pytest.approx(120.0, abs=1e-9)
    impact = trajectory.event("impact")
    assert impact.altitude_km == pytest.approx(0.0, abs=1e-9)
    assert impact.downrange_km == pytest.approx(result.range_km, rel=1e-12)
    assert impact.time_s == pytest.approx(result.flight_time_s)
    apogee = trajectory.event("apogee")
    assert apogee.altitude_km == pytest.approx(result.apogee_km)
    assert apogee.altitude_km >= trajectory.altitude_km.max() - 1e-9
    assert result.burnout_angle_deg == pytest.approx(
        trajectory.event("stage 2 burnout").flight_path_angle_deg
    )


def test_trajectory_arrays_run_from_lift_off_to_impact() -> None:
    result = max_range(TWO_STAGE, 700.0)
    t = result.trajectory
    assert len(t.time_s) == len(t.downrange_km) == len(t.altitude_km) == len(t.speed_m_s) > 100
    assert t.time_s[0] == 0.0 and np.all(np.diff(t.time_s) > 0.0)
    assert np.all(np.diff(t.downrange_km) >= 0.0)
    assert t.downrange_km[-1] == pytest.approx(result.range_km)
    assert t.altitude_km[-1] == pytest.approx(0.0, abs=1e-9)
    assert t.guidance.pitch_angle_deg == pytest.approx(float(t.guidance.pitch_angle_deg))
    with pytest.raises(KeyError, match="no event 'stage 3 burnout'"):
        t.event("stage 3 burnout")


def test_staging_adds_the_two_ideal_velocity_gains() -> None:
    """Impulsive, drag-free two-stage rocket: burnout speed = ΔV₁ + ΔV₂ with the upper stage and payload
    carried by the first (Tsiolkovsky per stage, capability-physics.md §3.2)."""
    first = Stage(6_000.0, 4_500.0, 280.0, 1e-3, 1.5, drag_table=ZERO_DRAG_TABLE)
    second = Stage(1_500.0, 1_200.0, 310.0, 1e-3, 1.0, drag_table=ZERO_DRAG_TABLE)
    payload = 200.0
    ideal = ballistic.tsiolkovsky_delta_v_m_s(280.0, 7_700.0, 3_200.0) + ballistic.tsiolkovsky_delta_v_m_s(
        310.0, 1_700.0, 500.0
    )
    result = fly_pitch(RocketVehicle((first, second)), payload, 40.0, shape=ProgrammeShape(0.0, 0.0))
    assert result.burnout_speed_m_s == pytest.approx(ideal, rel=2e-5)
    assert result.burnout_angle_deg == pytest.approx(40.0, abs=0.01)


def test_vacuum_isp_with_an_exit_area_loses_thrust_at_low_altitude() -> None:
    plain = Stage(4_897.0, 3_699.0, 230.0, 75.0, 0.84)
    corrected = Stage(4_897.0, 3_699.0, 230.0, 75.0, 0.84, nozzle_exit_area_m2=0.14)
    zero_area = Stage(4_897.0, 3_699.0, 230.0, 75.0, 0.84, nozzle_exit_area_m2=0.0)
    base = max_range(RocketVehicle((plain,)), 1_000.0).range_km
    assert max_range(RocketVehicle((corrected,)), 1_000.0).range_km < base
    assert max_range(RocketVehicle((zero_area,)), 1_000.0).range_km == pytest.approx(base, rel=1e-12)


def test_vertical_apogee_and_the_sounding_rocket_identity_for_a_real_vehicle() -> None:
    """Flown with drag and gravity loss the identity holds to a few per cent (§3.1)."""
    apogee = vertical_apogee_km(SCUD_B, 1_000.0)
    assert 100.0 < apogee < 200.0
    flown = max_range(SCUD_B, 1_000.0).range_km
    assert flown == pytest.approx(ballistic.range_from_vertical_apogee_km(apogee), rel=0.05)


def test_separating_payload_flies_with_its_ballistic_coefficient() -> None:
    stage = Stage(4_897.0, 3_699.0, 230.0, 75.0, 0.84)
    kept = max_range(RocketVehicle((stage,)), 1_000.0)
    dense = max_range(RocketVehicle((stage,), Reentry(True, 50_000.0)), 1_000.0)
    light = max_range(RocketVehicle((stage,), Reentry(True, 1_000.0)), 1_000.0)
    assert light.range_km < kept.range_km < dense.range_km
    assert "payload separation" in [e.name for e in dense.trajectory.events]
    assert any("does not separate" in a for a in kept.assumptions)
    assert any("50000 kg/m²" in a for a in dense.assumptions)


def test_a_rocket_that_cannot_lift_off_has_no_range() -> None:
    weak = RocketVehicle((Stage(10_000.0, 8_000.0, 100.0, 200.0, 1.0),))
    result = max_range(weak, 1_000.0)
    assert result.range_km == 0.0
    assert math.isnan(result.burnout_angle_deg)
    assert any("cannot lift off" in a for a in result.assumptions)
    assert vertical_apogee_km(weak, 1_000.0) == 0.0


def test_an_orbital_vehicle_is_reported_at_half_the_circumference() -> None:
    stages = (Stage(30_000.0, 27_000.0, 300.0, 100.0, 2.0), Stage(8_000.0, 7_400.0, 340.0, 120.0, 2.0))
    result = max_range(RocketVehicle(stages), 100.0)
    assert result.unbounded
    assert result.range_km == pytest.approx(HALF_CIRCUMFERENCE_KM)
    assert any("half" in a for a in result.assumptions)


def test_assumptions_name_the_model() -> None:
    text = " | ".join(max_range(TWO_STAGE, 700.0).assumptions)
    for phrase in ("non-rotating spherical Earth", "US Standard Atmosphere 1976", "default drag table",
                   "ambient-pressure", "ground track", "gravity turn"):  # fmt: skip
        assert phrase in text
