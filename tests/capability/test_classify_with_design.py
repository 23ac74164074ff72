"""`mtcr classify` hands an item's design to the capability engine, which decides Items 1.A and 19.A."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from mtcr.cli import app

ITEM = Path(__file__).parent / "items" / "scud-b-with-design.yaml"


def test_the_design_decides_category_i_where_the_declared_figures_do_not() -> None:
    result = CliRunner().invoke(app, ["classify", str(ITEM), "--format", "json"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["category"] == "I"
    assert [m["entry"] for m in data["matches"]] == ["1.A.1"]
    reasons = data["matches"][0]["reasons"]
    assert any("capability engine" in reason and "500 kg" in reason for reason in reasons)
