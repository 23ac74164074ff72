"""Payload/range points of a complete delivery system, in kilograms and kilometres."""

from __future__ import annotations

from dataclasses import dataclass


def range_from_apogee_km(apogee_km: float) -> float:
    """Maximum range estimated from a vertical-shot apogee: about ``2 h`` (classification case 5).

    The burnout speed that lifts a payload vertically to ``h`` gives about ``2 h`` on the range-maximising
    trajectory (vacuum, flat Earth); the spherical-Earth identity ``sin(psi / 2) = h / R_E`` gives the same
    within 0.1 % below 1,000 km. Drag makes the real figure lower, hence the trajectory-analysis flag.
    """
    return 2.0 * apogee_km


@dataclass(frozen=True, slots=True)
class Point:
    """A payload/range point in kg and km; ``apogee_km`` is set when the range is estimated from an apogee.

    ``payload_given`` and ``range_given`` keep the figures as the user wrote them, for the reasons.
    """

    payload_kg: float
    range_km: float
    apogee_km: float | None = None
    source: str = ""
    payload_given: str = ""
    range_given: str = ""
