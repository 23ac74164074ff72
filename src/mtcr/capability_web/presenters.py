"""A capability result as the page shows it: the verdict in words, the figures, the plot as inline SVG."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from mtcr.capability import CapabilityResult
from mtcr.capability.plot import plot_svg
from mtcr.capability.spec import number_text

_PROLOGUE = re.compile(r"^.*?(?=<svg\b)", re.DOTALL)


@dataclass(frozen=True, slots=True)
class Figure:
    label: str
    value: str


def _km(value: float | None) -> str:
    return "n/a" if value is None else f"{number_text(value)} km"


def _kg(value: float | None) -> str:
    return "n/a" if value is None else f"{number_text(value)} kg"


def verdict(result: CapabilityResult) -> str:
    """The verdict in words (as the command line says it)."""
    if result.category:
        text = f"Category {result.category} ({result.entry})"
    else:
        text = "No complete-system entry (1.A, 19.A)" if result.decided else "Undecided"
    return text if result.decided else f"Screen only, not a verdict: {text}"


def figures(result: CapabilityResult) -> list[Figure]:
    """The headline numbers: R(500 kg), maximum range, payload to 300 km, the margin, the payloads."""
    limit = result.payload_limit_kg
    beyond = result.range_km_at_500kg is None and limit is not None and limit < 500.0
    rows = [
        Figure("Range with 500 kg", "beyond the payload limit" if beyond else _km(result.range_km_at_500kg)),
        Figure(
            "Maximum range",
            f"{_km(result.max_range_km)} with {_kg(result.max_range_payload_kg)} of payload",
        ),
        Figure("Largest payload to 300 km", _kg(result.payload_kg_at_300km)),
    ]
    if result.margin_km is not None and result.margin_pct is not None:
        rows.append(Figure("Margin", f"{result.margin_km:+,.1f} km ({result.margin_pct:+.1f} %)"))
    rows.append(Figure("Payload (declared)", _kg(result.payload_kg)))
    rows.append(Figure("Payload limit", _kg(limit) if limit else "not given"))
    return rows


def uncertainty(result: CapabilityResult) -> list[Figure]:
    """The sampled figures: P(Category I) and the 5-95 % bands, when samples were flown."""
    band = result.uncertainty
    if band is None:
        return []
    rows = [Figure("Samples", f"{band.valid} valid of {band.samples} (seed {band.seed})")]
    if band.probability_category_i is not None:
        rows.append(Figure("Probability of Category I", f"{band.probability_category_i * 100:.1f} %"))
    for label, spread in (("Range with 500 kg", band.range_at_500_km), ("Maximum range", band.max_range_km)):
        if spread is not None:
            rows.append(
                Figure(
                    f"{label}, 5th-95th percentile",
                    f"{number_text(spread.p5)} to {number_text(spread.p95)} km "
                    f"(median {number_text(spread.p50)} km)",
                )
            )
    return rows


def inline_svg(result: CapabilityResult) -> SafeString:
    """The trade-off curve and the trajectory as an ``<svg>`` element for the page (no XML prologue), with an
    accessible name; the curve's points are given as a table beside it."""
    svg = _PROLOGUE.sub("", plot_svg(result), count=1)
    label = escape(f"Range against payload, and the trajectory, of {result.name}: {verdict(result)}")
    svg = svg.replace("<svg ", f'<svg role="img" aria-label="{label}" focusable="false" ', 1)
    return mark_safe(svg)  # matplotlib's own output; the only user text in it is escaped by matplotlib


def context(result: CapabilityResult) -> dict[str, Any]:
    """What ``capability/_result.html`` shows."""
    curve = [(number_text(p.payload_kg), number_text(p.range_km)) for p in result.curve]
    return {
        "result": result,
        "verdict": verdict(result),
        "figures": figures(result),
        "uncertainty": uncertainty(result),
        "curve": curve,
        "svg": inline_svg(result),
    }
