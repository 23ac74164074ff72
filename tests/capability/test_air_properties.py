"""Air-breathing range properties (hypothesis): monotone in payload, L/D and fuel capacity (§3.3)."""

from __future__ import annotations

import dataclasses

from hypothesis import given, settings
from hypothesis import strategies as st

from mtcr.capability.air import Aerodynamics, AirVehicle, Booster, Engine, Launch, max_payload_kg, max_range

# The cruise-altitude search resolves the optimum to metres; allow its rounding, nothing more.
TOLERANCE = 1e-9

engines = st.one_of(
    st.builds(Engine, st.sampled_from(["turbojet", "turbofan"]), tsfc_kg_per_n_h=st.floats(0.05, 0.15)),
    st.builds(
        Engine,
        st.sampled_from(["turboprop", "piston"]),
        bsfc_kg_per_kw_h=st.floats(0.25, 0.45),
        propeller_efficiency=st.floats(0.6, 0.9),
    ),
)
starts = st.one_of(
    st.none(),
    st.builds(Launch, altitude_m=st.floats(0.0, 12_000.0), speed_m_s=st.floats(40.0, 260.0)),
    st.builds(
        Booster,
        burnout_altitude_m=st.floats(0.0, 2000.0),
        burnout_speed_m_s=st.floats(40.0, 260.0),
        ground_distance_km=st.floats(0.0, 5.0),
    ),
)


@st.composite
def vehicles(draw, *, with_polar: bool | None = None) -> AirVehicle:
    empty = draw(st.floats(50.0, 10_000.0))
    mtow = empty * draw(st.floats(1.2, 2.5))
    fuel = (mtow - empty) * draw(st.floats(0.2, 1.0))
    polar = draw(st.booleans()) if with_polar is None else with_polar
    if polar:
        wing_loading_n_m2 = draw(st.floats(500.0, 4000.0))
        aerodynamics = Aerodynamics(
            cd0=draw(st.floats(0.015, 0.045)),
            k=draw(st.floats(0.015, 0.08)),
            wing_area_m2=mtow * 9.80665 / wing_loading_n_m2,
        )
        speed = None
    else:
        aerodynamics = Aerodynamics(lift_to_drag_max=draw(st.floats(4.0, 30.0)))
        speed = draw(st.floats(40.0, 280.0))
    start = draw(starts)
    return AirVehicle(
        empty_mass_kg=empty,
        max_takeoff_mass_kg=mtow,
        fuel_capacity_kg=fuel,
        engine=draw(engines),
        aerodynamics=aerodynamics,
        ceiling_m=draw(st.one_of(st.none(), st.floats(3000.0, 20_000.0))),
        max_mach=draw(st.one_of(st.none(), st.floats(0.4, 0.9))),
        cruise_speed_m_s=speed,
        booster=start if isinstance(start, Booster) else None,
        launch=start if isinstance(start, Launch) else None,
    )


@settings(max_examples=40, deadline=None)
@given(vehicles(), st.floats(0.0, 1.0), st.floats(0.0, 1.0))
def test_range_never_grows_with_payload(vehicle, first, second):
    light, heavy = sorted((first, second))
    limit = max_payload_kg(vehicle)
    light_range = max_range(vehicle, light * limit).range_km
    heavy_range = max_range(vehicle, heavy * limit).range_km
    assert heavy_range <= light_range * (1 + TOLERANCE) + TOLERANCE


@settings(max_examples=30, deadline=None)
@given(vehicles(with_polar=False), st.floats(1.0, 3.0), st.floats(0.0, 1.0))
def test_range_grows_with_lift_to_drag(vehicle, factor, payload_fraction):
    payload = payload_fraction * 0.9 * max_payload_kg(vehicle)
    better = dataclasses.replace(
        vehicle, aerodynamics=Aerodynamics(lift_to_drag_max=vehicle.aerodynamics.lift_to_drag_max * factor)
    )
    base = max_range(vehicle, payload).range_km
    assert max_range(better, payload).range_km >= base * (1 - TOLERANCE) - TOLERANCE


@settings(max_examples=30, deadline=None)
@given(vehicles(), st.floats(1.0, 2.0), st.floats(0.0, 1.0))
def test_range_grows_with_fuel_capacity(vehicle, factor, payload_fraction):
    payload = payload_fraction * 0.9 * max_payload_kg(vehicle)
    bigger = dataclasses.replace(vehicle, fuel_capacity_kg=vehicle.fuel_capacity_kg * factor)
    base = max_range(vehicle, payload).range_km
    assert max_range(bigger, payload).range_km >= base * (1 - TOLERANCE) - TOLERANCE
