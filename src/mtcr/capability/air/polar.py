"""The parabolic drag polar C_D = C_D0 + k C_L² and its best-range conditions (capability-physics.md §3.3).

With L/D = C_L / (C_D0 + k C_L²) (standard aircraft-performance texts, e.g. J. D. Anderson, *Aircraft
Performance and Design*, 1999, chapters 5 and 6; D. P. Raymer, *Aircraft Design: A Conceptual Approach*,
chapter 17):

* maximum L/D: C_L* = √(C_D0/k), (L/D)max = 1 / (2 √(k C_D0)), where induced drag equals zero-lift drag;
  it is the propeller's best-range condition, because the propeller Breguet range is ∝ L/D;
* jet best range at a given altitude: the jet Breguet range is ∝ V (L/D) ∝ √C_L / C_D, whose maximum is at
  C_L = √(C_D0 / (3k)) with L/D = (√3/2)(L/D)max ≈ 0.866 (L/D)max, flown 3^¼ ≈ 1.316 times faster than
  the speed of maximum L/D (§3.3).

Speed and lift coefficient are tied by level flight: m g₀ = ½ rho V² S C_L.
"""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import ArrayLike, NDArray

from mtcr.capability.earth import STANDARD_GRAVITY_M_S2

JET_BEST_RANGE_LIFT_TO_DRAG_RATIO = math.sqrt(3.0) / 2.0
"""(L/D) at the jet best-range lift coefficient, as a fraction of (L/D)max."""

JET_BEST_RANGE_SPEED_RATIO = 3.0**0.25
"""Jet best-range speed over the speed of maximum L/D at the same altitude and mass."""


def lift_to_drag(lift_coefficient: ArrayLike, cd0: float, k: float) -> NDArray[np.float64]:
    """L/D = C_L / (C_D0 + k C_L²)."""
    cl = np.asarray(lift_coefficient, dtype=float)
    return cl / (cd0 + k * cl * cl)


def max_lift_to_drag(cd0: float, k: float) -> float:
    """(L/D)max = 1 / (2 √(k C_D0))."""
    return 0.5 / math.sqrt(k * cd0)


def lift_coefficient_max_lift_to_drag(cd0: float, k: float) -> float:
    """C_L* = √(C_D0 / k): maximum L/D, the propeller best-range lift coefficient."""
    return math.sqrt(cd0 / k)


def lift_coefficient_jet_best_range(cd0: float, k: float) -> float:
    """C_L = √(C_D0 / (3k)): maximum √C_L / C_D, the jet best-range lift coefficient at a given altitude."""
    return math.sqrt(cd0 / (3.0 * k))


def speed_for_lift_coefficient_m_s(
    mass_kg: ArrayLike, density_kg_m3: ArrayLike, wing_area_m2: float, lift_coefficient: ArrayLike
) -> NDArray[np.float64]:
    """True airspeed of level flight, V = √(2 m g₀ / (rho S C_L))."""
    mass = np.asarray(mass_kg, dtype=float)
    return np.sqrt(
        2.0 * mass * STANDARD_GRAVITY_M_S2 / (np.asarray(density_kg_m3) * wing_area_m2 * lift_coefficient)
    )


def lift_coefficient_at_speed(
    mass_kg: ArrayLike, density_kg_m3: ArrayLike, wing_area_m2: float, speed_m_s: ArrayLike
) -> NDArray[np.float64]:
    """Lift coefficient of level flight, C_L = 2 m g₀ / (rho V² S)."""
    speed = np.asarray(speed_m_s, dtype=float)
    return (
        2.0
        * np.asarray(mass_kg)
        * STANDARD_GRAVITY_M_S2
        / (np.asarray(density_kg_m3) * speed * speed * wing_area_m2)
    )
