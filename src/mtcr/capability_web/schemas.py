"""HTTP API shapes of the capability assessment: the request, and ``CapabilityResult.to_dict()``."""

from __future__ import annotations

from typing import Any, Literal

from ninja import Field, Schema

from mtcr.capability_web.forms import MAX_SAMPLES

MAX_SEED = 2**31 - 1


class AssessIn(Schema):
    system: dict[str, Any] = Field(
        description="The system's design, in the format of GET /api/v1/capability/schema."
    )
    samples: int = Field(0, ge=0, le=MAX_SAMPLES, description="Latin-hypercube samples of the uncertainties.")
    seed: int = Field(0, ge=0, le=MAX_SEED, description="Seed of the sampling (reproducible runs).")


class CurvePointOut(Schema):
    payload_kg: float | None
    range_km: float | None


class FlagOut(Schema):
    id: str = Field(description="e.g. payload_limit, near_threshold, apogee_screen, uncertain_category.")
    text: str


class CapabilityOut(Schema):
    name: str
    type: str = Field(
        description="ballistic_missile, space_launch_vehicle, sounding_rocket, cruise_missile, uav."
    )
    category: Literal["I", "II"] | None = Field(description="null: no complete-system entry, or undecided.")
    entry: Literal["1.A.1", "1.A.2", "19.A.1", "19.A.2"] | None
    decided: bool = Field(description="false for a screen (a sounding rocket known only by its apogee).")
    basis: Literal["trajectory", "apogee_screen"]
    range_km_at_500kg: float | None = Field(description="R(500 kg); null beyond the payload limit.")
    max_range_km: float | None
    max_range_payload_kg: float | None
    payload_kg_at_300km: float | None = Field(description="The largest payload that still reaches 300 km.")
    payload_kg_at_300km_basis: str | None
    payload_kg: float | None
    min_payload_kg: float | None
    payload_limit_kg: float | None
    margin_km: float | None = Field(description="The headline margin against 300 km.")
    margin_pct: float | None
    margins: list[dict[str, Any]] = Field(
        description="Each test: value, threshold, unit, margin, margin_pct."
    )
    curve: list[CurvePointOut] = Field(description="R(P): range against payload.")
    reasons: list[str]
    assumptions: list[str]
    flags: list[FlagOut]
    payload_sum: dict[str, Any] | None = Field(description="The mass items, their roles and the sums.")
    uncertainty: dict[str, Any] | None = Field(description="Bands and probabilities when samples > 0.")
    trajectory: dict[str, Any] | None = Field(description="The flight with 500 kg (or the declared payload).")
