"""``mtcr annex``: entries, show, search, versions and diff, driven through the ``mtcr`` command."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from mtcr.annex.loader import load_annex
from mtcr.cli import app
from tests.annex.synthetic import SYNTHETIC

runner = CliRunner()


def invoke(*args: str):
    return runner.invoke(app, ["annex", *args], catch_exceptions=False)


def test_entries_as_json_lists_every_entry_of_the_version_in_force() -> None:
    result = invoke("entries", "--format", "json")
    assert result.exit_code == 0, result.output
    listed = json.loads(result.stdout)
    annex = load_annex()
    assert isinstance(listed, list)
    assert [row["id"] for row in listed] == list(annex.entries)
    for row in listed:
        entry = annex.entries[row["id"]]
        assert {"id", "category", "parent", "title"} <= set(row)
        assert (row["category"], row["parent"], row["title"]) == (entry.category, entry.parent, entry.title)


def test_entries_as_a_table() -> None:
    result = invoke("entries", "--data-dir", str(SYNTHETIC), "--version", "2022-10")
    assert result.exit_code == 0
    assert "version 2022-10: 14 entries" in result.output and "3.A.6" in result.output


def test_show_gives_the_criteria_in_words_with_the_exact_comparison() -> None:
    result = invoke("show", "2.A.1.c.1", "--data-dir", str(SYNTHETIC))
    assert result.exit_code == 0
    assert "Solid-propellant or hybrid rocket motors" in result.output
    assert "total impulse capacity at least 1.1 × 10⁶ N·s  [≥ 1.1 × 10⁶ N·s]" in result.output  # noqa: RUF001
    assert "Related entries: 3.A.3" in result.output


def test_show_as_json() -> None:
    result = invoke("show", "3.A.7", "--format", "json", "--data-dir", str(SYNTHETIC))
    data = json.loads(result.stdout)
    assert data["id"] == "3.A.7" and data["criteria"]["all"][1] == {
        "parameter": "bore_diameter",
        "op": ">=",
        "value": 12.0,
        "unit": "mm",
    }
    assert data["thresholds"][0]["comparison"] == "≥ 12 mm"


def test_an_unknown_entry_or_version_is_refused_with_status_2() -> None:
    missing = invoke("show", "3.A.99", "--data-dir", str(SYNTHETIC))
    assert missing.exit_code == 2
    assert "No entry '3.A.99' in Annex version 2024-04" in missing.stderr
    unknown = invoke("entries", "--version", "1999-01")
    assert unknown.exit_code == 2
    assert "Unknown Annex version '1999-01'" in unknown.stderr and "Known versions:" in unknown.stderr
    assert invoke("diff", "2022-10", "2031-01", "--data-dir", str(SYNTHETIC)).exit_code == 2


def test_search_ranks_and_explains() -> None:
    result = invoke("search", "ball bearings", "--format", "json")
    hits = json.loads(result.stdout)
    assert hits[0]["id"] == "3.A.7"
    assert hits[0]["reasons"]
    table = invoke("search", "302-01-2", "--data-dir", str(SYNTHETIC))
    assert "4.C.2.a" in table.output and "CAS number 302-01-2" in table.output
    assert "No entry matches" in invoke("search", "xyzzyplugh").output


def test_diff_between_two_versions() -> None:
    result = invoke("diff", "2022-10", "2024-04", "--data-dir", str(SYNTHETIC))
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert "+ 2.A.1.c.2 Liquid-propellant rocket engines (added, Category I)" in lines
    assert "- 3.A.6 Hybrid rocket motors (test entry) (removed)" in lines
    assert any(line.startswith("    threshold changed: system accuracy") for line in lines)
    data = json.loads(invoke("diff", "2022-10", "2024-04", "-f", "json", "--data-dir", str(SYNTHETIC)).stdout)
    assert [e["id"] for e in data["added"]] == ["2.A.1.c.2"]


def test_versions() -> None:
    data = json.loads(invoke("versions", "--format", "json", "--data-dir", str(SYNTHETIC)).stdout)
    assert [(v["id"], v["current"]) for v in data] == [("2022-10", False), ("2024-04", True)]
    shipped = invoke("versions")
    assert shipped.exit_code == 0 and "(current)" in shipped.output and "follows:" in shipped.output


def test_the_data_folder_can_come_from_the_environment(monkeypatch) -> None:
    monkeypatch.setenv("MTCR_ANNEX_DATA_DIR", str(SYNTHETIC))
    result = runner.invoke(app, ["annex", "versions", "-f", "json"], catch_exceptions=False)
    assert [v["id"] for v in json.loads(result.stdout)] == ["2022-10", "2024-04"]
