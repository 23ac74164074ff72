"""The classifier on a small synthetic Annex built in code, so that its rules are tested apart from the data.

Covers: numeric thresholds in other units and exactly on them, three-valued evaluation and the questions it
asks, inheritance from enclosing entries, headings, kinds and their lineage, exclusions (taking out, and
Category II treatment), near misses, categorical parameters and CAS numbers, the range/payload rules.
"""

from __future__ import annotations

import math
from typing import Any

import pytest

from mtcr.annex.classifier import ItemError, classify
from mtcr.annex.classifier.index import AnnexIndex
from mtcr.annex.loader import Annex
from mtcr.annex.schema import Entry, Kind, Parameter, Question, Version

VERSION = Version(
    id="test",
    title="Synthetic Annex",
    adopted_by="tests",
    adopted_on="2024-01-01",
    in_force_on="2024-01-01",
    follows="nothing",
    directory="test",
)


def _entry(entry_id: str, category: str | None, **fields: Any) -> Entry:
    data = {
        "id": entry_id,
        "category": category,
        "title": f"Entry {entry_id}",
        "description": "A test entry.",
    }
    data.update(fields)
    data.setdefault("basis", "V")
    return Entry.model_validate(data)


def synthetic_annex() -> Annex:
    """Rocket systems, motors (a heading with a Category II note), bearings, powders, chemicals, software."""
    kinds = [
        Kind(id="rocket_system", name="rocket system"),
        Kind(id="rocket_motor", name="rocket motor"),
        Kind(id="solid_rocket_motor", name="solid rocket motor", parent="rocket_motor"),
        Kind(id="liquid_rocket_engine", name="liquid rocket engine", parent="rocket_motor"),
        Kind(id="bearing", name="bearing"),
        Kind(id="metal_powder", name="metal powder"),
        Kind(id="chemical", name="chemical"),
        Kind(id="chamber", name="environmental chamber"),
        Kind(id="software", name="software"),
    ]
    parameters = [
        Parameter(id="total_impulse", name="total impulse capacity", unit="N*s"),
        Parameter(id="vacuum_thrust", name="vacuum thrust", unit="N"),
        Parameter(id="bore", name="bore diameter", unit="mm"),
        Parameter(id="low_temperature", name="lowest temperature", unit="degC"),
        Parameter(id="shape", name="particle shape", unit=None, values=("spherical", "spheroidal", "flake")),
        Parameter(id="cas_number", name="CAS registry number", unit=None),
    ]
    questions = [
        Question(id="usable_in_1a", text="Is it usable in the systems of 1.A?"),
        Question(id="satellite_engine", text="Is it an apogee or station-keeping engine for satellites?"),
        Question(id="public_domain", text="Is it in the public domain?"),
        Question(id="for_1a_modelling", text="Is it specially designed for modelling 1.A systems?"),
    ]
    impulse_band = {
        "all": [
            {"parameter": "total_impulse", "op": ">=", "value": 8.41e5, "unit": "N*s"},
            {"parameter": "total_impulse", "op": "<", "value": 1.1e6, "unit": "N*s"},
        ]
    }
    satellite_note = {
        "id": "satellite_engine_note",
        "text": "Satellite apogee engines of 1 kN or less may be treated as Category II.",
        "when": {
            "all": [
                {"question": "satellite_engine"},
                {"parameter": "vacuum_thrust", "op": "<=", "value": 1000, "unit": "N"},
            ]
        },
        "effect": "category_ii_treatment",
    }
    entries = [
        _entry("1.A.1", "I", kinds=["rocket_system"], criteria={"rule": "category_i_capability"}),
        _entry("2.A.1.c", "I", exclusions=[satellite_note]),
        _entry(
            "2.A.1.c.1",
            "I",
            kinds=["solid_rocket_motor"],
            criteria={
                "all": [
                    {"question": "usable_in_1a"},
                    {"parameter": "total_impulse", "op": ">=", "value": 1.1e6, "unit": "N*s"},
                ]
            },
        ),
        _entry(
            "2.A.1.c.2",
            "I",
            kinds=["liquid_rocket_engine"],
            criteria={"parameter": "total_impulse", "op": ">=", "value": 1.1e6, "unit": "N*s"},
            exclusions=[satellite_note],
        ),
        _entry(
            "3.A.7",
            "II",
            kinds=["bearing"],
            criteria={
                "all": [
                    {"parameter": "bore", "op": ">=", "value": 12, "unit": "mm"},
                    {"parameter": "bore", "op": "<=", "value": 50, "unit": "mm"},
                ]
            },
        ),
        _entry(
            "4.C.2.c",
            "II",
            kinds=["metal_powder"],
            criteria={"parameter": "shape", "op": "in", "values": ["spherical", "spheroidal"]},
        ),
        _entry(
            "4.C.5.b",
            "II",
            kinds=["chemical"],
            criteria={"parameter": "cas_number", "op": "in", "values": ["69102-90-5"]},
        ),
        _entry(
            "15.B.4.a",
            "II",
            kinds=["chamber"],
            criteria={"parameter": "low_temperature", "op": "<", "value": -50, "unit": "degC"},
        ),
        _entry(
            "16.D.1",
            "II",
            kinds=["software"],
            criteria={"question": "for_1a_modelling"},
            exclusions=[
                {
                    "id": "public_domain",
                    "text": "Software in the public domain.",
                    "when": {"question": "public_domain"},
                }
            ],
        ),
        _entry(
            "19.A.1",
            "II",
            kinds=["rocket_system"],
            criteria={"all": [{"rule": "range_at_least_300_km"}, {"not": {"rule": "category_i_capability"}}]},
        ),
        _entry("20.A.1.b", "II", criteria=impulse_band),
        _entry("20.A.1.b.1", "II", kinds=["solid_rocket_motor"]),
    ]
    return Annex(
        version=VERSION,
        entries={entry.id: entry for entry in entries},
        items={},
        parameters={p.id: p for p in parameters},
        questions={q.id: q for q in questions},
        kinds={k.id: k for k in kinds},
    )


@pytest.fixture(scope="module")
def annex() -> Annex:
    return synthetic_annex()


def motor(impulse: float | dict, kind: str = "solid_rocket_motor", **answers: bool) -> dict:
    return {"kind": kind, "parameters": {"total_impulse": impulse}, "answers": answers}


# Numeric thresholds ---------------------------------------------------------------------------------------


def test_a_value_on_an_inclusive_threshold_matches(annex: Annex) -> None:
    result = classify(motor(1.1e6, usable_in_1a=True), annex)
    assert result.entries == ["2.A.1.c.1"]
    assert result.category == "I"
    assert any(
        "total impulse capacity 1.1e6 N·s is at least 1.1e6 N·s (2.A.1.c.1)" in r
        for r in result.matches[0].reasons
    )


def test_the_next_float_below_an_inclusive_threshold_does_not(annex: Annex) -> None:
    below = math.nextafter(1.1e6, 0)
    result = classify(motor(below, usable_in_1a=True), annex)
    assert "2.A.1.c.1" not in result.entries
    assert result.entries == ["20.A.1.b.1"]


def test_a_threshold_is_met_in_another_unit(annex: Annex) -> None:
    in_lbf_s = 1.1e6 / 4.4482216152605
    result = classify(motor({"value": in_lbf_s, "unit": "lbf*s"}, usable_in_1a=True), annex)
    assert result.entries == ["2.A.1.c.1"]
    reason = next(r for r in result.matches[0].reasons if "total impulse" in r)
    assert "lbf·s" in reason and "N·s" in reason


def test_a_quantity_may_be_written_as_text(annex: Annex) -> None:
    result = classify(motor("9.5e5 N*s"), annex)
    assert result.entries == ["20.A.1.b.1"]


def test_a_strict_upper_bound_excludes_the_value_on_it(annex: Annex) -> None:
    """20.A.1.b has 8.41e5 <= I < 1.1e6: exactly 1.1e6 is outside (and Category I if usable in 1.A)."""
    result = classify(motor(1.1e6, usable_in_1a=False), annex)
    assert result.entries == []
    assert not result.controlled and result.category is None


def test_sub_entries_inherit_the_criteria_of_their_heading(annex: Annex) -> None:
    result = classify(motor(9.5e5), annex)
    match = result.match("20.A.1.b.1")
    assert match is not None and match.category == "II"
    assert any("is at least 8.41e5 N·s (20.A.1.b)" in r for r in match.reasons)
    assert match.chain == ("20.A.1.b", "20.A.1.b.1")
    assert classify(motor(6.0e5), annex).entries == []


def test_temperatures_compare_after_conversion(annex: Annex) -> None:
    def chamber(value: float, unit: str) -> dict:
        return {"kind": "chamber", "parameters": {"low_temperature": {"value": value, "unit": unit}}}

    assert classify(chamber(-70, "degC"), annex).entries == ["15.B.4.a"]
    assert classify(chamber(-58, "degF"), annex).entries == []  # exactly -50 °C; the Annex says "below"
    assert classify(chamber(-58.001, "degF"), annex).entries == ["15.B.4.a"]
    assert classify(chamber(223.15, "K"), annex).entries == []


def test_a_band_is_checked_at_both_ends(annex: Annex) -> None:
    def bearing(bore_mm: float) -> dict:
        return {"kind": "bearing", "parameters": {"bore": bore_mm}}

    assert classify(bearing(12), annex).entries == ["3.A.7"]
    assert classify(bearing(50), annex).entries == ["3.A.7"]
    assert classify(bearing(60), annex).entries == []
    assert (
        classify({"kind": "bearing", "parameters": {"bore": {"value": 2, "unit": "inch"}}}, annex).entries
        == []
    )


# Questions and three-valued evaluation -------------------------------------------------------------------


def test_an_unanswered_question_leaves_the_entry_undecided_and_is_asked(annex: Annex) -> None:
    result = classify(motor(1.2e6), annex)
    assert result.entries == []
    assert [u.entry for u in result.undecided] == ["2.A.1.c.1"]
    assert [q.id for q in result.questions] == ["usable_in_1a"]
    assert result.questions[0].entries == ("2.A.1.c.1",)
    assert not result.decided


def test_the_answer_given_afterwards_decides(annex: Annex) -> None:
    result = classify(motor(1.2e6), annex, answers={"usable_in_1a": True})
    assert result.entries == ["2.A.1.c.1"] and result.decided and result.category == "I"


def test_a_heading_note_applies_only_where_the_data_repeats_it(annex: Annex) -> None:
    """The note sits on 2.A.1.c and on 2.A.1.c.2: it is asked of the liquid engine, not of the solid motor."""
    solid = classify(motor(1.2e6, usable_in_1a=True), annex).match("2.A.1.c.1")
    assert solid is not None and solid.pending == ()
    liquid = classify(motor(1.2e6, kind="liquid_rocket_engine"), annex).match("2.A.1.c.2")
    assert liquid is not None and liquid.pending == ("satellite_engine", "vacuum_thrust")


def test_a_missing_parameter_becomes_a_question(annex: Annex) -> None:
    result = classify({"kind": "solid_rocket_motor", "answers": {"usable_in_1a": True}}, annex)
    ids = {q.id: q for q in result.questions}
    assert "total_impulse" in ids
    assert ids["total_impulse"].sort == "value" and "N·s" in ids["total_impulse"].text


def test_no_question_is_asked_when_another_criterion_already_fails(annex: Annex) -> None:
    result = classify(motor(2.0e5), annex)
    assert result.questions == ()
    assert result.decided and not result.controlled


# Exclusions ------------------------------------------------------------------------------------------------


def test_a_category_ii_treatment_note_keeps_the_match(annex: Annex) -> None:
    item = {
        "kind": "liquid_rocket_engine",
        "parameters": {"total_impulse": 4.6e6, "vacuum_thrust": {"value": 450, "unit": "N"}},
        "answers": {"satellite_engine": True},
    }
    result = classify(item, annex)
    match = result.match("2.A.1.c.2")
    assert match is not None and match.category == "I" and match.category_ii_treatment
    assert match.effective_category == "II"
    assert result.category == "II" and result.controlled
    assert any("Category II treatment possible" in r for r in match.reasons)


def test_an_unanswered_treatment_note_is_asked_but_the_match_stands(annex: Annex) -> None:
    item = {"kind": "liquid_rocket_engine", "parameters": {"total_impulse": 4.6e6, "vacuum_thrust": 450}}
    result = classify(item, annex)
    match = result.match("2.A.1.c.2")
    assert match is not None and not match.category_ii_treatment
    assert match.pending == ("satellite_engine",)
    assert result.category == "I" and not result.decided


def test_a_treatment_note_whose_threshold_fails_does_not_apply(annex: Annex) -> None:
    item = {
        "kind": "liquid_rocket_engine",
        "parameters": {"total_impulse": 4.6e6, "vacuum_thrust": {"value": 1.5, "unit": "kN"}},
        "answers": {"satellite_engine": True},
    }
    result = classify(item, annex)
    assert result.category == "I" and result.decided


def test_an_exclusion_takes_the_item_out(annex: Annex) -> None:
    item = {"kind": "software", "answers": {"for_1a_modelling": True, "public_domain": True}}
    result = classify(item, annex)
    assert not result.controlled
    assert [(x.entry, x.exclusion) for x in result.excluded] == [("16.D.1", "public_domain")]
    kept = classify(
        {"kind": "software", "answers": {"for_1a_modelling": True, "public_domain": False}}, annex
    )
    assert kept.entries == ["16.D.1"] and kept.category == "II"
    assert any("General Software Note" in note for note in kept.notes)
    assert any("General Minimum Software Note" in note for note in kept.notes)


# Near misses -----------------------------------------------------------------------------------------------


def test_a_narrow_miss_is_reported_with_its_margin(annex: Annex) -> None:
    result = classify(motor(1.05e6, usable_in_1a=True), annex)
    assert result.entries == ["20.A.1.b.1"]
    miss = next(m for m in result.near_misses if m.entry == "2.A.1.c.1")
    assert miss.threshold == 1.1e6 and miss.op == ">=" and miss.parameter == "total_impulse"
    assert miss.margin == pytest.approx(5e4)
    assert miss.margin_percent == pytest.approx(100 * 5e4 / 1.1e6, rel=1e-6)
    assert "2.A.1.c.1" in miss.reason and "%" in miss.reason


def test_a_wide_miss_or_a_miss_with_a_failing_answer_is_not_a_near_miss(annex: Annex) -> None:
    assert [m.entry for m in classify(motor(7.0e5), annex).near_misses] == []
    assert [m.entry for m in classify(motor(1.05e6, usable_in_1a=False), annex).near_misses] == []


def test_temperature_margins_are_relative_to_absolute_temperature(annex: Annex) -> None:
    result = classify({"kind": "chamber", "parameters": {"low_temperature": -45}}, annex)
    miss = result.near_misses[0]
    assert miss.margin == pytest.approx(5)
    assert miss.margin_percent == pytest.approx(500 / 223.15, rel=1e-6)


# Kinds, categorical parameters, CAS ------------------------------------------------------------------------


def test_a_broader_kind_asks_which_narrower_kind(annex: Annex) -> None:
    result = classify(motor(1.2e6, kind="rocket_motor", usable_in_1a=True), annex)
    assert result.entries == []
    asked = {q.id for q in result.questions}
    assert {"is_solid_rocket_motor", "is_liquid_rocket_engine"} <= asked
    narrowed = classify(
        motor(1.2e6, kind="rocket_motor", usable_in_1a=True, is_solid_rocket_motor=True), annex
    )
    assert "2.A.1.c.1" in narrowed.entries


def test_headings_are_not_reported_when_a_sub_entry_covers_the_kind(annex: Annex) -> None:
    index = AnnexIndex.of(annex)
    ids = [c.entry.id for c in index.candidates("solid_rocket_motor")]
    assert ids == ["2.A.1.c.1", "20.A.1.b.1"]


def test_categorical_parameters(annex: Annex) -> None:
    spherical = classify({"kind": "metal_powder", "parameters": {"shape": "spherical"}}, annex)
    assert spherical.entries == ["4.C.2.c"]
    assert any("'spherical' is one of spherical, spheroidal" in r for r in spherical.matches[0].reasons)
    assert classify({"kind": "metal_powder", "parameters": {"shape": "flake"}}, annex).entries == []


def test_the_cas_number_field_feeds_the_cas_parameter(annex: Annex) -> None:
    assert classify({"kind": "chemical", "cas_number": "69102-90-5"}, annex).entries == ["4.C.5.b"]
    assert classify({"kind": "chemical", "cas_number": "7803-57-8"}, annex).entries == []
    unknown = classify({"kind": "chemical"}, annex)
    assert [q.id for q in unknown.questions] == ["cas_number"]


# Complete systems ------------------------------------------------------------------------------------------


def system(*points: tuple[float, float], **extra: Any) -> dict:
    return {
        "kind": "rocket_system",
        "performance": [{"payload": p, "range": r} for p, r in points],
        **extra,
    }


def test_category_i_system(annex: Annex) -> None:
    result = classify(system((650, 420)), annex)
    assert result.entries == ["1.A.1"] and result.category == "I"


def test_category_ii_system_by_range_only(annex: Annex) -> None:
    result = classify(system((700, 260), (500, 285), (150, 330)), annex)
    assert result.entries == ["19.A.1"] and result.category == "II"
    assert any(m.entry == "1.A.1" for m in result.near_misses)


def test_trade_off_needs_an_assessment_when_points_straddle(annex: Annex) -> None:
    result = classify(system((700, 260), (150, 330)), annex)
    assert result.entries == []
    assert "category_i_capability" in {q.id for q in result.questions}
    assessed = classify(system((700, 260), (150, 330)), annex, answers={"category_i_capability": False})
    assert assessed.entries == ["19.A.1"]


def test_points_in_other_units(annex: Annex) -> None:
    item = system()
    item["performance"] = [
        {"payload": {"value": 1102.32, "unit": "lb"}, "range": {"value": 162, "unit": "nmi"}}
    ]
    assert classify(item, annex).entries == ["1.A.1"]


def test_capability_engine_decides_when_a_design_is_given(annex: Annex) -> None:
    from mtcr.annex.classifier import CapabilityVerdict

    def engine(design: dict) -> CapabilityVerdict:
        return CapabilityVerdict(
            category_i=design["stages"] > 1, range_at_least_300_km=True, reasons=("modelled",)
        )

    item = system((100, 200), design={"stages": 2})
    assert classify(item, annex, capability=engine).entries == ["1.A.1"]
    plain = classify(item, annex)
    assert plain.entries == []
    assert "design_not_assessed" in {flag["id"] for flag in plain.flags}


# Errors ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("item", "field", "words"),
    [
        ({"kind": "solid_rocket_motr"}, "kind", "solid_rocket_motor"),
        ({"kind": "bearing", "parameters": {"bor": 12}}, "parameters.bor", "bore"),
        (
            {"kind": "bearing", "parameters": {"bore": {"value": 12, "unit": "furlong_x"}}},
            "parameters.bore.unit",
            "not a unit",
        ),
        (
            {"kind": "bearing", "parameters": {"bore": {"value": 12, "unit": "kg"}}},
            "parameters.bore.unit",
            "does not measure",
        ),
        ({"kind": "bearing", "parameters": {"bore": "twelve"}}, "parameters.bore", "not a number"),
        ({"kind": "bearing", "parameters": {"bore": True}}, "parameters.bore", "not yes/no"),
        ({"kind": "metal_powder", "parameters": {"shape": "cubic"}}, "parameters.shape", "spherical"),
        ({"kind": "metal_powder", "parameters": {"shape": 3}}, "parameters.shape", "categorical"),
        ({"kind": "bearing", "answers": {"usable_in_1b": True}}, "answers.usable_in_1b", "usable_in_1a"),
        ({"kind": "rocket_system", "performance": [{"payload": 5}]}, "performance.0", "range or apogee"),
        (
            {"kind": "rocket_system", "performance": [{"payload": {"value": 5, "unit": "km"}, "range": 3}]},
            "performance.0.payload.unit",
            "does not measure",
        ),
        ({"kind": "bearing", "colour": "red"}, "colour", "Extra inputs"),
        ({"name": "no kind"}, "kind", "required"),
    ],
)
def test_errors_name_the_field_and_what_is_allowed(annex: Annex, item: dict, field: str, words: str) -> None:
    with pytest.raises(ItemError) as caught:
        classify(item, annex)
    assert caught.value.field == field
    assert words in str(caught.value)
