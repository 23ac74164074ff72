"""The one-way mission: start, climb, cruise, final glide (capability-physics.md §3.3, §5.5).

A mission starts from one of three states (:func:`start_state`): at rest on a runway at sea level; at the
burnout of a solid booster (surface launch: the booster's altitude, speed and ground distance); or at
release from an aircraft (air launch: the release altitude and speed). It then

1. **climbs and accelerates** to the cruise altitude and speed, by the energy method with no thrust
   limit: the fuel pays for the energy added, and the ground covered while climbing is flown at the
   cruise fuel rate (it is part of the cruise integral). For a jet, raising the speed by ΔV costs the
   thrust impulse m ΔV and climbing dh at speed V costs m g₀ dh / V, each burning TSFC · impulse, so the
   mass falls by exp(-TSFC (ΔV + g₀ ∫ dh / V)); the climb is flown at constant equivalent airspeed (the
   cruise lift coefficient), capped by the Mach limit. A propeller engine burns BSFC / η kg of fuel per
   joule added, so the mass falls by exp(-BSFC Δe / η) with Δe = g₀ Δh + ½ Δ(V²) per kg. A start above or
   faster than the cruise instead glides down or slows at (L/D)max and gains that ground distance without
   fuel.
2. **cruises** (cruise.py) to fuel exhaustion, from the mass after the climb down to empty + payload.
   Where the cruise climbs (a jet's cruise-climb), the potential energy gained is charged as in the
   climb, (L/D) dh of ground distance per dh; the standard Breguet formula leaves it out.
3. **glides** from the altitude at the end of the cruise to sea level at (L/D)max with the engine off,
   gaining (L/D)max · h (§3.3 oracle iii: the whole lies between the Breguet range and Breguet plus this
   glide). Kinetic energy left at the end is not turned into distance.

:func:`fly` evaluates the mission for an array of cruise-altitude caps at once, so the search over the
cruise altitude (max_range.py) costs a few vectorised passes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np
from numpy.typing import ArrayLike, NDArray

from mtcr.capability.air import standard_air
from mtcr.capability.air.cruise import PANEL_EDGES, UNIT_NODES, UNIT_WEIGHTS, CruiseModel, cruise_state
from mtcr.capability.air.vehicle import AirVehicle
from mtcr.capability.earth import STANDARD_GRAVITY_M_S2

_CLIMB_NODES, _CLIMB_WEIGHTS = np.polynomial.legendre.leggauss(8)
_CLIMB_NODES = 0.5 * (_CLIMB_NODES + 1.0)
_CLIMB_WEIGHTS = 0.5 * _CLIMB_WEIGHTS

# Cruise points in t = ln(m / m_end) / ln(m_start / m_end): the panel edges (t = 0 is the end of the
# cruise), then the Gauss nodes; and where each falls in time order (t falling from 1 to 0).
_CRUISE_T = np.concatenate([PANEL_EDGES, UNIT_NODES])
_EDGES = PANEL_EDGES.size
_TIME_ORDER = np.argsort(-_CRUISE_T, kind="stable")
_EDGE_TIME_POSITION = np.argsort(_TIME_ORDER)[:_EDGES][::-1]  # edges t = 1, 7/8, ..., 0

CLIMB_GRADIENT_DRAWN = 0.05
"""Gradient at which the climb is drawn in the plotted profile; the energy method does not fix it."""


@dataclass(frozen=True)
class StartState:
    """Where and how fast the air vehicle's own flight begins."""

    kind: Literal["runway", "booster", "air launch"]
    altitude_m: float
    speed_m_s: float
    ground_distance_m: float


def start_state(vehicle: AirVehicle) -> StartState:
    """The state the mission starts from: booster burnout, air-launch release, or rest on a runway."""
    if vehicle.booster is not None:
        booster = vehicle.booster
        state = StartState(
            "booster",
            booster.burnout_altitude_m,
            booster.burnout_speed_m_s,
            booster.ground_distance_km * 1000.0,
        )
    elif vehicle.launch is not None:
        state = StartState("air launch", vehicle.launch.altitude_m, vehicle.launch.speed_m_s, 0.0)
    else:
        state = StartState("runway", 0.0, 0.0, 0.0)
    if state.altitude_m > standard_air.TOP_ALTITUDE_M:
        raise ValueError(
            f"the {state.kind} altitude {state.altitude_m:g} m is above the "
            f"{standard_air.TOP_ALTITUDE_M:g} m top of the ICAO standard atmosphere the air-breathing model "
            "flies in"
        )
    return state


@dataclass(frozen=True)
class Missions:
    """Missions flown with an array of cruise-altitude caps (every field an array shaped like the caps)."""

    range_m: NDArray[np.float64]
    """Total ground range; -inf where the fuel cannot reach the cruise."""
    cruise_altitude_m: NDArray[np.float64]
    cruise_speed_m_s: NDArray[np.float64]
    cruise_start_mass_kg: NDArray[np.float64]
    start_glide_m: NDArray[np.float64]
    cruise_m: NDArray[np.float64]
    end_altitude_m: NDArray[np.float64]
    end_glide_m: NDArray[np.float64]
    edge_distance_m: NDArray[np.float64]
    """Cruise distance flown at each panel edge, in time order (last axis, 9 points)."""
    edge_altitude_m: NDArray[np.float64]
    """Altitude at each panel edge, in time order (last axis, 9 points)."""

    def select(self, index: int) -> Missions:
        """The one mission at ``index`` (of one-dimensional missions), its fields as 0-d arrays."""
        return Missions(**{name: value[index] for name, value in vars(self).items()})


def _climb_mass_ratio(
    model: CruiseModel,
    start: StartState,
    top_altitude_m: NDArray[np.float64],
    top_speed_m_s: NDArray[np.float64],
) -> NDArray[np.float64]:
    """Mass after / before the climb and acceleration from the start to the top of the climb."""
    g = STANDARD_GRAVITY_M_S2
    rise = np.maximum(top_altitude_m - start.altitude_m, 0.0)
    if model.jet:
        heights = start.altitude_m + rise[..., None] * _CLIMB_NODES
        density_ratio = standard_air.density_kg_m3(top_altitude_m)[..., None] / standard_air.density_kg_m3(
            heights
        )
        speeds = top_speed_m_s[..., None] * np.sqrt(density_ratio)
        if model.max_mach is not None:
            speeds = np.minimum(speeds, model.max_mach * standard_air.speed_of_sound_m_s(heights))
        climb_impulse = g * rise * ((1.0 / speeds) @ _CLIMB_WEIGHTS)
        speed_gain = np.maximum(top_speed_m_s - start.speed_m_s, 0.0)
        return np.exp(-model.fuel_use * (speed_gain + climb_impulse))
    energy = g * rise + np.maximum(0.5 * (top_speed_m_s**2 - start.speed_m_s**2), 0.0)
    return np.exp(-model.fuel_use * energy / model.propeller_efficiency)


def fly(
    model: CruiseModel,
    start: StartState,
    initial_mass_kg: ArrayLike,
    final_mass_kg: ArrayLike,
    altitude_caps_m: ArrayLike,
) -> Missions:
    """Fly the mission from the initial mass to fuel exhaustion at the final mass, once per cap.

    The masses broadcast against the caps (e.g. payloads down a column, caps along a row), so a whole
    range/payload curve is searched in the same vectorised passes.
    """
    g = STANDARD_GRAVITY_M_S2
    caps = np.asarray(altitude_caps_m, dtype=float)
    shape = np.broadcast_shapes(caps.shape, np.shape(initial_mass_kg), np.shape(final_mass_kg))
    caps = np.broadcast_to(caps, shape)
    initial = np.broadcast_to(np.asarray(initial_mass_kg, dtype=float), shape)
    final = np.broadcast_to(np.asarray(final_mass_kg, dtype=float), shape)
    top = cruise_state(model, initial, caps)
    cruise_start = initial * _climb_mass_ratio(model, start, top.altitude_m, top.speed_m_s)
    descent = np.maximum(start.altitude_m - top.altitude_m, 0.0)
    slowing = np.maximum(start.speed_m_s**2 - top.speed_m_s**2, 0.0) / (2.0 * g)
    start_glide = model.lift_to_drag_max * (descent + slowing)

    feasible = cruise_start >= final
    span = np.where(feasible, np.log(np.maximum(cruise_start, final) / final), 0.0)
    masses = final[..., None] * np.exp(span[..., None] * _CRUISE_T)
    state = cruise_state(model, masses, caps[..., None])
    weighted = state.range_factor_m[..., _EDGES:] * UNIT_WEIGHTS
    cruise_integral = span * np.sum(weighted, axis=-1)
    # Potential energy gained during the cruise, in time order (mass falling): (L/D) dh, trapezoidal.
    heights = np.concatenate([top.altitude_m[..., None], state.altitude_m[..., _TIME_ORDER]], axis=-1)
    ratios = np.concatenate([top.lift_to_drag[..., None], state.lift_to_drag[..., _TIME_ORDER]], axis=-1)
    steps = 0.5 * (ratios[..., 1:] + ratios[..., :-1]) * np.diff(heights, axis=-1)
    climbed = np.concatenate([np.zeros((*shape, 1)), np.cumsum(steps, axis=-1)], axis=-1)
    cruise = cruise_integral - climbed[..., -1]
    # Distance at the panel edges, for the plotted profile.
    per_panel = np.sum(weighted.reshape((*shape, _EDGES - 1, -1)), axis=-1)[..., ::-1]
    integrated = np.concatenate([np.zeros((*shape, 1)), np.cumsum(per_panel, axis=-1)], axis=-1)
    edge_distance = span[..., None] * integrated - climbed[..., 1 + _EDGE_TIME_POSITION]
    end_altitude = state.altitude_m[..., 0]
    end_glide = model.lift_to_drag_max * end_altitude
    total = start.ground_distance_m + start_glide + cruise + end_glide
    return Missions(
        range_m=np.where(feasible, total, -np.inf),
        cruise_altitude_m=top.altitude_m,
        cruise_speed_m_s=top.speed_m_s,
        cruise_start_mass_kg=cruise_start,
        start_glide_m=start_glide,
        cruise_m=cruise,
        end_altitude_m=end_altitude,
        end_glide_m=end_glide,
        edge_distance_m=edge_distance,
        edge_altitude_m=state.altitude_m[..., :_EDGES][..., ::-1],
    )


def profile_points(start: StartState, mission: Missions) -> tuple[tuple[float, float], ...]:
    """(downrange_km, altitude_m) points of one mission (``Missions.select``) for plotting.

    The cruise is drawn at its 8 panel edges; the climb at the gradient ``CLIMB_GRADIENT_DRAWN`` (the
    energy method counts its ground distance in the cruise, so the total is unaffected).
    """
    points: list[tuple[float, float]] = []
    if start.kind == "booster":
        points.append((0.0, 0.0))
    x = start.ground_distance_m
    points.append((x, start.altitude_m))
    top_altitude = float(mission.cruise_altitude_m)
    x += float(mission.start_glide_m)
    if top_altitude < start.altitude_m:
        points.append((x, top_altitude))
    cruise = float(mission.cruise_m)
    climb_drawn = min(max(top_altitude - start.altitude_m, 0.0) / CLIMB_GRADIENT_DRAWN, 0.5 * cruise)
    if climb_drawn > 0.0:
        points.append((x + climb_drawn, top_altitude))
    for distance, altitude in zip(mission.edge_distance_m, mission.edge_altitude_m, strict=True):
        if distance > climb_drawn:
            points.append((x + float(distance), float(altitude)))
    x += cruise
    points.append((x, float(mission.end_altitude_m)))
    x += float(mission.end_glide_m)
    points.append((x, 0.0))
    deduplicated: list[tuple[float, float]] = []
    for distance, altitude in points:
        point = (round(distance / 1000.0, 6), round(altitude, 3))
        if not deduplicated or deduplicated[-1] != point:
            deduplicated.append(point)
    return tuple(deduplicated)
