"""``assess(spec)``: the capability verdict of one system from its design (capability-physics.md §1.6).

The design is flown at payloads from the minimum to the maximum (the curve R(P)); R(500 kg), the maximum range
and the largest payload reaching 300 km decide Category I (1.A.1, 1.A.2), Item 19 (19.A.1, 19.A.2) or
neither, with the margin and the reasons. A sounding rocket known only by its apogee gets the vertical-shot
screen instead, flagged as such. With ``samples``, the declared uncertainties are sampled (Latin hypercube).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from mtcr.capability.apogee_screen import apogee_check, screen
from mtcr.capability.convert import FlightModel, Physics, default_physics, rocket_vehicle
from mtcr.capability.earth import HALF_CIRCUMFERENCE_KM
from mtcr.capability.result import CapabilityResult, MassLine, PayloadSum, RotationBandData, TrajectoryData
from mtcr.capability.spec import (
    ROCKET_TYPES,
    AirSpec,
    RocketSpec,
    Spec,
    SpecError,
    flight_essential_kg,
    number_text,
    parse_spec,
    payload_kg,
    value_of,
)
from mtcr.capability.uncertainty import SampleOutcome, UncertaintyResult, propagate
from mtcr.capability.verdict import (
    CURVE_POINTS,
    PAYLOAD_KG,
    RANGE_KM,
    CurvePoint,
    Flag,
    PayloadLimits,
    curve_payloads,
    decide,
    trade_off,
)

BAND_POINTS = 11
"""Payloads at which each uncertainty sample flies the curve (plus 500 kg and the declared payload)."""

Progress = Callable[[int, int], None]

PAYLOAD_DEFINITIONS = {
    "ballistic_missile": (
        "re-entry vehicles with their own guidance and countermeasures, munitions and their "
        "removable supports and release mechanisms, safing, arming, fuzing and firing devices, "
        "separating countermeasures, and the post-boost bus or velocity-trim module; not what "
        "other stages need to fly"
    ),
    "space_launch_vehicle": (
        "the spacecraft, with the spacecraft-to-launcher adapters, kick motors or similar "
        "manoeuvring systems and separation systems"
    ),
    "sounding_rocket": (
        "the mission equipment (data gathering, recording, transmitting) and recovery equipment "
        "such as parachutes that can be removed without breaking the structure"
    ),
    "cruise_missile": (
        "munitions and their removable supports and release mechanisms, safing, arming, fuzing and "
        "firing devices, removable countermeasures and signature-alteration equipment"
    ),
    "uav": (
        "as for cruise missiles, plus removable mission equipment (sensors, recorders, transmitters "
        "and their supports) and removable recovery equipment"
    ),
}


def assess(
    spec: Mapping[str, Any] | Spec,
    *,
    samples: int = 0,
    seed: int = 0,
    physics: Physics | None = None,
    progress: Progress | None = None,
    curve_points: int = CURVE_POINTS,
) -> CapabilityResult:
    """The capability verdict of ``spec`` (the parsed input file, or a validated :class:`Spec`).

    ``samples`` Latin-hypercube samples over the declared uncertainties (seeded by ``seed``) give the band and
    the probability of Category I; ``progress(done, total)`` is called after each. ``physics`` replaces the
    flight models (tests). Raises ``SpecError`` naming the field at fault.
    """
    parsed = parse_spec(spec)
    if isinstance(parsed, RocketSpec) and parsed.stages is None:
        return _screened(parsed, samples, seed, progress)
    rocket = isinstance(parsed, RocketSpec)
    real_physics = physics is None
    physics = physics or default_physics(rocket=rocket, air=not rocket)
    model = _model(parsed, physics)
    limits = _limits(parsed, model)
    declared = payload_kg(parsed)
    trade = trade_off(model, limits, declared, curve_points)
    verdict = decide(parsed.type, trade)
    flags = list(verdict.flags)
    flown_at = PAYLOAD_KG if trade.range_at_500_km is not None else declared
    flown = model.fly(flown_at)
    if isinstance(parsed, RocketSpec) and parsed.apogee_km is not None:
        check = apogee_check(parsed, model.vertical_apogee_km(declared))
        if check is not None:
            flags.append(check)
    payload_sum, accounting = _payload_sum(parsed)
    flags.extend(accounting)
    if rocket:
        flags.extend(_orbital(trade.curve))
    uncertainty = None
    if samples > 0:
        grid = curve_payloads(limits, declared, BAND_POINTS)
        uncertainty = propagate(
            parsed,
            lambda sampled: _sample(sampled, physics, grid),
            samples=samples,
            seed=seed,
            curve_payloads_kg=grid,
            progress=progress,
        )
        flags.extend(_uncertainty_flags(uncertainty))
    return CapabilityResult(
        name=parsed.name,
        type=parsed.type,
        basis="trajectory",
        verdict=verdict,
        range_km_at_500kg=trade.range_at_500_km,
        max_range_km=trade.max_range_km,
        max_range_payload_kg=trade.max_range_payload_kg,
        payload_kg_at_300km=trade.payload_at_300_km,
        payload_at_300km_basis=trade.payload_at_300_basis,
        payload_kg=declared,
        min_payload_kg=limits.minimum_kg,
        payload_limit_kg=limits.limit_kg,
        curve=trade.curve,
        assumptions=_assumptions(parsed, limits, trade.curve, flown),
        flags=tuple(flags),
        payload_sum=payload_sum,
        uncertainty=uncertainty,
        trajectory=_trajectory(flown, flown_at),
        rotation=_rotation(parsed, physics, flown_at) if real_physics else None,
    )


def _rotation(spec: Spec, physics: Physics, payload_kg: float) -> RotationBandData | None:
    """East and west ranges on a rotating Earth when the input gives a launch latitude (rockets only)."""
    if not isinstance(spec, RocketSpec) or spec.launch_latitude_deg is None:
        return None
    from mtcr.capability.rocket.rotating import east_west_band

    band = east_west_band(rocket_vehicle(spec, physics), payload_kg, spec.launch_latitude_deg)
    return RotationBandData(band.latitude_deg, payload_kg, band.east_km, band.west_km, band.non_rotating_km)


def _model(spec: Spec, physics: Physics) -> FlightModel:
    try:
        return FlightModel(spec, physics)
    except ValueError as exc:
        raise SpecError("design", str(exc)) from None


def _limits(spec: Spec, model: FlightModel) -> PayloadLimits:
    return PayloadLimits(
        minimum_kg=0.0 if spec.min_payload_kg is None else value_of(spec.min_payload_kg),
        structural_kg=None if spec.max_payload_kg is None else value_of(spec.max_payload_kg),
        design_kg=model.design_max_payload_kg(),
    )


def _sample(spec: Spec, physics: Physics, grid: list[float]) -> SampleOutcome:
    """One uncertainty sample: the curve on the band's payloads, R(500 kg) and the two tests."""
    model = _model(spec, physics)
    limits = _limits(spec, model)
    ranges = model.ranges_km(grid)
    at = dict(zip(grid, ranges, strict=True))
    limit = limits.limit_kg
    r500 = None
    if limit is None or limit >= PAYLOAD_KG:
        value = at[PAYLOAD_KG] if PAYLOAD_KG in at else model.range_km(PAYLOAD_KG)
        r500 = value if math.isfinite(value) else None
    finite = [r for r in ranges if math.isfinite(r)]
    longest = max(finite) if finite else 0.0
    return SampleOutcome(
        category_i=r500 is not None and r500 >= RANGE_KM,
        range_at_least_300_km=longest >= RANGE_KM,
        range_at_500_km=r500,
        max_range_km=longest,
        curve_km=tuple(ranges),
    )


def _screened(spec: RocketSpec, samples: int, seed: int, progress: Progress | None) -> CapabilityResult:
    """A sounding rocket known only by its apogee: the screen, never a verdict on its own."""
    verdict, point = screen(spec)
    flags = list(verdict.flags)
    payload_sum, accounting = _payload_sum(spec)
    flags.extend(accounting)
    uncertainty = None
    if samples > 0:
        uncertainty = propagate(
            spec, _screen_sample, samples=samples, seed=seed, curve_payloads_kg=(), progress=progress
        )
        flags.extend(_uncertainty_flags(uncertainty))
    limit = None if spec.max_payload_kg is None else value_of(spec.max_payload_kg)
    return CapabilityResult(
        name=spec.name,
        type=spec.type,
        basis="apogee_screen",
        verdict=verdict,
        range_km_at_500kg=point.range_km if point.payload_kg == PAYLOAD_KG else None,
        max_range_km=point.range_km,
        max_range_payload_kg=point.payload_kg,
        payload_kg_at_300km=None,
        payload_at_300km_basis=None,
        payload_kg=point.payload_kg,
        min_payload_kg=0.0 if spec.min_payload_kg is None else value_of(spec.min_payload_kg),
        payload_limit_kg=limit,
        curve=(point,),
        assumptions=(
            "Screen: the apogee of a vertical flight converted to range by the vertical-shot identity "
            "(impulsive, in vacuum, spherical non-rotating Earth; capability-physics.md §3.1); the maximum "
            "range is at least this figure, since a lighter payload flies no less far.",
            _payload_definition(spec),
        ),
        flags=tuple(flags),
        payload_sum=payload_sum,
        uncertainty=uncertainty,
    )


def _screen_sample(spec: Spec) -> SampleOutcome:
    assert isinstance(spec, RocketSpec)
    verdict, point = screen(spec)
    category_i = True if verdict.category == "I" else None
    if point.payload_kg <= PAYLOAD_KG and point.range_km < RANGE_KM:
        category_i = False
    return SampleOutcome(
        category_i=category_i,
        range_at_least_300_km=True if point.range_km >= RANGE_KM else None,
        range_at_500_km=point.range_km if point.payload_kg == PAYLOAD_KG else None,
        max_range_km=point.range_km,
    )


def _payload_sum(spec: Spec) -> tuple[PayloadSum | None, list[Flag]]:
    """The payload accounting when mass items are listed (§1.3), and a flag if it contradicts payload_kg."""
    if not spec.mass_items:
        return None, []
    lines = tuple(MassLine(item.name, value_of(item.mass_kg), item.role) for item in spec.mass_items)
    declared = None if spec.payload_kg is None else value_of(spec.payload_kg)
    total = payload_kg(spec)
    summed = PayloadSum(lines, total, flight_essential_kg(spec), declared)
    flags = []
    if declared is not None and any(item.role == "payload" for item in spec.mass_items) and declared != total:
        flags.append(
            Flag(
                "payload_accounting",
                f"The declared payload, {number_text(declared)} kg, differs from the payload under the Annex "
                f"definition, {number_text(total)} kg (the sum of the items tagged payload); the sum is used "
                "(capability-physics.md §1.3).",
            )
        )
    return summed, flags


def _payload_definition(spec: Spec) -> str:
    kind = spec.type.replace("_", " ")
    return (
        f"Payload of a {kind} (Annex definition, capability-physics.md §1.3): "
        f"{PAYLOAD_DEFINITIONS[spec.type]}. "
        "Fuel, propellant, structure, propulsion and flight guidance are not payload."
    )


def _assumptions(spec: Spec, limits: PayloadLimits, curve: tuple, flown: Any) -> tuple[str, ...]:
    """Our assumptions, then the flight model's own, without repeats."""
    if spec.type in ROCKET_TYPES:
        lines = [
            "Range: the ground track of the range-maximising trajectory, fully fuelled, in the ICAO standard "
            "atmosphere with zero wind; operational and range-safety limits ignored (Annex definition of "
            "'range'; capability-physics.md §1.2)."
        ]
    else:
        lines = [
            "Range: one way, to fuel exhaustion, on the most fuel-efficient profile, in the ICAO standard "
            "atmosphere with zero wind; operational and data-link limits ignored (Annex definition of "
            "'range', technical note on UAVs; capability-physics.md §1.2)."
        ]
    lines.append(_payload_definition(spec))
    high = limits.limit_kg
    if high is not None:
        span = f"up to the payload limit, {number_text(high)} kg"
    else:
        top = max((point.payload_kg for point in curve), default=limits.minimum_kg)
        span = f"up to {number_text(top)} kg (no payload limit given)"
    lines.append(
        f"Trade-off: payload from {number_text(limits.minimum_kg)} kg {span}, {len(curve)} points; R(500 kg) "
        "and the maximum range decide, the payload reaching 300 km is a root of R(P) = 300 km "
        "(Annex Introduction (b); capability-physics.md §1.4, §1.6)."
    )
    essential = flight_essential_kg(spec)
    if essential > 0:
        where = "on top of the last stage" if isinstance(spec, RocketSpec) else "in the empty mass"
        lines.append(
            f"Items tagged flight_essential ({number_text(essential)} kg) are carried {where}, not as "
            "payload."
        )
    if isinstance(spec, AirSpec):
        lines.append(
            "Fuel: the design's fuel capacity, less any excess over the maximum take-off mass with the "
            "payload carried (capability-physics.md §1.4, default policy)."
        )
    for line in getattr(flown, "assumptions", ()) or ():
        if line not in lines:
            lines.append(str(line))
    return tuple(lines)


def _trajectory(flown: Any, payload: float) -> TrajectoryData | None:
    """The rocket's trajectory, or the air vehicle's profile, as plain numbers."""
    if flown is None:
        return None
    path = getattr(flown, "trajectory", None)
    if path is not None:
        return TrajectoryData(
            payload_kg=payload,
            downrange_km=tuple(float(x) for x in path.downrange_km),
            altitude_km=tuple(float(x) for x in path.altitude_km),
            time_s=tuple(float(x) for x in path.time_s),
            speed_m_s=tuple(float(x) for x in path.speed_m_s),
        )
    profile = getattr(flown, "profile", None)
    if profile:
        return TrajectoryData(
            payload_kg=payload,
            downrange_km=tuple(float(x) for x, _ in profile),
            altitude_km=tuple(float(h) / 1000.0 for _, h in profile),
        )
    return None


def _orbital(curve: Sequence[CurvePoint]) -> list[Flag]:
    """A flag when some payloads reach orbit or half the Earth's circumference (the largest ground range)."""
    reaching = [point.payload_kg for point in curve if point.range_km >= HALF_CIRCUMFERENCE_KM - 0.5]
    if not reaching:
        return []
    return [
        Flag(
            "orbital",
            f"With up to {number_text(max(reaching))} kg the vehicle reaches orbit or half the Earth's "
            f"circumference: the range there is reported as {number_text(HALF_CIRCUMFERENCE_KM)} km, the "
            "largest ground distance (capability-physics.md §1.5 (c)).",
        )
    ]


def _uncertainty_flags(result: UncertaintyResult) -> list[Flag]:
    flags = []
    if not result.inputs:
        flags.append(
            Flag("no_uncertainty", "No input carries an uncertainty (uncertainty_pct): nothing was sampled.")
        )
    if result.rejected:
        listed = ", ".join(f"{name} ({count})" for name, count in result.rejected)
        flags.append(
            Flag(
                "samples_set_aside",
                f"{result.samples - result.valid} of {result.samples} samples broke a rule of the input and "
                f"were set aside: {listed}.",
            )
        )
    probability = result.probability_category_i
    if probability is not None and 0.0 < probability < 1.0:
        flags.append(
            Flag(
                "uncertain_category",
                f"Within the declared uncertainties the system is Category I in {probability * 100:.0f} % of "
                f"the samples: the verdict depends on inputs known only to that precision.",
            )
        )
    return flags
