"""The capability input: what it accepts, the precise errors it gives, the payload sum, the JSON Schema."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from mtcr.capability.spec import (
    AirSpec,
    RocketSpec,
    SpecError,
    Uncertain,
    flight_essential_kg,
    parse_spec,
    payload_kg,
    read_spec_file,
    spec_json_schema,
    value_of,
)
from tests.capability.fake_physics import rocket, uav

FIXTURES = Path(__file__).parent / "fixtures"


def error_of(data: Any) -> str:
    with pytest.raises(SpecError) as caught:
        parse_spec(data)
    return str(caught.value)


def changed(base: dict[str, Any], path: str, value: Any) -> dict[str, Any]:
    """``base`` with the value at a dotted path (list items by index) replaced; ``...`` deletes it."""
    data = copy.deepcopy(base)
    *parents, last = path.split(".")
    node: Any = data
    for part in parents:
        node = node[int(part)] if isinstance(node, list) else node.setdefault(part, {})
    if value is ...:
        del node[last]
    else:
        node[last] = value
    return data


@pytest.mark.parametrize("path", sorted(FIXTURES.glob("*.yaml")), ids=lambda p: p.stem)
def test_every_fixture_is_a_valid_input(path: Path) -> None:
    spec = read_spec_file(path)
    assert isinstance(spec, RocketSpec | AirSpec)
    assert spec.name


def test_numbers_may_carry_an_uncertainty() -> None:
    spec = read_spec_file(FIXTURES / "scud-b-forden.yaml")
    assert isinstance(spec, RocketSpec) and spec.stages is not None
    isp = spec.stages[0].isp_s
    assert isp == Uncertain(value=230.0, uncertainty_pct=2.0)
    assert value_of(isp) == 230.0
    assert value_of(spec.stages[0].burn_time_s) == 75.0


@pytest.mark.parametrize(
    ("path", "value", "expected"),
    [
        (
            "stages.0.gross_mass_kg",
            3000,
            "stages.0.propellant_mass_kg: must be less than gross_mass_kg (3,699 ≥ 3,000)",
        ),
        ("stages.0.diameter_m", -0.5, "stages.0.diameter_m: must be greater than 0 (got -0.5)"),
        ("stages.0.isp_s", "230", "stages.0.isp_s: must be a number or {value, uncertainty_pct}"),
        ("stages.0.isp_s", True, "stages.0.isp_s: must be a number or {value, uncertainty_pct}"),
        (
            "stages.0.isp_s",
            {"value": 230, "uncertainty_pct": 150},
            "stages.0.isp_s.uncertainty_pct: input should",
        ),
        ("stages.0.isp_s", {"value": -230}, "stages.0.isp_s: must be greater than 0 (got -230)"),
        ("stages.0.isp_s", float("nan"), "stages.0.isp_s: must be a finite number"),
        ("stages.0.burn_time_s", {"value": float("inf")}, "stages.0.burn_time_s: must be a finite number"),
        ("stages.0.isp_s", {"value": 230, "uncertanty_pct": 2}, "(did you mean uncertainty_pct?)"),
        ("stages.0.burn_tme_s", 75, "stages.0.burn_tme_s: is not a known field (did you mean burn_time_s?)"),
        ("stages.0.burn_time_s", ..., "stages.0.burn_time_s: is required"),
        ("stages.0.isp_vac_s", 250, "stages.0.isp_s: give isp_s, or isp_vac_s with nozzle_exit_area_m2"),
        ("stages.0.nozzle_exit_area_m2", 0.13, "stages.0.nozzle_exit_area_m2: goes with isp_vac_s"),
        ("paylod_kg", 3, "paylod_kg: is not a known field (did you mean payload_kg"),
        ("payload_kg", ..., "payload_kg: is required (or list mass_items with role payload)"),
        ("max_payload_kg", 900, "max_payload_kg: must not be less than the payload (900 < 1,000)"),
        ("min_payload_kg", 1200, "min_payload_kg: must not exceed the payload (1,200 > 1,000)"),
        ("apogee_km", 250, "apogee_km: only a sounding rocket is described by its apogee"),
        ("stages", [], "stages: must list at least 1 (got 0)"),
        ("reentry", {"separates": True}, "reentry.ballistic_coefficient_kg_m2: is required"),
        ("type", "ballistic", "type: 'ballistic' is not a system type; use one of ballistic_missile"),
        ("type", ..., "type: is required: one of ballistic_missile"),
    ],
)
def test_rocket_errors_name_the_field_and_what_is_wrong(path: str, value: Any, expected: str) -> None:
    assert expected in error_of(changed(rocket(), path, value))


def test_a_second_stage_is_named_by_its_index() -> None:
    second = {
        "gross_mass_kg": 1000,
        "propellant_mass_kg": 1200,
        "isp_s": 260,
        "burn_time_s": 60,
        "diameter_m": 1,
    }
    data = rocket(stages=[*rocket()["stages"], second])
    assert error_of(data) == "stages.1.propellant_mass_kg: must be less than gross_mass_kg (1,200 ≥ 1,000)"


def test_a_rocket_has_at_most_four_stages() -> None:
    assert error_of(rocket(stages=rocket()["stages"] * 5)) == "stages: must list at most 4 (got 5)"


def test_drag_table_mach_numbers_must_increase() -> None:
    table = [{"mach": 0, "cd": 0.2}, {"mach": 1.2, "cd": 0.27}, {"mach": 1.2, "cd": 0.25}]
    message = error_of(changed(rocket(), "stages.0.drag_table", table))
    assert message == "stages.0.drag_table.2.mach: must be greater than the previous point's (1.2 ≤ 1.2)"


@pytest.mark.parametrize(
    ("path", "value", "expected"),
    [
        ("max_takeoff_mass_kg", 900, "max_takeoff_mass_kg: must be greater than empty_mass_kg (900 ≤ 1,000)"),
        ("engine.tsfc_kg_per_n_h", ..., "engine.tsfc_kg_per_n_h: is required for a turbofan engine"),
        ("engine.kind", "turboprop", "engine.bsfc_kg_per_kw_h: is required for a turboprop engine"),
        (
            "engine.kind",
            "ramjet",
            "engine.kind: input should be 'turbojet', 'turbofan', 'turboprop' or 'piston'",
        ),
        ("engine.propeller_efficiency", 1.2, "engine.propeller_efficiency: must be at most 1 (got 1.2)"),
        (
            "aerodynamics.lift_to_drag_max",
            ...,
            "aerodynamics.cd0: is required: give lift_to_drag_max, or cd0",
        ),
        ("cruise_speed_m_s", ..., "cruise_speed_m_s: is required without a drag polar"),
        ("min_payload_kg", 0, None),
    ],
)
def test_air_errors_name_the_field(path: str, value: Any, expected: str | None) -> None:
    data = changed(uav(), path, value)
    if expected is None:
        assert parse_spec(data).type == "uav"
    else:
        assert expected in error_of(data)


def test_a_drag_polar_with_wing_area_needs_no_cruise_speed() -> None:
    data = uav(aerodynamics={"cd0": 0.02, "k": 0.04, "wing_area_m2": 12})
    del data["cruise_speed_m_s"]
    assert isinstance(parse_spec(data), AirSpec)


def test_mass_items_are_summed_into_the_payload() -> None:
    data = rocket(
        mass_items=[
            {"name": "re-entry vehicle", "mass_kg": 700, "role": "payload"},
            {"name": "post-boost bus", "mass_kg": {"value": 150, "uncertainty_pct": 5}, "role": "payload"},
            {"name": "guidance section", "mass_kg": 90, "role": "flight_essential"},
        ]
    )
    del data["payload_kg"]
    spec = parse_spec(data)
    assert payload_kg(spec) == 850.0
    assert flight_essential_kg(spec) == 90.0


def test_a_sounding_rocket_may_be_known_only_by_its_apogee() -> None:
    spec = read_spec_file(FIXTURES / "vsb-30-apogee.yaml")
    assert isinstance(spec, RocketSpec) and spec.stages is None and value_of(spec.apogee_km) == 250.0
    assert "stages: are required" in error_of({"name": "x", "type": "sounding_rocket", "payload_kg": 10})


def test_not_a_mapping() -> None:
    assert error_of([1, 2]) == "spec: give a mapping with at least 'name' and 'type'"


def test_files_json_and_yaml(tmp_path: Path) -> None:
    as_json = tmp_path / "rocket.json"
    as_json.write_text(json.dumps(rocket()))
    assert read_spec_file(as_json).name == "Test rocket"
    broken = tmp_path / "broken.yaml"
    broken.write_text("name: [unclosed\n")
    with pytest.raises(SpecError, match=r"broken.yaml: is not valid YAML"):
        read_spec_file(broken)
    with pytest.raises(SpecError, match=r"missing.yaml: cannot be read"):
        read_spec_file(tmp_path / "missing.yaml")


def test_the_json_schema_describes_both_families_and_uncertain_numbers() -> None:
    schema = spec_json_schema()
    assert schema["$schema"].endswith("2020-12/schema")
    mapping = schema["discriminator"]["mapping"]
    assert set(mapping) == {
        "ballistic_missile",
        "space_launch_vehicle",
        "sounding_rocket",
        "cruise_missile",
        "uav",
    }
    stage = schema["$defs"]["Stage"]
    assert set(stage["required"]) == {"gross_mass_kg", "propellant_mass_kg", "burn_time_s", "diameter_m"}
    number, uncertain = stage["properties"]["gross_mass_kg"]["oneOf"]
    assert number == {"type": "number", "exclusiveMinimum": 0.0}
    assert uncertain["required"] == ["value"] and uncertain["additionalProperties"] is False
    assert uncertain["properties"]["uncertainty_pct"]["exclusiveMaximum"] == 100
    item = schema["$defs"]["MassItem"]["properties"]["role"]
    assert item["enum"] == ["payload", "flight_essential"]
    json.dumps(schema)
