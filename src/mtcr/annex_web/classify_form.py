"""The classification page's form as data: submitted fields become the classifier's item mapping, and an item
mapping becomes fields again.

Field names follow the item's own paths, so that the field an ``ItemError`` names finds its input:

- ``kind``, ``name``, ``designed_for``, ``end_use``;
- ``parameters.<id>.value`` and ``parameters.<id>.unit`` (a measured parameter), ``parameters.<id>`` (a word,
  or the CAS number, which goes to the item's ``cas_number``);
- ``performance.<row>.payload.value|unit``, ``performance.<row>.distance.value|unit`` and
  ``performance.<row>.measure`` (``range`` or ``apogee``); ``max_payload.value|unit``;
- ``answers.<question id>``: ``yes`` or ``no``; ``forget`` names an answer to take back.

Blank fields are left out of the item. A number that cannot be read is an error named like the classifier's.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from mtcr.annex.classifier import ItemError
from mtcr.annex.loader import Annex
from mtcr.annex_web.classify_vocab import DISTANCE_UNIT, MASS_UNIT

YES, NO = "yes", "no"
MEASURES = ("range", "apogee")
MAX_POINTS = 10
CAS = "cas_number"
TEXT_FIELDS = ("name", "designed_for", "end_use")
NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
GROUPED = re.compile(r"[-+]?\d{1,3}(?:,\d{3})+(?:\.\d*)?(?:[eE][-+]?\d+)?")
NUMBER_AND_UNIT = re.compile(r"^\s*([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)\s*(.*?)\s*$")
NUMBER_HINT = "such as 950000, 950,000 or 9.5e5"
CAS_NUMBER = re.compile(r"\d{2,7}-\d{2}-\d")
CAS_HINT = "enter the CAS registry number as digits-digits-digit, such as 302-01-2"


def parse_number(text: str) -> float | None:
    """``"9.5e5"``, ``"950 000"`` or ``"950,000"`` as a float; ``None`` when it is not a finite number."""
    compact = re.sub(r"[\s_\u00a0\u2009\u202f]", "", text)
    if GROUPED.fullmatch(compact):
        compact = compact.replace(",", "")
    if not NUMBER.fullmatch(compact):
        return None
    value = float(compact)
    return value if math.isfinite(value) else None


def in_sentence(name: str) -> str:
    """A name in running text: ``Total impulse capacity`` -> ``total impulse capacity`` (acronyms kept)."""
    return name[0].lower() + name[1:] if len(name) > 1 and name[1].islower() else name


def number_text(value: float) -> str:
    """A number as typed back into a field, exactly: ``950000``, ``1102.3113109243878``, ``1e+20``."""
    text = repr(float(value))
    return text[:-2] if text.endswith(".0") else text


@dataclass
class Submission:
    """The item read from a form, the errors met reading it, and the form row of each performance point."""

    item: dict[str, Any]
    errors: list[ItemError] = field(default_factory=list)
    point_rows: list[int] = field(default_factory=list)

    def input_for(self, where: str, annex: Annex) -> str:
        """The name of the input that holds the item field ``where`` (an ``ItemError`` field)."""
        parts = where.split(".")
        head, rest = parts[0], parts[1:]
        if head == "parameters" and rest:
            if rest[-1] == "unit":
                return f"parameters.{rest[0]}.unit"
            parameter = annex.parameters.get(rest[0])
            measured = parameter is not None and parameter.unit is not None
            return f"parameters.{rest[0]}.value" if measured else f"parameters.{rest[0]}"
        if head == CAS:
            return f"parameters.{CAS}"
        if head == "max_payload":
            return f"max_payload.{'unit' if rest[-1:] == ['unit'] else 'value'}"
        if head == "performance":
            index = int(rest[0]) if rest and rest[0].isdigit() else 0
            row = self.point_rows[index] if index < len(self.point_rows) else index
            what = "distance" if len(rest) > 1 and rest[1] in MEASURES else "payload"
            return f"performance.{row}.{what}.{'unit' if rest[-1:] == ['unit'] else 'value'}"
        if head == "answers" and rest:
            return f"answers.{rest[0]}"
        return head


def _number(data: Mapping[str, str], name: str, where: str, label: str, sub: Submission) -> Any:
    """The quantity of the inputs ``name.value`` and ``name.unit``: a number, ``{value, unit}`` or None."""
    text = (data.get(f"{name}.value") or "").strip()
    if not text:
        return None
    value = parse_number(text)
    if value is None:
        sub.errors.append(ItemError(where, f"enter {label} as a number, {NUMBER_HINT}"))
        return None
    given_unit = (data.get(f"{name}.unit") or "").strip()
    return {"value": value, "unit": given_unit} if given_unit else value


def _parameters(data: Mapping[str, str], annex: Annex, sub: Submission) -> None:
    for key in data:
        if not key.startswith("parameters.") or key.endswith(".unit"):
            continue
        parameter_id = key.removeprefix("parameters.").removesuffix(".value")
        where = f"parameters.{parameter_id}"
        if key.endswith(".value"):
            known = annex.parameters.get(parameter_id)
            label = in_sentence(known.name) if known else parameter_id
            value = _number(data, where, where, label, sub)
        else:
            value = (data.get(key) or "").strip() or None
        if value is None:
            continue
        if parameter_id == CAS and isinstance(value, str):
            if not CAS_NUMBER.fullmatch(value):
                sub.errors.append(ItemError(CAS, CAS_HINT))
            sub.item[CAS] = value
        else:
            sub.item.setdefault("parameters", {})[parameter_id] = value


def filled_rows(data: Mapping[str, str]) -> list[int]:
    """The performance rows of the form with a payload or a distance typed in."""
    parts = ("payload", "distance")
    return [
        row
        for row in range(MAX_POINTS)
        if any((data.get(f"performance.{row}.{part}.value") or "").strip() for part in parts)
    ]


def _points(data: Mapping[str, str], sub: Submission) -> None:
    for row in filled_rows(data):
        name = f"performance.{row}"
        index = len(sub.point_rows)
        sub.point_rows.append(row)
        measure = (data.get(f"{name}.measure") or "range").strip()
        if measure not in MEASURES:
            sub.errors.append(ItemError(f"performance.{index}.range", "choose range or apogee"))
            continue
        payload = _number(data, f"{name}.payload", f"performance.{index}.payload", "the payload", sub)
        distance = _number(data, f"{name}.distance", f"performance.{index}.{measure}", f"the {measure}", sub)
        for part, what in (("payload", "payload"), ("distance", measure)):
            if not (data.get(f"{name}.{part}.value") or "").strip():
                message = f"enter the {what} of this point too"
                sub.errors.append(ItemError(f"performance.{index}.{what}", message))
        if payload is not None and distance is not None:
            sub.item.setdefault("performance", []).append({"payload": payload, measure: distance})


def _answers(data: Mapping[str, str], sub: Submission) -> None:
    forget = (data.get("forget") or "").strip()
    for key in data:
        if not key.startswith("answers.") or key == f"answers.{forget}":
            continue
        question = key.removeprefix("answers.")
        word = (data.get(key) or "").strip().lower()
        if word in (YES, NO):
            sub.item.setdefault("answers", {})[question] = word == YES
        elif word:
            sub.errors.append(ItemError(key, "answer yes or no"))


def read_form(data: Mapping[str, str], annex: Annex) -> Submission:
    """The classifier's item mapping from submitted fields (a ``QueryDict`` or a plain mapping)."""
    sub = Submission({"kind": (data.get("kind") or "").strip()})
    for name in TEXT_FIELDS:
        text = (data.get(name) or "").strip()
        if text:
            sub.item[name] = text
    _parameters(data, annex, sub)
    _points(data, sub)
    max_payload = _number(data, "max_payload", "max_payload", "the structural payload limit", sub)
    if max_payload is not None:
        sub.item["max_payload"] = max_payload
    _answers(data, sub)
    return sub


def _quantity_fields(name: str, raw: Any, default_unit: str) -> dict[str, str]:
    if isinstance(raw, Mapping):
        return {f"{name}.value": number_text(raw["value"]), f"{name}.unit": str(raw["unit"])}
    if isinstance(raw, str):
        match = NUMBER_AND_UNIT.match(raw)
        if match is None:
            return {f"{name}.value": raw}
        return {f"{name}.value": match.group(1), f"{name}.unit": match.group(2) or default_unit}
    return {f"{name}.value": number_text(raw)}


def form_data(item: Mapping[str, Any], annex: Annex) -> dict[str, str]:
    """The form fields of an item mapping, the inverse of :func:`read_form`.

    ``description``, ``design`` and the ``source`` of performance points have no field and are left out.
    """
    data = {"kind": str(item.get("kind", ""))}
    data.update({name: str(item[name]) for name in TEXT_FIELDS if item.get(name)})
    for parameter_id, raw in (item.get("parameters") or {}).items():
        parameter = annex.parameters.get(parameter_id)
        if parameter is not None and parameter.unit is None:
            data[f"parameters.{parameter_id}"] = str(raw)
        else:
            unit = parameter.unit if parameter is not None else ""
            data.update(_quantity_fields(f"parameters.{parameter_id}", raw, unit or ""))
    if item.get(CAS):
        data[f"parameters.{CAS}"] = str(item[CAS])
    for row, point in enumerate(item.get("performance") or []):
        measure = "apogee" if point.get("apogee") is not None else "range"
        data[f"performance.{row}.measure"] = measure
        data.update(_quantity_fields(f"performance.{row}.payload", point["payload"], MASS_UNIT))
        data.update(_quantity_fields(f"performance.{row}.distance", point[measure], DISTANCE_UNIT))
    if item.get("max_payload") is not None:
        data.update(_quantity_fields("max_payload", item["max_payload"], MASS_UNIT))
    for question, answer in (item.get("answers") or {}).items():
        data[f"answers.{question}"] = YES if answer else NO
    return data
