"""The acceptance cases of the classification engine (reference: classification-cases.md), one fixture each.

Every case and variant is an item file under ``fixtures/``, so ``mtcr classify`` runs them too. Each test
checks the entries the item falls under (exactly), the overall Category, and that the reasons name the
deciding parameter; negative cases check, through ``explain_entry``, that the entry fails for the stated
reason.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest

from mtcr.annex.classifier import Classification, classify, explain_entry, read_item_file
from mtcr.annex.loader import Annex, load_annex

FIXTURES = Path(__file__).parent / "fixtures"


@dataclass(frozen=True)
class Case:
    """``entries``: entry -> words its reasons must contain; ``not_in``: entry -> words of why it fails."""

    fixture: str
    entries: dict[str, tuple[str, ...]]
    category: str | None
    not_in: dict[str, tuple[str, ...]] = field(default_factory=dict)
    treatment: frozenset[str] = frozenset()
    near: frozenset[str] = frozenset()
    excluded: frozenset[str] = frozenset()
    flags: frozenset[str] = frozenset()
    decided: bool | None = None


CASES = [
    Case("case-01-ballistic-missile", {"1.A.1": ("650 kg", "420 km", "at least 500 kg")}, "I", decided=True),
    Case("case-02-exactly-on-thresholds", {"1.A.1": ("500 kg to 300 km",)}, "I", decided=True),
    Case("case-02b-exactly-on-thresholds-other-units", {"1.A.1": ("lb", "nmi")}, "I"),
    Case(
        "case-04-heavy-short-light-long",
        {"19.A.1": ("330 km", "285 km")},
        "II",
        not_in={"1.A.1": ("500 kg to 285 km",)},
        near=frozenset({"1.A.1"}),
        decided=True,
    ),
    Case(
        "case-05-sounding-rocket",
        {"19.A.1": ("apogee of 180 km", "360 km")},
        "II",
        not_in={"1.A.1": ("120 kg",)},
        flags=frozenset({"trajectory_analysis"}),
    ),
    Case("case-06-uav-trade-off", {"1.A.2": ("600 kg to 520 km",)}, "I", excluded=frozenset({"19.A.3"})),
    Case(
        "case-07-uav-structural-limit",
        {"19.A.2": ("1200 km", "structural payload limit of 350 kg")},
        "II",
        not_in={"1.A.2": ("structural payload limit",)},
        flags=frozenset({"structural_limit"}),
    ),
    Case(
        "case-09-small-tactical-uav",
        {},
        None,
        not_in={"19.A.2": ("150 km", "less than 300 km"), "19.A.3": ("Aerosol dispensing", "20 L")},
        decided=True,
    ),
    Case(
        "case-10a-spraying-uav-autonomous", {"19.A.3": ("40 L", "20 L", "autonomously")}, "II", decided=True
    ),
    Case(
        "case-10b-spraying-uav-line-of-sight",
        {},
        None,
        not_in={"19.A.3": ("16 L", "answered no")},
        decided=True,
    ),
    Case(
        "case-12a-solid-motor-mid-size",
        {"20.A.1.b.1": ("Total impulse capacity 9.5e5 N·s is at least 8.41e5 N·s (20.A.1.b.1)",)},
        "II",
        not_in={"2.A.1.c.1": ("9.5e5 N·s is below 1.1e6 N·s",)},
        decided=True,
    ),
    Case(
        "case-12b-solid-motor-below-band",
        {},
        None,
        not_in={"20.A.1.b.1": ("6e5 N·s is below 8.41e5 N·s",), "2.A.1.c.1": ("6e5 N·s",)},
        decided=True,
    ),
    Case("case-12c-solid-motor-imperial", {"20.A.1.b.1": ("lbf·s", "8.41e5 N·s")}, "II", decided=True),
    Case(
        "case-14-satellite-apogee-engine",
        {"2.A.1.c.2": ("4.6e6 N·s is at least 1.1e6 N·s", "Category II treatment possible")},
        "II",
        treatment=frozenset({"2.A.1.c.2"}),
        decided=True,
    ),
    Case("case-15-slv-guidance-set", {"2.A.1.d": ("0.5%", "3.33%")}, "I", decided=True),
    Case(
        "case-18a-radial-ball-bearing", {"3.A.7": ("class_2", "17 mm", "35 mm", "12 mm")}, "II", decided=True
    ),
    Case("case-18b-radial-ball-bearing", {}, None, not_in={"3.A.7": ("class_4",)}, decided=True),
    Case("case-18c-radial-ball-bearing", {}, None, not_in={"3.A.7": ("60 mm exceeds 50 mm",)}, decided=True),
    Case("case-19a-hot-isostatic-press", {"6.B.3": ("100 MPa", "1200 °C", "300 mm")}, "II"),
    Case("case-19b-large-hot-isostatic-press", {"6.B.3": ("250 MPa", "1400 °C", "450.1 mm")}, "II"),
    Case("case-19c-cold-isostatic-press", {}, None, not_in={"6.B.3": ("25 °C is below 600 °C",)}),
    Case(
        "case-21a-spherical-aluminium-powder",
        {"4.C.2.c": ("spherical", "150 µm", "99.7%", "35%")},
        "II",
    ),
    Case("case-21b-flaked-aluminium", {}, None, not_in={"4.C.2.c": ("'flaked' is not one of spherical",)}),
    Case(
        "case-21c-hydrazine-hydrate",
        {},
        None,
        not_in={"4.C.2.a": ("64% does not exceed 70%",)},
        near=frozenset({"4.C.2.a"}),
    ),
    Case("case-21d-htpb", {"4.C.5.b": ("69102-90-5",)}, "II"),
    Case("case-22a-bmi-prepreg", {"6.C.1": ("250 °C exceeds 145 °C", "2.8e5 m", "1.3e7 m")}, "II"),
    Case(
        "case-22b-epoxy-prepreg",
        {},
        None,
        not_in={"6.C.1": ("275 °F (135 °C) does not exceed 145 °C",)},
        near=frozenset({"6.C.1"}),
    ),
    Case(
        "case-24a-environmental-chamber",
        {"15.B.4.a": ("-70 °C is less than -50 °C", "150 °C exceeds 125 °C", "20 is at least 10", "8 kN")},
        "II",
    ),
    Case("case-24b-shaker-system", {"15.B.1.a": ("15 is at least 10", "80 kN is at least 50 kN")}, "II"),
    Case("case-24c-shaker-system-8g", {}, None, not_in={"15.B.1.a": ("8 is below 10",)}),
    Case("case-24d-shaker-head", {"15.B.1.c": ("lbf", "60 kN) is at least 50 kN")}, "II"),
    Case(
        "case-25a-textbook-chapter",
        {},
        None,
        not_in={"2.E.1": ("public domain",)},
        excluded=frozenset({"2.E.1", "3.E.1", "20.E.1"}),
        decided=True,
    ),
    Case("case-25b-process-specifications", {"2.E.1": ("technology", "2.A")}, "I"),
    Case(
        "case-25c-flight-simulator-game",
        {},
        None,
        not_in={"16.D.1": ("generally available",)},
        excluded=frozenset({"16.D.1", "19.D.1"}),
    ),
    Case("case-25d-six-dof-modelling-software", {"16.D.1": ("modelling",)}, "II"),
    Case("case-25e-engine-maintenance-object-code", {"3.D.2": ("3.A.1",)}, "II"),
]


@pytest.fixture(scope="module")
def annex() -> Annex:
    return load_annex()


def run(annex: Annex, name: str, **answers: bool) -> Classification:
    return classify(read_item_file(FIXTURES / f"{name}.yaml"), annex, answers=answers)


def test_every_fixture_is_a_case() -> None:
    assert {path.stem for path in FIXTURES.glob("*.yaml")} == {case.fixture for case in CASES}


@pytest.mark.parametrize("case", CASES, ids=[case.fixture for case in CASES])
def test_case(annex: Annex, case: Case) -> None:
    result = run(annex, case.fixture)
    assert {m.entry for m in result.matches} == set(case.entries), [q.id for q in result.questions]
    assert result.category == case.category
    assert result.controlled == bool(case.entries)
    for entry, words in case.entries.items():
        text = " ".join(result.match(entry).reasons)  # type: ignore[union-attr]
        for word in words:
            assert word in text, f"{entry}: {word!r} not in {text!r}"
    for entry, words in case.not_in.items():
        explanation = explain_entry(read_item_file(FIXTURES / f"{case.fixture}.yaml"), entry, annex)
        assert explanation.status in ("no_match", "excluded"), explanation
        text = " ".join(explanation.reasons)
        for word in words:
            assert word in text, f"{entry}: {word!r} not in {text!r}"
    assert {m.entry for m in result.matches if m.category_ii_treatment} == case.treatment
    assert case.near <= {m.entry for m in result.near_misses}
    assert case.excluded <= {x.entry for x in result.excluded}
    assert case.flags <= {flag["id"] for flag in result.flags}
    if case.decided is not None:
        assert result.decided == case.decided, [q.id for q in result.questions]


# Variants and details the cases spell out ---------------------------------------------------------------


def test_case_2_the_thresholds_are_inclusive_and_the_next_value_below_is_not(annex: Annex) -> None:
    just_below = {"kind": "complete_rocket_system", "performance": [{"payload": 499.999, "range": 300}]}
    result = classify(just_below, annex)
    assert result.entries == ["19.A.1"]
    short = {"kind": "complete_rocket_system", "performance": [{"payload": 500, "range": 299.999}]}
    assert classify(short, annex).entries == []


def test_case_5_apogee_is_not_range(annex: Annex) -> None:
    """Read as range, 180 km would leave the rocket uncontrolled; as apogee it flies about 360 km."""
    as_range = {"kind": "complete_rocket_system", "performance": [{"payload": 120, "range": 180}]}
    assert classify(as_range, annex).entries == []
    assert run(annex, "case-05-sounding-rocket").entries == ["19.A.1"]


def test_case_6_without_the_trade_off_point_an_assessment_is_asked_or_flagged(annex: Annex) -> None:
    advertised = {"kind": "complete_uav_system", "performance": [{"payload": 450, "range": 900}]}
    result = classify(advertised, annex)
    assert result.entries == ["19.A.2"]
    assert "capability_assessment" in {flag["id"] for flag in result.flags}
    assert any(m.entry == "1.A.2" for m in result.near_misses)  # 450 kg: 10 % short of 500 kg
    both_sides = {
        "kind": "complete_uav_system",
        "performance": [{"payload": 700, "range": 250}, {"payload": 450, "range": 900}],
    }
    pending = classify(both_sides, annex)
    assert "category_i_capability" in {q.id for q in pending.questions}
    assert not pending.decided
    assessed = classify(both_sides, annex, answers={"category_i_capability": True})
    assert assessed.entries == ["1.A.2"] and assessed.category == "I"


def test_case_10_either_failing_condition_is_enough(annex: Annex) -> None:
    large_tank_line_of_sight = run(annex, "case-10b-spraying-uav-line-of-sight")
    assert large_tank_line_of_sight.entries == []
    item = read_item_file(FIXTURES / "case-10b-spraying-uav-line-of-sight.yaml")
    autonomous_small_tank = item.model_copy(
        update={"answers": {"autonomous_or_beyond_visual_range_flight": True}}
    )
    assert classify(autonomous_small_tank, annex).entries == []


def test_case_12_asks_the_scope_question_then_goes_on(annex: Annex) -> None:
    item = read_item_file(FIXTURES / "case-12a-solid-motor-mid-size.yaml").model_copy(update={"answers": {}})
    asked = classify(item, annex)
    assert asked.entries == [] and not asked.decided
    assert [q.id for q in asked.questions] == ["usable_in_19a_systems"]
    assert asked.questions[0].entries == ("20.A.1.b.1",)
    answered = classify(item, annex, answers={"usable_in_19a_systems": True})
    assert answered.entries == ["20.A.1.b.1"] and answered.decided


def test_case_14_without_the_note_the_engine_is_category_i(annex: Annex) -> None:
    result = run(annex, "case-14-satellite-apogee-engine", satellite_apogee_or_station_keeping_engine=False)
    assert result.entries == ["2.A.1.c.2"] and result.category == "I"
    assert not result.match("2.A.1.c.2").category_ii_treatment  # type: ignore[union-attr]


def test_case_19b_reports_the_wassenaar_overlap(annex: Annex) -> None:
    match = run(annex, "case-19b-large-hot-isostatic-press").match("6.B.3")
    assert match is not None
    assert any("2B004" in text for text in match.equivalents.get("other", ()))


def test_case_25e_notes_the_general_minimum_software_note(annex: Annex) -> None:
    match = run(annex, "case-25e-engine-maintenance-object-code").match("3.D.2")
    assert match is not None
    assert any("General Minimum Software Note" in note for note in match.notes)
    source_code = run(
        annex, "case-25e-engine-maintenance-object-code", minimum_object_code_for_approved_item=False
    )
    assert source_code.match("3.D.2").notes == ()  # type: ignore[union-attr]


def test_software_and_technology_results_recall_the_general_notes(annex: Annex) -> None:
    assert any("General Technology Note" in n for n in run(annex, "case-25b-process-specifications").notes)
    assert any("General Software Note" in n for n in run(annex, "case-25d-six-dof-modelling-software").notes)
