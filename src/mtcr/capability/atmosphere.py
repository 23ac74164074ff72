"""The US Standard Atmosphere 1976 (identical to the ICAO standard atmosphere below 32 km), to 86 km.

The Annex asks for the range in the ICAO standard atmosphere with zero wind (capability-physics.md §1.2,
technical note 3). The model is the US Standard Atmosphere 1976 (NOAA/NASA/USAF, 1976), Table 4: seven
layers of linear molecular-scale temperature in geopotential altitude, with the hydrostatic equation
integrated in closed form in each layer:

    H = r₀ z / (r₀ + z)                                        geopotential altitude (r₀ = 6,356.766 km)
    T = T_b + L_b (H - H_b)
    p = p_b (T_b / T)^(g₀ M₀ / (R* L_b))     when L_b ≠ 0
    p = p_b exp(-g₀ M₀ (H - H_b) / (R* T_b))    when L_b = 0
    rho = p M₀ / (R* T),   a = √(gamma R* T / M₀)

Above 86 km (84.852 km geopotential) the model continues the last layer isothermally at 186.946 K, so
density keeps falling by a factor e every 5.5 km (5.8e-7 kg/m³ at 100 km, within 4 % of the 1976 table;
1e-12 kg/m³ by 160 km): drag there is negligible for every vehicle, and the profile stays continuous,
which a fixed-step integrator needs. Temperature is the molecular-scale temperature, which equals the
kinetic temperature below 80 km and differs from it by less than 0.05 % up to 86 km.

Every function here is compiled with numba (``@njit(cache=True)``) and can be called from Python or from
other compiled code; altitudes are geometric metres above the spherical Earth's surface.
"""

from __future__ import annotations

import math

import numpy as np
from numba import njit

GAS_CONSTANT_J_MOL_K = 8.31432
"""R*, the gas constant used by the 1976 standard (not the CODATA value)."""
MOLAR_MASS_KG_MOL = 0.0289644
"""M₀, the sea-level mean molar mass of air."""
STANDARD_GRAVITY_M_S2 = 9.80665
HEAT_CAPACITY_RATIO = 1.4
GEOPOTENTIAL_RADIUS_M = 6_356_766.0
SEA_LEVEL_PRESSURE_PA = 101_325.0
SEA_LEVEL_TEMPERATURE_K = 288.15
TOP_ALTITUDE_M = 86_000.0
"""Geometric altitude of the top of the tabulated model; an isothermal extension continues above it."""

SPECIFIC_GAS_CONSTANT_J_KG_K = GAS_CONSTANT_J_MOL_K / MOLAR_MASS_KG_MOL
_HYDROSTATIC = STANDARD_GRAVITY_M_S2 / SPECIFIC_GAS_CONSTANT_J_KG_K  # g₀ M₀ / R*, K/m

# US Standard Atmosphere 1976, Table 4: base geopotential altitude (m') and lapse rate (K/m') of each layer.
_BASE_GEOPOTENTIAL_M = np.array([0.0, 11_000.0, 20_000.0, 32_000.0, 47_000.0, 51_000.0, 71_000.0, 84_852.0])
_LAPSE_K_M = np.array([-6.5e-3, 0.0, 1.0e-3, 2.8e-3, 0.0, -2.8e-3, -2.0e-3, 0.0])


def _base_values() -> tuple[np.ndarray, np.ndarray]:
    """Temperature and pressure at the base of each layer, integrated upwards from sea level."""
    temperatures = np.empty(_BASE_GEOPOTENTIAL_M.size)
    pressures = np.empty(_BASE_GEOPOTENTIAL_M.size)
    temperatures[0] = SEA_LEVEL_TEMPERATURE_K
    pressures[0] = SEA_LEVEL_PRESSURE_PA
    for i in range(1, _BASE_GEOPOTENTIAL_M.size):
        thickness = _BASE_GEOPOTENTIAL_M[i] - _BASE_GEOPOTENTIAL_M[i - 1]
        lapse = _LAPSE_K_M[i - 1]
        temperatures[i] = temperatures[i - 1] + lapse * thickness
        if lapse == 0.0:
            pressures[i] = pressures[i - 1] * math.exp(-_HYDROSTATIC * thickness / temperatures[i - 1])
        else:
            ratio = temperatures[i - 1] / temperatures[i]
            pressures[i] = pressures[i - 1] * ratio ** (_HYDROSTATIC / lapse)
    return temperatures, pressures


_BASE_TEMPERATURE_K, _BASE_PRESSURE_PA = _base_values()


@njit(cache=True)
def geopotential_altitude_m(altitude_m: float) -> float:
    """Geopotential altitude H = r₀ z / (r₀ + z) of a geometric altitude z (US 1976, eq. 18)."""
    return GEOPOTENTIAL_RADIUS_M * altitude_m / (GEOPOTENTIAL_RADIUS_M + altitude_m)


@njit(cache=True)
def properties(altitude_m: float) -> tuple[float, float, float, float]:
    """Temperature (K), pressure (Pa), density (kg/m³) and speed of sound (m/s) at a geometric altitude.

    US Standard Atmosphere 1976, Table 4 layers and the closed-form hydrostatic pressure of each layer;
    isothermal above 86 km. Altitudes below sea level continue the first layer.
    """
    h = geopotential_altitude_m(altitude_m)
    layer = 0
    for i in range(1, _BASE_GEOPOTENTIAL_M.size):
        if h >= _BASE_GEOPOTENTIAL_M[i]:
            layer = i
    base_t = _BASE_TEMPERATURE_K[layer]
    lapse = _LAPSE_K_M[layer]
    dh = h - _BASE_GEOPOTENTIAL_M[layer]
    if lapse == 0.0:
        temperature = base_t
        pressure = _BASE_PRESSURE_PA[layer] * math.exp(-_HYDROSTATIC * dh / base_t)
    else:
        temperature = base_t + lapse * dh
        pressure = _BASE_PRESSURE_PA[layer] * (base_t / temperature) ** (_HYDROSTATIC / lapse)
    density = pressure / (SPECIFIC_GAS_CONSTANT_J_KG_K * temperature)
    sound = math.sqrt(HEAT_CAPACITY_RATIO * SPECIFIC_GAS_CONSTANT_J_KG_K * temperature)
    return temperature, pressure, density, sound


@njit(cache=True)
def temperature_k(altitude_m: float) -> float:
    """Molecular-scale temperature, K (US Standard Atmosphere 1976, Table 4)."""
    return properties(altitude_m)[0]


@njit(cache=True)
def pressure_pa(altitude_m: float) -> float:
    """Static pressure, Pa (US Standard Atmosphere 1976, hydrostatic equation per layer)."""
    return properties(altitude_m)[1]


@njit(cache=True)
def density_kg_m3(altitude_m: float) -> float:
    """Air density, kg/m³ (perfect-gas law rho = p M₀ / (R* T))."""
    return properties(altitude_m)[2]


@njit(cache=True)
def speed_of_sound_m_s(altitude_m: float) -> float:
    """Speed of sound, m/s (a = √(gamma R* T / M₀), gamma = 1.4)."""
    return properties(altitude_m)[3]
