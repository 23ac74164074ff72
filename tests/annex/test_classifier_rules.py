"""The range/payload rules on declared points (Annex Introduction (a) and (b)), apart from any entry."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mtcr.annex.classifier.capability_rule import RuleOutcome, category_i_capability, range_at_least_300_km
from mtcr.annex.classifier.points import Point, range_from_apogee_km


def points(*pairs: tuple[float, float]) -> tuple[Point, ...]:
    return tuple(Point(p, r, None, "", f"{p} kg", f"{r} km") for p, r in pairs)


def flags(outcome: RuleOutcome) -> set[str]:
    return {flag.id for flag in outcome.flags}


def test_one_point_at_or_above_both_thresholds_is_category_i() -> None:
    assert category_i_capability(points((650, 420)), None).truth is True
    assert category_i_capability(points((500, 300)), None).truth is True  # inclusive ("at least")


def test_a_point_with_at_most_500_kg_short_of_300_km_rules_category_i_out() -> None:
    outcome = category_i_capability(points((700, 260), (500, 285), (150, 330)), None)
    assert outcome.truth is False
    assert outcome.margin is not None  # 285 km with 500 kg: 5 % short
    assert outcome.margin.quantity == "range with 500 kg or more"


def test_points_on_both_sides_need_a_capability_assessment() -> None:
    outcome = category_i_capability(points((700, 260), (150, 330)), None)
    assert outcome.truth is None
    assert outcome.ask is not None and outcome.ask.id == "category_i_capability"
    assert "capability assessment" in outcome.ask.text


def test_the_trade_off_point_decides() -> None:
    assert category_i_capability(points((450, 900), (600, 520)), None).truth is True


def test_a_structural_payload_limit_below_500_kg_rules_category_i_out() -> None:
    outcome = category_i_capability(points((350, 1200)), 350)
    assert outcome.truth is False
    assert "structural_limit" in flags(outcome)


def test_light_long_points_only_are_not_category_i_on_the_declared_figures() -> None:
    outcome = category_i_capability(points((120, 360)), None)
    assert outcome.truth is False
    assert "capability_assessment" in flags(outcome)


def test_no_points_is_unknown() -> None:
    assert category_i_capability((), None).truth is None
    assert range_at_least_300_km(()).truth is None


def test_range_rule() -> None:
    assert range_at_least_300_km(points((25, 150))).truth is False
    assert range_at_least_300_km(points((150, 300))).truth is True
    near = range_at_least_300_km(points((150, 280)))
    assert near.truth is False and near.margin is not None and "capability_assessment" in flags(near)


def test_apogee_gives_about_twice_the_range_and_a_trajectory_flag_near_300_km() -> None:
    assert range_from_apogee_km(180) == pytest.approx(360)
    sounding = (Point(120, range_from_apogee_km(180), 180, "", "120 kg", "180 km"),)
    outcome = range_at_least_300_km(sounding)
    assert outcome.truth is True and "trajectory_analysis" in flags(outcome)
    far = (Point(120, range_from_apogee_km(500), 500, "", "120 kg", "500 km"),)
    assert "trajectory_analysis" not in flags(range_at_least_300_km(far))


point_lists = st.lists(
    st.tuples(st.floats(1, 5000, allow_nan=False), st.floats(1, 20000, allow_nan=False)),
    min_size=1,
    max_size=6,
)


@given(point_lists)
def test_category_i_implies_range_of_300_km(pairs: list[tuple[float, float]]) -> None:
    declared = points(*pairs)
    if category_i_capability(declared, None).truth is True:
        assert range_at_least_300_km(declared).truth is True


@given(point_lists, st.tuples(st.floats(1, 5000), st.floats(1, 20000)))
def test_adding_a_point_never_takes_category_i_away(pairs: list[tuple[float, float]], extra: tuple) -> None:
    if category_i_capability(points(*pairs), None).truth is True:
        assert category_i_capability(points(*pairs, extra), None).truth is True
