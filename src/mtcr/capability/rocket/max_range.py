"""The maximum range of a rocket with a payload: the Annex's 'trajectory that maximises range'.

For each payload the engine flies the vehicle (``dynamics.py``) under the guidance programme of
``guidance.py`` and maximises the ground range over the programme's pitch angle (capability-physics.md
§1.2 technical note 3, §5.2 L1): a scan of seven angles between 5° and 89.9° brackets the maximum, then
Brent's method refines it to 0.01° (about 15 trajectories in all). A trade-off curve warm-starts each
payload from its neighbour's best angle (§5.3) and falls back to the scan when the maximum leaves the
narrow bracket.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

from mtcr.capability.earth import EARTH_RADIUS_M, HALF_CIRCUMFERENCE_KM
from mtcr.capability.rocket.dynamics import IMPACT
from mtcr.capability.rocket.guidance import ProgrammeShape
from mtcr.capability.rocket.pitch_search import best_pitch_rad
from mtcr.capability.rocket.plan import DEFAULT_RESOLUTION, FlightPlan, Resolution, build_plan
from mtcr.capability.rocket.rotating import RotatingEarth
from mtcr.capability.rocket.trajectory import Trajectory, TrajectoryEvent
from mtcr.capability.rocket.vehicle import RangeResult, RocketVehicle

SCAN_GRID_DEG = (5.0, 20.0, 35.0, 50.0, 65.0, 80.0, 89.9)
"""Pitch angles of the bracketing scan, from nearly horizontal to nearly vertical."""
PITCH_TOLERANCE_DEG = 0.01
"""Brent's tolerance on the pitch angle; the range is flat at its maximum, so this is ample."""
_SCAN_GRID_RAD = np.radians(np.array(SCAN_GRID_DEG))
SEARCH_COARSENING = 3.0
"""The search's steps are this many times longer than those of the reported trajectory."""
WARM_HALF_WIDTH_DEG = 4.0
"""Half-width of the bracket around a neighbouring payload's best angle in a trade-off curve."""


def max_range(
    vehicle: RocketVehicle,
    payload_kg: float,
    *,
    rotating: RotatingEarth | None = None,
    shape: ProgrammeShape | None = None,
    resolution: Resolution = DEFAULT_RESOLUTION,
) -> RangeResult:
    """Maximum ground range with this payload, over the pitch angle of the guidance programme.

    ``rotating`` flies from a launch site on a rotating Earth (a sensitivity, not the decision figure);
    ``shape`` and ``resolution`` override the programme's fixed durations and the integrator's steps.
    """
    plan = build_plan(vehicle, payload_kg, rotating=rotating, shape=shape, resolution=resolution)
    pitch_deg = _best_pitch_deg(plan, warm_deg=None)
    return _result(plan, vehicle, payload_kg, rotating, pitch_deg)


def range_curve(vehicle: RocketVehicle, payloads_kg: Sequence[float]) -> list[RangeResult]:
    """Maximum range at each payload, in the order given (sorted payloads warm-start best)."""
    results: list[RangeResult] = []
    warm: float | None = None
    for payload_kg in payloads_kg:
        plan = build_plan(vehicle, float(payload_kg))
        pitch_deg = _best_pitch_deg(plan, warm_deg=warm)
        result = _result(plan, vehicle, float(payload_kg), None, pitch_deg)
        warm = pitch_deg if math.isfinite(pitch_deg) else None
        results.append(result)
    return results


def vertical_apogee_km(vehicle: RocketVehicle, payload_kg: float) -> float:
    """Apogee of the vehicle fired straight up (no pitch-over), as sounding rockets are advertised."""
    plan = build_plan(vehicle, payload_kg)
    if plan.lift_off_ratio <= 1.0:
        return 0.0
    return plan.fly(0.5 * math.pi)[3] / 1000.0


def fly_pitch(
    vehicle: RocketVehicle,
    payload_kg: float,
    pitch_angle_deg: float,
    *,
    rotating: RotatingEarth | None = None,
    shape: ProgrammeShape | None = None,
    resolution: Resolution = DEFAULT_RESOLUTION,
) -> RangeResult:
    """One trajectory with a given pitch angle (no search): for sensitivity studies and plots."""
    plan = build_plan(vehicle, payload_kg, rotating=rotating, shape=shape, resolution=resolution)
    return _result(plan, vehicle, payload_kg, rotating, pitch_angle_deg)


def _best_pitch_deg(plan: FlightPlan, warm_deg: float | None) -> float:
    """The pitch angle that maximises the range (nan when the vehicle cannot lift off).

    The search flies with steps ``SEARCH_COARSENING`` times longer than the plan's: the step error is a
    smooth function of the angle of a few parts per million, which moves the maximum by far less than
    the tolerance; the reported trajectory is then flown at the plan's own resolution.
    """
    if plan.lift_off_ratio <= 1.0:
        return math.nan
    plan = plan.with_resolution(plan.resolution.refined(1.0 / SEARCH_COARSENING))
    warm = math.radians(warm_deg) if warm_deg is not None else math.nan
    pitch = best_pitch_rad(
        plan.packed(),
        plan.guide(0.0),
        _SCAN_GRID_RAD,
        math.radians(PITCH_TOLERANCE_DEG),
        warm,
        math.radians(WARM_HALF_WIDTH_DEG),
    )
    return math.degrees(pitch)


def _assumptions(
    vehicle: RocketVehicle, plan: FlightPlan, rotating: RotatingEarth | None, pitch_deg: float
) -> list[str]:
    notes = [
        rotating.describe() if rotating is not None else "non-rotating spherical Earth (R = 6,371 km)",
        "inverse-square gravity (μ = 3.986004418e14 m³/s²)",
        "US Standard Atmosphere 1976 (the ICAO standard atmosphere below 32 km), no wind",
    ]
    for k, stage in enumerate(vehicle.stages, start=1):
        table = (
            "its own drag table" if stage.drag_table is not None else "the default drag table (Forden 2007)"
        )
        thrust = (
            "vacuum Isp with the ambient-pressure thrust correction"
            if stage.nozzle_exit_area_m2 is not None
            else "constant thrust at the given Isp"
        )
        notes.append(f"stage {k}: {thrust}; {table} on a {stage.diameter_m:g} m diameter")
    reentry = vehicle.reentry
    if reentry is not None and reentry.separates:
        beta = reentry.ballistic_coefficient_kg_m2
        notes.append(f"payload separates at burnout; re-entry ballistic coefficient {beta:g} kg/m²")
    else:
        notes.append("payload does not separate: it re-enters on the empty last stage")
    shape = plan.shape
    if math.isfinite(pitch_deg):
        notes.append(
            f"guidance: vertical rise {shape.vertical_rise_s:.1f} s, pitch-over in "
            f"{shape.pitch_over_s:.1f} s to {pitch_deg:.2f}°, then gravity turn; pitch angle chosen to "
            "maximise range"
        )
    notes.append("range = length of the ground track from launch to impact")
    return notes


def _result(
    plan: FlightPlan,
    vehicle: RocketVehicle,
    payload_kg: float,
    rotating: RotatingEarth | None,
    pitch_deg: float,
) -> RangeResult:
    notes = _assumptions(vehicle, plan, rotating, pitch_deg)
    programme = plan.shape.with_angle(pitch_deg)
    if not math.isfinite(pitch_deg):
        notes.append(f"cannot lift off: thrust-to-weight ratio {plan.lift_off_ratio:.3f} at lift-off")
        empty = np.zeros(1)
        lift_off = TrajectoryEvent("lift-off", 0.0, 0.0, 0.0, 0.0, 90.0)
        trajectory = Trajectory(empty, empty, empty, empty, (lift_off,), programme)
        return RangeResult(0.0, math.nan, 0.0, 0.0, trajectory, tuple(notes), payload_kg=payload_kg)
    status, range_m, end_s, apogee_m, events, records = plan.fly(math.radians(pitch_deg), record=True)
    n_seg = plan.end_s.size
    named = [TrajectoryEvent("lift-off", 0.0, 0.0, 0.0, 0.0, 90.0)]

    def event(name: str, row: np.ndarray) -> TrajectoryEvent:
        return TrajectoryEvent(
            name,
            float(row[0]),
            float(row[1]) / 1000.0,
            float(row[2]) / 1000.0,
            float(row[3]),
            math.degrees(row[4]),
        )

    for k, name in enumerate(plan.end_names):
        if not math.isnan(events[k, 0]):
            named.append(event(name, events[k]))
            if k == plan.last_burnout and vehicle.reentry is not None and vehicle.reentry.separates:
                named.append(event("payload separation", events[k]))
    if not math.isnan(events[n_seg, 0]):
        named.append(event("apogee", events[n_seg]))
    named.append(event("impact" if status == IMPACT else "end of integration", events[n_seg + 1]))
    named.sort(key=lambda e: e.time_s)
    unbounded = status != IMPACT
    if unbounded:
        notes.append(
            "the vehicle reaches half the Earth's circumference or orbit: range reported as the half "
            f"circumference, {HALF_CIRCUMFERENCE_KM:,.0f} km"
        )
    burnout = events[plan.last_burnout]
    trajectory = Trajectory(
        time_s=records[:, 0].copy(),
        downrange_km=records[:, 1] / 1000.0,
        altitude_km=records[:, 2] / 1000.0,
        speed_m_s=records[:, 3].copy(),
        events=tuple(named),
        guidance=programme,
    )
    return RangeResult(
        range_km=HALF_CIRCUMFERENCE_KM if unbounded else range_m / 1000.0,
        burnout_angle_deg=math.degrees(burnout[4]),
        apogee_km=apogee_m / 1000.0,
        flight_time_s=end_s,
        trajectory=trajectory,
        assumptions=tuple(notes),
        payload_kg=payload_kg,
        burnout_speed_m_s=float(burnout[3]),
        burnout_altitude_km=float(burnout[2]) / 1000.0,
        unbounded=unbounded,
    )


def ground_range_km(central_angle_rad: float) -> float:
    """Ground distance on the model sphere for a central angle."""
    return central_angle_rad * EARTH_RADIUS_M / 1000.0
