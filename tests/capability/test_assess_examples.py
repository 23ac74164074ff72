"""The classification examples of capability-physics.md §5.4, flown by the physics, and their explanations.

Exact category: MQ-9, Global Hawk, Tomahawk, DF-15/M-9, Agni -> Category I; Shahed-136, ATACMS Block IA ->
Category II. ATACMS Block I, Storm Shadow export and Iskander-E are declared below the thresholds: the result
shows the capability margin and the trade-off evidence. VSB-30 needs the apogee-to-range conversion. Inputs
not published are illustrative (each fixture says which).
"""

from __future__ import annotations

import json
from itertools import pairwise
from pathlib import Path

import pytest

from mtcr.annex.classifier import classify
from mtcr.capability import CapabilityResult, assess, read_spec_file
from mtcr.capability.apogee_screen import range_from_apogee_km
from mtcr.capability.classifier_bridge import assessor
from mtcr.capability.convert import FlightModel

FIXTURES = Path(__file__).parent / "fixtures"
EXPECTED = {
    "scud-b-forden": ("I", "1.A.1"),
    "df-15-m-9": ("I", "1.A.1"),
    "agni-i": ("I", "1.A.1"),
    "agni-ii": ("I", "1.A.1"),
    "mq-9-reaper": ("I", "1.A.2"),
    "rq-4b-global-hawk": ("I", "1.A.2"),
    "tomahawk-block-iv": ("I", "1.A.2"),
    "vsb-30-design": ("I", "1.A.1"),
    "minotaur-iv-lite": ("I", "1.A.1"),
    "shahed-136": ("II", "19.A.2"),
    "atacms-block-ia": ("II", "19.A.1"),
    "atacms-block-i": ("II", "19.A.1"),
    "storm-shadow-export": ("II", "19.A.2"),
    "iskander-e": ("II", "19.A.1"),
    "vsb-30-apogee": ("II", "19.A.1"),
}
DECLARED_BELOW = ("atacms-block-i", "storm-shadow-export", "iskander-e")
CONTRACT = {
    "category",
    "entry",
    "range_km_at_500kg",
    "max_range_km",
    "payload_kg_at_300km",
    "curve",
    "assumptions",
    "reasons",
    "margin_km",
    "uncertainty",
    "trajectory",
    "payload_sum",
    "flags",
}
_cache: dict[str, CapabilityResult] = {}


def result_of(stem: str) -> CapabilityResult:
    if stem not in _cache:
        _cache[stem] = assess(read_spec_file(FIXTURES / f"{stem}.yaml"))
    return _cache[stem]


def test_every_fixture_has_an_expectation() -> None:
    assert {path.stem for path in FIXTURES.glob("*.yaml")} == set(EXPECTED)


@pytest.mark.parametrize("stem", sorted(EXPECTED))
def test_the_example_gets_the_expected_category(stem: str) -> None:
    result = result_of(stem)
    assert (result.category, result.entry) == EXPECTED[stem]


@pytest.mark.parametrize("stem", sorted(EXPECTED))
def test_every_verdict_explains_itself(stem: str) -> None:
    result = result_of(stem)
    first = result.reasons[0]
    assert "Annex Introduction" in first or "capability-physics.md" in first
    text = " ".join(result.reasons)
    assert " km" in text
    assert result.margin_km is not None and result.margin_pct is not None
    assert f"{abs(result.margin_pct):.1f} %" in text
    data = result.to_dict()
    assert set(data) >= CONTRACT
    json.dumps(data)
    payloads = [point["payload_kg"] for point in data["curve"]]
    assert payloads == sorted(payloads)


@pytest.mark.parametrize("stem", sorted(set(EXPECTED) - {"vsb-30-apogee"}))
def test_the_curve_runs_from_the_minimum_payload_and_falls(stem: str) -> None:
    result = result_of(stem)
    assert result.decided and result.basis == "trajectory"
    curve = result.curve
    assert curve[0].payload_kg == result.min_payload_kg
    assert result.max_range_km == pytest.approx(max(point.range_km for point in curve))
    for before, after in pairwise(curve):
        assert after.range_km <= before.range_km * 1.005
    assert result.trajectory is not None and result.trajectory.downrange_km


@pytest.mark.parametrize("stem", DECLARED_BELOW)
def test_declared_below_the_thresholds_shows_the_margin_and_the_trade_off(stem: str) -> None:
    result = result_of(stem)
    tests = {(margin.test, margin.quantity) for margin in result.margins}
    assert ("Item 19", "maximum range") in tests
    text = " ".join(result.reasons)
    assert "As declared, with" in text and "payload traded for range" in text
    assert "Not Category I" in result.reasons[0]


def test_iskander_e_misses_category_i_by_its_margin() -> None:
    result = result_of("iskander-e")
    assert result.range_km_at_500kg is not None and result.range_km_at_500kg < 300.0
    assert result.margin_km is not None and -40.0 < result.margin_km < 0.0
    assert result.max_range_km > 300.0
    assert "payload_limit_assumed" in {flag.id for flag in result.flags}


def test_storm_shadow_is_held_below_category_i_by_its_payload_limit() -> None:
    result = result_of("storm-shadow-export")
    assert result.range_km_at_500kg is None and result.payload_limit_kg == 450.0
    [flag] = [flag for flag in result.flags if flag.id == "payload_limit"]
    assert "With 500 kg it would fly" in flag.text and "human review" in flag.text
    assert result.max_range_km > 300.0


def test_atacms_block_i_accounts_its_payload_item_by_item() -> None:
    result = result_of("atacms-block-i")
    assert result.payload_sum is not None
    assert result.payload_sum.payload_kg == 560.0 and result.payload_sum.flight_essential_kg == 60.0
    assert result.payload_kg == 560.0
    carried = "flight_essential (60 kg) are carried on top of the last stage"
    assert any(carried in line for line in result.assumptions)
    declared = next(point for point in result.curve if point.payload_kg == 560.0)
    assert declared.range_km == pytest.approx(165.0, rel=0.15)


def test_a_launcher_that_reaches_orbit_says_so() -> None:
    result = result_of("minotaur-iv-lite")
    assert result.type == "space_launch_vehicle" and len(result.curve) > 10
    assert "orbital" in {flag.id for flag in result.flags}
    assert result.range_km_at_500kg == pytest.approx(20_015.0, abs=1.0)
    assert "orbital" not in {flag.id for flag in result_of("rq-4b-global-hawk").flags}


def test_scud_b_follows_the_reference_trade_off() -> None:
    result = result_of("scud-b-forden")
    assert result.range_km_at_500kg == pytest.approx(442.0, rel=0.05)
    declared = next(point for point in result.curve if point.payload_kg == 1000.0)
    assert declared.range_km == pytest.approx(291.0, rel=0.04)
    assert result.payload_kg_at_300km is not None and 900.0 < result.payload_kg_at_300km < 1000.0


@pytest.mark.parametrize(("apogee_km", "range_km"), [(250.0, 500.1), (700.0, 1403.0), (1000.0, 2008.0)])
def test_the_vertical_shot_identity_matches_the_reference_table(apogee_km: float, range_km: float) -> None:
    assert range_from_apogee_km(apogee_km) == pytest.approx(range_km, abs=0.6)


def test_a_sounding_rocket_known_by_its_apogee_gets_a_screen_not_a_verdict() -> None:
    result = result_of("vsb-30-apogee")
    assert result.basis == "apogee_screen" and result.decided is False
    assert result.flags[0].id == "apogee_screen"
    assert result.max_range_km == pytest.approx(500.1, abs=0.1)
    assert result.range_km_at_500kg is None and result.payload_kg_at_300km is None
    assert "Category I not excluded" in result.reasons[1]
    heavy = assess({"name": "MAXUS", "type": "sounding_rocket", "payload_kg": 800, "apogee_km": 705})
    assert heavy.category == "I" and heavy.decided is False


def test_the_design_of_a_sounding_rocket_is_flown_and_its_apogee_checked() -> None:
    """Flown for range, it lands within a few per cent of the vertical-shot identity (§3.1)."""
    result = result_of("vsb-30-design")
    flags = {flag.id: flag.text for flag in result.flags}
    assert "apogee_check" in flags and "apogee_mismatch" not in flags
    assert "the declared apogee is 250 km" in flags["apogee_check"]
    assert result.payload_sum is not None and result.payload_sum.payload_kg == 400.0
    apogee_500_km = FlightModel(read_spec_file(FIXTURES / "vsb-30-design.yaml")).vertical_apogee_km(500.0)
    assert apogee_500_km is not None
    assert result.range_km_at_500kg == pytest.approx(range_from_apogee_km(apogee_500_km), rel=0.10)


def _item(stem: str) -> dict:
    import yaml

    design = yaml.safe_load((FIXTURES / f"{stem}.yaml").read_text())
    kind = "complete_uav_system" if design["type"] in ("uav", "cruise_missile") else "complete_rocket_system"
    return {"kind": kind, "name": design["name"], "design": design}


def test_the_classifier_decides_from_the_design() -> None:
    result = classify(_item("scud-b-forden"), capability=assessor())
    assert result.category == "I"
    [match] = [match for match in result.matches if match.entry == "1.A.1"]
    assert any("capability engine: Category I (1.A.1)" in reason for reason in match.reasons)
    uav = classify(_item("shahed-136"), capability=assessor())
    assert uav.category == "II" and [m.entry for m in uav.matches] == ["19.A.2"]


def test_the_assessor_reads_the_design_or_the_whole_item() -> None:
    answer = assessor()
    item = _item("atacms-block-ia")
    from_item, from_design = answer(item), answer(item["design"])
    assert from_item == from_design
    assert (from_item.category_i, from_item.range_at_least_300_km) == (False, True)


def test_the_assessor_leaves_a_screen_or_a_broken_design_undecided() -> None:
    answer = assessor()
    screened = answer(_item("vsb-30-apogee"))
    assert (screened.category_i, screened.range_at_least_300_km) == (None, None)
    assert "Screen" in " ".join(screened.reasons)
    broken = _item("scud-b-forden")
    broken["design"]["stages"][0]["propellant_mass_kg"] = 6000
    verdict = answer(broken)
    assert (verdict.category_i, verdict.range_at_least_300_km) == (None, None)
    assert verdict.reasons == (
        "the design cannot be assessed: design.stages.0.propellant_mass_kg: must be less than gross_mass_kg "
        "(6,000 ≥ 4,897)",
    )
