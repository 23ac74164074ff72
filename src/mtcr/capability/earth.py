"""Constants of the Earth model used by the capability engine.

The rocket model flies over a spherical Earth with inverse-square (point-mass) gravity, as recommended in
capability-physics.md §5.1 and used by the oracles of §3 (R_E = 6,371 km, μ = 3.986004418e14 m³/s²,
g₀ = 9.80665 m/s²). The radius is the mean radius of the WGS-84 ellipsoid rounded to the kilometre, the
reference's choice; the gravitational parameter is the WGS-84 value (EGM96 GM); g₀ is the standard
gravity that defines specific impulse in seconds.
"""

from __future__ import annotations

import math

EARTH_RADIUS_M: float = 6_371_000.0
"""Mean radius of the Earth (spherical model), metres."""

EARTH_MU_M3_S2: float = 3.986004418e14
"""Gravitational parameter GM of the Earth, m³/s² (WGS-84)."""

STANDARD_GRAVITY_M_S2: float = 9.80665
"""Standard gravity g₀, m/s²: converts specific impulse in seconds to exhaust velocity."""

EARTH_ROTATION_RAD_S: float = 7.2921150e-5
"""Sidereal rotation rate of the Earth, rad/s (WGS-84), used only by the optional rotating-Earth model."""

HALF_CIRCUMFERENCE_KM: float = math.pi * EARTH_RADIUS_M / 1000.0
"""The largest ground distance between two points of the sphere (about 20,015 km)."""


def surface_gravity_m_s2() -> float:
    """Gravity at the surface of the spherical model, μ / R_E² (9.820 m/s²; not g₀)."""
    return EARTH_MU_M3_S2 / EARTH_RADIUS_M**2
