"""The body of ``POST /api/v1/annex/classify``: the classifier's item format, held strictly to the vocabulary
of an Annex edition so that the OpenAPI document says exactly what is accepted.

Beside an item file, the body is plain JSON: answers are JSON booleans; a parameter is a JSON number (in the
parameter's canonical unit, at most 1e15 in size), ``{value, unit}`` or a string such as ``"9.5e5 N*s"``, with
a unit among those listed for its quantity (the page's units, by symbol or by name: ``in`` or ``inch``);
payloads, ranges and apogees are numbers (kg, km) or ``{value, unit}``; the CAS number goes in
``cas_number``. Parameters measuring the same quantity share one schema (``patternProperties``), which keeps
the document short. :func:`check` runs after the classifier, so that what the classifier itself refuses is
refused in its words.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    TypeAdapter,
    ValidationError,
    create_model,
)

from mtcr.annex.classifier import ItemError
from mtcr.annex.classifier.resolve import answer_ids
from mtcr.annex.loader import Annex
from mtcr.annex.schema import Parameter
from mtcr.annex.units import unit
from mtcr.annex_web.classify_vocab import DISTANCE_UNIT, MASS_UNIT, unit_spellings

STRICT = ConfigDict(extra="forbid", strict=True, allow_inf_nan=False)
STRICT_VALUES = ConfigDict(strict=True, allow_inf_nan=False)
LIMIT = 1e15
NUMBER = r"[-+]?(?:[0-9]{1,15}(?:\.[0-9]{0,15})?|\.[0-9]{1,15})(?:[eE][-+]?[0-9]{1,2})?"
CAS_PATTERN = r"^[0-9]{2,7}-[0-9]{2}-[0-9]$"
ANGLES = ("deg", "arcsecond", "mrad")
Number = Annotated[float, Field(ge=-LIMIT, le=LIMIT)]
Text = Annotated[str, Field(max_length=2000)]
DESCRIPTION = (
    "The item to classify, in the format of item files (its JSON Schema: GET /api/v1/annex/classify/schema, "
    "which describes every kind, parameter and question). A parameter is a number in its canonical unit, "
    "{value, unit} or 'value unit'; parameters measuring the same quantity share one schema below."
)


def _enum(values: tuple[str, ...] | list[str]) -> Any:
    return Literal[tuple(values)]  # type: ignore[valid-type]


def _quantity_key(parameter: Parameter) -> str:
    """Parameters measuring the same quantity share a schema: by dimension, or by unit when there is none
    (a percentage is not an angle, and decibels convert to nothing else)."""
    assert parameter.unit is not None
    dimension = unit(parameter.unit).dimensionality
    if dimension:
        return str(dimension)
    return "angle" if parameter.unit in ANGLES else parameter.unit


def _quantity(units: tuple[str, ...], strings: bool) -> Any:
    """A number, ``{value, unit}`` with one of ``units`` and, with ``strings``, ``"value unit"``."""
    model = create_model(
        "Quantity", __config__=STRICT, value=(Number, ...), unit=(_enum(units), Field(description="A unit."))
    )
    if not strings:
        return Number | model
    alternatives = "|".join(re.escape(u) for u in sorted(units, key=len, reverse=True))
    return Number | model | Annotated[str, StringConstraints(pattern=rf"^{NUMBER}(?: ?(?:{alternatives}))?$")]


class _Body:
    """The models of one edition's body: the item's structure, and one value type per group of parameters."""

    def __init__(self, annex: Annex) -> None:
        self.annex = annex
        groups: dict[str, list[Parameter]] = {}
        for parameter in annex.parameters.values():
            if parameter.unit is not None:
                groups.setdefault(_quantity_key(parameter), []).append(parameter)
            elif parameter.values:
                groups.setdefault(parameter.id, []).append(parameter)
        self.values: dict[str, TypeAdapter] = {}
        self.patterns: dict[str, Any] = {}
        for members in groups.values():
            adapter = TypeAdapter(self._value_type(members), config=STRICT_VALUES)
            self.values.update({p.id: adapter for p in members})
            names = "|".join(p.id for p in members)
            schema = adapter.json_schema()
            schema["description"] = "; ".join(
                f"{p.id}: {p.name}" + (f" (bare numbers in {p.unit})" if p.unit else "") for p in members
            )
            self.patterns[f"^(?:{names})$"] = _inline(schema, schema.get("$defs", {}))
        self.item = self._item()

    @staticmethod
    def _value_type(members: list[Parameter]) -> Any:
        if members[0].unit is None:
            return _enum(members[0].values)
        spellings = [unit_spellings(p.unit) for p in members if p.unit]
        return _quantity(tuple(dict.fromkeys(u for group in spellings for u in group)), strings=True)

    def _point(self, measure: str, description: str) -> type[BaseModel]:
        return create_model(
            f"{measure.capitalize()}Point",
            __config__=STRICT,
            payload=(self.mass, Field(description="Payload mass (kg if a bare number).")),
            **{measure: (_quantity(unit_spellings(DISTANCE_UNIT), False), Field(description=description))},
            source=(Annotated[str, Field(max_length=200)], ""),
        )

    def _item(self) -> type[BaseModel]:
        annex = self.annex
        self.mass = _quantity(unit_spellings(MASS_UNIT), False)
        ranged = self._point("range", "Maximum range with that payload (km if a bare number).")
        apogee = self._point("apogee", "Apogee of a vertical flight with that payload (km if a bare number).")
        known = _enum(sorted(self.values))
        return create_model(
            "ItemDescription",
            __config__=STRICT,
            kind=(
                _enum(sorted(annex.kinds)),
                Field(description="Kind of item, an id of the kinds vocabulary."),
            ),
            name=(Annotated[str, Field(max_length=200)], ""),
            description=(Text, ""),
            parameters=(dict[known, Any], Field(None, description="Parameter id -> value.")),  # type: ignore[valid-type]
            cas_number=(Annotated[str, StringConstraints(pattern=CAS_PATTERN)], None),
            answers=(
                dict[_enum(sorted(answer_ids(annex))), bool],  # type: ignore[misc]
                Field(None, description="Question id -> yes (true) or no (false)."),
            ),
            performance=(list[ranged | apogee], Field(None, max_length=20)),
            max_payload=(
                self.mass,
                Field(None, description="Structural payload limit (kg if a bare number)."),
            ),
            designed_for=(Text, Field("", description="What the item is designed or modified for.")),
            end_use=(Text, Field("", description="The stated end use.")),
            design=(dict[str, Any], Field(None, description="Design data of a complete system.")),
        )

    def json_schema(self) -> dict[str, Any]:
        schema = self.item.model_json_schema()
        inlined = _inline(schema, schema.get("$defs", {}))
        parameters = inlined["properties"]["parameters"]
        for key in ("additionalProperties", "propertyNames"):
            parameters.pop(key, None)
        parameters.update({"patternProperties": self.patterns, "additionalProperties": False})
        inlined.update(title="Item description", description=DESCRIPTION)
        return inlined


_BODIES: dict[int, _Body] = {}


def _body(annex: Annex) -> _Body:
    known = _BODIES.get(id(annex))
    if known is None or known.annex is not annex:
        if len(_BODIES) >= 8:
            _BODIES.clear()
        known = _BODIES[id(annex)] = _Body(annex)
    return known


def _inline(node: Any, definitions: dict[str, Any]) -> Any:
    """``node`` with every ``$ref`` to ``$defs`` replaced by the definition (the body has no recursion)."""
    if isinstance(node, dict):
        ref = node.get("$ref", "")
        if ref.startswith("#/$defs/"):
            return _inline(definitions[ref.removeprefix("#/$defs/")], definitions)
        return {key: _inline(value, definitions) for key, value in node.items() if key != "$defs"}
    if isinstance(node, list):
        return [_inline(value, definitions) for value in node]
    return node


def json_schema(annex: Annex) -> dict[str, Any]:
    """The body's JSON Schema, self-contained (for the OpenAPI document)."""
    return _body(annex).json_schema()


def _field(error: Any, data: Any, prefix: tuple[str, ...] = ()) -> str:
    """The path of ``error`` in the user's data: the names pydantic gives union members are left out."""
    path, node = list(prefix), data
    location = error["loc"]
    for position, part in enumerate(location):
        inside = isinstance(node, list) and isinstance(part, int) and part < len(node)
        if inside or (isinstance(node, dict) and part in node):
            node = node[part]
        elif not (error["type"] == "missing" and position == len(location) - 1):
            continue
        path.append(str(part))
    return ".".join(path) or "item"


def _furthest(exc: ValidationError, data: Any, prefix: tuple[str, ...] = ()) -> ItemError:
    """The error whose path goes furthest into the data (among the members of a union, the closest)."""
    fields = [(_field(error, data, prefix), error["msg"]) for error in exc.errors()]
    where, message = max(fields, key=lambda pair: pair[0].count("."))
    return ItemError(where, message[0].lower() + message[1:])


def check(data: Any, annex: Annex) -> None:
    """Raise ``ItemError`` naming the field when ``data`` does not keep to the body schema of ``annex``."""
    body = _body(annex)
    try:
        body.item.model_validate(data)
    except ValidationError as exc:
        raise _furthest(exc, data) from None
    for parameter_id, value in (data.get("parameters") or {}).items():
        try:
            body.values[parameter_id].validate_python(value)
        except ValidationError as exc:
            raise _furthest(exc, value, ("parameters", parameter_id)) from None
