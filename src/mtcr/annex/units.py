"""One units registry for the Annex: thresholds and item parameters are compared in the same units (pint)."""

from __future__ import annotations

from functools import lru_cache

import pint

UNITS = pint.UnitRegistry(autoconvert_offset_to_baseunit=True)


@lru_cache(maxsize=512)
def unit(text: str) -> pint.Unit:
    """Parse a unit (``N*s``, ``lbf*s``, ``degF``, ``percent``); ``ValueError`` names an unknown one."""
    try:
        return UNITS.Unit(text)
    except (pint.UndefinedUnitError, pint.errors.DefinitionSyntaxError, AttributeError, TypeError) as exc:
        raise ValueError(f"{text!r} is not a unit we know") from exc


def to_unit(value: float, from_unit: str, to: str) -> float:
    """``value`` in ``from_unit`` expressed in ``to``; raises ``ValueError`` for incompatible dimensions."""
    try:
        return float(UNITS.Quantity(value, unit(from_unit)).to(unit(to)).magnitude)
    except pint.DimensionalityError as exc:
        raise ValueError(
            f"{from_unit!r} cannot be converted to {to!r} (different kinds of quantity)"
        ) from exc


def compatible(a: str, b: str) -> bool:
    return unit(a).dimensionality == unit(b).dimensionality
