"""The decision rule over the curve R(P): Annex Introduction (a) and (b); capability-physics.md §1.6.

``trade_off`` computes the curve from the minimum to the maximum payload, R(500 kg), the maximum range and the
largest payload that still reaches 300 km (a root of R(P) = 300 km, by Brent's method between the curve points
that bracket it). ``decide`` applies the rule, with thresholds inclusive ("at least", annex-facts.md §3.2):

- Category I (1.A.1 rockets, 1.A.2 UAVs) if 500 kg is within the design's payload limit and R(500) ≥ 300 km;
- otherwise Category II (19.A.1, 19.A.2) if the maximum range, normally at the minimum payload, is ≥ 300 km;
- otherwise no complete-system entry.

Each verdict carries its reasons (the rule, the numbers, the margin), margins in km and per cent, and flags.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol

import numpy as np

from mtcr.capability.spec import ROCKET_TYPES, number_text

PAYLOAD_KG = 500.0
RANGE_KM = 300.0
NEAR_THRESHOLD = 0.10
CURVE_POINTS = 21
UNLIMITED_SPAN = 1.5
"""Without a payload limit, the curve runs to 1.5 times the larger of the declared payload and 500 kg."""
SEARCH_LIMIT = 64.0
"""Without a payload limit, the payload reaching 300 km is searched up to 64 times that span's end."""
INTRODUCTION_A = "Annex Introduction (a)"
INTRODUCTION_B = "Annex Introduction (b)"
RULE = "capability-physics.md §1.6"

MINUS = "\u2212"
Category = Literal["I", "II"]


class RangeModel(Protocol):
    """Maximum range against payload: ``nan`` where the vehicle cannot fly the payload."""

    def range_km(self, payload_kg: float) -> float: ...

    def ranges_km(self, payloads_kg: Sequence[float]) -> list[float]: ...


@dataclass(frozen=True, slots=True)
class Flag:
    """Something the reader should know about a verdict: an id and a sentence."""

    id: str
    text: str

    def to_dict(self) -> dict[str, str]:
        return {"id": self.id, "text": self.text}


@dataclass(frozen=True, slots=True)
class CurvePoint:
    payload_kg: float
    range_km: float

    def to_dict(self) -> dict[str, float | None]:
        return {"payload_kg": _round(self.payload_kg), "range_km": _round(self.range_km)}


@dataclass(frozen=True, slots=True)
class Margin:
    """How far ``value`` lies above (positive) or below (negative) the threshold of one test."""

    test: str
    entry: str
    quantity: str
    value: float
    threshold: float
    unit: str

    @property
    def margin(self) -> float:
        return self.value - self.threshold

    @property
    def percent(self) -> float:
        return self.margin / self.threshold * 100.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "test": self.test,
            "entry": self.entry,
            "quantity": self.quantity,
            "value": _round(self.value),
            "threshold": self.threshold,
            "unit": self.unit,
            "margin": _round(self.margin),
            "margin_pct": _round(self.percent),
        }


@dataclass(frozen=True, slots=True)
class PayloadLimits:
    """What the design can carry: the lightest payload flown, the structural and take-off-mass limits."""

    minimum_kg: float = 0.0
    structural_kg: float | None = None
    design_kg: float | None = None

    @property
    def limit_kg(self) -> float | None:
        known = [value for value in (self.structural_kg, self.design_kg) if value is not None]
        return min(known) if known else None

    @property
    def limit_text(self) -> str:
        if self.structural_kg is not None and (
            self.design_kg is None or self.structural_kg <= self.design_kg
        ):
            return f"structural payload limit of {number_text(self.structural_kg)} kg (max_payload_kg)"
        design = number_text(self.design_kg or 0.0)
        return f"heaviest payload it can lift within its maximum take-off mass, {design} kg"


@dataclass(frozen=True, slots=True)
class TradeOff:
    """The range/payload trade-off of one design."""

    curve: tuple[CurvePoint, ...]
    limits: PayloadLimits
    declared_payload_kg: float
    declared_range_km: float | None
    range_at_500_km: float | None
    range_at_500_beyond_limit_km: float | None
    max_range_km: float
    max_range_payload_kg: float
    payload_at_300_km: float | None
    payload_at_300_basis: Literal["root", "payload_limit", "search_limit"] | None
    unflyable_kg: tuple[float, ...] = ()


@dataclass(frozen=True, slots=True)
class Verdict:
    """Category, entry, margins, reasons and flags of one system."""

    category: Category | None
    entry: str | None
    margins: tuple[Margin, ...]
    reasons: tuple[str, ...]
    flags: tuple[Flag, ...] = field(default=())
    decided: bool = True

    @property
    def headline(self) -> Margin | None:
        """The range margin of the Category I test when 500 kg is assessable, else of the Item 19 test."""
        return next((margin for margin in self.margins if margin.unit == "km"), None)


def _round(value: float | None, digits: int = 2) -> float | None:
    if value is None or not math.isfinite(value):
        return None
    return round(float(value), digits)


def entries(system_type: str) -> tuple[str, str]:
    """The Category I and Item 19 entries of a system type: rockets 1.A.1/19.A.1, UAVs 1.A.2/19.A.2."""
    return ("1.A.1", "19.A.1") if system_type in ROCKET_TYPES else ("1.A.2", "19.A.2")


def curve_payloads(
    limits: PayloadLimits, declared_payload_kg: float, points: int = CURVE_POINTS
) -> list[float]:
    """The curve's payloads: evenly from the minimum to the limit, plus 500 kg and the declared payload."""
    low = limits.minimum_kg
    high = limits.limit_kg
    if high is None:
        high = UNLIMITED_SPAN * max(declared_payload_kg, PAYLOAD_KG)
    high = max(high, low)
    grid = {float(p) for p in np.linspace(low, high, max(points, 2))}
    grid.update(p for p in (PAYLOAD_KG, declared_payload_kg) if low <= p <= high)
    return sorted(grid)


def trade_off(
    model: RangeModel, limits: PayloadLimits, declared_payload_kg: float, points: int = CURVE_POINTS
) -> TradeOff:
    """The curve R(P), R(500 kg), the maximum range and the largest payload reaching 300 km (§1.6, §5.3)."""
    payloads = curve_payloads(limits, declared_payload_kg, points)
    ranges = model.ranges_km(payloads)
    curve = tuple(CurvePoint(p, r) for p, r in zip(payloads, ranges, strict=True) if math.isfinite(r))
    unflyable = tuple(p for p, r in zip(payloads, ranges, strict=True) if not math.isfinite(r))
    at = dict(zip(payloads, ranges, strict=True))
    limit = limits.limit_kg
    range_at_500 = beyond = None
    if limit is None or limit >= PAYLOAD_KG:
        range_at_500 = _finite_or_none(at.get(PAYLOAD_KG, math.nan))
    else:
        beyond = _finite_or_none(model.range_km(PAYLOAD_KG))
    if curve:
        best = max(curve, key=lambda point: point.range_km)
        max_range, max_payload = best.range_km, best.payload_kg
    else:
        max_range, max_payload = 0.0, limits.minimum_kg
    root, basis = _payload_at_300(model, payloads, ranges, limit)
    return TradeOff(
        curve=curve,
        limits=limits,
        declared_payload_kg=declared_payload_kg,
        declared_range_km=_finite_or_none(at.get(declared_payload_kg, math.nan)),
        range_at_500_km=range_at_500,
        range_at_500_beyond_limit_km=beyond,
        max_range_km=max_range,
        max_range_payload_kg=max_payload,
        payload_at_300_km=root,
        payload_at_300_basis=basis,
        unflyable_kg=unflyable,
    )


def _finite_or_none(value: float) -> float | None:
    return float(value) if math.isfinite(value) else None


def _payload_at_300(
    model: RangeModel, payloads: Sequence[float], ranges: Sequence[float], limit: float | None
) -> tuple[float | None, Literal["root", "payload_limit", "search_limit"] | None]:
    """The largest payload with R(P) ≥ 300 km: Brent's method on R(P) - 300 between bracketing points."""

    def excess(payload_kg: float) -> float:
        value = model.range_km(payload_kg)
        return value - RANGE_KM if math.isfinite(value) else -RANGE_KM

    values = [r - RANGE_KM if math.isfinite(r) else -RANGE_KM for r in ranges]
    reaching = [index for index, value in enumerate(values) if value >= 0.0]
    if not reaching:
        return None, None
    last = reaching[-1]
    if last + 1 < len(payloads):
        low, high = payloads[last], payloads[last + 1]
    elif limit is not None:
        return float(payloads[last]), "payload_limit"
    else:
        low, high = payloads[last], payloads[last] * 2.0 or 1.0
        ceiling = SEARCH_LIMIT * payloads[last]
        while excess(high) >= 0.0:
            if high >= ceiling:
                return float(high), "search_limit"
            low, high = high, high * 2.0
    if values[last] == 0.0:
        return float(low), "root"
    from scipy.optimize import brentq  # imported when needed: scipy.optimize takes a second to load

    root = brentq(excess, low, high, xtol=0.05, rtol=1e-6)
    return float(root), "root"


def decide(system_type: str, trade: TradeOff) -> Verdict:
    """The Category, entry, margins and reasons of a design's trade-off (§1.6)."""
    entry_i, entry_ii = entries(system_type)
    profile = _profile(system_type)
    limits = trade.limits
    limit = limits.limit_kg
    margins: list[Margin] = []
    reasons: list[str] = []
    flags: list[Flag] = []
    r500 = trade.range_at_500_km
    category_i = r500 is not None and r500 >= RANGE_KM
    if r500 is not None:
        cat_i = Margin("Category I", entry_i, "range with 500 kg", r500, RANGE_KM, "km")
        margins.append(cat_i)
        if category_i:
            reasons.append(
                f"Category I ({entry_i}): with a 500 kg payload it flies {_km(r500)} on the {profile}, "
                f"at least 300 km, by a margin of {_signed(cat_i)} ({INTRODUCTION_A}; {RULE})."
            )
        else:
            reasons.append(
                f"Not Category I: with a 500 kg payload it flies {_km(r500)} on the {profile}, short of "
                f"300 km by {_km(-cat_i.margin)} ({_pct(cat_i)}) ({INTRODUCTION_A}, {entry_i}; {RULE})."
            )
    elif limit is not None and limit < PAYLOAD_KG:
        reasons.append(
            f"Not Category I: 500 kg exceeds its {limits.limit_text}, so no trade of range for payload "
            f"delivers 500 kg ({INTRODUCTION_B}; capability-physics.md §1.4)."
        )
        flags.append(_beyond_limit_flag(limits, trade.range_at_500_beyond_limit_km))
    else:
        reasons.append(
            f"Not Category I: it cannot fly a 500 kg payload (no trajectory exists) "
            f"({INTRODUCTION_A}, {entry_i})."
        )
    maximum = Margin("Item 19", entry_ii, "maximum range", trade.max_range_km, RANGE_KM, "km")
    margins.append(maximum)
    at_payload = f"{_km(trade.max_range_km)} with {_kg(trade.max_range_payload_kg)} of payload"
    if category_i:
        category: Category | None = "I"
        entry: str | None = entry_i
        reasons.append(f"Its maximum range is {at_payload}.")
    elif trade.max_range_km >= RANGE_KM:
        category, entry = "II", entry_ii
        reasons.append(
            f"Category II ({entry_ii}): its maximum range, {at_payload}, is at least 300 km whatever the "
            f"payload, by a margin of {_signed(maximum)} (Item {entry_ii}; {RULE})."
        )
    else:
        category, entry = None, None
        reasons.append(
            f"No complete-system entry (1.A, 19.A): its maximum range, {at_payload}, is less than 300 km by "
            f"{_km(-maximum.margin)} ({_pct(maximum)}) (Item {entry_ii}; {RULE})."
        )
    if trade.payload_at_300_km is not None:
        margins.append(
            Margin(
                "Category I",
                entry_i,
                "largest payload reaching 300 km",
                trade.payload_at_300_km,
                PAYLOAD_KG,
                "kg",
            )
        )
    reasons.append(_payload_at_300_text(trade))
    if trade.declared_range_km is not None and trade.declared_payload_kg != PAYLOAD_KG:
        reasons.append(
            f"As declared, with {_kg(trade.declared_payload_kg)}, it flies {_km(trade.declared_range_km)}; "
            f"capability is judged from the design with payload traded for range, not from the declared "
            f"configuration ({INTRODUCTION_B})."
        )
    flags.extend(_flags(system_type, trade, margins))
    return Verdict(category, entry, tuple(margins), tuple(reasons), tuple(flags))


def _profile(system_type: str) -> str:
    if system_type in ROCKET_TYPES:
        return "range-maximising trajectory"
    return "most fuel-efficient one-way profile"


def _km(value: float) -> str:
    return f"{number_text(value)} km"


def _kg(value: float) -> str:
    return f"{number_text(value)} kg"


def _pct(margin: Margin) -> str:
    return f"{margin.percent:+.1f} %"


def _signed(margin: Margin) -> str:
    return f"{'+' if margin.margin >= 0 else MINUS}{_km(abs(margin.margin))} ({_pct(margin)})"


def _payload_at_300_text(trade: TradeOff) -> str:
    payload = trade.payload_at_300_km
    if payload is None:
        return "No payload in the design's range reaches 300 km."
    if trade.payload_at_300_basis == "payload_limit":
        return f"It reaches 300 km with every payload up to its payload limit, {_kg(payload)}."
    if trade.payload_at_300_basis == "search_limit":
        return f"It still reaches 300 km with {_kg(payload)}, the heaviest payload searched."
    side = "more" if payload >= PAYLOAD_KG else "less"
    return (
        f"The largest payload that still reaches 300 km is {_kg(payload)} (root of R(P) = 300 km), "
        f"{_kg(abs(payload - PAYLOAD_KG))} {side} than 500 kg."
    )


def _beyond_limit_flag(limits: PayloadLimits, beyond_km: float | None) -> Flag:
    flown = f" With 500 kg it would fly {_km(beyond_km)}." if beyond_km is not None else ""
    return Flag(
        "payload_limit",
        f"The payload limit decides Category I: 500 kg exceeds its {limits.limit_text}.{flown} If carrying "
        "500 kg needs only simple changes rather than a redesign, an assessor may judge the system capable: "
        "human review advised.",
    )


def _flags(system_type: str, trade: TradeOff, margins: Sequence[Margin]) -> list[Flag]:
    flags = []
    for margin in margins:
        if margin.unit == "km" and abs(margin.margin) <= NEAR_THRESHOLD * margin.threshold:
            flags.append(
                Flag(
                    "near_threshold",
                    f"The {margin.quantity} ({_km(margin.value)}) is within 10 % of 300 km: the "
                    "uncertainty of the inputs may decide; declare it (uncertainty_pct) and sample it.",
                )
            )
    if (
        system_type in ROCKET_TYPES
        and trade.limits.structural_kg is None
        and trade.declared_payload_kg < PAYLOAD_KG
    ):
        flags.append(
            Flag(
                "payload_limit_assumed",
                f"No structural payload limit (max_payload_kg) is given: the design is assumed able to carry "
                f"500 kg, more than the declared {_kg(trade.declared_payload_kg)}. If that needs a redesign, "
                "give max_payload_kg.",
            )
        )
    if trade.payload_at_300_basis == "search_limit":
        flags.append(
            Flag(
                "payload_search_limit",
                f"R(P) is still at least 300 km at {_kg(trade.payload_at_300_km or 0.0)}, where the search "
                "stopped: give max_payload_kg.",
            )
        )
    if trade.unflyable_kg:
        listed = ", ".join(_kg(p) for p in trade.unflyable_kg[:5])
        more = "…" if len(trade.unflyable_kg) > 5 else ""
        flags.append(
            Flag("unflyable_payloads", f"The vehicle cannot fly these payloads of the curve: {listed}{more}.")
        )
    return flags
