"""Differences between editions: entries added, removed and changed, thresholds compared leaf by leaf."""

from __future__ import annotations

import dataclasses
import json

from mtcr.annex.describe import TIMES as X
from mtcr.annex.diff import diff, same_leaf
from mtcr.annex.loader import Annex
from mtcr.annex.schema import AnyOf, NumericCriterion
from tests.annex.synthetic import synthetic


def edited(annex: Annex, version_id: str, **changes: dict) -> Annex:
    """A copy of ``annex`` as another version, with some entries changed (``entry_id={field: value}``)."""
    entries = dict(annex.entries)
    for key, update in changes.items():
        entry_id = key.replace("_", ".")
        entries[entry_id] = entries[entry_id].model_copy(update=update)
    version = annex.version.model_copy(update={"id": version_id, "title": f"Edited {version_id}"})
    return dataclasses.replace(annex, version=version, entries=entries)


def test_two_editions_from_files() -> None:
    result = diff(synthetic("2022-10"), synthetic("2024-04"))
    assert [e.id for e in result.added] == ["2.A.1.c.2"]
    assert [e.id for e in result.removed] == ["3.A.6"]
    assert [c.entry_id for c in result.changed] == ["2.A.1.d", "3.A.7"]

    guidance = result.changed[0]
    assert guidance.fields == ()
    (threshold,) = guidance.thresholds
    assert (threshold.change, threshold.subject) == ("changed", "system_accuracy")
    assert (threshold.before.value, threshold.after.value) == (3.5, 3.33)
    assert threshold.after_words == "system accuracy as a share of range equal to or less than 3.33%"

    bearings = result.changed[1]
    assert [f.field for f in bearings.fields] == ["notes"]
    assert [(t.change, t.after.op, t.after.value) for t in bearings.thresholds] == [
        ("added", ">=", 10.0),
        ("added", "<=", 20.0),
    ]


def test_a_threshold_restated_in_other_units_is_not_a_change() -> None:
    before, after = synthetic("2022-10"), synthetic("2024-04")
    assert before.entries["2.A.1.c.1"].criteria.unit == "kN*s"
    assert "2.A.1.c.1" not in [c.entry_id for c in diff(before, after).changed]
    assert same_leaf(before.entries["2.A.1.c.1"].criteria, after.entries["2.A.1.c.1"].criteria)


def test_an_edition_compared_with_itself_has_no_differences() -> None:
    annex = synthetic()
    result = diff(annex, annex)
    assert result.empty
    assert result.lines()[-1] == "No entry differs."


def test_an_operator_a_value_a_title_and_a_category_change_are_each_reported() -> None:
    base = synthetic()
    stricter = NumericCriterion(parameter="total_impulse", op=">", value=1.1e6, unit="N*s")
    lower = NumericCriterion(parameter="concentration", op=">", value=60, unit="percent")
    later = edited(
        base,
        "2026-01",
        **{
            "2_A_1_c_1": {"criteria": stricter},
            "4_C_2_a": {"criteria": lower, "title": "Hydrazine (any strength above 60 %)"},
            "3_A_3": {"category": "I"},
        },
    )
    result = diff(base, later)
    assert result.added == () and result.removed == ()
    changes = {c.entry_id: c for c in result.changed}
    assert set(changes) == {"2.A.1.c.1", "3.A.3", "4.C.2.a"}

    (impulse,) = changes["2.A.1.c.1"].thresholds
    assert impulse.before_words == f"total impulse capacity at least 1.1 {X} 10⁶ N·s"
    assert impulse.after_words == f"total impulse capacity exceeding 1.1 {X} 10⁶ N·s"
    assert [(f.field, f.before, f.after) for f in changes["3.A.3"].fields] == [("category", "II", "I")]
    hydrazine = changes["4.C.2.a"]
    assert [f.field for f in hydrazine.fields] == ["title"]
    assert (hydrazine.thresholds[0].before.value, hydrazine.thresholds[0].after.value) == (70.0, 60.0)

    lines = result.lines()
    assert lines[0].startswith("From 2024-04 ") and "to 2026-01" in lines[0]
    assert "    category: II -> I" in lines
    assert any(
        line.startswith("    threshold changed: concentration exceeding 70%") and line.endswith("60%")
        for line in lines
    )


def test_a_criteria_tree_reshaped_with_the_same_thresholds() -> None:
    base = synthetic()
    bearing = base.entries["3.A.7"].criteria
    later = edited(base, "2026-02", **{"3_A_7": {"criteria": AnyOf(any=bearing.all)}})
    (change,) = diff(base, later).changed
    assert change.thresholds == () and change.criteria_changed
    assert " or " in change.criteria_after and " and " in change.criteria_before
    assert any(line.startswith("    criteria: ") for line in diff(base, later).lines())


def test_three_versions_in_a_row() -> None:
    first, second = synthetic("2022-10"), synthetic("2024-04")
    third = edited(second, "2026-03", **{"3_A_7": {"notes": ()}})
    assert [c.entry_id for c in diff(second, third).changed] == ["3.A.7"]
    assert [c.entry_id for c in diff(first, third).changed] == ["2.A.1.d", "3.A.7"]
    across = {c.entry_id: c for c in diff(first, third).changed}["3.A.7"]
    assert across.fields == () and len(across.thresholds) == 2


def test_lines_and_data() -> None:
    result = diff(synthetic("2022-10"), synthetic("2024-04"))
    lines = result.lines()
    assert "+ 2.A.1.c.2 Liquid-propellant rocket engines (added, Category I)" in lines
    assert "- 3.A.6 Hybrid rocket motors (test entry) (removed)" in lines
    assert "~ 3.A.7 Radial ball bearings" in lines
    assert "    threshold added: bearing width at least 10 mm" in lines
    data = json.loads(json.dumps(result.as_dict()))
    assert (data["from"], data["to"]) == ("2022-10", "2024-04")
    assert data["changed"][0]["thresholds"][0]["before"] == {
        "parameter": "system_accuracy",
        "op": "<=",
        "value": 3.5,
        "unit": "percent",
    }
