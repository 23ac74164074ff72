"""The range/payload rules that decide complete delivery systems (Items 1.A and 19.A) from declared points.

Annex Introduction (a): Category I systems deliver at least 500 kg to at least 300 km; Item 19 systems reach
at least 300 km with any payload. Introduction (b), trade-off: capability is judged with range traded against
payload, from the design. The capability engine decides from a design; given only declared points, these rules
take the points as the system's envelope (range does not grow with payload) and decide conservatively:

``category_i_capability``
    true when a point carries at least 500 kg to at least 300 km; false when a point with at most 500 kg flies
    less than 300 km (more payload cannot fly farther), or when the structural payload limit is below 500 kg;
    unknown, with a question asking for a capability assessment, when 500 kg and 300 km are each reached but
    by different points; otherwise false on the declared figures, flagged for a capability assessment.
``range_at_least_300_km``
    true when a point flies at least 300 km; false when every point flies less (flagged when the longest is
    within 20 % of 300 km); unknown without points.

Sounding rockets quoted by apogee: the burnout speed that lifts the payload vertically to apogee ``h`` gives a
maximum range of about ``2 h`` on the range-maximising trajectory (see ``points.range_from_apogee_km``). An
estimate within ±20 % of 300 km is flagged for a trajectory analysis (classification case 5).

An answer to the rule's own question (``answers: {category_i_capability: true}``, e.g. after a capability
assessment) overrides the points, and so does a verdict of the capability engine when the design is given.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from mtcr.annex.classifier.conversion import RELATIVE_TOLERANCE
from mtcr.annex.classifier.points import Point
from mtcr.annex.classifier.questions import Ask, Flag
from mtcr.annex.classifier.reasons import number_text

PAYLOAD_KG = 500.0
RANGE_KM = 300.0
NEAR_MISS = 0.10
TRAJECTORY_BAND = 0.20
INTRODUCTION = "Annex Introduction (a)"
TRADE_OFF = "Annex Introduction (b), trade-off"


def at_least(value: float, threshold: float) -> bool:
    """``value >= threshold`` with the unit-conversion tolerance (points are converted to kg and km)."""
    return value >= threshold * (1.0 - RELATIVE_TOLERANCE)


@dataclass(frozen=True, slots=True)
class RuleMargin:
    """How narrowly a rule failed: ``value`` against ``threshold`` in ``unit``."""

    quantity: str
    value: float
    threshold: float
    unit: str

    @property
    def percent(self) -> float:
        return abs(self.threshold - self.value) / abs(self.threshold) * 100.0


@dataclass(frozen=True, slots=True)
class RuleOutcome:
    truth: bool | None
    reasons: tuple[str, ...]
    ask: Ask | None = None
    margin: RuleMargin | None = None
    flags: tuple[Flag, ...] = field(default=())


@dataclass(frozen=True, slots=True)
class CapabilityVerdict:
    """What the capability engine concluded from a design: each rule true, false or undecided."""

    category_i: bool | None
    range_at_least_300_km: bool | None
    reasons: tuple[str, ...] = ()


CapabilityAssessor = Callable[[dict], CapabilityVerdict]
"""Given an item's ``design``, return the capability verdict (the capability engine)."""

ASKS = {
    "category_i_capability": Ask(
        "category_i_capability",
        "yes_no",
        "Can the system, trading payload for range within its structural and volume limits, deliver at least "
        "500 kg to at least 300 km? A capability assessment is needed.",
        help=f"{TRADE_OFF}: capability is judged from the design, not from the advertised figures.",
    ),
    "range_at_least_300_km": Ask(
        "range_at_least_300_km",
        "yes_no",
        "Can the system fly at least 300 km with some payload? A capability assessment is needed.",
        help="Give performance points (payload and range or apogee) or the design.",
    ),
    "aerosol_uav": Ask(
        "aerosol_uav",
        "yes_no",
        "Is the item an unmanned aerial vehicle of 19.A.3: able to fly autonomously or beyond the operator's "
        "direct sight, and carrying (or designed or modified to carry) an aerosol dispensing system of more "
        "than 20 litres?",
    ),
}


def _point_text(point: Point) -> str:
    if point.apogee_km is not None:
        return (
            f"{point.payload_given} to an apogee of {point.range_given}, i.e. an estimated range of "
            f"{number_text(point.range_km)} km (about twice the apogee)"
        )
    return f"{point.payload_given} to {point.range_given}"


def _apogee_flags(points: Sequence[Point]) -> tuple[Flag, ...]:
    flags = []
    for point in points:
        if point.apogee_km is not None and abs(point.range_km - RANGE_KM) <= TRAJECTORY_BAND * RANGE_KM:
            flags.append(
                Flag(
                    "trajectory_analysis",
                    f"The range of {number_text(point.range_km)} km estimated from an apogee of "
                    f"{number_text(point.apogee_km)} km is within 20 % of 300 km: a trajectory analysis on "
                    "the range-maximising trajectory is needed to confirm it.",
                )
            )
    return tuple(flags)


ADVISE = Flag(
    "capability_assessment",
    "Decided on the declared payload/range figures. Capability is judged from the design, with payload "
    f"traded against range ({TRADE_OFF}): a capability assessment should confirm it.",
)


def category_i_capability(points: Sequence[Point], max_payload_kg: float | None) -> RuleOutcome:
    """Annex Introduction (a) and (b): at least 500 kg to at least 300 km, with the trade-off."""
    flags = _apogee_flags(points)
    qualifying = [p for p in points if at_least(p.payload_kg, PAYLOAD_KG) and at_least(p.range_km, RANGE_KM)]
    if qualifying:
        best = max(qualifying, key=lambda p: p.range_km)
        return RuleOutcome(
            True,
            (f"it delivers {_point_text(best)}: at least 500 kg to at least 300 km ({INTRODUCTION})",),
            flags=flags,
        )
    if max_payload_kg is not None and not at_least(max_payload_kg, PAYLOAD_KG):
        review = Flag(
            "structural_limit",
            "The structural payload limit decides Category I: if carrying 500 kg needs only simple changes "
            "rather than a redesign, an assessor may judge the system capable. Human review advised.",
        )
        return RuleOutcome(
            False,
            (
                f"its structural payload limit of {number_text(max_payload_kg)} kg is below 500 kg, so no "
                f"trade of range for payload reaches 500 kg ({TRADE_OFF})",
            ),
            margin=_payload_margin(max_payload_kg, "structural payload limit"),
            flags=(*flags, review),
        )
    if not points:
        return RuleOutcome(
            None, ("no payload/range figures or design are given",), ask=ASKS["category_i_capability"]
        )
    blocking = [p for p in points if p.payload_kg <= PAYLOAD_KG and not at_least(p.range_km, RANGE_KM)]
    if blocking:
        worst = min(blocking, key=lambda p: p.range_km)
        heavy = [p for p in points if at_least(p.payload_kg, PAYLOAD_KG)]
        margin = _range_margin(max(p.range_km for p in heavy), "range with 500 kg or more") if heavy else None
        return RuleOutcome(
            False,
            (
                f"it flies {_point_text(worst)}, less than 300 km with no more than 500 kg; a heavier "
                f"payload cannot fly farther, so it cannot deliver 500 kg to 300 km ({TRADE_OFF})",
            ),
            margin=margin,
            flags=flags,
        )
    light_long = [p for p in points if at_least(p.range_km, RANGE_KM)]
    heavy_short = [p for p in points if at_least(p.payload_kg, PAYLOAD_KG)]
    if light_long and heavy_short:
        heavy, far = max(heavy_short, key=lambda p: p.range_km), max(light_long, key=lambda p: p.payload_kg)
        return RuleOutcome(
            None,
            (
                f"it carries {_point_text(heavy)} and {_point_text(far)}: 500 kg and 300 km are each "
                "reached, in different configurations; whether payload can be traded for range to deliver "
                f"500 kg to 300 km needs a capability assessment ({TRADE_OFF})",
            ),
            ask=ASKS["category_i_capability"],
            flags=flags,
        )
    if light_long:
        heaviest = max(p.payload_kg for p in points)
        reason = (
            f"no declared configuration carries 500 kg (heaviest: {number_text(heaviest)} kg); on the "
            f"declared figures it cannot deliver 500 kg to 300 km ({TRADE_OFF})"
        )
        return RuleOutcome(
            False,
            (reason,),
            margin=_payload_margin(heaviest, "heaviest declared payload"),
            flags=(*flags, ADVISE),
        )
    longest = max(p.range_km for p in points)
    reason = (
        f"no declared configuration reaches 300 km (longest: {number_text(longest)} km); on the declared "
        f"figures it cannot deliver 500 kg to 300 km ({TRADE_OFF})"
    )
    return RuleOutcome(
        False, (reason,), margin=_range_margin(longest, "longest declared range"), flags=(*flags, ADVISE)
    )


def range_at_least_300_km(points: Sequence[Point]) -> RuleOutcome:
    """Item 19.A.1/19.A.2: a maximum range of at least 300 km, whatever the payload."""
    flags = _apogee_flags(points)
    if not points:
        return RuleOutcome(
            None, ("no payload/range figures or design are given",), ask=ASKS["range_at_least_300_km"]
        )
    longest = max(points, key=lambda p: p.range_km)
    if at_least(longest.range_km, RANGE_KM):
        return RuleOutcome(
            True, (f"it flies {_point_text(longest)}: a range of at least 300 km",), flags=flags
        )
    if longest.range_km >= (1.0 - TRAJECTORY_BAND) * RANGE_KM:
        flags = (*flags, ADVISE)
    return RuleOutcome(
        False,
        (f"its longest declared range, {_point_text(longest)}, is less than 300 km",),
        margin=_range_margin(longest.range_km, "longest declared range"),
        flags=flags,
    )


def _payload_margin(payload_kg: float, quantity: str) -> RuleMargin | None:
    if (1.0 - NEAR_MISS) * PAYLOAD_KG <= payload_kg < PAYLOAD_KG:
        return RuleMargin(quantity, payload_kg, PAYLOAD_KG, "kg")
    return None


def _range_margin(range_km: float, quantity: str) -> RuleMargin | None:
    if (1.0 - NEAR_MISS) * RANGE_KM <= range_km < RANGE_KM:
        return RuleMargin(quantity, range_km, RANGE_KM, "km")
    return None


def answered(rule: str, answer: bool) -> RuleOutcome:
    what = "can" if answer else "cannot"
    sentence = {
        "category_i_capability": f"the capability assessment says it {what} deliver 500 kg to 300 km",
        "range_at_least_300_km": f"the capability assessment says it {what} fly 300 km",
        "aerosol_uav": f"answered: it {'is' if answer else 'is not'} an aerosol-dispensing UAV of 19.A.3",
    }[rule]
    return RuleOutcome(answer, (sentence,))


def from_verdict(rule: str, verdict: CapabilityVerdict) -> RuleOutcome | None:
    truth = verdict.category_i if rule == "category_i_capability" else verdict.range_at_least_300_km
    if truth is None or rule == "aerosol_uav":
        return None
    return RuleOutcome(truth, verdict.reasons or (f"the capability engine decided {rule}: {truth}",))
