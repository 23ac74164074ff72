"""``mtcr capability``: JSON and table output, plots, uncertainty sampling, the schema, errors."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from typer.testing import CliRunner

from mtcr.capability import assess, read_spec_file, spec_json_schema
from mtcr.capability.cli import capability_command

FIXTURES = Path(__file__).parent / "fixtures"
SCUD = str(FIXTURES / "scud-b-forden.yaml")
runner = CliRunner()
app = typer.Typer()
app.command()(capability_command)


def invoke(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_json_is_the_result_of_assess() -> None:
    code, out, err = invoke(SCUD, "--format", "json")
    assert code == 0, err
    data = json.loads(out)
    assert data == json.loads(assess(read_spec_file(Path(SCUD))).to_json())
    assert data["category"] == "I" and data["entry"] == "1.A.1"
    assert {"range_km_at_500kg", "max_range_km", "payload_kg_at_300km", "curve", "assumptions"} <= set(data)
    assert all(set(point) == {"payload_kg", "range_km"} for point in data["curve"])


def test_the_table_gives_the_verdict_the_figures_and_the_reasons() -> None:
    code, out, _ = invoke(str(FIXTURES / "iskander-e.yaml"))
    assert code == 0
    assert "Category II (19.A.1)" in out
    assert "Range with 500 kg" in out and "Margin" in out
    assert "Not Category I" in out and "Assumptions" in out
    assert "payload_limit_assumed" in out


def test_a_screen_says_so() -> None:
    code, out, _ = invoke(str(FIXTURES / "vsb-30-apogee.yaml"))
    assert code == 0
    assert "Screen only, not a verdict" in out


def test_uncertainty_sampling_is_seeded_and_reported(tmp_path: Path) -> None:
    args = (str(FIXTURES / "iskander-e.yaml"), "--format", "json", "--uncertainty", "16", "--seed", "5")
    code, out, err = invoke(*args)
    assert code == 0, err
    sampled = json.loads(out)["uncertainty"]
    assert sampled["samples"] == 16 and sampled["seed"] == 5
    assert 0.0 <= sampled["probability_category_i"] <= 1.0
    assert [item["field"] for item in sampled["inputs"]] == ["stages.0.propellant_mass_kg", "stages.0.isp_s"]
    assert json.loads(invoke(*args)[1])["uncertainty"] == sampled
    code, out, _ = invoke(str(FIXTURES / "iskander-e.yaml"), "-u", "8")
    assert code == 0 and "P(Category I)" in out


def test_plots_are_written_as_svg_or_png(tmp_path: Path) -> None:
    svg, png = tmp_path / "curve.svg", tmp_path / "curve.png"
    code, _, err = invoke(SCUD, "--plot", str(svg), "--format", "json")
    assert code == 0, err
    text = svg.read_text()
    assert text.lstrip().startswith("<?xml") and "Range against payload" in text and "Category I" in text
    code, out, _ = invoke(str(FIXTURES / "shahed-136.yaml"), "--plot", str(png))
    assert code == 0 and "Plot written to" in out
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_the_screen_and_the_air_vehicle_plot_too(tmp_path: Path) -> None:
    for stem in ("vsb-30-apogee", "tomahawk-block-iv"):
        target = tmp_path / f"{stem}.svg"
        code, _, err = invoke(str(FIXTURES / f"{stem}.yaml"), "--plot", str(target))
        assert code == 0, err
        assert "<svg" in target.read_text()


def test_the_schema_is_printed() -> None:
    code, out, _ = invoke("--schema")
    assert code == 0
    assert json.loads(out) == spec_json_schema()


def test_errors_name_the_file_and_the_field(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(Path(SCUD).read_text().replace("gross_mass_kg: 4897", "gross_mass_kg: 3000"))
    code, out, err = invoke(str(bad))
    assert code == 2 and out == ""
    assert "bad.yaml: stages.0.propellant_mass_kg: must be less than gross_mass_kg (3,699 ≥ 3,000)" in err


def test_usage_errors() -> None:
    code, _, err = invoke()
    assert code == 2 and "Give the design file" in err
    code, _, err = invoke(SCUD, "--plot", "curve.pdf")
    assert code == 2 and "ends in .svg or .png" in err
    code, _, _ = invoke(SCUD, "--uncertainty", "-1")
    assert code == 2
