"""The plot draws a system's name as text: a '$' does not start matplotlib's mathematics."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from mtcr.capability import assess, read_spec_file
from mtcr.capability.plot import plot_svg

SHAHED = Path(__file__).parent / "fixtures" / "shahed-136.yaml"


def test_a_dollar_in_the_name_is_drawn_literally() -> None:
    result = dataclasses.replace(assess(read_spec_file(SHAHED)), name=r"$\frac$ costs $5")
    svg = plot_svg(result)
    assert svg.lstrip().startswith("<?xml") or "<svg" in svg
