"""The US Standard Atmosphere 1976 against its published tables (NOAA/NASA/USAF 1976, Tables 1 and 4)."""

from __future__ import annotations

import math

import pytest

from mtcr.capability import atmosphere
from mtcr.capability.atmosphere import (
    density_kg_m3,
    geopotential_altitude_m,
    pressure_pa,
    properties,
    speed_of_sound_m_s,
    temperature_k,
)

# geometric altitude m: temperature K, pressure Pa, density kg/m³ (US Standard Atmosphere 1976, Table 1)
TABLE_1 = [
    (0.0, 288.15, 101_325.0, 1.2250),
    (5_000.0, 255.676, 54_048.3, 0.73643),
    (10_000.0, 223.252, 26_499.9, 0.41351),
    (20_000.0, 216.650, 5_529.3, 0.088910),
    (30_000.0, 226.509, 1_197.0, 0.018410),
    (50_000.0, 270.650, 79.779, 1.0269e-3),
    (86_000.0, 186.87, 0.37338, 6.958e-6),
]


@pytest.mark.parametrize(("altitude_m", "temperature", "pressure", "density"), TABLE_1)
def test_matches_table_1(altitude_m: float, temperature: float, pressure: float, density: float) -> None:
    t, p, rho, _ = properties(altitude_m)
    assert t == pytest.approx(temperature, rel=5e-4)  # molecular-scale vs kinetic temperature at 86 km
    assert p == pytest.approx(pressure, rel=2e-4)
    assert rho == pytest.approx(density, rel=5e-4)


def test_layer_base_pressures_are_those_of_table_4() -> None:
    expected = [101_325.0, 22_632.06, 5_474.889, 868.0187, 110.9063, 66.93887, 3.956420, 0.3733836]
    for computed, published in zip(atmosphere._BASE_PRESSURE_PA, expected, strict=True):
        assert computed == pytest.approx(published, rel=1e-5)


def test_sea_level_speed_of_sound_and_the_single_value_functions() -> None:
    assert speed_of_sound_m_s(0.0) == pytest.approx(340.294, abs=1e-3)
    assert temperature_k(11_000.0) == properties(11_000.0)[0]
    assert pressure_pa(11_000.0) == properties(11_000.0)[1]
    assert density_kg_m3(11_000.0) == properties(11_000.0)[2]


def test_geopotential_altitude() -> None:
    assert geopotential_altitude_m(11_019.0) == pytest.approx(11_000.0, abs=1.0)
    assert geopotential_altitude_m(86_000.0) == pytest.approx(84_852.0, abs=1.0)


def test_continuous_at_every_layer_boundary_and_decreasing() -> None:
    previous = math.inf
    for h in range(-1_000, 200_001, 250):
        rho = density_kg_m3(float(h))
        assert rho < previous
        previous = rho
    for base in atmosphere._BASE_GEOPOTENTIAL_M[1:]:
        z = atmosphere.GEOPOTENTIAL_RADIUS_M * base / (atmosphere.GEOPOTENTIAL_RADIUS_M - base)
        below, above = properties(z - 1e-3), properties(z + 1e-3)
        for a, b in zip(below, above, strict=True):
            assert a == pytest.approx(b, rel=1e-6)


def test_negligible_air_above_the_tabulated_model() -> None:
    # isothermal continuation above 86 km: 5.6e-7 kg/m³ at 100 km in the 1976 table, no drag at 200 km
    assert density_kg_m3(100_000.0) == pytest.approx(5.604e-7, rel=0.05)
    assert density_kg_m3(200_000.0) < 1e-12
