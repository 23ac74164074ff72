"""The Annex data covers every entry of the project's fact sheet and every code of the UK's MTCR list."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mtcr.cli import app

REFERENCE = Path(__file__).parent / "reference"


@pytest.fixture(scope="module")
def listed() -> dict[str, dict]:
    """The entries ``mtcr annex entries --format json`` prints, by id."""
    result = CliRunner().invoke(app, ["annex", "entries", "--format", "json"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    for row in rows:
        assert {"id", "category", "parent", "title"} <= set(row)
    return {row["id"]: row for row in rows}


#: Fact-sheet rows whose MTCR number is not known; the data gives them a provisional id, noted in the entry.
PROVISIONAL_IDS = {"4.C.x (gel)": "4.C.7"}


def _fact_sheet() -> list[dict[str, str]]:
    """The fact sheet's entry rows with ids as the data holds them: a trailing '?' (number inferred) dropped,
    provisional ids mapped, and the rows standing for the reserved Items 5, 7 and 8 left out."""
    with (REFERENCE / "annex-entries.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    entries = []
    for row in rows:
        entry_id = PROVISIONAL_IDS.get(row["entry_id"], row["entry_id"].rstrip("?"))
        if "." in entry_id:
            entries.append({**row, "entry_id": entry_id})
    return entries


def _uk_codes() -> list[tuple[str, str]]:
    codes = []
    for name, category in (("MTCR_Cat_1_regimes.csv", "I"), ("MTCR_Cat_2_regimes.csv", "II")):
        with (REFERENCE / name).open(encoding="utf-8") as handle:
            codes += [(row[0].strip(), category) for row in csv.reader(handle) if row and row[0].strip()]
    return [(code, category) for code, category in codes if not code.startswith("M4C2b4")]


def _uk_code(entry_id: str) -> str:
    return "M" + entry_id.replace(".", "")


def test_every_fact_sheet_row_is_an_entry(listed: dict[str, dict]) -> None:
    missing = [row["entry_id"] for row in _fact_sheet() if row["entry_id"] not in listed]
    assert not missing


def test_categories_agree_with_the_fact_sheet(listed: dict[str, dict]) -> None:
    for row in _fact_sheet():
        expected = None if row["category"] == "-" else row["category"]
        assert listed[row["entry_id"]]["category"] == expected, row["entry_id"]


def test_every_uk_code_is_an_entry_of_the_same_category(listed: dict[str, dict]) -> None:
    by_code = {_uk_code(entry_id): row for entry_id, row in listed.items()}
    missing = [code for code, _ in _uk_codes() if code not in by_code]
    assert not missing
    wrong = [code for code, category in _uk_codes() if by_code[code]["category"] != category]
    assert not wrong


def test_items_five_seven_and_eight_are_empty(listed: dict[str, dict]) -> None:
    assert not [entry_id for entry_id in listed if entry_id.split(".")[0] in {"5", "7", "8"}]


def test_every_item_has_its_file() -> None:
    from mtcr.annex.loader import load_annex

    annex = load_annex()
    assert sorted(annex.items) == list(range(1, 21))
    assert all(annex.items[n].reserved for n in (5, 7, 8))
