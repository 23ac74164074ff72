"""Latin-hypercube sampling over the declared uncertainties: stratified, seeded, bands and probabilities."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from mtcr.capability import assess, read_spec_file
from mtcr.capability.convert import UncertainInput, spec_at, uncertain_inputs
from mtcr.capability.spec import SpecError, parse_spec
from mtcr.capability.uncertainty import SampleOutcome, band, propagate, sample_values
from tests.capability.fake_physics import FAKE_PHYSICS, rocket

FIXTURES = Path(__file__).parent / "fixtures"
SAMPLES = 16


def uncertain_rocket(isp_pct: float = 10.0, propellant_pct: float = 5.0) -> dict:
    stage = {
        "gross_mass_kg": 4897,
        "propellant_mass_kg": {"value": 3699, "uncertainty_pct": propellant_pct},
        "isp_s": {"value": 215, "uncertainty_pct": isp_pct},
        "burn_time_s": 75,
        "diameter_m": 0.84,
    }
    return rocket(stages=[stage])


def test_the_uncertain_inputs_are_found_by_field_path() -> None:
    inputs = uncertain_inputs(parse_spec(uncertain_rocket()))
    assert [item.field for item in inputs] == ["stages.0.propellant_mass_kg", "stages.0.isp_s"]
    isp = inputs[1]
    assert (isp.low, isp.value, isp.high) == pytest.approx((193.5, 215.0, 236.5))


def test_a_zero_uncertainty_is_not_sampled() -> None:
    data = rocket(payload_kg={"value": 1000, "uncertainty_pct": 0})
    assert uncertain_inputs(parse_spec(data)) == []


def test_latin_hypercube_puts_one_sample_in_each_slice_of_every_interval() -> None:
    inputs = [UncertainInput(("a",), 100.0, 10.0), UncertainInput(("b",), 2.0, 50.0)]
    values = sample_values(inputs, SAMPLES, seed=3)
    assert values.shape == (SAMPLES, 2)
    for column, item in enumerate(inputs):
        fraction = (values[:, column] - item.low) / (item.high - item.low)
        assert np.all((fraction >= 0.0) & (fraction <= 1.0))
        assert sorted(np.floor(fraction * SAMPLES).astype(int)) == list(range(SAMPLES))


def test_sampling_is_reproducible_for_a_seed() -> None:
    inputs = [UncertainInput(("a",), 100.0, 10.0)]
    assert np.array_equal(sample_values(inputs, 8, seed=1), sample_values(inputs, 8, seed=1))
    assert not np.array_equal(sample_values(inputs, 8, seed=1), sample_values(inputs, 8, seed=2))


def test_a_sample_replaces_the_uncertain_numbers_and_is_validated_again() -> None:
    spec = parse_spec(uncertain_rocket())
    sampled = spec_at(spec, {("stages", 0, "isp_s"): 220.0})
    assert sampled.stages[0].isp_s == 220.0
    with pytest.raises(SpecError, match=r"stages.0.propellant_mass_kg: must be less than gross_mass_kg"):
        spec_at(spec, {("stages", 0, "propellant_mass_kg"): 5000.0})


def test_band_is_the_5th_50th_and_95th_percentile_of_the_finite_values() -> None:
    result = band([*range(101), None, float("nan")])
    assert result is not None and (result.p5, result.p50, result.p95) == (5.0, 50.0, 95.0)
    assert band([None]) is None


def test_propagate_counts_the_samples_that_break_a_rule() -> None:
    spec = parse_spec(uncertain_rocket(propellant_pct=60.0))
    seen: list[float] = []

    def evaluate(sampled) -> SampleOutcome:
        seen.append(sampled.stages[0].propellant_mass_kg)
        return SampleOutcome(True, True, 400.0, 600.0, (600.0, 400.0))

    result = propagate(spec, evaluate, samples=SAMPLES, seed=0, curve_payloads_kg=(0.0, 500.0))
    assert result.samples == SAMPLES and result.valid == len(seen) < SAMPLES
    assert result.rejected == (("stages.0.propellant_mass_kg", SAMPLES - len(seen)),)
    assert all(value < 4897 for value in seen)
    assert result.probability_category_i == 1.0
    data = result.to_dict()
    assert data["rejected"] == [{"field": "stages.0.propellant_mass_kg", "samples": SAMPLES - len(seen)}]
    assert data["band"]["curve"][1] == {"payload_kg": 500.0, "p5": 400.0, "p50": 400.0, "p95": 400.0}


def test_assess_gives_the_probability_of_category_i_and_the_band() -> None:
    progress: list[tuple[int, int]] = []
    result = assess(
        uncertain_rocket(),
        samples=SAMPLES,
        seed=7,
        physics=FAKE_PHYSICS,
        progress=lambda done, total: progress.append((done, total)),
    )
    sampled = result.uncertainty
    assert sampled is not None and sampled.valid == SAMPLES
    assert progress[-1] == (SAMPLES, SAMPLES) and len(progress) == SAMPLES
    assert 0.0 < sampled.probability_category_i < 1.0
    r500 = sampled.range_at_500_km
    assert r500 is not None and r500.p5 < result.range_km_at_500kg < r500.p95
    assert r500.p5 < 300.0 < r500.p95
    for item in sampled.curve:
        assert item is not None and item.p5 <= item.p50 <= item.p95
    assert "uncertain_category" in {flag.id for flag in result.flags}
    data = result.to_dict()["uncertainty"]
    assert {"samples", "probability_category_i", "band"} <= set(data)
    again = assess(uncertain_rocket(), samples=SAMPLES, seed=7, physics=FAKE_PHYSICS)
    assert again.to_dict()["uncertainty"] == data


def test_without_declared_uncertainties_nothing_is_sampled() -> None:
    result = assess(rocket(), samples=SAMPLES, physics=FAKE_PHYSICS)
    assert result.uncertainty is not None and result.uncertainty.samples == 0
    assert result.uncertainty.probability_category_i is None
    assert "no_uncertainty" in {flag.id for flag in result.flags}


def test_the_scud_b_stays_category_i_within_two_per_cent_of_isp() -> None:
    result = assess(read_spec_file(FIXTURES / "scud-b-forden.yaml"), samples=SAMPLES, seed=0)
    sampled = result.uncertainty
    assert sampled is not None and sampled.probability_category_i == 1.0
    r500 = sampled.range_at_500_km
    assert r500 is not None and r500.p5 < result.range_km_at_500kg < r500.p95
    assert r500.p5 > 300.0
