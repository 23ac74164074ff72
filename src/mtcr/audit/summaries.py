"""Before/after summaries: JSON-safe values that read back from either database exactly as they were written.

The hash of an entry is computed when it is written and again when the trail is verified, from the values
read back. So a summary holds only values that survive the trip unchanged through SQLite's JSON text and
PostgreSQL's ``jsonb``: strings (NUL replaced by U+FFFD, which PostgreSQL cannot store), booleans, ``None``,
integers, finite floats below 1e16 (larger ones are whole numbers and kept as integers; ``jsonb`` would hand
them back as integers anyway), lists and string-keyed dicts. Dates and times become ISO 8601 strings (times in
UTC), decimals and UUIDs strings; infinities and NaN become the strings "inf" and "nan".
"""

from __future__ import annotations

import datetime as dt
import json
import math
import uuid
from collections.abc import Iterable, Mapping
from decimal import Decimal
from enum import Enum
from typing import Any

from django.core.exceptions import FieldDoesNotExist
from django.db import models

JsonValue = None | bool | int | float | str | list["JsonValue"] | dict[str, "JsonValue"]

_EXACT_FLOAT_LIMIT = 1e16


def _text(value: str) -> str:
    return str(value).replace("\x00", "\ufffd")


def _float(value: float) -> JsonValue:
    if not math.isfinite(value):
        return str(value)
    if abs(value) >= _EXACT_FLOAT_LIMIT:
        return int(value)
    return value + 0.0  # turns -0.0 into 0.0, which is what jsonb gives back


def json_safe(value: Any) -> JsonValue:
    """``value`` as a JSON value that both databases store and return unchanged (see the module docstring)."""
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, Enum):
        return json_safe(value.value)
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return _float(value)
    if isinstance(value, str):
        return _text(value)
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(dt.UTC)
        return value.isoformat()
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, Decimal | uuid.UUID):
        return str(value)
    if isinstance(value, models.Model):
        return json_safe(value.pk)
    if isinstance(value, Mapping):
        return {_text(str(k)): json_safe(v) for k, v in value.items()}
    if isinstance(value, set | frozenset):
        return sorted((json_safe(v) for v in value), key=lambda v: json.dumps(v, sort_keys=True))
    if isinstance(value, Iterable) and not isinstance(value, bytes | bytearray):
        return [json_safe(v) for v in value]
    return _text(str(value))


def summary(values: Mapping[str, Any] | None) -> dict[str, JsonValue]:
    """A before/after summary: a dict of field -> JSON-safe value (``{}`` for none)."""
    if values is None:
        return {}
    if not isinstance(values, Mapping):
        raise TypeError(f"an audit summary is a mapping of field -> value, not {type(values).__name__}")
    return {_text(str(k)): json_safe(v) for k, v in values.items()}


def snapshot(obj: models.Model, fields: Iterable[str]) -> dict[str, JsonValue]:
    """The named fields of a model instance as a JSON-safe summary, for ``record(before=..., after=...)``.

    A foreign key is summarised by its id, a many-to-many field by the sorted ids of its objects (the instance
    must be saved); any other name is read as an attribute, so properties may be summarised too.
    """
    values: dict[str, Any] = {}
    for name in fields:
        try:
            field = obj._meta.get_field(name)
        except FieldDoesNotExist:  # a property or plain attribute
            field = None
        if field is not None and field.many_to_many and not field.auto_created:
            values[name] = sorted(str(pk) for pk in getattr(obj, name).values_list("pk", flat=True))
        elif field is not None and field.is_relation and field.concrete:
            values[name] = getattr(obj, field.attname)
        else:
            values[name] = getattr(obj, name)
    return summary(values)


def display_value(value: JsonValue) -> str:
    """A summary value as people read it in a history table."""
    if value is None:
        return "—"
    if value == "":
        return "(empty)"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return ", ".join(display_value(v) for v in value) or "(none)"
    if isinstance(value, dict):
        return json.dumps(value, sort_keys=True, ensure_ascii=False)
    return str(value)
