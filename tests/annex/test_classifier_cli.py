"""``mtcr classify``: JSON and table output, the published schema, answers on the command line, errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from mtcr.annex.classifier import classify, item_json_schema, read_item_file
from mtcr.annex.cli_classify import classify_command
from mtcr.annex.loader import load_annex

FIXTURES = Path(__file__).parent / "fixtures"
runner = CliRunner()
app = typer.Typer()
app.command()(classify_command)


def invoke(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_json_has_the_documented_shape() -> None:
    code, out, _ = invoke(str(FIXTURES / "case-12a-solid-motor-mid-size.yaml"), "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert {"controlled", "category", "matches", "near_misses", "questions", "decided", "excluded"} <= set(
        data
    )
    assert data["controlled"] is True and data["category"] == "II"
    [match] = data["matches"]
    assert match["entry"] == "20.A.1.b.1" and match["category"] == "II"
    assert any("8.41e5 N·s" in reason for reason in match["reasons"])


@pytest.mark.parametrize("path", sorted(FIXTURES.glob("*.yaml")), ids=lambda p: p.stem)
def test_every_fixture_runs_from_the_command_line_as_through_the_api(path: Path) -> None:
    code, out, err = invoke(str(path), "--format", "json")
    assert code == 0, err
    data = json.loads(out)
    expected = classify(read_item_file(path), load_annex()).to_dict()
    assert data == expected


def test_the_table_names_the_entries_and_the_category() -> None:
    code, out, _ = invoke(str(FIXTURES / "case-14-satellite-apogee-engine.yaml"))
    assert code == 0
    assert "2.A.1.c.2" in out and "Category II" in out and "II treatment" in out


def test_answers_on_the_command_line_decide_the_open_questions(tmp_path: Path) -> None:
    item = tmp_path / "motor.json"
    item.write_text(json.dumps({"kind": "solid_rocket_motor", "parameters": {"total_impulse": 9.5e5}}))
    code, out, _ = invoke(str(item), "--format", "json")
    assert code == 0
    asked = json.loads(out)
    assert asked["controlled"] is False and asked["decided"] is False
    assert [q["id"] for q in asked["questions"]] == ["usable_in_19a_systems"]
    code, out, _ = invoke(str(item), "--format", "json", "--answer", "usable_in_19a_systems=yes")
    assert json.loads(out)["matches"][0]["entry"] == "20.A.1.b.1"


def test_why_explains_an_entry_the_item_misses() -> None:
    path = FIXTURES / "case-18c-radial-ball-bearing.yaml"
    code, out, _ = invoke(str(path), "--format", "json", "--why", "3.A.7")
    assert code == 0
    [why] = json.loads(out)["why"]
    assert why["status"] == "no_match" and "60 mm exceeds 50 mm" in why["reasons"][0]
    code, out, _ = invoke(str(path), "--why", "3.A.7")
    assert "Why 3.A.7: no match" in out


def test_schema_lists_kinds_and_parameters() -> None:
    code, out, _ = invoke("--schema")
    assert code == 0
    schema = json.loads(out)
    assert "solid_rocket_motor" in schema["properties"]["kind"]["enum"]
    parameters = schema["properties"]["parameters"]["properties"]
    assert "total_impulse" in parameters and "N*s" in parameters["total_impulse"]["description"]
    assert parameters["particle_shape"]["enum"][:2] == ["spherical", "spheroidal"]
    assert schema == item_json_schema(load_annex())


def test_the_published_schema_accepts_every_fixture_and_refuses_a_bad_item() -> None:
    jsonschema_rs = pytest.importorskip("jsonschema_rs")
    validator = jsonschema_rs.validator_for(item_json_schema(load_annex()))
    for path in FIXTURES.glob("*.yaml"):
        raw = read_item_file(path).model_dump(mode="json", exclude_none=True)
        assert validator.is_valid(raw), list(validator.iter_errors(raw))[:1]
    assert not validator.is_valid({"kind": "no_such_kind"})
    assert not validator.is_valid({"kind": "solid_rocket_motor", "parameters": {"no_such_parameter": 1}})


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (
            {"kind": "solid_rocket_motr"},
            "kind: 'solid_rocket_motr' is not a kind of item (did you mean solid_rocket_motor",
        ),
        (
            {"kind": "solid_rocket_motor", "parameters": {"total_impulse": {"value": 1, "unit": "kg"}}},
            "parameters.total_impulse.unit",
        ),
        ({"kind": "solid_rocket_motor", "parameters": {"total_impuls": 1}}, "did you mean total_impulse"),
    ],
)
def test_a_bad_item_is_refused_with_the_field_named(tmp_path: Path, content: dict, words: str) -> None:
    item = tmp_path / "item.json"
    item.write_text(json.dumps(content))
    code, out, err = invoke(str(item))
    assert code == 2
    assert words in " ".join((out + err).split())


def test_bad_answers_files_and_versions_are_refused(tmp_path: Path) -> None:
    item = FIXTURES / "case-01-ballistic-missile.yaml"
    assert invoke(str(item), "--answer", "usable_in_1a_systems")[0] == 2
    assert invoke(str(item), "--answer", "usable_in_1a_systems=perhaps")[0] == 2
    assert invoke(str(tmp_path / "missing.yaml"))[0] == 2
    assert invoke(str(item), "--version", "1999-01")[0] == 2
    assert invoke()[0] == 2
    broken = tmp_path / "broken.yaml"
    broken.write_text("kind: [unclosed")
    code, out, err = invoke(str(broken))
    assert code == 2 and "not valid YAML" in " ".join((out + err).split())
