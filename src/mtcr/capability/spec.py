"""The capability input: a rocket or air-breathing system described by its design, in YAML or JSON.

A system has a ``name``, a ``type`` and its payload (``payload_kg``, or ``mass_items`` tagged ``payload`` or
``flight_essential`` and summed, capability-physics.md §1.3), with optional ``min_payload_kg`` and
``max_payload_kg`` (the structural limit, §1.4). Rockets give their ``stages`` from first to last (or, for a
sounding rocket known only by its flights, ``apogee_km`` with the payload flown); air-breathing vehicles give
their masses, engine and aerodynamics (§5.5). Any number may carry an uncertainty, e.g.
``isp_s: {value: 230, uncertainty_pct: 2}``.

Errors name the field path (list items counted from 0) and what is wrong, e.g.
``stages.0.propellant_mass_kg: must be less than gross_mass_kg (3,699 ≥ 3,000)``.
"""

from __future__ import annotations

import difflib
import json
import math
from collections.abc import Iterable, Mapping
from itertools import pairwise
from pathlib import Path
from typing import Annotated, Any, Literal, get_args

import yaml
from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    StrictFloat,
    Tag,
    TypeAdapter,
    ValidationError,
    WithJsonSchema,
)
from pydantic_core import PydanticCustomError

ROCKET_TYPES = ("ballistic_missile", "space_launch_vehicle", "sounding_rocket")
AIR_TYPES = ("cruise_missile", "uav")
SYSTEM_TYPES = ROCKET_TYPES + AIR_TYPES
JET_ENGINES = ("turbojet", "turbofan")
PROPELLER_ENGINES = ("turboprop", "piston")
MAX_STAGES = 4


class SpecError(ValueError):
    """The capability input cannot be assessed; ``str()`` reads ``field.path: what is wrong``."""

    def __init__(self, field: str, message: str) -> None:
        self.field, self.message = field, message
        super().__init__(f"{field}: {message}")


def number_text(value: float) -> str:
    """A number as people read it: ``3,699``, ``12.5``, ``0.84``."""
    if value != value:  # NaN
        return "n/a"
    if abs(value) >= 100 or value == int(value):
        return f"{value:,.0f}"
    return f"{value:,.3g}" if abs(value) < 1 else f"{value:,.1f}"


def suggest(word: str, choices: Iterable[str]) -> str:
    """`` (did you mean a, b?)`` for the nearest known names, or an empty string."""
    close = difflib.get_close_matches(word, list(choices), n=3, cutoff=0.6)
    return f" (did you mean {', '.join(close)}?)" if close else ""


class Uncertain(BaseModel):
    """A number with a relative uncertainty: the interval ``value * (1 ± uncertainty_pct / 100)``."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    value: StrictFloat
    uncertainty_pct: StrictFloat = Field(default=0.0, ge=0.0, lt=100.0)


def _number_tag(data: Any) -> str | None:
    if isinstance(data, bool):
        return None
    if isinstance(data, int | float):
        return "number"
    if isinstance(data, Mapping | Uncertain):
        return "uncertain"
    return None


def value_of(number: float | Uncertain) -> float:
    """The nominal value of a plain or uncertain number."""
    return number.value if isinstance(number, Uncertain) else float(number)


def _bounded(minimum: float, *, inclusive: bool, maximum: float | None = None) -> Any:
    """A plain or uncertain number whose nominal value lies in the bounds, with a precise JSON Schema."""

    def check(number: float | Uncertain) -> float | Uncertain:
        got = value_of(number)
        if not math.isfinite(got):
            raise PydanticCustomError("bound", "must be a finite number")
        if got < minimum or (got == minimum and not inclusive):
            word = "at least" if inclusive else "greater than"
            raise PydanticCustomError(
                "bound", f"must be {word} {number_text(minimum)} (got {number_text(got)})"
            )
        if maximum is not None and got > maximum:
            raise PydanticCustomError(
                "bound", f"must be at most {number_text(maximum)} (got {number_text(got)})"
            )
        return number

    low = {"minimum": minimum} if inclusive else {"exclusiveMinimum": minimum}
    high = {} if maximum is None else {"maximum": maximum}
    uncertain = {
        "type": "object",
        "properties": {
            "value": {"type": "number", **low, **high},
            "uncertainty_pct": {
                "type": "number",
                "minimum": 0,
                "exclusiveMaximum": 100,
                "description": "Half-width of the interval, in per cent of the value.",
            },
        },
        "required": ["value"],
        "additionalProperties": False,
    }
    return Annotated[
        Annotated[StrictFloat, Tag("number")] | Annotated[Uncertain, Tag("uncertain")],
        Discriminator(
            _number_tag,
            custom_error_type="number",
            custom_error_message="must be a number or {value, uncertainty_pct}",
        ),
        AfterValidator(check),
        WithJsonSchema({"oneOf": [{"type": "number", **low, **high}, uncertain]}),
    ]


Positive = _bounded(0.0, inclusive=False)
NonNegative = _bounded(0.0, inclusive=True)
Efficiency = _bounded(0.0, inclusive=False, maximum=1.0)
Number = float | Uncertain


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class MassItem(_Strict):
    """One mass item of the payload accounting (capability-physics.md §1.3)."""

    name: str = Field(min_length=1)
    mass_kg: NonNegative
    role: Literal["payload", "flight_essential"] = Field(
        description="payload: counts as payload under the Annex definition for the system type; "
        "flight_essential: needed to keep the vehicle flying, carried as part of the vehicle, never payload."
    )


class DragPoint(_Strict):
    """A point of a drag-coefficient table against Mach number."""

    mach: NonNegative
    cd: NonNegative


class Stage(_Strict):
    """One rocket stage alone: structure plus propellant, without upper stages or payload."""

    gross_mass_kg: Positive
    propellant_mass_kg: Positive
    isp_s: Positive | None = Field(
        default=None, description="Specific impulse (one value for the whole flight)."
    )
    isp_vac_s: Positive | None = Field(
        default=None, description="Vacuum specific impulse; needs nozzle_exit_area_m2 (back-pressure loss)."
    )
    nozzle_exit_area_m2: Positive | None = None
    burn_time_s: Positive
    diameter_m: Positive
    coast_after_s: NonNegative = 0.0
    drag_table: list[DragPoint] | None = Field(
        default=None, description="Drag coefficient against Mach; default: the engine's table."
    )


class Reentry(_Strict):
    """The re-entry body: whether it separates from the last stage, and its ballistic coefficient."""

    separates: bool
    ballistic_coefficient_kg_m2: Positive


class Engine(_Strict):
    """An air-breathing engine: jets give a thrust-specific, propeller engines a brake-specific fuel use."""

    kind: Literal["turbojet", "turbofan", "turboprop", "piston"]
    tsfc_kg_per_n_h: Positive | None = None
    bsfc_kg_per_kw_h: Positive | None = None
    propeller_efficiency: Efficiency = 0.8


class Aerodynamics(_Strict):
    """Either the best lift-to-drag ratio, or the drag polar ``cd0 + k CL²`` with the wing area."""

    lift_to_drag_max: Positive | None = None
    cd0: Positive | None = None
    k: Positive | None = None
    wing_area_m2: Positive | None = None


class Booster(_Strict):
    """A surface-launched cruise missile's booster: the state at its burnout."""

    burnout_altitude_m: NonNegative
    burnout_speed_m_s: Positive
    ground_distance_km: NonNegative = 0.0


class Launch(_Strict):
    """Release conditions of an air-launched vehicle."""

    altitude_m: NonNegative
    speed_m_s: Positive


class _System(_Strict):
    name: str = Field(min_length=1)
    description: str = ""
    payload_kg: NonNegative | None = Field(
        default=None, description="Declared (nominal) payload; optional when mass_items list the payload."
    )
    min_payload_kg: NonNegative | None = Field(
        default=None, description="Lightest flyable payload (default 0): the Category II test flies it."
    )
    max_payload_kg: Positive | None = Field(
        default=None, description="Structural payload limit; beyond it needs a redesign (§1.4)."
    )
    mass_items: list[MassItem] = Field(default_factory=list)


class RocketSpec(_System):
    """A ballistic missile, space launch vehicle or sounding rocket."""

    type: Literal["ballistic_missile", "space_launch_vehicle", "sounding_rocket"]
    stages: list[Stage] | None = Field(
        default=None, min_length=1, max_length=MAX_STAGES, description="From first to last (1 to 4)."
    )
    reentry: Reentry | None = None
    apogee_km: Positive | None = Field(
        default=None,
        description="Sounding rockets known only by their flights: apogee flown with payload_kg.",
    )
    launch_latitude_deg: float | None = Field(
        default=None,
        ge=-90.0,
        le=90.0,
        description=(
            "Also report the ranges fired due east and due west on a rotating Earth from this latitude; "
            "the verdict stays on a non-rotating Earth."
        ),
    )


class AirSpec(_System):
    """A cruise missile or other UAV."""

    type: Literal["cruise_missile", "uav"]
    empty_mass_kg: Positive
    max_takeoff_mass_kg: Positive
    fuel_capacity_kg: Positive
    engine: Engine
    aerodynamics: Aerodynamics
    ceiling_m: Positive | None = None
    max_mach: Positive | None = None
    cruise_speed_m_s: Positive | None = None
    booster: Booster | None = None
    launch: Launch | None = None


Spec = RocketSpec | AirSpec
_SPEC_ADAPTER: TypeAdapter[Spec] = TypeAdapter(Annotated[Spec, Field(discriminator="type")])


def spec_json_schema() -> dict[str, Any]:
    """The JSON Schema of the capability input (draft 2020-12)."""
    schema = _SPEC_ADAPTER.json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "MTCR capability input"
    schema["description"] = (
        "A rocket or air-breathing system described by its design; any number may be "
        "{value, uncertainty_pct}. See docs/capability.md."
    )
    return schema


def parse_spec(data: Any) -> Spec:
    """A validated :class:`RocketSpec` or :class:`AirSpec`; ``SpecError`` names the first field at fault."""
    if isinstance(data, RocketSpec | AirSpec):
        return data
    if not isinstance(data, Mapping):
        raise SpecError("spec", "give a mapping with at least 'name' and 'type'")
    kind = data.get("type")
    if kind is None:
        raise SpecError("type", f"is required: one of {', '.join(SYSTEM_TYPES)}")
    if kind not in SYSTEM_TYPES:
        raise SpecError(
            "type",
            f"{kind!r} is not a system type; use one of {', '.join(SYSTEM_TYPES)}"
            + suggest(str(kind), SYSTEM_TYPES),
        )
    model = RocketSpec if kind in ROCKET_TYPES else AirSpec
    try:
        spec = model.model_validate(dict(data))
    except ValidationError as exc:
        raise _spec_error(exc, model) from None
    _check(spec)
    return spec


def _spec_error(exc: ValidationError, model: type[BaseModel]) -> SpecError:
    error = exc.errors()[0]
    loc = [part for part in error["loc"] if part not in ("number", "uncertain")]
    where = ".".join(str(part) for part in loc) or "spec"
    kind = error["type"]
    if kind == "missing":
        return SpecError(where, "is required")
    if kind == "extra_forbidden":
        known = _known_fields(model, loc[:-1])
        return SpecError(where, "is not a known field" + suggest(str(loc[-1]), known))
    if kind in ("too_short", "too_long"):
        ctx = error.get("ctx", {})
        bound = ctx.get("min_length") if kind == "too_short" else ctx.get("max_length")
        word = "at least" if kind == "too_short" else "at most"
        return SpecError(where, f"must list {word} {bound} (got {ctx.get('actual_length')})")
    message = error["msg"]
    return SpecError(where, message[:1].lower() + message[1:])


def _known_fields(model: type[BaseModel], loc: list[Any]) -> list[str]:
    """The field names allowed at ``loc`` (for the did-you-mean of an unknown field)."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        field = current.model_fields.get(str(part)) if isinstance(current, type) else None
        if field is None:
            return []
        current = _model_in(field.annotation)
    return list(current.model_fields) if isinstance(current, type) and issubclass(current, BaseModel) else []


def _model_in(annotation: Any) -> Any:
    """The pydantic model inside an annotation such as ``list[Stage] | None``, if any."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for argument in get_args(annotation):
        found = _model_in(argument)
        if found is not None:
            return found
    return None


def _fail(field: str, message: str) -> None:
    raise SpecError(field, message)


def _check(spec: Spec) -> None:
    """The rules between fields, each naming the field at fault."""
    _check_payloads(spec)
    if isinstance(spec, RocketSpec):
        _check_rocket(spec)
    else:
        _check_air(spec)


def _check_payloads(spec: Spec) -> None:
    has_items = any(item.role == "payload" for item in spec.mass_items)
    if spec.payload_kg is None and not has_items:
        _fail("payload_kg", "is required (or list mass_items with role payload)")
    payload = payload_kg(spec)
    low = None if spec.min_payload_kg is None else value_of(spec.min_payload_kg)
    high = None if spec.max_payload_kg is None else value_of(spec.max_payload_kg)
    if low is not None and low > payload:
        _fail("min_payload_kg", f"must not exceed the payload ({number_text(low)} > {number_text(payload)})")
    if high is not None and payload > high:
        _fail(
            "max_payload_kg",
            f"must not be less than the payload ({number_text(high)} < {number_text(payload)})",
        )


def _check_rocket(spec: RocketSpec) -> None:
    if spec.apogee_km is not None and spec.type != "sounding_rocket":
        _fail(
            "apogee_km",
            f"only a sounding rocket is described by its apogee; give the stages of a {spec.type}",
        )
    if spec.stages is None:
        if spec.apogee_km is None:
            _fail("stages", "are required (or, for a sounding rocket known only by its flights, apogee_km)")
        if spec.reentry is not None:
            _fail("reentry", "needs the stages")
        return
    for index, stage in enumerate(spec.stages):
        where = f"stages.{index}"
        gross, propellant = value_of(stage.gross_mass_kg), value_of(stage.propellant_mass_kg)
        if propellant >= gross:
            _fail(
                f"{where}.propellant_mass_kg",
                f"must be less than gross_mass_kg ({number_text(propellant)} ≥ {number_text(gross)})",
            )
        if (stage.isp_s is None) == (stage.isp_vac_s is None):
            _fail(f"{where}.isp_s", "give isp_s, or isp_vac_s with nozzle_exit_area_m2 (one of the two)")
        if stage.isp_vac_s is not None and stage.nozzle_exit_area_m2 is None:
            _fail(f"{where}.nozzle_exit_area_m2", "is required with isp_vac_s")
        if stage.isp_s is not None and stage.nozzle_exit_area_m2 is not None:
            _fail(
                f"{where}.nozzle_exit_area_m2",
                "goes with isp_vac_s (thrust corrected for ambient pressure); isp_s is used as given",
            )
        if stage.drag_table is not None:
            machs = [value_of(point.mach) for point in stage.drag_table]
            for position, (before, after) in enumerate(pairwise(machs), start=1):
                if after <= before:
                    _fail(
                        f"{where}.drag_table.{position}.mach",
                        f"must be greater than the previous point's "
                        f"({number_text(after)} ≤ {number_text(before)})",
                    )


def _check_air(spec: AirSpec) -> None:
    empty, mtow = value_of(spec.empty_mass_kg), value_of(spec.max_takeoff_mass_kg)
    if mtow <= empty:
        _fail(
            "max_takeoff_mass_kg",
            f"must be greater than empty_mass_kg ({number_text(mtow)} ≤ {number_text(empty)})",
        )
    essential = flight_essential_kg(spec)
    low = 0.0 if spec.min_payload_kg is None else value_of(spec.min_payload_kg)
    if empty + essential + low >= mtow:
        _fail(
            "max_takeoff_mass_kg",
            f"leaves no fuel: empty mass, flight-essential items and the minimum payload weigh "
            f"{number_text(empty + essential + low)} kg, at least the {number_text(mtow)} kg allowed",
        )
    engine = spec.engine
    if engine.kind in JET_ENGINES:
        if engine.tsfc_kg_per_n_h is None:
            _fail("engine.tsfc_kg_per_n_h", f"is required for a {engine.kind} engine")
        if engine.bsfc_kg_per_kw_h is not None:
            _fail("engine.bsfc_kg_per_kw_h", f"applies to propeller engines, not to a {engine.kind}")
    else:
        if engine.bsfc_kg_per_kw_h is None:
            _fail("engine.bsfc_kg_per_kw_h", f"is required for a {engine.kind} engine")
        if engine.tsfc_kg_per_n_h is not None:
            _fail("engine.tsfc_kg_per_n_h", f"applies to jet engines, not to a {engine.kind}")
    aero = spec.aerodynamics
    if aero.lift_to_drag_max is None and (aero.cd0 is None or aero.k is None):
        missing = "cd0" if aero.cd0 is None else "k"
        _fail(
            f"aerodynamics.{missing}",
            "is required: give lift_to_drag_max, or cd0 and k (with wing_area_m2 to optimise the speed)",
        )
    full_polar = aero.cd0 is not None and aero.k is not None and aero.wing_area_m2 is not None
    if not full_polar and spec.cruise_speed_m_s is None and spec.max_mach is None:
        _fail(
            "cruise_speed_m_s",
            "is required without a drag polar and wing area (cd0, k, wing_area_m2), or give max_mach",
        )


def payload_kg(spec: Spec) -> float:
    """The MTCR payload (nominal): the sum of the mass items tagged payload, or the declared payload_kg."""
    items = [value_of(item.mass_kg) for item in spec.mass_items if item.role == "payload"]
    if items:
        return float(sum(items))
    return value_of(spec.payload_kg) if spec.payload_kg is not None else 0.0


def flight_essential_kg(spec: Spec) -> float:
    """The mass of the items tagged flight_essential: carried as part of the vehicle, never payload."""
    return float(sum(value_of(item.mass_kg) for item in spec.mass_items if item.role == "flight_essential"))


def read_spec_file(path: Path) -> Spec:
    """Read and validate ``path`` (``.json``, or YAML otherwise)."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise SpecError(path.name, f"cannot be read: {exc.strerror or exc}") from None
    is_json = path.suffix.lower() == ".json"
    try:
        data = json.loads(text) if is_json else yaml.safe_load(text)
    except (json.JSONDecodeError, yaml.YAMLError) as exc:
        raise SpecError(path.name, f"is not valid {'JSON' if is_json else 'YAML'}: {exc}") from None
    return parse_spec(data)
