"""Sentences that explain a classification: numbers, units and comparisons in words.

A reason names the parameter, the item's value (in the user's unit, and in the threshold's unit when they
differ), the comparison in words and the threshold, and the entry the criterion comes from, e.g.
"total impulse capacity 9.5e5 N·s is at least 8.41e5 N·s (20.A.1.b.1)".
"""

from __future__ import annotations

import math

from mtcr.annex.classifier.conversion import pretty_unit

HOLDS = {">=": "is at least", ">": "exceeds", "<": "is less than", "<=": "is at most", "==": "equals"}
FAILS = {
    ">=": "is below",
    ">": "does not exceed",
    "<": "is not less than",
    "<=": "exceeds",
    "==": "differs from",
}
IN_WORDS = {">=": "at least", ">": "more than", "<": "less than", "<=": "at most", "==": "exactly"}


def number_text(value: float) -> str:
    """Up to four significant digits; powers of ten as ``9.5e5`` outside 0.001-99999."""
    if value == 0 or not math.isfinite(value):
        return f"{value:g}"
    magnitude = abs(value)
    if 1e-3 <= magnitude < 1e5:
        text = f"{value:.4g}"
        if "e" not in text:
            return text
    mantissa, exponent = f"{value:.4e}".split("e")
    mantissa = mantissa.rstrip("0").rstrip(".")
    return f"{mantissa}e{int(exponent)}"


def quantity_text(value: float, unit_text: str) -> str:
    shown = pretty_unit(unit_text)
    if shown in ("", "dimensionless"):
        return number_text(value)
    separator = "" if shown in ("%", "°") else " "
    return f"{number_text(value)}{separator}{shown}"


def comparison_text(
    name: str,
    given: tuple[float, str],
    converted: float,
    op: str,
    threshold: float,
    threshold_unit: str,
    holds: bool,
    source: str,
) -> str:
    """``"<name> <value> [(<value in threshold unit>)] <op in words> <threshold> (<entry>)"``."""
    value_text = quantity_text(*given)
    in_threshold_unit = quantity_text(converted, threshold_unit)
    if in_threshold_unit != value_text:
        value_text = f"{value_text} ({in_threshold_unit})"
    verb = (HOLDS if holds else FAILS)[op]
    return f"{name} {value_text} {verb} {quantity_text(threshold, threshold_unit)} ({source})"


def threshold_text(op: str, threshold: float, threshold_unit: str) -> str:
    return f"{IN_WORDS[op]} {quantity_text(threshold, threshold_unit)}"
