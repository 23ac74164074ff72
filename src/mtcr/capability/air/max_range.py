"""Maximum one-way range of an air vehicle against payload (capability-physics.md §1.2, §1.4, §3.3, §5.5).

The Annex range of a UAV or cruise missile is the one-way ground distance to fuel exhaustion on the most
fuel-efficient profile, fully fuelled, in the ICAO standard atmosphere with no wind, ignoring operational
limits and reserves (§1.2, technical notes 1, 2 and 4). Here:

* **Payload/fuel trade (§1.4, §3.3):** fuel = min(tank capacity, MTOW - empty - payload): payload up to
  the point where MTOW binds leaves the fuel at the tank capacity (the curve falls slowly, carrying the
  heavier payload); beyond it each kg of payload displaces a kg of fuel.
* **Most fuel-efficient profile:** the cruise altitude is searched between sea level and the ceiling
  (33-point grid, then two zooms of the bracket around the best point: about 2.5 m resolution over 20 km);
  speed follows from the cruise model at each altitude (cruise.py); climb and final glide as in
  mission.py. Where several altitudes give the same range to 1e-9, the lowest is taken.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from numpy.typing import NDArray

from mtcr.capability.air.cruise import DEFAULT_CEILING_M, CruiseModel, cruise_model
from mtcr.capability.air.mission import StartState, fly, profile_points, start_state
from mtcr.capability.air.vehicle import AirRangeResult, AirVehicle

_GRID_POINTS = 33
_PASSES = 3
_TIE_TOLERANCE = 1e-9


def max_payload_kg(vehicle: AirVehicle) -> float:
    """MTOW - empty mass: the payload the vehicle can lift with zero fuel, kg.

    This is the mass limit only. The structural limit of the payload bay and hardpoints (§1.4,
    ``max_payload_kg`` of the capability input) is applied by the caller. A vehicle carrying this payload
    has no fuel: its range is zero from a runway, the glide from its release or burnout altitude otherwise.
    """
    return vehicle.max_takeoff_mass_kg - vehicle.empty_mass_kg


def fuel_kg(vehicle: AirVehicle, payload_kg: float) -> float:
    """Fuel carried with a payload: min(tank capacity, MTOW - empty - payload), kg (§1.4)."""
    return min(vehicle.fuel_capacity_kg, vehicle.max_takeoff_mass_kg - vehicle.empty_mass_kg - payload_kg)


def _check_payload(vehicle: AirVehicle, payload_kg: float) -> None:
    if not np.isfinite(payload_kg) or payload_kg < 0.0:
        raise ValueError(f"payload_kg must be a finite number ≥ 0, got {payload_kg!r}")
    limit = max_payload_kg(vehicle)
    if payload_kg > limit:
        raise ValueError(
            f"payload_kg {payload_kg:g} kg exceeds the {limit:g} kg the maximum take-off mass allows "
            f"(MTOW {vehicle.max_takeoff_mass_kg:g} kg - empty {vehicle.empty_mass_kg:g} kg)"
        )


def _best_caps(
    model: CruiseModel, start: StartState, initial_kg: NDArray[np.float64], final_kg: NDArray[np.float64]
) -> NDArray[np.float64]:
    """The cruise-altitude cap of the longest mission for each payload; NaN where no cruise is reachable.

    All payloads are searched together. Each zoom's grid holds the previous best point, so the range never
    falls from one zoom to the next, and a payload infeasible on the first (full) grid stays NaN.
    """
    rows = np.arange(initial_kg.size)
    low, high = np.zeros(initial_kg.size), np.full(initial_kg.size, model.ceiling_m)
    best = np.full(initial_kg.size, np.nan)
    fractions = np.linspace(0.0, 1.0, _GRID_POINTS)
    for _ in range(_PASSES):
        caps = low[:, None] + (high - low)[:, None] * fractions
        ranges = fly(model, start, initial_kg[:, None], final_kg[:, None], caps).range_m
        top = np.max(ranges, axis=1)
        reachable = np.isfinite(top)
        with np.errstate(invalid="ignore"):
            near = ranges >= (top - _TIE_TOLERANCE * np.abs(top))[:, None]
        index = np.argmax(near, axis=1)  # the lowest of the near-ties
        best = np.where(reachable, caps[rows, index], best)
        low = np.where(reachable, caps[rows, np.maximum(index - 1, 0)], low)
        high = np.where(reachable, caps[rows, np.minimum(index + 1, _GRID_POINTS - 1)], high)
    return best


def max_range(vehicle: AirVehicle, payload_kg: float) -> AirRangeResult:
    """One-way range with ``payload_kg`` on the most fuel-efficient profile, fully fuelled (§1.2, §5.5).

    Raises ``ValueError`` when the payload is negative or above :func:`max_payload_kg`, or when the inputs
    cannot fix a cruise speed (no drag polar, no cruise speed, no Mach limit).
    """
    return range_curve(vehicle, [payload_kg])[0]


def range_curve(vehicle: AirVehicle, payloads_kg: Sequence[float]) -> list[AirRangeResult]:
    """:func:`max_range` at each payload, in the order given (the range/payload curve, §1.4).

    The payloads are searched together, so a 30-point curve costs little more than one point.
    """
    for payload in payloads_kg:
        _check_payload(vehicle, payload)
    if len(payloads_kg) == 0:
        return []
    model = cruise_model(vehicle)
    start = start_state(vehicle)
    payloads = np.asarray(payloads_kg, dtype=float)
    fuels = np.minimum(vehicle.fuel_capacity_kg, max_payload_kg(vehicle) - payloads)
    finals = vehicle.empty_mass_kg + payloads
    initials = finals + fuels
    caps = _best_caps(model, start, initials, finals)
    missions = fly(model, start, initials, finals, np.nan_to_num(caps))
    results = []
    for i, payload in enumerate(payloads_kg):
        fuel = float(fuels[i])
        assumptions = _assumptions(vehicle, model, start, float(payload), fuel)
        if np.isnan(caps[i]):
            results.append(_glide_only(model, start, fuel, assumptions))
            continue
        one = missions.select(i)
        results.append(
            AirRangeResult(
                range_km=float(one.range_m) / 1000.0,
                fuel_kg=fuel,
                cruise_altitude_m=float(one.cruise_altitude_m),
                cruise_speed_m_s=float(one.cruise_speed_m_s),
                profile=profile_points(start, one),
                assumptions=assumptions,
            )
        )
    return results


def _glide_only(
    model: CruiseModel, start: StartState, fuel: float, assumptions: tuple[str, ...]
) -> AirRangeResult:
    """The range when the fuel cannot reach any cruise: the glide from the start at (L/D)max."""
    glide_m = start.ground_distance_m + model.lift_to_drag_max * start.altitude_m
    profile = ((0.0, start.altitude_m), (glide_m / 1000.0, 0.0)) if glide_m > 0.0 else ((0.0, 0.0),)
    note = (
        f"the {fuel:g} kg of fuel cannot reach any cruise condition: the range is the glide from the start "
        "at (L/D)max"
    )
    return AirRangeResult(
        range_km=glide_m / 1000.0,
        fuel_kg=fuel,
        cruise_altitude_m=start.altitude_m,
        cruise_speed_m_s=start.speed_m_s,
        profile=profile,
        assumptions=(*assumptions, note),
    )


def _assumptions(
    vehicle: AirVehicle, model: CruiseModel, start: StartState, payload_kg: float, fuel: float
) -> tuple[str, ...]:
    """Every modelling choice behind a figure, in words (DESIGN.md: every decision explainable)."""
    room = vehicle.max_takeoff_mass_kg - vehicle.empty_mass_kg - payload_kg
    limit = "tank capacity" if vehicle.fuel_capacity_kg <= room else "maximum take-off mass"
    notes = [
        "one-way range to fuel exhaustion on the most fuel-efficient profile, ICAO standard atmosphere "
        "(US 1976), no wind (capability-physics.md §1.2, technical note 4)",
        "range measured along the ground track: the flight path projected onto a spherical Earth of "
        "radius 6,371 km",
        f"full fuel: {fuel:g} kg = min(tank capacity {vehicle.fuel_capacity_kg:g} kg, MTOW - empty - payload "
        f"{room:g} kg), limited by the {limit}; no reserve held back (Annex: design capability, full fuel)",
        f"payload {payload_kg:g} kg carried to the end of the flight",
        _engine_note(vehicle),
        *_cruise_notes(vehicle, model),
        f"cruise altitudes searched between sea level and the ceiling {vehicle.ceiling_m:g} m"
        if vehicle.ceiling_m is not None
        else f"no ceiling given: cruise altitudes searched up to {DEFAULT_CEILING_M:g} m",
        "no Mach limit given" if vehicle.max_mach is None else f"Mach limit {vehicle.max_mach:g}",
        _start_note(start),
        "climb and acceleration by the energy method (no thrust limit), at constant equivalent airspeed; "
        "the ground covered while climbing is flown at the cruise fuel rate",
        "final glide from the end-of-cruise altitude to sea level at (L/D)max, engine off",
        "weight m·g₀ at every altitude",
    ]
    return tuple(notes)


def _engine_note(vehicle: AirVehicle) -> str:
    engine = vehicle.engine
    if engine.is_jet:
        return f"{engine.kind}: constant TSFC {engine.tsfc_kg_per_n_h:g} kg/(N·h) at every altitude and speed"
    return (
        f"{engine.kind}: constant BSFC {engine.bsfc_kg_per_kw_h:g} kg/(kW·h) and propeller efficiency "
        f"{engine.propeller_efficiency:g} at every altitude and speed"
    )


def _cruise_notes(vehicle: AirVehicle, model: CruiseModel) -> list[str]:
    aero = vehicle.aerodynamics
    if not model.polar:
        speed = (
            f"the stated cruise speed {vehicle.cruise_speed_m_s:g} m/s"
            if vehicle.cruise_speed_m_s is not None
            else f"the Mach limit {vehicle.max_mach:g} (no cruise speed stated)"
        )
        source = "stated" if aero.lift_to_drag_max is not None else "from C_D0 and k"
        return [
            f"no drag polar with wing area: constant altitude at {speed}, capped by the Mach limit, with "
            f"L/D = (L/D)max {model.lift_to_drag_max:.4g} ({source}), i.e. flown where that speed is the "
            "speed of best L/D (full design capability)"
        ]
    notes = [
        f"parabolic drag polar C_D = {aero.cd0:g} + {aero.k:g} C_L², wing area {aero.wing_area_m2:g} m²: "
        f"(L/D)max {model.lift_to_drag_max:.4g}; no compressibility drag rise (the Mach limit bounds the "
        "speed)"
    ]
    if aero.lift_to_drag_max is not None and abs(aero.lift_to_drag_max / model.lift_to_drag_max - 1.0) > 0.01:
        notes.append(f"stated (L/D)max {aero.lift_to_drag_max:g} not used: the drag polar sets it")
    if model.jet:
        notes.append(
            "cruise at the altitude and speed of best specific range at each mass: cruise-climb at the lift "
            "coefficient of maximum √C_L/C_D where no limit binds, constant altitude at the ceiling, speed "
            "capped by the Mach limit"
        )
    else:
        notes.append(
            "cruise at constant altitude at the lift coefficient of (L/D)max (propeller best range), speed "
            "falling as √mass and capped by the Mach limit; the range hardly depends on the altitude (the "
            "climb fuel is returned by the final glide) and the lowest of the best altitudes is taken"
        )
    if vehicle.cruise_speed_m_s is not None:
        notes.append(
            f"stated cruise speed {vehicle.cruise_speed_m_s:g} m/s not used: the polar sets the speed"
        )
    return notes


def _start_note(start: StartState) -> str:
    if start.kind == "booster":
        return (
            f"surface launch: the cruise vehicle starts at booster burnout, {start.altitude_m:g} m and "
            f"{start.speed_m_s:g} m/s, {start.ground_distance_m / 1000.0:g} km downrange; the booster's own "
            "mass is not part of the vehicle's masses"
        )
    if start.kind == "air launch":
        return (
            f"air launch: released at {start.altitude_m:g} m and {start.speed_m_s:g} m/s (release conditions "
            "as given; the range is the vehicle's own flight from release, capability-physics.md §5.5)"
        )
    return "take-off from rest on a runway at sea level"
