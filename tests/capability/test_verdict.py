"""The decision rule of capability-physics.md §1.6 on known curves: category, entry, margins, reasons."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mtcr.capability.verdict import (
    PayloadLimits,
    curve_payloads,
    decide,
    trade_off,
)


class Curve:
    """A range model given by a function of payload (``nan`` where the vehicle cannot fly)."""

    def __init__(self, function: Callable[[float], float]) -> None:
        self.function = function
        self.calls = 0

    def range_km(self, payload_kg: float) -> float:
        self.calls += 1
        return self.function(payload_kg)

    def ranges_km(self, payloads_kg: Sequence[float]) -> list[float]:
        return [self.range_km(p) for p in payloads_kg]


def linear(at_zero_km: float, km_per_kg: float) -> Curve:
    return Curve(lambda p: max(at_zero_km - km_per_kg * p, 0.0))


def verdict_of(curve: Curve, system: str = "ballistic_missile", declared: float = 500.0, **limits: float):
    trade = trade_off(curve, PayloadLimits(**limits), declared)
    return trade, decide(system, trade)


def test_category_i_when_500_kg_reaches_300_km() -> None:
    trade, verdict = verdict_of(linear(600.0, 0.5))
    assert trade.range_at_500_km == pytest.approx(350.0)
    assert (verdict.category, verdict.entry) == ("I", "1.A.1")
    headline = verdict.headline
    assert headline is not None and headline.margin == pytest.approx(50.0)
    assert headline.percent == pytest.approx(50.0 / 3.0)
    assert "Category I (1.A.1): with a 500 kg payload it flies 350 km" in verdict.reasons[0]
    assert "+50 km (+16.7 %)" in verdict.reasons[0] and "Annex Introduction (a)" in verdict.reasons[0]


def test_the_thresholds_are_inclusive() -> None:
    _, verdict = verdict_of(linear(550.0, 0.5))
    assert verdict.category == "I"
    _, verdict = verdict_of(linear(549.999, 0.5))
    assert verdict.category == "II"


def test_category_ii_when_only_a_lighter_payload_reaches_300_km() -> None:
    trade, verdict = verdict_of(linear(400.0, 0.3), system="uav", declared=200.0)
    assert trade.range_at_500_km == pytest.approx(250.0)
    assert (verdict.category, verdict.entry) == ("II", "19.A.2")
    assert verdict.reasons[0].startswith("Not Category I: with a 500 kg payload it flies 250 km")
    assert "short of 300 km by 50 km (-16.7 %)" in verdict.reasons[0]
    assert "Category II (19.A.2): its maximum range, 400 km with 0 kg of payload" in verdict.reasons[1]
    assert trade.payload_at_300_km == pytest.approx(333.33, abs=0.1)
    assert any("As declared, with 200 kg, it flies 340 km" in reason for reason in verdict.reasons)


def test_no_entry_below_300_km_with_any_payload() -> None:
    trade, verdict = verdict_of(linear(280.0, 0.2), system="sounding_rocket")
    assert (verdict.category, verdict.entry) == (None, None)
    assert trade.payload_at_300_km is None
    assert "No complete-system entry (1.A, 19.A): its maximum range, 280 km" in verdict.reasons[1]
    assert "No payload in the design's range reaches 300 km." in verdict.reasons
    assert [margin.margin for margin in verdict.margins] == pytest.approx([-120.0, -20.0])
    assert "near_threshold" in {flag.id for flag in verdict.flags}


def test_a_structural_limit_below_500_kg_rules_out_category_i_and_asks_for_review() -> None:
    curve = linear(900.0, 0.5)
    trade, verdict = verdict_of(curve, system="cruise_missile", declared=400.0, structural_kg=450.0)
    assert trade.range_at_500_km is None and trade.range_at_500_beyond_limit_km == pytest.approx(650.0)
    assert (verdict.category, verdict.entry) == ("II", "19.A.2")
    assert "500 kg exceeds its structural payload limit of 450 kg (max_payload_kg)" in verdict.reasons[0]
    [flag] = [flag for flag in verdict.flags if flag.id == "payload_limit"]
    assert "With 500 kg it would fly 650 km" in flag.text and "human review" in flag.text
    assert trade.payload_at_300_km == 450.0 and trade.payload_at_300_basis == "payload_limit"
    assert max(point.payload_kg for point in trade.curve) == 450.0


def test_the_take_off_mass_limit_counts_as_a_payload_limit() -> None:
    _, verdict = verdict_of(linear(900.0, 0.5), system="uav", declared=100.0, design_kg=420.0)
    assert verdict.category == "II"
    assert "heaviest payload it can lift within its maximum take-off mass, 420 kg" in verdict.reasons[0]


def test_the_payload_reaching_300_km_is_a_root_of_the_curve() -> None:
    curve = Curve(lambda p: 900.0 * math.exp(-p / 700.0))
    trade, verdict = verdict_of(curve, declared=1000.0)
    expected = 700.0 * math.log(3.0)
    assert trade.payload_at_300_km == pytest.approx(expected, abs=0.1)
    assert trade.payload_at_300_basis == "root"
    assert any(f"{expected:,.0f} kg (root of R(P) = 300 km)" in reason for reason in verdict.reasons)
    [payload_margin] = [m for m in verdict.margins if m.unit == "kg"]
    assert payload_margin.margin == pytest.approx(expected - 500.0, abs=0.1)


def test_without_a_limit_the_search_extends_beyond_the_curve() -> None:
    trade, _ = verdict_of(linear(5000.0, 1.0), declared=500.0)
    assert max(point.payload_kg for point in trade.curve) == 750.0
    assert trade.payload_at_300_km == pytest.approx(4700.0, abs=0.1)
    trade, verdict = verdict_of(Curve(lambda p: 1000.0), declared=500.0)
    assert trade.payload_at_300_basis == "search_limit"
    assert "payload_search_limit" in {flag.id for flag in verdict.flags}


def test_payloads_the_vehicle_cannot_fly_are_left_out_and_flagged() -> None:
    trade, verdict = verdict_of(Curve(lambda p: math.nan if p > 600 else 900.0 - p), declared=500.0)
    assert all(point.payload_kg <= 600 for point in trade.curve)
    assert trade.unflyable_kg and min(trade.unflyable_kg) > 600
    assert "unflyable_payloads" in {flag.id for flag in verdict.flags}
    assert verdict.category == "I"


def test_a_design_that_cannot_fly_500_kg() -> None:
    _, verdict = verdict_of(Curve(lambda p: math.nan if p >= 400 else 500.0), declared=100.0)
    assert verdict.category == "II"
    assert "it cannot fly a 500 kg payload" in verdict.reasons[0]


def test_the_curve_spans_minimum_to_limit_with_500_kg_and_the_declared_payload() -> None:
    payloads = curve_payloads(PayloadLimits(minimum_kg=100.0, structural_kg=1100.0), 730.0, points=11)
    assert payloads[0] == 100.0 and payloads[-1] == 1100.0
    assert 500.0 in payloads and 730.0 in payloads
    assert payloads == sorted(set(payloads)) and len(payloads) == 12  # 500 kg is on the grid already
    unlimited = curve_payloads(PayloadLimits(), 200.0, points=5)
    assert unlimited[-1] == 750.0


def test_a_rocket_without_a_payload_limit_declared_below_500_kg_is_flagged() -> None:
    _, verdict = verdict_of(linear(600.0, 0.5), declared=400.0)
    assert "payload_limit_assumed" in {flag.id for flag in verdict.flags}
    _, verdict = verdict_of(linear(600.0, 0.5), system="uav", declared=400.0)
    assert "payload_limit_assumed" not in {flag.id for flag in verdict.flags}


@given(
    at_zero=st.floats(min_value=50.0, max_value=5000.0),
    slope=st.floats(min_value=0.01, max_value=5.0),
    limit=st.one_of(st.none(), st.floats(min_value=100.0, max_value=3000.0)),
    minimum=st.floats(min_value=0.0, max_value=90.0),
)
def test_the_category_follows_the_rule_on_any_falling_curve(
    at_zero: float, slope: float, limit: float | None, minimum: float
) -> None:
    def range_km(p: float) -> float:
        return max(at_zero - slope * p, 0.0)

    trade, verdict = verdict_of(Curve(range_km), declared=minimum, minimum_kg=minimum, structural_kg=limit)
    category_i = (limit is None or limit >= 500.0) and range_km(500.0) >= 300.0
    expected = "I" if category_i else "II" if range_km(minimum) >= 300.0 else None
    assert verdict.category == expected
    assert trade.max_range_km == pytest.approx(range_km(minimum))
    if trade.payload_at_300_basis == "root":
        assert range_km(trade.payload_at_300_km) == pytest.approx(300.0, abs=0.06 * slope + 1e-6)
    assert verdict.reasons and all(reason.endswith(".") for reason in verdict.reasons)
