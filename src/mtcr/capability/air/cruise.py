"""The cruise: the flight condition at each mass, and the Breguet integral over mass.

The Annex asks for the most fuel-efficient profile (capability-physics.md §1.2, note 4), i.e. the largest
specific range (ground distance per kg of fuel) at every point of the cruise. With a constant specific fuel
consumption the specific range at mass m is K/m, with the range factor K (breguet.py, §3.3)

    jet:        K = V (L/D) / (g₀ TSFC)        propeller:  K = η (L/D) / (g₀ BSFC)

times R_E / (R_E + h), which projects the flight path onto the Earth's surface (the Annex range is the
ground track, §1.2). The cruise range from m₀ down to m₁ is ∫ K d(ln m), integrated by an 8-panel,
4-point Gauss-Legendre rule in ln m: exact when K is constant (the Breguet case) and far below 1e-9
relative error for the smooth schedules below.

How the condition is chosen — documented modelling choices:

* **Jet with a drag polar: best specific range at each mass, capped by a cruise altitude.** At a given
  altitude the best speed is the one of maximum √C_L/C_D (polar.py), or the Mach limit if that is lower;
  the best altitude is found per mass on a 20 m grid with a parabolic refinement. Unconstrained, the
  best altitude rises as fuel burns at constant C_L and speed: this is the Breguet *cruise-climb*, the
  most fuel-efficient jet profile (§3.3, §5.5). At the ceiling it becomes a constant-altitude cruise whose
  speed falls as √m; a Mach-limited jet in the stratosphere settles at (L/D)max at its Mach limit. The
  mission search (max_range.py) may cap the altitude lower when the climb would cost more than it earns.
* **Propeller with a drag polar: constant altitude at (L/D)max.** The propeller range factor does not
  depend on speed or altitude, so the best-range condition is C_L* (maximum L/D) at any altitude; the
  cruise is flown at constant altitude and C_L*, whose speed falls as √m — the Breguet equation is then
  exact. The altitude is chosen by the mission search; the Mach limit, where it binds, caps the speed.
* **Without a drag polar: constant altitude, the stated cruise speed and (L/D)max.** The speed is the
  stated cruise speed (or the Mach limit when no speed is stated), capped by the Mach limit at the
  altitude. Taking (L/D)max at that speed assumes the vehicle flies at the altitude where the stated speed
  is its speed of best L/D: the design's full capability, as the Annex asks (§1.2, note 1).

Weight is m g₀ throughout (the change of gravity with altitude, 0.6 % at 20 km, is left out).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import lru_cache

import numpy as np
from numpy.typing import ArrayLike, NDArray

from mtcr.capability.air import polar, standard_air
from mtcr.capability.air.breguet import bsfc_kg_per_j, tsfc_kg_per_n_s
from mtcr.capability.air.vehicle import AirVehicle
from mtcr.capability.earth import EARTH_RADIUS_M, STANDARD_GRAVITY_M_S2

DEFAULT_CEILING_M = 20_000.0
"""Highest cruise altitude searched when no ceiling is given (the model has no thrust limit)."""

_PANELS = 8
_POINTS_PER_PANEL = 4
_FREE_ALTITUDE_STEP_M = 20.0
_FREE_ALTITUDE_MASSES = 33


def _unit_rule() -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Composite Gauss-Legendre nodes and weights on [0, 1], nodes in increasing order."""
    x, w = np.polynomial.legendre.leggauss(_POINTS_PER_PANEL)
    edges = np.linspace(0.0, 1.0, _PANELS + 1)
    half = 0.5 * np.diff(edges)
    mid = 0.5 * (edges[:-1] + edges[1:])
    nodes = (mid[:, None] + half[:, None] * x[None, :]).ravel()
    weights = (half[:, None] * w[None, :]).ravel()
    return nodes, weights


UNIT_NODES, UNIT_WEIGHTS = _unit_rule()
"""Composite Gauss-Legendre rule on [0, 1] (8 panels of 4 points) used for every cruise integral."""

PANEL_EDGES = np.linspace(0.0, 1.0, _PANELS + 1)


@dataclass(frozen=True)
class CruiseModel:
    """What the cruise needs to know about a vehicle, with units converted once."""

    jet: bool
    polar: bool
    fuel_use: float
    """TSFC in kg N⁻¹ s⁻¹ (jets) or BSFC in kg J⁻¹ (propeller engines)."""
    propeller_efficiency: float
    lift_to_drag_max: float
    cd0: float | None
    k: float | None
    wing_area_m2: float | None
    max_mach: float | None
    stated_speed_m_s: float | None
    ceiling_m: float
    free_log_mass: NDArray[np.float64] | None = field(default=None, compare=False, repr=False)
    free_altitude_m: NDArray[np.float64] | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class CruiseState:
    """Flight condition at given masses: altitude, true airspeed, L/D, ground range factor (arrays)."""

    altitude_m: NDArray[np.float64]
    speed_m_s: NDArray[np.float64]
    lift_to_drag: NDArray[np.float64]
    range_factor_m: NDArray[np.float64]


def polar_lift_to_drag_max(vehicle: AirVehicle) -> float:
    """(L/D)max: from the polar when C_D0 and k are given, else the stated ``lift_to_drag_max``."""
    aero = vehicle.aerodynamics
    if aero.cd0 is not None and aero.k is not None:
        return polar.max_lift_to_drag(aero.cd0, aero.k)
    assert aero.lift_to_drag_max is not None  # Aerodynamics guarantees one or the other
    return aero.lift_to_drag_max


@lru_cache(maxsize=256)
def cruise_model(vehicle: AirVehicle) -> CruiseModel:
    """The cruise model of a vehicle (cached: a payload sweep builds it once)."""
    engine, aero = vehicle.engine, vehicle.aerodynamics
    ceiling = DEFAULT_CEILING_M if vehicle.ceiling_m is None else vehicle.ceiling_m
    if ceiling > standard_air.TOP_ALTITUDE_M:
        raise ValueError(
            f"ceiling_m {ceiling:g} m is above the {standard_air.TOP_ALTITUDE_M:g} m top of the ICAO "
            "standard atmosphere the air-breathing model flies in"
        )
    if engine.is_jet:
        assert engine.tsfc_kg_per_n_h is not None
        fuel_use = tsfc_kg_per_n_s(engine.tsfc_kg_per_n_h)
    else:
        assert engine.bsfc_kg_per_kw_h is not None
        fuel_use = bsfc_kg_per_j(engine.bsfc_kg_per_kw_h)
    if not aero.has_polar and vehicle.cruise_speed_m_s is None and vehicle.max_mach is None:
        raise ValueError(
            "cruise_speed_m_s (or max_mach) is required when the drag polar (cd0, k, wing_area_m2) is not "
            "given: without it the cruise speed is unknown"
        )
    model = CruiseModel(
        jet=engine.is_jet,
        polar=aero.has_polar,
        fuel_use=fuel_use,
        propeller_efficiency=engine.propeller_efficiency,
        lift_to_drag_max=polar_lift_to_drag_max(vehicle),
        cd0=aero.cd0,
        k=aero.k,
        wing_area_m2=aero.wing_area_m2,
        max_mach=vehicle.max_mach,
        stated_speed_m_s=vehicle.cruise_speed_m_s,
        ceiling_m=ceiling,
    )
    if model.jet and model.polar:
        log_mass, altitude = _free_altitudes(model, vehicle.empty_mass_kg, vehicle.max_takeoff_mass_kg)
        model = replace(model, free_log_mass=log_mass, free_altitude_m=altitude)
    return model


def _ground_projection(altitude_m: NDArray[np.float64]) -> NDArray[np.float64]:
    """R_E / (R_E + h): ground distance per unit of distance flown at altitude h."""
    return EARTH_RADIUS_M / (EARTH_RADIUS_M + altitude_m)


def _range_factor(
    model: CruiseModel,
    altitude_m: NDArray[np.float64],
    speed_m_s: NDArray[np.float64],
    lift_to_drag: NDArray[np.float64],
) -> NDArray[np.float64]:
    """Ground range factor K R_E / (R_E + h), metres (jet or propeller K of §3.3)."""
    g = STANDARD_GRAVITY_M_S2
    if model.jet:
        factor = speed_m_s * lift_to_drag / (g * model.fuel_use)
    else:
        factor = model.propeller_efficiency * lift_to_drag / (g * model.fuel_use)
    return factor * _ground_projection(altitude_m)


def _mach_capped(model: CruiseModel, speed_m_s, altitude_m) -> NDArray[np.float64]:
    if model.max_mach is None:
        return np.asarray(speed_m_s, dtype=float)
    return np.minimum(speed_m_s, model.max_mach * standard_air.speed_of_sound_m_s(altitude_m))


def fixed_speed_m_s(model: CruiseModel, altitude_m: ArrayLike) -> NDArray[np.float64]:
    """Cruise speed without a polar: the stated speed, or the Mach limit, capped by the Mach limit."""
    altitude = np.asarray(altitude_m, dtype=float)
    if model.stated_speed_m_s is None:
        assert model.max_mach is not None
        return model.max_mach * standard_air.speed_of_sound_m_s(altitude)
    return _mach_capped(model, np.full_like(altitude, model.stated_speed_m_s), altitude)


def _polar_state(model: CruiseModel, mass_kg, altitude_m) -> CruiseState:
    """Condition at (mass, altitude) for a vehicle with a polar: its best-range C_L, Mach-capped."""
    assert model.cd0 is not None and model.k is not None and model.wing_area_m2 is not None
    density = standard_air.density_kg_m3(altitude_m)
    if model.jet:
        best_cl = polar.lift_coefficient_jet_best_range(model.cd0, model.k)
    else:
        best_cl = polar.lift_coefficient_max_lift_to_drag(model.cd0, model.k)
    speed = polar.speed_for_lift_coefficient_m_s(mass_kg, density, model.wing_area_m2, best_cl)
    speed = _mach_capped(model, speed, altitude_m)
    cl = polar.lift_coefficient_at_speed(mass_kg, density, model.wing_area_m2, speed)
    ratio = polar.lift_to_drag(cl, model.cd0, model.k)
    altitude = np.broadcast_to(altitude_m, ratio.shape).astype(float)
    return CruiseState(altitude, speed, ratio, _range_factor(model, altitude, speed, ratio))


def _free_altitudes(
    model: CruiseModel, lightest_kg: float, heaviest_kg: float
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Jet with a polar: the altitude of best specific range at each mass, up to the ceiling.

    Evaluated on a grid of masses (geometric, empty mass to MTOW) by altitudes (every 20 m), the maximum
    refined by a parabola through the best grid point and its neighbours.
    """
    log_mass = np.linspace(np.log(lightest_kg), np.log(heaviest_kg), _FREE_ALTITUDE_MASSES)
    count = max(int(np.ceil(model.ceiling_m / _FREE_ALTITUDE_STEP_M)) + 1, 3)
    altitudes = np.linspace(0.0, model.ceiling_m, count)
    step = altitudes[1] - altitudes[0]
    factor = _polar_state(model, np.exp(log_mass)[:, None], altitudes[None, :]).range_factor_m
    best = np.argmax(factor, axis=1)
    inner = np.clip(best, 1, count - 2)
    rows = np.arange(log_mass.size)
    below, centre, above = factor[rows, inner - 1], factor[rows, inner], factor[rows, inner + 1]
    curvature = below - 2.0 * centre + above
    with np.errstate(divide="ignore", invalid="ignore"):
        shift = np.where(curvature < 0.0, 0.5 * (below - above) / curvature, 0.0)
    refined = altitudes[inner] + np.clip(shift, -1.0, 1.0) * step
    interior = (best > 0) & (best < count - 1)
    return log_mass, np.where(interior, refined, altitudes[best])


def cruise_state(model: CruiseModel, mass_kg: ArrayLike, altitude_cap_m: ArrayLike) -> CruiseState:
    """The cruise condition at the given masses when the cruise altitude is capped at ``altitude_cap_m``.

    Jets with a polar fly the best-specific-range altitude of each mass, capped; every other vehicle flies
    at the cap itself (constant altitude). Arrays broadcast together.
    """
    mass = np.asarray(mass_kg, dtype=float)
    cap = np.asarray(altitude_cap_m, dtype=float)
    if model.polar:
        if model.jet:
            assert model.free_log_mass is not None and model.free_altitude_m is not None
            free = np.interp(np.log(mass), model.free_log_mass, model.free_altitude_m)
            altitude = np.minimum(free, cap)
        else:
            altitude = np.broadcast_to(cap, np.broadcast_shapes(mass.shape, cap.shape))
        return _polar_state(model, mass, altitude)
    shape = np.broadcast_shapes(mass.shape, cap.shape)
    altitude = np.broadcast_to(cap, shape).astype(float)
    speed = fixed_speed_m_s(model, altitude)
    ratio = np.full(shape, model.lift_to_drag_max)
    return CruiseState(altitude, speed, ratio, _range_factor(model, altitude, speed, ratio))


def cruise_range_m(range_factor_m, initial_mass_kg: float, final_mass_kg: float) -> float:
    """∫ K(m) d(ln m) from m₁ to m₀, metres, with the cruise's composite Gauss-Legendre rule.

    ``range_factor_m`` maps an array of masses (kg) to range factors K (m). With K constant this is the
    Breguet range K ln(m₀/m₁) (§3.3), to rounding.
    """
    span = np.log(initial_mass_kg) - np.log(final_mass_kg)
    masses = np.exp(np.log(final_mass_kg) + span * UNIT_NODES)
    factor = np.broadcast_to(np.asarray(range_factor_m(masses), dtype=float), masses.shape)
    return float(span * np.dot(UNIT_WEIGHTS, factor))
