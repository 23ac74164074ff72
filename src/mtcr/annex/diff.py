"""What changed between two editions of the Annex: entries added, removed and changed, and every threshold.

Criteria are compared leaf by leaf. Leaves are paired by what they measure (the parameter, question or rule)
and, for a parameter bounded on both sides, by the side of the bound; a numeric threshold is unchanged when
its value is the same after converting units (1.1e6 N·s equals 1100 kN·s).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from mtcr.annex.describe import in_words, leaf_words
from mtcr.annex.loader import Annex, criteria_leaves
from mtcr.annex.schema import (
    AllOf,
    AnyOf,
    CategoricalCriterion,
    Criterion,
    Entry,
    NotOf,
    NumericCriterion,
    QuestionCriterion,
    RuleCriterion,
    Version,
)
from mtcr.annex.units import to_unit

#: Entry fields compared, with the words used for them.
COMPARED: dict[str, str] = {
    "category": "category",
    "title": "title",
    "description": "description",
    "kinds": "kinds of item",
    "exclusions": "exclusions",
    "notes": "notes",
    "technical_notes": "technical notes",
    "related": "related entries",
    "cas_numbers": "CAS numbers",
    "equivalents": "equivalents",
    "basis": "basis",
    "sources": "sources",
    "empty": "empty group",
}


@dataclass(frozen=True)
class FieldChange:
    field: str
    before: Any
    after: Any


@dataclass(frozen=True)
class ThresholdChange:
    """A criterion leaf added, removed or changed; ``subject`` names what it measures."""

    change: str  # "added", "removed" or "changed"
    subject: str
    before: Criterion | None
    after: Criterion | None
    before_words: str | None
    after_words: str | None


@dataclass(frozen=True)
class EntryChange:
    entry_id: str
    title: str
    fields: tuple[FieldChange, ...]
    thresholds: tuple[ThresholdChange, ...]
    criteria_before: str | None
    criteria_after: str | None

    criteria_changed: bool = False


@dataclass(frozen=True)
class AnnexDiff:
    """The differences from edition ``before`` to edition ``after``."""

    before: Version
    after: Version
    added: tuple[Entry, ...]
    removed: tuple[Entry, ...]
    changed: tuple[EntryChange, ...]

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.changed)

    def lines(self) -> list[str]:
        """The differences as readable lines: ``+`` added, ``-`` removed, ``~`` changed."""
        out = [f"From {self.before.id} ({self.before.title}) to {self.after.id} ({self.after.title})"]
        if self.empty:
            return [*out, "No entry differs."]
        out += [f"+ {e.id} {e.title} (added{_category(e)})" for e in self.added]
        out += [f"- {e.id} {e.title} (removed)" for e in self.removed]
        for change in self.changed:
            out.append(f"~ {change.entry_id} {change.title}")
            for item in change.fields:
                before, after = value_text(item.before), value_text(item.after)
                out.append(f"    {COMPARED[item.field]}: {before} -> {after}")
            for threshold in change.thresholds:
                if threshold.change == "added":
                    out.append(f"    threshold added: {threshold.after_words}")
                elif threshold.change == "removed":
                    out.append(f"    threshold removed: {threshold.before_words}")
                else:
                    out.append(f"    threshold changed: {threshold.before_words} -> {threshold.after_words}")
            if change.criteria_changed and not change.thresholds:
                out.append(f"    criteria: {change.criteria_before} -> {change.criteria_after}")
        return out

    def as_dict(self) -> dict[str, Any]:
        """The differences as plain data (JSON-ready)."""
        return {
            "from": self.before.id,
            "to": self.after.id,
            "added": [_summary(e) for e in self.added],
            "removed": [_summary(e) for e in self.removed],
            "changed": [
                {
                    "id": c.entry_id,
                    "title": c.title,
                    "fields": [
                        {"field": f.field, "before": _plain(f.before), "after": _plain(f.after)}
                        for f in c.fields
                    ],
                    "thresholds": [
                        {
                            "change": t.change,
                            "subject": t.subject,
                            "before": _plain(t.before),
                            "after": _plain(t.after),
                            "before_words": t.before_words,
                            "after_words": t.after_words,
                        }
                        for t in c.thresholds
                    ],
                    "criteria_changed": c.criteria_changed,
                    "criteria_before": c.criteria_before,
                    "criteria_after": c.criteria_after,
                }
                for c in self.changed
            ],
        }


def _category(entry: Entry) -> str:
    return f", Category {entry.category}" if entry.category else ""


def _summary(entry: Entry) -> dict[str, Any]:
    return {"id": entry.id, "title": entry.title, "category": entry.category}


def _plain(value: Any) -> Any:
    if hasattr(value, "model_dump"):
        return value.model_dump(mode="json", by_alias=True, exclude_defaults=True)
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    return value


def value_text(value: Any, width: int = 100) -> str:
    """A field's value on one line, cut at ``width`` characters."""
    if isinstance(value, tuple):
        text = "; ".join(str(_plain(v)) for v in value) or "(none)"
    elif hasattr(value, "model_dump"):
        text = ", ".join(f"{k}: {v}" for k, v in _plain(value).items()) or "(none)"
    else:
        text = "(none)" if value in (None, "") else str(value)
    return text if len(text) <= width else text[: width - 1] + "…"


def _subject(leaf: Criterion) -> str:
    if isinstance(leaf, NumericCriterion | CategoricalCriterion):
        return leaf.parameter
    if isinstance(leaf, QuestionCriterion):
        return f"question {leaf.question}"
    if isinstance(leaf, RuleCriterion):
        return f"rule {leaf.rule}"
    return "criterion"


def _side(leaf: Criterion) -> str:
    if isinstance(leaf, NumericCriterion):
        return {">=": "lower", ">": "lower", "<": "upper", "<=": "upper", "==": "equal"}[leaf.op]
    return ""


def same_leaf(a: Criterion, b: Criterion) -> bool:
    """Equal leaves; numeric thresholds are equal when the operator and the converted value agree."""
    if isinstance(a, NumericCriterion) and isinstance(b, NumericCriterion):
        if a.parameter != b.parameter or a.op != b.op:
            return False
        try:
            return math.isclose(a.value, to_unit(b.value, b.unit, a.unit), rel_tol=1e-9, abs_tol=1e-12)
        except ValueError:
            return False
    if isinstance(a, CategoricalCriterion) and isinstance(b, CategoricalCriterion):
        return (a.parameter, a.op, set(a.values)) == (b.parameter, b.op, set(b.values))
    return a == b


def same_tree(a: Criterion | None, b: Criterion | None) -> bool:
    """Equal criteria trees: the same shape, and leaves equal as :func:`same_leaf` reads them."""
    if a is None or b is None:
        return a is b
    if isinstance(a, AllOf | AnyOf) and type(a) is type(b):
        left, right = (a.all, b.all) if isinstance(a, AllOf) else (a.any, b.any)
        return len(left) == len(right) and all(same_tree(x, y) for x, y in zip(left, right, strict=True))
    if isinstance(a, NotOf) and isinstance(b, NotOf):
        return same_tree(a.not_, b.not_)
    if isinstance(a, AllOf | AnyOf | NotOf) or isinstance(b, AllOf | AnyOf | NotOf):
        return False
    return same_leaf(a, b)


def _pair(before: list[Criterion], after: list[Criterion]) -> list[tuple[Criterion | None, Criterion | None]]:
    """Pair leaves of one subject: identical ones first, then the same side of a bound, then in order."""
    before, after = list(before), list(after)
    pairs: list[tuple[Criterion | None, Criterion | None]] = []
    for test in (same_leaf, lambda a, b: _side(a) == _side(b), lambda a, b: True):
        for leaf in list(before):
            match = next((other for other in after if test(leaf, other)), None)
            if match is not None:
                pairs.append((leaf, match))
                before.remove(leaf)
                after.remove(match)
    return pairs + [(leaf, None) for leaf in before] + [(None, leaf) for leaf in after]


def threshold_changes(a: Entry, b: Entry, annex_a: Annex, annex_b: Annex) -> list[ThresholdChange]:
    """Leaf-by-leaf differences between the criteria of two versions of an entry."""
    by_subject: dict[str, tuple[list[Criterion], list[Criterion]]] = {}
    for side, tree in ((0, a.criteria), (1, b.criteria)):
        for leaf in criteria_leaves(tree):
            by_subject.setdefault(_subject(leaf), ([], []))[side].append(leaf)
    changes = []
    for subject, (before, after) in by_subject.items():
        for old, new in _pair(before, after):
            if old is not None and new is not None and same_leaf(old, new):
                continue
            change = "added" if old is None else "removed" if new is None else "changed"
            changes.append(
                ThresholdChange(
                    change=change,
                    subject=subject,
                    before=old,
                    after=new,
                    before_words=leaf_words(old, annex_a) if old is not None else None,
                    after_words=leaf_words(new, annex_b) if new is not None else None,
                )
            )
    return changes


def entry_change(a: Entry, b: Entry, annex_a: Annex, annex_b: Annex) -> EntryChange | None:
    """How one entry differs between two editions; ``None`` when it does not."""
    fields = tuple(
        FieldChange(name, getattr(a, name), getattr(b, name))
        for name in COMPARED
        if getattr(a, name) != getattr(b, name)
    )
    thresholds = tuple(threshold_changes(a, b, annex_a, annex_b))
    before, after = in_words(a.criteria, annex_a), in_words(b.criteria, annex_b)
    if not fields and not thresholds and same_tree(a.criteria, b.criteria):
        return None
    reshaped = not same_tree(a.criteria, b.criteria)
    return EntryChange(b.id, b.title, fields, thresholds, before, after, reshaped)


def diff(a: Annex, b: Annex) -> AnnexDiff:
    """The differences from edition ``a`` to edition ``b``, each list in document order."""
    added = tuple(entry for entry_id, entry in b.entries.items() if entry_id not in a.entries)
    removed = tuple(entry for entry_id, entry in a.entries.items() if entry_id not in b.entries)
    changed = []
    for entry_id, entry in b.entries.items():
        if entry_id in a.entries:
            change = entry_change(a.entries[entry_id], entry, a, b)
            if change is not None:
                changed.append(change)
    return AnnexDiff(a.version, b.version, added, removed, tuple(changed))
