"""The optional rotating-Earth band: ranges fired due east and due west, beside the non-rotating verdict."""

from __future__ import annotations

from pathlib import Path

from mtcr.capability import assess, read_spec_file

SCUD = Path(__file__).parent / "fixtures" / "scud-b-forden.yaml"


def _spec(**extra: object) -> dict:
    spec = read_spec_file(SCUD)
    data = spec.model_dump(mode="json", exclude_none=True) if hasattr(spec, "model_dump") else dict(spec)
    return {**data, **extra}


def test_no_latitude_no_band() -> None:
    assert assess(_spec()).to_dict()["east_west_band"] is None


def test_east_beats_west_and_the_verdict_stays_non_rotating() -> None:
    plain = assess(_spec()).to_dict()
    result = assess(_spec(launch_latitude_deg=0.0)).to_dict()
    band = result["east_west_band"]
    assert band["east_km"] > band["non_rotating_km"] > band["west_km"]
    assert abs(band["non_rotating_km"] - plain["range_km_at_500kg"]) < 0.01  # both rounded for output
    assert result["category"] == plain["category"]
    assert 0.5 < band["spread_pct"] < 5.0
