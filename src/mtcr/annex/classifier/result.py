"""The result of a classification and its JSON form.

``controlled`` is true when the item falls under at least one entry. ``category`` is "I" when one of those
entries is Category I and no Category II treatment applies to it, "II" when the item falls under entries that
are all Category II (or Category I with Category II treatment possible), and null otherwise. ``decided`` is
false while questions remain whose answers could add an entry, remove one or change its treatment.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, fields, is_dataclass
from typing import Any, Literal

CategoryCode = Literal["I", "II"]


@dataclass(frozen=True)
class Match:
    """An entry the item falls under, and why."""

    entry: str
    title: str
    category: CategoryCode
    reasons: tuple[str, ...]
    category_ii_treatment: bool = False
    treatment: tuple[str, ...] = ()
    pending: tuple[str, ...] = ()
    chain: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    basis: str = ""
    equivalents: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @property
    def effective_category(self) -> CategoryCode:
        return "II" if self.category_ii_treatment else self.category


@dataclass(frozen=True)
class Excluded:
    """An entry whose criteria the item meets (or may meet) but an exclusion takes it out of."""

    entry: str
    title: str
    category: CategoryCode
    exclusion: str
    text: str
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class NearMiss:
    """A threshold the item misses by 10 % or less while the rest of the entry holds or is unknown.

    ``parameter`` is the parameter id (or the range/payload rule), ``name`` the quantity in words; ``value``,
    ``threshold`` and ``margin`` are in ``unit``; ``margin_percent`` is relative to the threshold.
    """

    entry: str
    title: str
    category: CategoryCode
    parameter: str
    name: str
    value: float
    threshold: float
    op: str
    unit: str
    margin: float
    margin_percent: float
    reason: str


@dataclass(frozen=True)
class Undecided:
    """An entry the item may fall under: the questions listed decide it (``explain_entry`` gives the rest)."""

    entry: str
    title: str
    category: CategoryCode
    questions: tuple[str, ...]


@dataclass(frozen=True)
class Question:
    """A question whose answer is needed, and the entries it decides."""

    id: str
    sort: Literal["yes_no", "value"]
    text: str
    help: str
    unit: str | None
    entries: tuple[str, ...]


@dataclass(frozen=True)
class Classification:
    item: dict[str, Any]
    annex_version: str
    controlled: bool
    category: CategoryCode | None
    decided: bool
    matches: tuple[Match, ...]
    excluded: tuple[Excluded, ...]
    near_misses: tuple[NearMiss, ...]
    undecided: tuple[Undecided, ...]
    questions: tuple[Question, ...]
    flags: tuple[dict[str, str], ...]
    notes: tuple[str, ...]

    @property
    def entries(self) -> list[str]:
        return [match.entry for match in self.matches]

    def match(self, entry_id: str) -> Match | None:
        return next((m for m in self.matches if m.entry == entry_id), None)

    def to_dict(self) -> dict[str, Any]:
        data = _plain(self)
        for match, raw in zip(self.matches, data["matches"], strict=True):
            raw["effective_category"] = match.effective_category
        return data

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)


def _plain(value: Any) -> Any:
    """Dataclasses become dicts and tuples lists, so that the JSON round-trips to the same value."""
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, dict):
        return {key: _plain(inner) for key, inner in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(inner) for inner in value]
    return value
