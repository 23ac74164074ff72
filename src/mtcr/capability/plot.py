"""The trade-off curve and the trajectory of a capability result, as SVG or PNG (matplotlib, Agg, no pyplot).

Left: R(P) from the minimum to the maximum payload, the Category I region (at least 500 kg to at least 300 km,
Annex Introduction (a)) shaded, the 300 km line of Item 19, the uncertainty band (5th-95th percentile) when
sampled, R(500 kg), the declared payload and the largest payload reaching 300 km. Right: the trajectory flown
with 500 kg (or the declared payload): altitude against ground distance.
"""

from __future__ import annotations

import io
from pathlib import Path

import matplotlib as mpl
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from mtcr.capability.result import CapabilityResult
from mtcr.capability.spec import number_text
from mtcr.capability.verdict import PAYLOAD_KG, RANGE_KM

FORMATS = ("svg", "png")
CATEGORY_I_COLOUR = "#d62728"
CURVE_COLOUR = "#1f4e79"
STYLE = {"svg.hashsalt": "mtcr-capability", "svg.fonttype": "none", "font.size": 9.0}


def figure(result: CapabilityResult) -> Figure:
    """The two panels as a matplotlib ``Figure`` attached to an Agg canvas."""
    with mpl.rc_context(STYLE):
        fig = Figure(figsize=(11.0, 4.6), layout="constrained")
        FigureCanvasAgg(fig)
        curve_axes, path_axes = fig.subplots(1, 2, width_ratios=(1.15, 1.0))
        _curve(curve_axes, result)
        _trajectory(path_axes, result)
        fig.suptitle(_title(result), fontsize=11, parse_math=False)  # a system name is text, not maths
    return fig


def render(result: CapabilityResult, fmt: str = "svg") -> bytes:
    """The figure as ``svg`` or ``png`` bytes (reproducible: no date, fixed SVG ids)."""
    if fmt not in FORMATS:
        raise ValueError(f"the plot format is svg or png, not {fmt!r}")
    buffer = io.BytesIO()
    metadata = {"Date": None} if fmt == "svg" else {"Software": None}
    with mpl.rc_context(STYLE):
        figure(result).savefig(buffer, format=fmt, dpi=150, metadata=metadata)
    return buffer.getvalue()


def plot_svg(result: CapabilityResult) -> str:
    """The figure as SVG text."""
    return render(result, "svg").decode("utf-8")


def write_plot(result: CapabilityResult, path: Path) -> Path:
    """Write the figure to ``path``; the suffix (.svg or .png) chooses the format."""
    fmt = path.suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        raise ValueError(f"{path.name}: the plot file ends in .svg or .png")
    path.write_bytes(render(result, fmt))
    return path


def _title(result: CapabilityResult) -> str:
    if result.category is None:
        verdict = "no complete-system entry" if result.decided else "undecided"
    else:
        verdict = f"Category {result.category} ({result.entry})"
    if not result.decided:
        verdict = f"screen only: {verdict}"
    return f"{result.name}: {verdict}"


def _curve(ax: Axes, result: CapabilityResult) -> None:
    payloads = [point.payload_kg for point in result.curve]
    ranges = [point.range_km for point in result.curve]
    band = result.uncertainty
    top = max([*ranges, RANGE_KM, *_band_highs(result)]) * 1.12
    right = max([*payloads, PAYLOAD_KG]) * 1.08 or PAYLOAD_KG * 1.5
    ax.add_patch(
        mpl.patches.Rectangle(
            (PAYLOAD_KG, RANGE_KM),
            right - PAYLOAD_KG,
            top - RANGE_KM,
            facecolor=CATEGORY_I_COLOUR,
            alpha=0.10,
            edgecolor="none",
            label="Category I: ≥ 500 kg to ≥ 300 km",
        )
    )
    ax.axhline(RANGE_KM, color=CATEGORY_I_COLOUR, linestyle="--", linewidth=0.8, label="300 km (Item 19)")
    ax.axvline(PAYLOAD_KG, color=CATEGORY_I_COLOUR, linestyle=":", linewidth=0.8)
    if band is not None and band.curve and any(item is not None for item in band.curve):
        kept = [(p, b) for p, b in zip(band.curve_payloads_kg, band.curve, strict=True) if b is not None]
        ax.fill_between(
            [p for p, _ in kept],
            [b.p5 for _, b in kept],
            [b.p95 for _, b in kept],
            color=CURVE_COLOUR,
            alpha=0.18,
            linewidth=0,
            label=f"5-95 % band ({band.valid} samples)",
        )
    style = "o" if len(payloads) == 1 else "-"
    label = "R(P), screen from apogee" if not result.decided else "R(P), maximum range"
    ax.plot(payloads, ranges, style, color=CURVE_COLOUR, linewidth=1.8, label=label)
    if result.range_km_at_500kg is not None:
        ax.plot([PAYLOAD_KG], [result.range_km_at_500kg], "*", color=CATEGORY_I_COLOUR, markersize=11)
        ax.annotate(
            f"R(500 kg) = {number_text(result.range_km_at_500kg)} km",
            (PAYLOAD_KG, result.range_km_at_500kg),
            textcoords="offset points",
            xytext=(10, 6),
        )
    declared = next((p for p in result.curve if p.payload_kg == result.payload_kg), None)
    if declared is not None and declared.payload_kg != PAYLOAD_KG and len(payloads) > 1:
        ax.plot(
            [declared.payload_kg], [declared.range_km], "o", color="black", markersize=5, label="declared"
        )
    if result.payload_kg_at_300km is not None and result.payload_at_300km_basis == "root":
        ax.plot([result.payload_kg_at_300km], [RANGE_KM], "D", color="#2ca02c", markersize=5)
        ax.annotate(
            f"{number_text(result.payload_kg_at_300km)} kg to 300 km",
            (result.payload_kg_at_300km, RANGE_KM),
            textcoords="offset points",
            xytext=(-8, 8),
            ha="right",
        )
    if result.payload_limit_kg is not None and len(payloads) > 1:
        ax.axvline(
            result.payload_limit_kg,
            color="grey",
            linestyle="-.",
            linewidth=0.8,
            label=f"payload limit {number_text(result.payload_limit_kg)} kg",
        )
    ax.set_xlim(0.0, right)
    ax.set_ylim(0.0, top)
    ax.set_xlabel("payload (kg)")
    ax.set_ylabel("range (km)")
    ax.set_title("Range against payload")
    ax.grid(alpha=0.3)
    ax.legend(loc="best", fontsize=8)


def _band_highs(result: CapabilityResult) -> list[float]:
    band = result.uncertainty
    if band is None:
        return []
    return [item.p95 for item in band.curve if item is not None]


def _trajectory(ax: Axes, result: CapabilityResult) -> None:
    path = result.trajectory
    if path is None or not path.downrange_km:
        words = "no trajectory: screened from the apogee" if not result.decided else "no trajectory"
        ax.text(0.5, 0.5, words, ha="center", va="center", transform=ax.transAxes)
        ax.set_axis_off()
        return
    ax.plot(path.downrange_km, path.altitude_km, color=CURVE_COLOUR, linewidth=1.6)
    ax.set_xlabel("ground distance (km)")
    ax.set_ylabel("altitude (km)")
    ax.set_title(f"Flight with {number_text(path.payload_kg)} kg")
    ax.set_xlim(left=0.0)
    ax.set_ylim(bottom=0.0)
    ax.grid(alpha=0.3)
