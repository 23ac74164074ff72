"""The item description the classifier reads (YAML or JSON), and its published JSON Schema.

An item is described by what it is (``kind``, an id of the kinds vocabulary), what it measures
(``parameters``, each a number in the parameter's canonical unit, ``{value, unit}`` in any unit the units
library reads, or a word for a categorical parameter), what the user has already answered (``answers``), and,
for complete delivery systems, the payload/range points it can fly (``performance``).
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

from mtcr.annex.loader import Annex


class Quantity(BaseModel):
    """A measured value and its unit, e.g. ``{value: 2.1e5, unit: "lbf*s"}``."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    value: float
    unit: str = Field(
        description="Any unit the units library reads: 'N*s', 'lbf*s', 'km', 'nmi', 'psi', 'degF'."
    )


ParameterValue = bool | float | Quantity | str
"""A number in the parameter's canonical unit, a quantity, ``"9.5e5 N*s"``, or a word (categorical).

``bool`` is in the union only so that a yes/no given by mistake reaches the check that names the field."""

QuantityOrNumber = float | Quantity | str


class PerformancePoint(BaseModel):
    """One configuration the system can fly: this payload to this range (or, sounding rockets, this apogee).

    Numbers without a unit are kilograms (payload) and kilometres (range, apogee).
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    payload: QuantityOrNumber = Field(description="Payload mass (kg if a bare number).")
    range: QuantityOrNumber | None = Field(
        default=None, description="Maximum range with that payload (km if a bare number)."
    )
    apogee: QuantityOrNumber | None = Field(
        default=None,
        description="Apogee of a vertical shot with that payload (km if a bare number); range is estimated.",
    )
    source: str = Field(default="", description="Where the figure comes from (declared, demonstrated...).")

    @model_validator(mode="after")
    def _range_or_apogee(self) -> PerformancePoint:
        if (self.range is None) == (self.apogee is None):
            raise ValueError("give either range or apogee for each performance point")
        return self


class ItemDescription(BaseModel):
    """An item to classify against the Annex."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    kind: str = Field(description="Kind of item, an id of the kinds vocabulary (e.g. solid_rocket_motor).")
    name: str = Field(default="", description="A short name for the item.")
    description: str = ""
    parameters: dict[str, ParameterValue] = Field(
        default_factory=dict,
        description="Parameter id -> number (canonical unit), {value, unit}, 'number unit' or a word.",
    )
    cas_number: str | None = Field(default=None, pattern=r"^\d{2,7}-\d{2}-\d$")
    answers: dict[str, bool] = Field(
        default_factory=dict, description="Question id -> yes (true) or no (false)."
    )
    performance: list[PerformancePoint] = Field(
        default_factory=list, description="Payload/range points of a complete delivery system."
    )
    max_payload: QuantityOrNumber | None = Field(
        default=None, description="Structural payload limit (kg if a bare number); beyond it needs redesign."
    )
    designed_for: str = Field(default="", description="What the item is designed or modified for.")
    end_use: str = Field(default="", description="The stated end use.")
    design: dict[str, Any] | None = Field(
        default=None, description="Design data of a complete system, for the capability engine."
    )


def item_json_schema(annex: Annex | None = None) -> dict[str, Any]:
    """The JSON Schema of an item description; with an Annex, kinds, parameters and answers are enumerated."""
    schema = ItemDescription.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "MTCR item description"
    properties = schema["properties"]
    values = properties["parameters"]["additionalProperties"]["anyOf"]
    values[:] = [value for value in values if value.get("type") != "boolean"]
    if annex is None:
        return schema
    properties["kind"]["enum"] = sorted(annex.kinds)
    parameters: dict[str, Any] = {}
    for parameter in annex.parameters.values():
        if parameter.unit is None:
            spec: dict[str, Any] = {"type": "string"}
            if parameter.values:
                spec["enum"] = list(parameter.values)
        else:
            spec = {
                "anyOf": [
                    {"type": "number", "description": f"in {parameter.unit}"},
                    {"$ref": "#/$defs/Quantity"},
                    {"type": "string", "description": "a number and a unit, e.g. '9.5e5 N*s'"},
                ]
            }
        spec["title"] = parameter.name
        spec["description"] = " ".join(
            part
            for part in (parameter.description, f"canonical unit: {parameter.unit}" if parameter.unit else "")
            if part
        )
        parameters[parameter.id] = spec
    properties["parameters"] = {
        "type": "object",
        "description": properties["parameters"].get("description", ""),
        "properties": parameters,
        "additionalProperties": False,
    }
    answers = {
        question.id: {"type": "boolean", "description": question.text}
        for question in annex.questions.values()
    }
    properties["answers"] = {
        "type": "object",
        "description": properties["answers"].get("description", ""),
        "properties": answers,
        "additionalProperties": {"type": "boolean"},
    }
    return schema
