"""Loading the Annex data: schema and cross-references checked, faults named by file, entry and field."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from mtcr.annex.errors import AnnexDataError
from mtcr.annex.loader import load_annex

VERSIONS = {
    "current": "t1",
    "versions": [
        {
            "id": "t1",
            "title": "Test edition",
            "adopted_by": "Test meeting",
            "adopted_on": "2024-01-01",
            "in_force_on": "2024-02-01",
            "follows": "nothing",
            "directory": "t1",
        }
    ],
}
VOCABULARY = {
    "parameters": [{"id": "total_impulse", "name": "Total impulse", "unit": "N*s"}],
    "questions": [{"id": "usable_in_1a_systems", "text": "Usable in 1.A systems?"}],
    "kinds": [{"id": "rocket_motor", "name": "Rocket motor"}],
}
MOTOR = {
    "id": "2.A.1.c.1",
    "category": "I",
    "title": "Solid motors",
    "description": "Solid or hybrid motors.",
    "basis": "V",
    "kinds": ["rocket_motor"],
    "criteria": {"parameter": "total_impulse", "op": ">=", "value": 1.1e6, "unit": "N*s"},
}


def _write(folder: Path, entries: list[dict], vocabulary: dict | None = None) -> Path:
    (folder / "vocabulary").mkdir(parents=True)
    (folder / "editions" / "t1").mkdir(parents=True)
    (folder / "versions.yaml").write_text(yaml.safe_dump(VERSIONS))
    (folder / "vocabulary" / "test.yaml").write_text(yaml.safe_dump(vocabulary or VOCABULARY))
    item = {"item": 2, "title": "Subsystems", "entries": entries}
    (folder / "editions" / "t1" / "item-02.yaml").write_text(yaml.safe_dump(item, sort_keys=False))
    return folder


def _parents() -> list[dict]:
    return [
        {
            "id": "2.A.1",
            "category": "I",
            "title": "Subsystems",
            "description": "Complete subsystems.",
            "basis": "V",
        },
        {"id": "2.A.1.c", "category": "I", "title": "Propulsion", "description": "Propulsion.", "basis": "V"},
    ]


def test_a_valid_folder_loads(tmp_path: Path) -> None:
    annex = load_annex("t1", _write(tmp_path, [*_parents(), MOTOR]))
    entry = annex.entry("2.A.1.c.1")
    assert (entry.item, entry.group, entry.parent, entry.category) == (2, "A", "2.A.1.c", "I")
    assert [a.id for a in annex.ancestors("2.A.1.c.1")] == ["2.A.1.c", "2.A.1"]
    assert annex.version.in_force_on == "2024-02-01"


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"criteria": {"parameter": "total_impulse", "op": "=>", "value": 1, "unit": "N*s"}}, "criteria", ""),
        ({"criteria": {"parameter": "thrust", "op": ">=", "value": 1, "unit": "N"}}, "criteria", "thrust"),
        (
            {"criteria": {"parameter": "total_impulse", "op": ">=", "value": 1, "unit": "kg"}},
            "criteria",
            "'kg'",
        ),
        (
            {"criteria": {"parameter": "total_impulse", "op": ">=", "value": 1, "unit": "furlongs"}},
            "criteria",
            "",
        ),
        ({"kinds": ["spaceship"]}, "kinds", "spaceship"),
        ({"category": "III"}, "category", ""),
        ({"basis": "Z"}, "basis", ""),
        ({"cas_numbers": ["12-34"]}, "cas_numbers", "CAS"),
    ],
)
def test_a_fault_is_named_by_file_entry_and_field(
    tmp_path: Path, change: dict, field: str, message: str
) -> None:
    with pytest.raises(AnnexDataError) as caught:
        load_annex("t1", _write(tmp_path, [*_parents(), {**MOTOR, **change}]))
    error = caught.value
    assert error.file == "item-02.yaml"
    assert error.entry == "2.A.1.c.1"
    assert error.field is not None and error.field.startswith(field)
    assert message in str(error)


def test_a_child_before_its_parent_is_refused(tmp_path: Path) -> None:
    with pytest.raises(AnnexDataError, match=r"parent 2\.A\.1\.c must come before it"):
        load_annex("t1", _write(tmp_path, [_parents()[0], MOTOR]))


def test_an_id_used_twice_is_refused(tmp_path: Path) -> None:
    with pytest.raises(AnnexDataError, match="used twice"):
        load_annex("t1", _write(tmp_path, [*_parents(), MOTOR, MOTOR]))


def test_an_unknown_version_lists_the_known_ones(tmp_path: Path) -> None:
    with pytest.raises(AnnexDataError, match="known versions: t1"):
        load_annex("t9", _write(tmp_path, [*_parents(), MOTOR]))


def test_conflicting_vocabulary_is_refused(tmp_path: Path) -> None:
    folder = _write(tmp_path, [*_parents(), MOTOR])
    other = {"parameters": [{"id": "total_impulse", "name": "Impulse", "unit": "lbf*s"}]}
    (folder / "vocabulary" / "other.yaml").write_text(yaml.safe_dump(other))
    with pytest.raises(AnnexDataError, match="defined differently"):
        load_annex("t1", folder)


def test_the_shipped_annex_loads() -> None:
    annex = load_annex()
    assert annex.version.id == "2024-04"
    assert len(annex.entries) >= 288
    assert annex.definitions["range"].term == "Range"
