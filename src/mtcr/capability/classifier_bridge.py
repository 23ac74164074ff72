"""The capability engine as the Annex classifier's assessor: an item's ``design`` decides Items 1.A and 19.A.

``classify(item, capability=assessor())`` runs :func:`mtcr.capability.assess` on the item's ``design`` (a
mapping in the capability input format, docs/capability.md) and answers the classifier's two range/payload
rules (Annex Introduction (a) and (b); capability-physics.md §1.6): ``category_i_capability`` (500 kg to
300 km, trading payload for range within the design's limit) and ``range_at_least_300_km`` (Item 19).

The classifier calls the assessor with the ``design`` mapping itself; the assessor also accepts the whole
item, and then reads the design under ``design_spec_key`` and takes the item's ``name`` when the design has
none. A design that cannot be assessed, or a sounding rocket known only by its apogee (a screen, not a
verdict), leaves both rules undecided, so the classifier falls back to the declared figures.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from mtcr.annex.classifier import CapabilityAssessor, CapabilityVerdict
from mtcr.capability.assess import assess
from mtcr.capability.convert import Physics
from mtcr.capability.spec import SpecError
from mtcr.capability.verdict import RANGE_KM


def assessor(
    design_spec_key: str = "design", *, samples: int = 0, seed: int = 0, physics: Physics | None = None
) -> CapabilityAssessor:
    """A ``CapabilityAssessor`` for ``classify(..., capability=...)``, backed by the capability engine."""

    def assess_design(mapping: dict) -> CapabilityVerdict:
        design = _design(mapping, design_spec_key)
        try:
            result = assess(design, samples=samples, seed=seed, physics=physics)
        except SpecError as exc:
            return CapabilityVerdict(
                None, None, (f"the design cannot be assessed: {design_spec_key}.{exc.field}: {exc.message}",)
            )
        if not result.decided:
            return CapabilityVerdict(None, None, result.reasons)
        reasons = tuple(f"capability engine: {reason}" for reason in result.reasons)
        return CapabilityVerdict(
            category_i=result.category == "I",
            range_at_least_300_km=result.max_range_km >= RANGE_KM,
            reasons=reasons,
        )

    return assess_design


def _design(mapping: Mapping[str, Any], key: str) -> dict[str, Any]:
    """The design: the mapping under ``key`` when given the whole item, else the mapping itself."""
    inner = mapping.get(key)
    if isinstance(inner, Mapping):
        design = dict(inner)
        design.setdefault("name", mapping.get("name") or key)
        return design
    design = dict(mapping)
    design.setdefault("name", key)
    return design
