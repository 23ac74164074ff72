"""Closed forms of vacuum free flight over a spherical, non-rotating Earth: the analytic oracles.

capability-physics.md §3.1, after Bate, Mueller & White, Fundamentals of Astrodynamics (1971), ch. 6 and
Wheelon, "Free Flight of a Ballistic Missile", ARS Journal 29 (1959). Notation: r the burnout radius,
v the burnout speed, gamma the flight-path angle, Q = v² r / μ, ψ the central angle of the flight (ground
range / R_E). These serve as test oracles for the integrator and as a microsecond screen (§5.2, L0).
"""

from __future__ import annotations

import math

from mtcr.capability.earth import EARTH_MU_M3_S2, EARTH_RADIUS_M, STANDARD_GRAVITY_M_S2


def q_parameter(speed_m_s: float, radius_m: float = EARTH_RADIUS_M) -> float:
    """Dimensionless burnout speed Q = v² r / μ (twice the ratio of kinetic to potential energy)."""
    return speed_m_s**2 * radius_m / EARTH_MU_M3_S2


def tsiolkovsky_delta_v_m_s(isp_s: float, initial_mass_kg: float, final_mass_kg: float) -> float:
    """Ideal velocity gain of one burn, ΔV = I_sp g₀ ln(m₀ / m_f) (Tsiolkovsky; capability-physics.md
    §3.2)."""
    return isp_s * STANDARD_GRAVITY_M_S2 * math.log(initial_mass_kg / final_mass_kg)


def free_flight_range_km(speed_m_s: float, flight_path_angle_deg: float, altitude_m: float = 0.0) -> float:
    """Ground range from a burnout state to the surface along the Kepler conic (vacuum).

    r = p / (1 + e cos f), with p = (r v cos gamma)² / μ and e² = 1 + (v² - 2μ/r) p / μ. The true anomaly
    at burnout has cos f_b = (p/r - 1)/e, on the rising branch (f_b < π) when gamma ≥ 0 and on the falling
    one otherwise; at impact cos f_i = (p/R_E - 1)/e on the falling branch; ψ = f_i - f_b. For burnout at
    the surface this is the free-flight range equation cos(ψ/2) = (1 - Q cos²gamma) / √(1 + Q(Q - 2)
    cos²gamma) (BMW eq. 6.2-7). The orbit must meet the surface (ValueError otherwise).
    """
    r = EARTH_RADIUS_M + altitude_m
    gamma = math.radians(flight_path_angle_deg)
    p = (r * speed_m_s * math.cos(gamma)) ** 2 / EARTH_MU_M3_S2
    e = math.sqrt(max(0.0, 1.0 + (speed_m_s**2 - 2.0 * EARTH_MU_M3_S2 / r) * p / EARTH_MU_M3_S2))
    if e == 0.0 or (p / EARTH_RADIUS_M - 1.0) / e > 1.0 or e >= 1.0:
        raise ValueError("the free-flight conic does not come back to the surface")
    cos_fb = min(1.0, max(-1.0, (p / r - 1.0) / e))
    f_b = math.acos(cos_fb) if gamma >= 0.0 else 2.0 * math.pi - math.acos(cos_fb)
    f_i = 2.0 * math.pi - math.acos((p / EARTH_RADIUS_M - 1.0) / e)
    return (f_i - f_b) * EARTH_RADIUS_M / 1000.0


def surface_range_km(speed_m_s: float, flight_path_angle_deg: float) -> float:
    """Free-flight range equation for burnout and re-entry at the surface (BMW eq. 6.2-7, §3.1)."""
    q = q_parameter(speed_m_s)
    c2 = math.cos(math.radians(flight_path_angle_deg)) ** 2
    half = math.acos((1.0 - q * c2) / math.sqrt(1.0 + q * (q - 2.0) * c2))
    return 2.0 * half * EARTH_RADIUS_M / 1000.0


def max_surface_range_km(speed_m_s: float) -> float:
    """Largest surface-to-surface range for a burnout speed: sin(ψ_max/2) = Q / (2 - Q) (§3.1)."""
    q = q_parameter(speed_m_s)
    if q >= 1.0:
        return math.pi * EARTH_RADIUS_M / 1000.0
    return 2.0 * math.asin(q / (2.0 - q)) * EARTH_RADIUS_M / 1000.0


def optimal_angle_deg(speed_m_s: float) -> float:
    """Flight-path angle of the maximum surface range: gamma* = (π - ψ_max)/4, which is Wheelon's
    ½ arccos(Q/(2 - Q))."""
    q = q_parameter(speed_m_s)
    return math.degrees(0.5 * math.acos(min(1.0, q / (2.0 - q))))


def minimum_speed_m_s(range_km: float) -> float:
    """Least surface burnout speed that reaches a range: Q = 2 sin(ψ/2) / (1 + sin(ψ/2)) (BMW eq. 6.2-20)."""
    s = math.sin(0.5 * range_km * 1000.0 / EARTH_RADIUS_M)
    q = 2.0 * s / (1.0 + s)
    return math.sqrt(q * EARTH_MU_M3_S2 / EARTH_RADIUS_M)


def apogee_altitude_km(speed_m_s: float, flight_path_angle_deg: float, altitude_m: float = 0.0) -> float:
    """Highest altitude of the free-flight conic, a(1 + e) - R_E (vis-viva and angular momentum)."""
    r = EARTH_RADIUS_M + altitude_m
    energy = 0.5 * speed_m_s**2 - EARTH_MU_M3_S2 / r
    if energy >= 0.0:
        raise ValueError("escape speed: there is no apogee")
    a = -EARTH_MU_M3_S2 / (2.0 * energy)
    h = r * speed_m_s * math.cos(math.radians(flight_path_angle_deg))
    e = math.sqrt(max(0.0, 1.0 - h * h / (EARTH_MU_M3_S2 * a)))
    return (a * (1.0 + e) - EARTH_RADIUS_M) / 1000.0


def vertical_apogee_km(speed_m_s: float, altitude_m: float = 0.0) -> float:
    """Apogee of a vertical shot: h = r v² / (2μ/r - v²) above the burnout radius (energy conservation)."""
    r = EARTH_RADIUS_M + altitude_m
    denominator = 2.0 * EARTH_MU_M3_S2 / r - speed_m_s**2
    if denominator <= 0.0:
        raise ValueError("escape speed: a vertical shot does not come back")
    return (altitude_m + r * speed_m_s**2 / denominator) / 1000.0


def range_from_vertical_apogee_km(apogee_km: float) -> float:
    """Maximum range at the burnout speed of a vertical shot to that apogee: sin(ψ_max/2) = h / R_E (§3.1).

    The conversion for sounding rockets, which are advertised by apogee: 250 km → 500.1 km,
    700 km → 1,403 km, 1,000 km → 2,008 km. Impulsive and in vacuum: a screen, not a verdict.
    """
    ratio = apogee_km * 1000.0 / EARTH_RADIUS_M
    if ratio >= 1.0:
        return math.pi * EARTH_RADIUS_M / 1000.0
    return 2.0 * math.asin(ratio) * EARTH_RADIUS_M / 1000.0


def flight_time_s(speed_m_s: float, flight_path_angle_deg: float) -> float:
    """Time of free flight from surface burnout back to the surface (Kepler's equation, ellipse)."""
    r = EARTH_RADIUS_M
    energy = 0.5 * speed_m_s**2 - EARTH_MU_M3_S2 / r
    a = -EARTH_MU_M3_S2 / (2.0 * energy)
    h = r * speed_m_s * math.cos(math.radians(flight_path_angle_deg))
    e = math.sqrt(max(0.0, 1.0 - h * h / (EARTH_MU_M3_S2 * a)))
    # eccentric anomaly at burnout (rising, E in (-π, 0)) and at impact (the mirror image)
    cos_e = (1.0 - r / a) / e
    big_e = math.acos(min(1.0, max(-1.0, cos_e)))
    mean_span = 2.0 * (math.pi - big_e + e * math.sin(big_e))
    return mean_span * math.sqrt(a**3 / EARTH_MU_M3_S2)


def flat_earth_range_km(speed_m_s: float, flight_path_angle_deg: float) -> float:
    """Flat-Earth, constant-gravity limit v² sin 2gamma / g with g = μ / R_E² (§3.1, oracle (e))."""
    g = EARTH_MU_M3_S2 / EARTH_RADIUS_M**2
    return speed_m_s**2 * math.sin(2.0 * math.radians(flight_path_angle_deg)) / g / 1000.0
