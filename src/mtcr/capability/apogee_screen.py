"""Sounding rockets known only by apogee: the vertical-shot identity as a screen, never a verdict on its own.

A vertical shot that reaches an apogee ``h`` has the burnout speed that, on the range-maximising trajectory,
covers a central angle ``ψ`` with ``sin(ψ / 2) = h / R_E``: a ground range of ``2 R_E arcsin(h / R_E)``,
about ``2 h`` (capability-physics.md §3.1, test (d)). The identity is impulsive and in vacuum: a real ascent
loses less to gravity and more to drag when tilted, a few per cent either way. So it screens; the vehicle is
flown when its design is given (§5.6: never compare apogee with 300 km), and the screen then only checks the
declared apogee against the design's own vertical shot.

What the screen can say from one flight (range does not grow with payload, §1.6):

- flown with at least 500 kg to an estimated range of at least 300 km: Category I indicated;
- flown with less than 500 kg to at least 300 km: at least Item 19 indicated, Category I not excluded;
- flown with at most 500 kg to less than 300 km: not Category I; the maximum range with a lighter payload
  is unknown.
"""

from __future__ import annotations

import math

from mtcr.capability.earth import EARTH_RADIUS_M
from mtcr.capability.spec import RocketSpec, number_text, payload_kg, value_of
from mtcr.capability.verdict import (
    MINUS,
    PAYLOAD_KG,
    RANGE_KM,
    Category,
    CurvePoint,
    Flag,
    Margin,
    Verdict,
    entries,
)

EARTH_RADIUS_KM = EARTH_RADIUS_M / 1000.0
TRAJECTORY_BAND = 0.20
"""An estimate within 20 % of 300 km needs the trajectory analysis (as the Annex classifier flags)."""
APOGEE_CHECK_TOLERANCE = 0.10
"""The design's vertical apogee and the declared one may differ by 10 % before the inputs are questioned."""
IDENTITY = "vertical-shot identity sin(ψ/2) = h/R_E, capability-physics.md §3.1"
SCREEN_FLAG = Flag(
    "apogee_screen",
    "Screen, not a verdict: the range is estimated from the apogee by the vertical-shot identity (impulsive, "
    "in vacuum). Give the stages to fly the vehicle on its range-maximising trajectory.",
)


def range_from_apogee_km(apogee_km: float) -> float:
    """The maximum range with the burnout speed of a vertical shot to ``apogee_km``: ``2 R_E asin(h/R_E)``.

    An apogee of one Earth radius or more gives half the circumference (the speed then reaches any point).
    """
    ratio = min(apogee_km / EARTH_RADIUS_KM, 1.0)
    return 2.0 * EARTH_RADIUS_KM * math.asin(ratio)


def screen(spec: RocketSpec) -> tuple[Verdict, CurvePoint]:
    """What the declared apogee says about the Category, flagged as a screen (``decided`` is false)."""
    if spec.apogee_km is None:
        raise ValueError("the screen needs apogee_km")
    apogee = value_of(spec.apogee_km)
    flown = payload_kg(spec)
    estimate = range_from_apogee_km(apogee)
    limit = None if spec.max_payload_kg is None else value_of(spec.max_payload_kg)
    entry_i, entry_ii = entries(spec.type)
    reaches = estimate >= RANGE_KM
    margin = Margin("Item 19", entry_ii, "range estimated from the apogee", estimate, RANGE_KM, "km")
    sign = "+" if margin.margin >= 0 else MINUS
    said = (
        f"Flown vertically with {number_text(flown)} kg to an apogee of {number_text(apogee)} km, it "
        f"would fly about {number_text(estimate)} km on the range-maximising trajectory, "
        f"{sign}{number_text(abs(margin.margin))} km ({margin.percent:+.1f} %) from 300 km ({IDENTITY})."
    )
    reasons = [said]
    category: Category | None
    if flown >= PAYLOAD_KG and reaches:
        category, entry = "I", entry_i
        reasons.append(
            f"Screen: Category I indicated ({entry_i}): it carried {number_text(flown)} kg, at least "
            "500 kg, to an estimated range of at least 300 km; a lighter payload of 500 kg flies no less far."
        )
    elif reaches:
        category, entry = "II", entry_ii
        excluded = limit is not None and limit < PAYLOAD_KG
        why = (
            f"excluded by its structural payload limit of {number_text(limit or 0.0)} kg"
            if excluded
            else "not excluded: whether 500 kg reaches 300 km needs the design"
        )
        reasons.append(
            f"Screen: at least Item 19 indicated ({entry_ii}): an estimated range of at least 300 km with "
            f"{number_text(flown)} kg; Category I {why}."
        )
    elif flown <= PAYLOAD_KG:
        category, entry = None, None
        reasons.append(
            f"Screen: not Category I: with {number_text(flown)} kg, no more than 500 kg, it falls short of "
            "300 km, and more payload flies no farther; the maximum range with a lighter payload needs the "
            "design."
        )
    else:
        category, entry = None, None
        reasons.append(
            f"Screen: undecided: with {number_text(flown)} kg, more than 500 kg, it falls short of 300 km; "
            "with 500 kg it would fly farther, by how much needs the design."
        )
    flags = [SCREEN_FLAG]
    if abs(estimate - RANGE_KM) <= TRAJECTORY_BAND * RANGE_KM:
        flags.append(
            Flag(
                "trajectory_analysis",
                f"The estimated range, {number_text(estimate)} km, is within 20 % of 300 km: a trajectory "
                "analysis on the range-maximising trajectory is needed to confirm it.",
            )
        )
    verdict = Verdict(category, entry, (margin,), tuple(reasons), tuple(flags), decided=False)
    return verdict, CurvePoint(flown, estimate)


def apogee_check(spec: RocketSpec, design_apogee_km: float | None) -> Flag | None:
    """When both the design and a flown apogee are given: does the design's vertical shot match the flight?"""
    if spec.apogee_km is None:
        return None
    declared = value_of(spec.apogee_km)
    flown = payload_kg(spec)
    if design_apogee_km is None:
        return Flag(
            "apogee_check",
            f"The design could not be flown vertically with {number_text(flown)} kg to check the "
            f"declared apogee of {number_text(declared)} km.",
        )
    difference = (design_apogee_km - declared) / declared
    text = (
        f"Flown vertically with {number_text(flown)} kg, the design reaches "
        f"{number_text(design_apogee_km)} km; the declared apogee is {number_text(declared)} km "
        f"({difference * 100:+.1f} %)."
    )
    if abs(difference) > APOGEE_CHECK_TOLERANCE:
        text += " The difference exceeds 10 %: check the stage data."
        return Flag("apogee_mismatch", text)
    return Flag("apogee_check", text)
