"""Properties of the range (capability-physics.md §3.1 test (g)): it falls with payload and grows with Isp
and with propellant at fixed inert mass, whatever the vehicle (hypothesis)."""

from __future__ import annotations

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from mtcr.capability.rocket.max_range import max_range
from mtcr.capability.rocket.vehicle import Reentry, RocketVehicle, Stage

EXAMPLES = settings(max_examples=25, deadline=None)


@st.composite
def single_stage(draw) -> tuple[float, float, float, float, float]:
    """(inert kg, propellant kg, Isp s, burn s, diameter m) of a Scud-to-No-dong class missile whose
    thrust is 1.5 to 3 times its weight with the heaviest payload drawn (1,500 kg)."""
    propellant = draw(st.floats(2_000.0, 16_000.0))
    inert = propellant * draw(st.floats(0.15, 0.35))
    isp = draw(st.floats(200.0, 280.0))
    thrust_to_weight = draw(st.floats(1.5, 3.0))
    burn = propellant * isp * 9.80665 / (thrust_to_weight * (inert + propellant + 1_500.0) * 9.82)
    diameter = draw(st.floats(0.6, 1.5))
    return inert, propellant, isp, burn, diameter


def vehicle(inert: float, propellant: float, isp: float, burn: float, diameter: float) -> RocketVehicle:
    return RocketVehicle((Stage(inert + propellant, propellant, isp, burn, diameter),))


@EXAMPLES
@given(single_stage(), st.floats(100.0, 1_500.0), st.floats(0.02, 0.5))
def test_range_falls_as_payload_grows(spec, payload: float, more: float) -> None:
    rocket = vehicle(*spec)
    assert max_range(rocket, payload * (1.0 + more)).range_km < max_range(rocket, payload).range_km


@EXAMPLES
@given(single_stage(), st.floats(300.0, 1_200.0), st.floats(0.01, 0.2))
def test_range_grows_with_isp(spec, payload: float, more: float) -> None:
    inert, propellant, isp, burn, diameter = spec
    base = max_range(vehicle(inert, propellant, isp, burn, diameter), payload).range_km
    better = max_range(vehicle(inert, propellant, isp * (1.0 + more), burn, diameter), payload).range_km
    assert better > base


@EXAMPLES
@given(single_stage(), st.floats(300.0, 1_200.0), st.floats(0.02, 0.3))
def test_range_grows_with_propellant_at_fixed_inert_mass(spec, payload: float, more: float) -> None:
    """More propellant burnt in the same time (more thrust) and in proportionally longer time."""
    inert, propellant, isp, burn, diameter = spec
    base = max_range(vehicle(inert, propellant, isp, burn, diameter), payload).range_km
    same_time = vehicle(inert, propellant * (1.0 + more), isp, burn, diameter)
    same_thrust = vehicle(inert, propellant * (1.0 + more), isp, burn * (1.0 + more), diameter)
    assert max_range(same_time, payload).range_km > base
    # at the same thrust the heavier rocket must still climb briskly (a real design would keep T/W)
    thrust_n = propellant / burn * isp * 9.80665
    assume(thrust_n / ((inert + propellant * (1.0 + more) + payload) * 9.82) > 1.3)
    assert max_range(same_thrust, payload).range_km > base


@settings(max_examples=10, deadline=None)
@given(st.floats(200.0, 1_000.0), st.floats(500.0, 20_000.0))
def test_two_stage_range_falls_with_payload_and_a_separating_rv_beats_a_draggy_one(payload, beta) -> None:
    stages = (Stage(9_000.0, 7_800.0, 265.0, 60.0, 1.2), Stage(3_000.0, 2_600.0, 285.0, 55.0, 1.2))
    light = RocketVehicle(stages, Reentry(separates=True, ballistic_coefficient_kg_m2=beta))
    denser = RocketVehicle(stages, Reentry(separates=True, ballistic_coefficient_kg_m2=2.0 * beta))
    assert max_range(light, payload * 1.2).range_km < max_range(light, payload).range_km
    assert max_range(denser, payload).range_km > max_range(light, payload).range_km
