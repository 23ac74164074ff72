"""The classification API: the classifier's result, errors that name the field, answers that decide."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from mtcr.annex.classifier import classify, item_json_schema
from mtcr.annex.loader import load_annex

pytestmark = pytest.mark.django_db
URL = "/api/v1/annex/classify"
FIXTURES = sorted((Path(__file__).parents[1] / "annex" / "fixtures").glob("*.yaml"))
MOTOR = {"kind": "solid_rocket_motor", "parameters": {"total_impulse": {"value": 213570, "unit": "lbf*s"}}}


def post(client, body: object, path: str = URL):
    return client.post(path, json.dumps(body), content_type="application/json")


def refused(client, body: object) -> dict[str, str]:
    response = post(client, body)
    assert response.status_code == 422, response.content
    error = response.json()["error"]
    assert error["code"] == "invalid" and error["message"].startswith(f"{error['field']}: ")
    return error


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.stem)
def test_every_acceptance_item_gets_the_classifiers_result(client, path: Path) -> None:
    item = yaml.safe_load(path.read_text(encoding="utf-8"))
    response = post(client, item)
    assert response.status_code == 200, response.content
    expected = json.loads(json.dumps(classify(item).to_dict()))
    assert response.json() == expected


def test_the_answers_decide(client) -> None:
    first = post(client, MOTOR).json()
    assert (first["controlled"], first["decided"], first["category"]) == (False, False, None)
    assert [(u["entry"], u["questions"]) for u in first["undecided"]] == [
        ("20.A.1.b.1", ["usable_in_19a_systems"])
    ]
    question = first["questions"][0]
    assert (question["id"], question["sort"], question["entries"]) == (
        "usable_in_19a_systems",
        "yes_no",
        ["20.A.1.b.1"],
    )

    yes = post(client, {**MOTOR, "answers": {"usable_in_19a_systems": True}}).json()
    assert (yes["controlled"], yes["decided"], yes["category"]) == (True, True, "II")
    match = yes["matches"][0]
    assert (match["entry"], match["effective_category"]) == ("20.A.1.b.1", "II")
    assert any("is at least 8.41e5 N·s (20.A.1.b.1)" in reason for reason in match["reasons"])

    no = post(client, {**MOTOR, "answers": {"usable_in_19a_systems": False}}).json()
    assert (no["controlled"], no["decided"], no["questions"]) == (False, True, [])


def test_near_misses_come_with_their_margin(client) -> None:
    body = {"kind": "solid_rocket_motor", "parameters": {"total_impulse": 8.0e5}}
    miss = post(client, {**body, "answers": {"usable_in_19a_systems": True}}).json()["near_misses"][0]
    assert (miss["entry"], miss["parameter"], miss["op"], miss["unit"]) == (
        "20.A.1.b.1",
        "total_impulse",
        ">=",
        "N*s",
    )
    assert miss["margin"] == pytest.approx(4.1e4) and miss["margin_percent"] == pytest.approx(4.875, abs=0.01)


def motor(impulse: object = None, **extra: object) -> dict:
    return {**MOTOR, **({"parameters": {"total_impulse": impulse}} if impulse is not None else {}), **extra}


IMPULSE = "parameters.total_impulse"


@pytest.mark.parametrize(
    ("body", "field", "words"),
    [
        ({"kind": "solid_rocket_motr"}, "kind", "did you mean solid_rocket_motor"),
        (motor({"value": 1, "unit": "kg"}), f"{IMPULSE}.unit", "'kg' does not measure"),
        (motor({"value": 1, "unit": "zz"}), f"{IMPULSE}.unit", "not a unit we know"),
        (motor({"value": "5", "unit": "N*s"}), f"{IMPULSE}.value", "number"),
        (motor("lots"), IMPULSE, "not a number"),
        (motor(parameters={"total_impuls": 9.5e5}), "parameters.total_impuls", "did you mean total_impulse"),
        (motor(answers={"usable_in_19a": True}), "answers.usable_in_19a", "not a question"),
        (motor(answers={"usable_in_19a_systems": "yes"}), "answers.usable_in_19a_systems", "boolean"),
        (
            {"kind": "complete_rocket_system", "performance": [{"payload": 500}]},
            "performance.0",
            "range or apogee",
        ),
        ({"name": "no kind"}, "kind", "required"),
        ([], "item", "mapping"),
    ],
)
def test_bad_input_is_refused_naming_the_field(client, body, field, words) -> None:
    error = refused(client, body)
    assert error["field"] == field and words in error["message"]


def test_a_body_that_is_not_json_is_refused(client) -> None:
    response = client.post(URL, "kind: solid_rocket_motor", content_type="application/json")
    assert response.status_code == 422 and response.json()["error"]["field"] == "item"


def test_an_unknown_version_is_not_found(client) -> None:
    response = post(client, MOTOR, f"{URL}?version=1999-01")
    assert response.status_code == 404 and response.json()["error"]["field"] == "version"


def test_another_version_classifies_by_its_own_entries(client, synthetic_data) -> None:
    body = {"kind": "solid_rocket_motor", "parameters": {"total_impulse": 1.2e6}}
    assert "3.A.6" in [m["entry"] for m in post(client, body, f"{URL}?version=2022-10").json()["matches"]]
    assert "3.A.6" not in [m["entry"] for m in post(client, body).json()["matches"]]


def test_the_item_schema(client) -> None:
    assert client.get(f"{URL}/schema").json() == item_json_schema(load_annex())


def test_the_classification_api_is_public_and_documented(client) -> None:
    schema = client.get("/api/v1/openapi.json").json()
    operation = schema["paths"][URL]["post"]
    assert operation["tags"] == ["public"] and "security" not in operation
    body = operation["requestBody"]["content"]["application/json"]["schema"]
    assert body["required"] == ["kind"] and "solid_rocket_motor" in body["properties"]["kind"]["enum"]
    groups = body["properties"]["parameters"]["patternProperties"]
    impulse = next(spec for pattern, spec in groups.items() if "total_impulse" in pattern)
    quantity = next(option for option in impulse["anyOf"] if option.get("type") == "object")
    assert {"N*s", "kN*s", "lbf*s"} <= set(quantity["properties"]["unit"]["enum"])
    answers = body["properties"]["answers"]["propertyNames"]["enum"]
    assert "usable_in_19a_systems" in answers
    result = operation["responses"]["200"]["content"]["application/json"]["schema"]["$ref"]
    fields = schema["components"]["schemas"][result.rsplit("/", 1)[1]]["properties"]
    expected = {"controlled", "category", "decided", "matches", "excluded", "near_misses", "undecided"}
    assert expected | {"questions", "flags", "notes"} <= set(fields)
    assert schema["paths"][f"{URL}/schema"]["get"]["tags"] == ["public"]
