"""The capability assessment of one system: the verdict, the curve, the margins, and why.

``to_dict()`` is the JSON of ``mtcr capability --format json``::

    {"category": "I" | "II" | null, "entry": "1.A.1" | "1.A.2" | "19.A.1" | "19.A.2" | null,
     "decided": bool, "basis": "trajectory" | "apogee_screen",
     "range_km_at_500kg": number | null, "max_range_km": number, "payload_kg_at_300km": number | null,
     "margin_km": number | null, "margin_pct": number | null, "margins": [...],
     "curve": [{"payload_kg", "range_km"}], "reasons": [...], "assumptions": [...], "flags": [{"id", "text"}],
     "payload_sum": {...} | null, "uncertainty": {...} | null, "trajectory": {...} | null, ...}
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np

from mtcr.capability.uncertainty import UncertaintyResult
from mtcr.capability.verdict import CurvePoint, Flag, Margin, Verdict

TRAJECTORY_POINTS = 400
"""At most this many points of the trajectory go into the JSON (evenly thinned, ends kept)."""


@dataclass(frozen=True, slots=True)
class MassLine:
    name: str
    mass_kg: float
    role: str


@dataclass(frozen=True, slots=True)
class PayloadSum:
    """The payload accounting (capability-physics.md §1.3): the items, their roles and the sums."""

    items: tuple[MassLine, ...]
    payload_kg: float
    flight_essential_kg: float
    declared_payload_kg: float | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "items": [{"name": i.name, "mass_kg": i.mass_kg, "role": i.role} for i in self.items],
            "payload_kg": round(self.payload_kg, 3),
            "flight_essential_kg": round(self.flight_essential_kg, 3),
            "declared_payload_kg": self.declared_payload_kg,
        }


@dataclass(frozen=True, slots=True)
class TrajectoryData:
    """The flown path at one payload, for plotting: ground distance and altitude (with time and speed)."""

    payload_kg: float
    downrange_km: tuple[float, ...]
    altitude_km: tuple[float, ...]
    time_s: tuple[float, ...] = ()
    speed_m_s: tuple[float, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        keep = _thin(len(self.downrange_km))
        data: dict[str, Any] = {"payload_kg": round(self.payload_kg, 3)}
        for name in ("time_s", "downrange_km", "altitude_km", "speed_m_s"):
            values = getattr(self, name)
            data[name] = [round(float(values[i]), 3) for i in keep] if values else []
        return data


def _thin(count: int) -> list[int]:
    if count <= TRAJECTORY_POINTS:
        return list(range(count))
    return sorted({int(i) for i in np.linspace(0, count - 1, TRAJECTORY_POINTS)})


@dataclass(frozen=True, slots=True)
class RotationBandData:
    """Ranges fired due east and due west on a rotating Earth from a latitude, beside the verdict's
    non-rotating range (issue: rotating Earth as an option, reporting the east/west band)."""

    latitude_deg: float
    payload_kg: float
    east_km: float
    west_km: float
    non_rotating_km: float

    def to_dict(self) -> dict[str, Any]:
        spread = 0.5 * (self.east_km - self.west_km) / self.non_rotating_km if self.non_rotating_km else 0.0
        return {
            "latitude_deg": self.latitude_deg,
            "payload_kg": round(self.payload_kg, 3),
            "east_km": round(self.east_km, 3),
            "west_km": round(self.west_km, 3),
            "non_rotating_km": round(self.non_rotating_km, 3),
            "spread_pct": round(100.0 * spread, 2),
        }


@dataclass(frozen=True)
class CapabilityResult:
    """What the capability engine concluded about one system, and why."""

    name: str
    type: str
    basis: Literal["trajectory", "apogee_screen"]
    verdict: Verdict
    range_km_at_500kg: float | None
    max_range_km: float
    max_range_payload_kg: float
    payload_kg_at_300km: float | None
    payload_at_300km_basis: str | None
    payload_kg: float
    min_payload_kg: float
    payload_limit_kg: float | None
    curve: tuple[CurvePoint, ...]
    assumptions: tuple[str, ...]
    flags: tuple[Flag, ...]
    payload_sum: PayloadSum | None = None
    uncertainty: UncertaintyResult | None = None
    trajectory: TrajectoryData | None = None
    rotation: RotationBandData | None = None

    @property
    def category(self) -> str | None:
        return self.verdict.category

    @property
    def entry(self) -> str | None:
        return self.verdict.entry

    @property
    def decided(self) -> bool:
        return self.verdict.decided

    @property
    def reasons(self) -> tuple[str, ...]:
        return self.verdict.reasons

    @property
    def margins(self) -> tuple[Margin, ...]:
        return self.verdict.margins

    @property
    def margin_km(self) -> float | None:
        headline = self.verdict.headline
        return None if headline is None else headline.margin

    @property
    def margin_pct(self) -> float | None:
        headline = self.verdict.headline
        return None if headline is None else headline.percent

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "type": self.type,
            "category": self.category,
            "entry": self.entry,
            "decided": self.decided,
            "basis": self.basis,
            "range_km_at_500kg": _round(self.range_km_at_500kg),
            "max_range_km": _round(self.max_range_km),
            "max_range_payload_kg": _round(self.max_range_payload_kg),
            "payload_kg_at_300km": _round(self.payload_kg_at_300km),
            "payload_kg_at_300km_basis": self.payload_at_300km_basis,
            "payload_kg": _round(self.payload_kg),
            "min_payload_kg": _round(self.min_payload_kg),
            "payload_limit_kg": _round(self.payload_limit_kg),
            "margin_km": _round(self.margin_km),
            "margin_pct": _round(self.margin_pct),
            "margins": [margin.to_dict() for margin in self.margins],
            "curve": [point.to_dict() for point in self.curve],
            "reasons": list(self.reasons),
            "assumptions": list(self.assumptions),
            "flags": [flag.to_dict() for flag in self.flags],
            "payload_sum": self.payload_sum.to_dict() if self.payload_sum else None,
            "uncertainty": self.uncertainty.to_dict() if self.uncertainty else None,
            "trajectory": self.trajectory.to_dict() if self.trajectory else None,
            "east_west_band": self.rotation.to_dict() if self.rotation else None,
        }

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)


def _round(value: float | None, digits: int = 2) -> float | None:
    if value is None or not np.isfinite(value):
        return None
    return round(float(value), digits)
