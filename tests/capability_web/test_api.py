"""The capability API: the engine's verdict as JSON, its input's schema, and errors that name the field."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from mtcr.capability import spec_json_schema

pytestmark = pytest.mark.django_db
URL = "/api/v1/capability/assess"
EXAMPLES = Path(__file__).parents[2] / "src" / "mtcr" / "capability_web" / "examples"


def system(stem: str) -> dict:
    return yaml.safe_load((EXAMPLES / f"{stem}.yaml").read_text(encoding="utf-8"))


def post(client, body: object):
    return client.post(URL, json.dumps(body), content_type="application/json")


def refused(client, body: object) -> dict[str, str]:
    response = post(client, body)
    assert response.status_code == 422, response.content
    error = response.json()["error"]
    assert error["code"] == "invalid" and error["field"]
    return error


def test_scud_b_is_category_i_with_its_curve_and_reasons(client) -> None:
    response = post(client, {"system": system("scud-b-forden")})
    assert response.status_code == 200, response.content
    data = response.json()
    assert (data["category"], data["entry"], data["decided"]) == ("I", "1.A.1", True)
    assert data["range_km_at_500kg"] > 300 and data["margin_km"] > 0
    assert data["curve"] and data["reasons"] and data["assumptions"] and data["uncertainty"] is None
    assert {"payload_kg", "altitude_km", "downrange_km"} <= set(data["trajectory"])


def test_shahed_is_item_19_a_2(client) -> None:
    data = post(client, {"system": system("shahed-136")}).json()
    assert (data["category"], data["entry"]) == ("II", "19.A.2")
    assert data["range_km_at_500kg"] is None and any(f["id"] == "payload_limit" for f in data["flags"])


def test_samples_give_the_uncertainty_band(client) -> None:
    data = post(client, {"system": system("iskander-e"), "samples": 8, "seed": 3}).json()
    band = data["uncertainty"]
    assert (band["samples"], band["seed"]) == (8, 3)
    assert 0.0 <= band["probability_category_i"] <= 1.0
    assert band["band"]["range_km_at_500kg"]["p5"] <= band["band"]["range_km_at_500kg"]["p95"]


def test_a_bad_field_is_named(client) -> None:
    bad = system("scud-b-forden")
    bad["stages"][0]["propellant_mass_kg"] = 9000
    error = refused(client, {"system": bad})
    assert error["field"] == "system.stages.0.propellant_mass_kg"
    assert "must be less than gross_mass_kg" in error["message"]


def test_an_unknown_type_and_a_missing_system_are_refused(client) -> None:
    assert refused(client, {"system": {"name": "x", "type": "ballistic"}})["field"] == "system.type"
    assert refused(client, {"samples": 0})["field"] == "system"
    assert refused(client, {"system": []})["field"] == "system"
    assert refused(client, {"system": {"name": "x", "type": "uav"}, "seed": "a"})["field"] == "seed"


@pytest.mark.parametrize("raw", [b"{not json", b"", b"[1, 2]", b'"text"'])
def test_a_body_that_is_not_a_json_object_is_refused(client, raw: bytes) -> None:
    response = client.post(URL, raw, content_type="application/json")
    assert response.status_code == 422, response.content
    assert response.json()["error"]["field"] == "system"


@pytest.mark.parametrize("samples", [65, -1, 10_000])
def test_samples_out_of_bounds_are_refused(client, samples: int) -> None:
    assert refused(client, {"system": system("scud-b-forden"), "samples": samples})["field"] == "samples"


def test_more_than_four_stages_are_refused(client) -> None:
    many = system("scud-b-forden")
    many["stages"] = many["stages"] * 5
    error = refused(client, {"system": many})
    assert error["field"] == "system.stages" and "at most 4" in error["message"]


def test_schema_is_the_input_json_schema(client) -> None:
    response = client.get("/api/v1/capability/schema")
    assert response.status_code == 200
    assert response.json() == spec_json_schema()
