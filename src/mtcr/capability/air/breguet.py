"""The Breguet range equations in closed form, with explicit units (capability-physics.md §3.3).

A vehicle in steady level flight has lift L = W = m g₀ and thrust T = D = W / (L/D). A jet burns fuel at
ṁ = TSFC · T; a propeller engine at ṁ = BSFC · P with shaft power P = T V / η. Over a ground step
dx = V dt the mass changes by

    jet:        dx = - V (L/D) / (g₀ TSFC) · dm / m
    propeller:  dx = - η (L/D) / (g₀ BSFC) · dm / m

so, with the speed (jet) and the lift-to-drag ratio constant — the cruise-climb of §3.3 — the range from
mass m₀ down to m₁ is

    R = V / (g₀ TSFC) · (L/D) · ln(m₀/m₁)            TSFC in kg N⁻¹ s⁻¹ (g₀ TSFC in s⁻¹)
    R = η / (g₀ BSFC) · (L/D) · ln(m₀/m₁)            BSFC in kg J⁻¹   (g₀ BSFC in m⁻¹)

(standard aircraft-performance texts, e.g. J. D. Anderson, *Aircraft Performance and Design*, 1999,
chapter 5). The inputs here use the units engine data is quoted in, kg N⁻¹ h⁻¹ and kg kW⁻¹ h⁻¹, and are
converted by :func:`tsfc_kg_per_n_s` and :func:`bsfc_kg_per_j`. The factor in front of ln(m₀/m₁) is the
*range factor* in metres; the specific range is range factor / m, metres per kg of fuel.

The constant-altitude, constant-lift-coefficient jet cruise has its own closed form (same texts), used as
an oracle for the cruise integrator where the speed falls as the vehicle lightens:

    R = (2 / (g₀ TSFC)) · √(2 / (rho S)) · (√C_L / C_D) · (√(m₀ g₀) - √(m₁ g₀))
"""

from __future__ import annotations

import math

from mtcr.capability.earth import STANDARD_GRAVITY_M_S2

SECONDS_PER_HOUR = 3600.0
WATTS_PER_KILOWATT = 1000.0


def tsfc_kg_per_n_s(tsfc_kg_per_n_h: float) -> float:
    """Thrust-specific fuel consumption converted from kg N⁻¹ h⁻¹ to kg N⁻¹ s⁻¹ (= s m⁻¹)."""
    return tsfc_kg_per_n_h / SECONDS_PER_HOUR


def bsfc_kg_per_j(bsfc_kg_per_kw_h: float) -> float:
    """Brake-specific fuel consumption converted from kg kW⁻¹ h⁻¹ to kg J⁻¹."""
    return bsfc_kg_per_kw_h / (WATTS_PER_KILOWATT * SECONDS_PER_HOUR)


def jet_range_factor_m(speed_m_s: float, lift_to_drag: float, tsfc_kg_per_n_h: float) -> float:
    """V (L/D) / (g₀ TSFC), metres: the jet range per unit of ln(m₀/m₁) (§3.3)."""
    return speed_m_s * lift_to_drag / (STANDARD_GRAVITY_M_S2 * tsfc_kg_per_n_s(tsfc_kg_per_n_h))


def propeller_range_factor_m(
    propeller_efficiency: float, lift_to_drag: float, bsfc_kg_per_kw_h: float
) -> float:
    """η (L/D) / (g₀ BSFC), metres: the propeller range per unit of ln(m₀/m₁) (§3.3)."""
    return propeller_efficiency * lift_to_drag / (STANDARD_GRAVITY_M_S2 * bsfc_kg_per_j(bsfc_kg_per_kw_h))


def jet_range_m(
    speed_m_s: float,
    lift_to_drag: float,
    tsfc_kg_per_n_h: float,
    initial_mass_kg: float,
    final_mass_kg: float,
) -> float:
    """Jet Breguet range, metres: R = V / (g₀ TSFC) · (L/D) · ln(m₀/m₁) (§3.3)."""
    factor = jet_range_factor_m(speed_m_s, lift_to_drag, tsfc_kg_per_n_h)
    return factor * math.log(initial_mass_kg / final_mass_kg)


def propeller_range_m(
    propeller_efficiency: float,
    lift_to_drag: float,
    bsfc_kg_per_kw_h: float,
    initial_mass_kg: float,
    final_mass_kg: float,
) -> float:
    """Propeller Breguet range, metres: R = η / (g₀ BSFC) · (L/D) · ln(m₀/m₁) (§3.3)."""
    factor = propeller_range_factor_m(propeller_efficiency, lift_to_drag, bsfc_kg_per_kw_h)
    return factor * math.log(initial_mass_kg / final_mass_kg)


def mass_ratio_for_range(range_m: float, range_factor_m: float) -> float:
    """m₀/m₁ = exp(R / range factor): the mass ratio a Breguet cruise needs for a range (§3.3, oracle ii)."""
    return math.exp(range_m / range_factor_m)


def jet_range_constant_altitude_m(
    density_kg_m3: float,
    wing_area_m2: float,
    lift_coefficient: float,
    drag_coefficient: float,
    tsfc_kg_per_n_h: float,
    initial_mass_kg: float,
    final_mass_kg: float,
) -> float:
    """Jet range at constant altitude and lift coefficient (the speed falls as √m), metres.

    R = (2 / (g₀ TSFC)) √(2 / (rho S)) (√C_L / C_D) (√W₀ - √W₁), W = m g₀.
    """
    g = STANDARD_GRAVITY_M_S2
    c = g * tsfc_kg_per_n_s(tsfc_kg_per_n_h)
    return (
        (2.0 / c)
        * math.sqrt(2.0 / (density_kg_m3 * wing_area_m2))
        * (math.sqrt(lift_coefficient) / drag_coefficient)
        * (math.sqrt(initial_mass_kg * g) - math.sqrt(final_mass_kg * g))
    )
