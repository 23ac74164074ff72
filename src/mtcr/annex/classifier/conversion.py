"""Unit conversion for comparisons, computed once per pair of units with the units library.

Every unit the Annex uses converts affinely: ``y = scale * x + offset`` (the offset is non-zero only for
temperatures in °C or °F). The pair's scale and offset are taken from the units library the first time the
pair is met and then reused, so a comparison costs one multiplication instead of a library call.

Comparison rule: a value in the threshold's own unit is compared exactly, with the operator as stored. A value
converted from another unit is equal to the threshold when the two differ by no more than the floating error
the conversion can introduce: a relative tolerance of 1e-9 of the larger magnitude, plus 1e-9 of the offset
for temperatures. The tolerance only absorbs rounding (about 1e-16 relative); it is far below any measurement
precision, so an item "exactly on" a threshold given in lbf·s lands on the same side as in N·s.
"""

from __future__ import annotations

import operator
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from mtcr.annex.units import to_unit, unit

RELATIVE_TOLERANCE = 1e-9

OPERATORS: dict[str, Callable[[float, float], bool]] = {
    ">=": operator.ge,
    ">": operator.gt,
    "<": operator.lt,
    "<=": operator.le,
    "==": operator.eq,
}
ON_THRESHOLD: dict[str, bool] = {">=": True, ">": False, "<": False, "<=": True, "==": True}


@dataclass(frozen=True, slots=True)
class Conversion:
    """``to(x) = scale * x + offset``; ``exact`` when no arithmetic is needed."""

    scale: float
    offset: float
    exact: bool

    def __call__(self, value: float) -> float:
        return value if self.exact else self.scale * value + self.offset


def _point(value: float, from_unit: str, to: str) -> float:
    try:
        return to_unit(value, from_unit, to)
    except ArithmeticError as exc:  # a logarithmic unit has no value at zero
        raise ValueError(f"{from_unit!r} does not convert to {to!r} in proportion ({exc})") from None
    except ValueError as exc:
        if "domain" in str(exc):
            raise ValueError(f"{from_unit!r} does not convert to {to!r} in proportion") from None
        raise


@lru_cache(maxsize=4096)
def conversion(from_unit: str, to: str) -> Conversion:
    """The conversion between two units; ``ValueError`` if they measure different things or are not linear."""
    if from_unit == to:
        return Conversion(1.0, 0.0, True)
    zero = _point(0.0, from_unit, to)
    one = _point(1.0, from_unit, to)
    scale = one - zero
    two = _point(2.0, from_unit, to)
    if abs(two - (2.0 * scale + zero)) > RELATIVE_TOLERANCE * (abs(two) + abs(zero)):
        raise ValueError(
            f"{from_unit!r} does not convert to {to!r} in proportion (a logarithmic unit such as dB)"
        )
    if zero == 0.0 and scale == 1.0:
        return Conversion(1.0, 0.0, True)
    return Conversion(scale, zero, False)


def compare(value: float, op: str, threshold: float, exact: bool = True, offset: float = 0.0) -> bool:
    """``value op threshold``, with tolerance when ``value`` was converted (module docstring)."""
    if not exact:
        tolerance = RELATIVE_TOLERANCE * (max(abs(value), abs(threshold)) + abs(offset))
        if abs(value - threshold) <= tolerance:
            return ON_THRESHOLD[op]
    return OPERATORS[op](value, threshold)


@lru_cache(maxsize=1024)
def pretty_unit(text: str) -> str:
    """A unit as people write it: ``N*s`` -> ``N·s``, ``degC`` -> ``°C``."""
    try:
        shown = f"{unit(text):~P}"
    except ValueError:
        return text
    return {"l": "L", "g_0": "g"}.get(shown, shown) or text
