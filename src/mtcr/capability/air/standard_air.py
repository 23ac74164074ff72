"""Density and speed of sound of the standard atmosphere, tabulated for fast vectorised look-ups.

The cruise search evaluates thousands of (mass, altitude) points per range, so the US Standard
Atmosphere 1976 of :mod:`mtcr.capability.atmosphere` (= ICAO below 32 km, capability-physics.md §1.2) is
sampled once every 10 m from sea level to 32 km; density is interpolated linearly in its logarithm and the
speed of sound linearly, with the layer boundaries (11 and 20 km geopotential) among the table points. The
interpolation error is below 1e-7 relative.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
from numpy.typing import ArrayLike, NDArray

from mtcr.capability import atmosphere

TOP_ALTITUDE_M = 32_000.0
"""Highest altitude the air-breathing model flies at: the top of the ICAO standard atmosphere."""

_STEP_M = 10.0


@lru_cache(maxsize=1)
def _table() -> tuple[NDArray[np.float64], NDArray[np.float64], NDArray[np.float64]]:
    radius = atmosphere.GEOPOTENTIAL_RADIUS_M
    boundaries = [radius * h / (radius - h) for h in (11_000.0, 20_000.0)]  # geometric altitudes
    grid = np.linspace(0.0, TOP_ALTITUDE_M, round(TOP_ALTITUDE_M / _STEP_M) + 1)
    altitudes = np.unique(np.concatenate([grid, boundaries]))
    rows = np.array([atmosphere.properties(float(h)) for h in altitudes])
    return altitudes, np.log(rows[:, 2]), rows[:, 3]


def density_kg_m3(altitude_m: ArrayLike) -> NDArray[np.float64]:
    """Air density at geometric altitudes between 0 and 32 km, kg/m³."""
    altitudes, log_density, _ = _table()
    return np.exp(np.interp(altitude_m, altitudes, log_density))


def speed_of_sound_m_s(altitude_m: ArrayLike) -> NDArray[np.float64]:
    """Speed of sound at geometric altitudes between 0 and 32 km, m/s."""
    altitudes, _, sound = _table()
    return np.interp(altitude_m, altitudes, sound)
