"""Latin-hypercube samples over the declared input uncertainties: bands and the probability of Category I.

Each number given as ``{value, uncertainty_pct}`` is the interval ``value * (1 ± uncertainty_pct / 100)``,
sampled uniformly ("input intervals", capability-physics.md §5.3). A Latin hypercube (``scipy.stats.qmc``,
seeded, so a run is reproducible) places one sample in each of ``n`` equal slices of every interval. Each
sample is validated again (a sample that breaks a rule of the input, e.g. propellant heavier than its stage,
is set aside and counted) and assessed by the same rule as the nominal design (§1.6). The band is the 5th,
50th and 95th percentile of R(500 kg), of the maximum range and of the curve at each payload; the probability
of Category I is the share of valid samples that are Category I.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from mtcr.capability.convert import UncertainInput, spec_at, uncertain_inputs
from mtcr.capability.spec import Spec, SpecError

PERCENTILES = (5.0, 50.0, 95.0)
METHOD = "Latin hypercube, uniform over each declared interval"


@dataclass(frozen=True, slots=True)
class SampleOutcome:
    """What one sampled design gives: the two tests, R(500 kg), the maximum range and the curve."""

    category_i: bool | None
    range_at_least_300_km: bool | None
    range_at_500_km: float | None
    max_range_km: float | None
    curve_km: tuple[float, ...] = ()


@dataclass(frozen=True, slots=True)
class Band:
    """The 5th, 50th and 95th percentiles of a quantity over the samples."""

    p5: float
    p50: float
    p95: float

    def to_dict(self) -> dict[str, float]:
        return {"p5": round(self.p5, 2), "p50": round(self.p50, 2), "p95": round(self.p95, 2)}


def band(values: Sequence[float | None]) -> Band | None:
    """The band of the finite values, or None when there are none."""
    finite = np.array([v for v in values if v is not None and np.isfinite(v)], dtype=float)
    if finite.size == 0:
        return None
    low, mid, high = np.percentile(finite, PERCENTILES)
    return Band(float(low), float(mid), float(high))


@dataclass(frozen=True, slots=True)
class UncertaintyResult:
    """The sampled assessment: how many samples, the bands and the probabilities."""

    samples: int
    valid: int
    seed: int
    inputs: tuple[UncertainInput, ...]
    probability_category_i: float | None
    probability_range_300_km: float | None
    range_at_500_km: Band | None
    max_range_km: Band | None
    curve_payloads_kg: tuple[float, ...]
    curve: tuple[Band | None, ...]
    rejected: tuple[tuple[str, int], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "samples": self.samples,
            "valid": self.valid,
            "seed": self.seed,
            "method": METHOD,
            "inputs": [
                {
                    "field": item.field,
                    "value": item.value,
                    "uncertainty_pct": item.uncertainty_pct,
                    "low": round(item.low, 6),
                    "high": round(item.high, 6),
                }
                for item in self.inputs
            ],
            "probability_category_i": _probability(self.probability_category_i),
            "probability_range_at_least_300_km": _probability(self.probability_range_300_km),
            "band": {
                "percentiles": list(PERCENTILES),
                "range_km_at_500kg": self.range_at_500_km.to_dict() if self.range_at_500_km else None,
                "max_range_km": self.max_range_km.to_dict() if self.max_range_km else None,
                "curve": [
                    {"payload_kg": round(payload, 2), **(item.to_dict() if item else {})}
                    for payload, item in zip(self.curve_payloads_kg, self.curve, strict=True)
                ],
            },
            "rejected": [{"field": name, "samples": count} for name, count in self.rejected],
        }


def _probability(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def sample_values(inputs: Sequence[UncertainInput], samples: int, seed: int) -> np.ndarray:
    """``samples`` rows of sampled values, one column per uncertain input (Latin hypercube, seeded)."""
    if not inputs or samples <= 0:
        return np.empty((max(samples, 0), len(inputs)))
    from scipy.stats import qmc  # imported when needed: scipy.stats takes a second to load

    unit = qmc.LatinHypercube(d=len(inputs), rng=np.random.default_rng(seed)).random(samples)
    low = np.array([item.low for item in inputs])
    high = np.array([item.high for item in inputs])
    return qmc.scale(unit, low, high) if np.all(high > low) else low + unit * (high - low)


def propagate(
    spec: Spec,
    evaluate: Callable[[Spec], SampleOutcome],
    *,
    samples: int,
    seed: int = 0,
    curve_payloads_kg: Sequence[float] = (),
    progress: Callable[[int, int], None] | None = None,
) -> UncertaintyResult:
    """Assess ``samples`` Latin-hypercube samples of ``spec``; ``progress(done, total)`` after each.

    ``evaluate`` raises ``SpecError`` for a sample that cannot be assessed; it is set aside and counted.
    """
    inputs = tuple(uncertain_inputs(spec))
    values = sample_values(inputs, samples if inputs else 0, seed)
    outcomes: list[SampleOutcome] = []
    rejected: Counter[str] = Counter()
    total = len(values)
    for index, row in enumerate(values):
        try:
            sampled = spec_at(spec, {item.path: float(v) for item, v in zip(inputs, row, strict=True)})
            outcomes.append(evaluate(sampled))
        except SpecError as exc:
            rejected[exc.field] += 1
        if progress is not None:
            progress(index + 1, total)
    width = len(curve_payloads_kg)
    curves = [outcome.curve_km for outcome in outcomes if len(outcome.curve_km) == width]
    return UncertaintyResult(
        samples=total,
        valid=len(outcomes),
        seed=seed,
        inputs=inputs,
        probability_category_i=_share([o.category_i for o in outcomes]),
        probability_range_300_km=_share([o.range_at_least_300_km for o in outcomes]),
        range_at_500_km=band([o.range_at_500_km for o in outcomes]),
        max_range_km=band([o.max_range_km for o in outcomes]),
        curve_payloads_kg=tuple(curve_payloads_kg),
        curve=tuple(band([curve[i] for curve in curves]) for i in range(width)),
        rejected=tuple(sorted(rejected.items())),
    )


def _share(truths: Sequence[bool | None]) -> float | None:
    """The share of true among the samples; None without samples or when a sample could not tell."""
    if not truths or any(truth is None for truth in truths):
        return None
    return sum(1 for truth in truths if truth) / len(truths)
