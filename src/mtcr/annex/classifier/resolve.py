"""Check an item description against the Annex vocabulary and put it in the form the evaluator reads.

Every fault names its field and what is allowed: an unknown kind, parameter or question id (with the nearest
known ids), an unknown unit, a unit that measures something else, a word for a numeric parameter or a value
outside a categorical parameter's list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from mtcr.annex.classifier.conversion import Conversion, conversion
from mtcr.annex.classifier.errors import ItemError, suggest
from mtcr.annex.classifier.item import ItemDescription, Quantity, QuantityOrNumber
from mtcr.annex.classifier.notes import MINIMUM_SOFTWARE_QUESTION
from mtcr.annex.classifier.points import Point, range_from_apogee_km
from mtcr.annex.classifier.reasons import quantity_text
from mtcr.annex.loader import Annex
from mtcr.annex.schema import RULES, Parameter
from mtcr.annex.units import compatible, unit

NUMBER_AND_UNIT = re.compile(r"^\s*([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)\s*(.*?)\s*$")
KIND_QUESTION_PREFIX = "is_"
CAS_PARAMETER = "cas_number"


@dataclass
class ResolvedItem:
    """An item checked against the vocabulary: numeric values keep the unit the user gave."""

    description: ItemDescription
    kind: str
    lineage: tuple[str, ...]
    numeric: dict[str, tuple[float, str]]
    categorical: dict[str, str]
    answers: dict[str, bool]
    points: tuple[Point, ...]
    max_payload_kg: float | None
    cas_number: str | None
    converted: dict[tuple[str, str], tuple[float, Conversion]] = field(default_factory=dict)
    rule_cache: dict[str, object] = field(default_factory=dict)

    def value_in(self, parameter: str, target_unit: str) -> tuple[float, Conversion] | None:
        """The item's value of ``parameter`` in ``target_unit`` and the conversion used (cached)."""
        key = (parameter, target_unit)
        known = self.converted.get(key)
        if known is not None:
            return known
        given = self.numeric.get(parameter)
        if given is None:
            return None
        convert = conversion(given[1], target_unit)
        result = (convert(given[0]), convert)
        self.converted[key] = result
        return result


def _quantity(raw: QuantityOrNumber, default_unit: str, where: str, what: str) -> tuple[float, str]:
    """A number (``default_unit``), ``{value, unit}`` or ``"value unit"`` as (value, unit), checked."""
    if isinstance(raw, Quantity):
        value, given_unit = raw.value, raw.unit.strip()
        unit_field = f"{where}.unit"
    elif isinstance(raw, str):
        match = NUMBER_AND_UNIT.match(raw)
        if match is None:
            raise ItemError(
                where, f"{raw!r} is not a number; give {what} as a number ({default_unit}) or {{value, unit}}"
            )
        value, given_unit = float(match.group(1)), match.group(2) or default_unit
        unit_field = where
    else:
        value, given_unit = float(raw), default_unit
        unit_field = where
    try:
        unit(given_unit)
    except ValueError:
        raise ItemError(
            unit_field,
            f"{given_unit!r} is not a unit we know; give {what} in a unit such as {default_unit!r}",
        ) from None
    if not compatible(given_unit, default_unit):
        raise ItemError(
            unit_field,
            f"{given_unit!r} does not measure {what}; use a unit of {unit(default_unit).dimensionality} "
            f"such as {default_unit!r}",
        )
    try:
        conversion(given_unit, default_unit)
    except ValueError as exc:
        raise ItemError(unit_field, f"{exc}; give {what} in {default_unit!r}") from None
    if value != value or value in (float("inf"), float("-inf")):
        raise ItemError(where, "give a finite number")
    return value, given_unit


def _parameter(parameter: Parameter, raw: object, where: str) -> tuple[str, object]:
    if isinstance(raw, bool):
        expected = "a word" if parameter.unit is None else f"a number ({parameter.unit}) or {{value, unit}}"
        raise ItemError(where, f"give {parameter.name} as {expected}, not yes/no")
    if parameter.unit is None:
        if not isinstance(raw, str):
            allowed = ", ".join(parameter.values) or "a word"
            raise ItemError(where, f"{parameter.name} is categorical; give one of: {allowed}")
        if parameter.values and raw not in parameter.values:
            raise ItemError(
                where,
                f"{raw!r} is not a value of {parameter.name}{suggest(raw, parameter.values)}; "
                f"allowed: {', '.join(parameter.values)}",
            )
        return "categorical", raw
    return "numeric", _quantity(raw, parameter.unit, where, parameter.name)  # type: ignore[arg-type]


_ANSWER_IDS: dict[int, tuple[Annex, frozenset[str]]] = {}


def answer_ids(annex: Annex) -> frozenset[str]:
    """Every id an answer may use: questions, range/payload rules, ``is_<kind>``, the GMSN question."""
    known = _ANSWER_IDS.get(id(annex))
    if known is not None and known[0] is annex:
        return known[1]
    kinds = {KIND_QUESTION_PREFIX + kind for kind in annex.kinds}
    ids = frozenset(set(annex.questions) | set(RULES) | kinds | {MINIMUM_SOFTWARE_QUESTION})
    if len(_ANSWER_IDS) >= 8:
        _ANSWER_IDS.clear()
    _ANSWER_IDS[id(annex)] = (annex, ids)
    return ids


def _points(item: ItemDescription) -> tuple[Point, ...]:
    points = []
    for index, raw in enumerate(item.performance):
        where = f"performance.{index}"
        payload_kg, payload_unit = _quantity(raw.payload, "kg", f"{where}.payload", "payload mass")
        payload_kg = conversion(payload_unit, "kg")(payload_kg)
        if raw.range is not None:
            value, given = _quantity(raw.range, "km", f"{where}.range", "range")
            points.append(
                Point(
                    payload_kg,
                    conversion(given, "km")(value),
                    None,
                    raw.source,
                    _shown(raw.payload, "kg"),
                    _shown(raw.range, "km"),
                )
            )
        else:
            value, given = _quantity(raw.apogee, "km", f"{where}.apogee", "apogee")  # type: ignore[arg-type]
            apogee_km = conversion(given, "km")(value)
            points.append(
                Point(
                    payload_kg,
                    range_from_apogee_km(apogee_km),
                    apogee_km,
                    raw.source,
                    _shown(raw.payload, "kg"),
                    _shown(raw.apogee, "km"),
                )  # type: ignore[arg-type]
            )
    return tuple(points)


def _parameter_point(payload: tuple[float, str], range_: tuple[float, str]) -> tuple[Point, ...]:
    """``parameters: {payload, range}`` without ``performance``: one declared point."""
    return (
        Point(
            conversion(payload[1], "kg")(payload[0]),
            conversion(range_[1], "km")(range_[0]),
            None,
            "parameters",
            quantity_text(*payload),
            quantity_text(*range_),
        ),
    )


def _shown(raw: QuantityOrNumber, default_unit: str) -> str:
    if isinstance(raw, Quantity):
        return quantity_text(raw.value, raw.unit)
    if isinstance(raw, str):
        return raw.strip()
    return quantity_text(float(raw), default_unit)


def resolve_item(item: ItemDescription, annex: Annex, answers: dict[str, bool] | None = None) -> ResolvedItem:
    """Check ``item`` against ``annex``; extra ``answers`` override the item's own."""
    if item.kind not in annex.kinds:
        raise ItemError(
            "kind",
            f"{item.kind!r} is not a kind of item{suggest(item.kind, annex.kinds)}; "
            "`mtcr classify --schema` lists the kinds",
        )
    numeric: dict[str, tuple[float, str]] = {}
    categorical: dict[str, str] = {}
    for parameter_id, raw in item.parameters.items():
        where = f"parameters.{parameter_id}"
        parameter = annex.parameters.get(parameter_id)
        if parameter is None:
            raise ItemError(
                where,
                f"{parameter_id!r} is not a parameter of the Annex{suggest(parameter_id, annex.parameters)}; "
                "`mtcr classify --schema` lists them",
            )
        sort, value = _parameter(parameter, raw, where)
        if sort == "numeric":
            numeric[parameter_id] = value  # type: ignore[assignment]
        else:
            categorical[parameter_id] = value  # type: ignore[assignment]
    if item.cas_number is not None and CAS_PARAMETER in annex.parameters:
        given = categorical.setdefault(CAS_PARAMETER, item.cas_number)
        if given != item.cas_number:
            raise ItemError("cas_number", f"differs from parameters.{CAS_PARAMETER} ({given}); give it once")
    merged = {**item.answers, **(answers or {})}
    allowed = answer_ids(annex) if merged else frozenset()
    for question_id in merged:
        if question_id not in allowed:
            raise ItemError(
                f"answers.{question_id}",
                f"{question_id!r} is not a question of the Annex{suggest(question_id, allowed)}",
            )
    points = _points(item)
    if not points and {"payload", "range"} <= numeric.keys():
        points = _parameter_point(numeric["payload"], numeric["range"])
    max_payload_kg = None
    if item.max_payload is not None:
        value, given = _quantity(item.max_payload, "kg", "max_payload", "payload mass")
        max_payload_kg = conversion(given, "kg")(value)
    return ResolvedItem(
        description=item,
        kind=item.kind,
        lineage=tuple(annex.kind_lineage(item.kind)),
        numeric=numeric,
        categorical=categorical,
        answers=merged,
        points=points,
        max_payload_kg=max_payload_kg,
        cas_number=item.cas_number,
    )
