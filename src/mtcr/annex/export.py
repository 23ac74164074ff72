"""The Annex as plain data (JSON-ready dictionaries), shared by the command line and the HTTP API."""

from __future__ import annotations

from typing import Any

from mtcr.annex.describe import GROUP_NAMES, clauses, comparison, definitions_used, in_words
from mtcr.annex.loader import Annex, criteria_leaves
from mtcr.annex.schema import Criterion, Entry, NumericCriterion, Version
from mtcr.annex.search import Hit


def criterion_data(criterion: Criterion | None) -> dict[str, Any] | None:
    """A criteria tree as the data files write it (``{"all": [...]}``, ``{"parameter": ..., "op": ...}``)."""
    if criterion is None:
        return None
    return criterion.model_dump(mode="json", by_alias=True, exclude_defaults=True)


def version_data(version: Version, current: str) -> dict[str, Any]:
    return {**version.model_dump(mode="json", exclude={"directory"}), "current": version.id == current}


def entry_summary(entry: Entry) -> dict[str, Any]:
    """``id``, ``category``, ``parent``, ``title``, ``item``, ``group``, ``depth``."""
    return {
        "id": entry.id,
        "category": entry.category,
        "parent": entry.parent,
        "title": entry.title,
        "item": entry.item,
        "group": entry.group,
        "depth": entry.depth,
    }


def thresholds(annex: Annex, criterion: Criterion | None) -> list[dict[str, Any]]:
    """Every numeric threshold of a criteria tree: parameter, operator, value, unit, in words and exactly."""
    return [
        {
            "parameter": leaf.parameter,
            "op": leaf.op,
            "value": leaf.value,
            "unit": leaf.unit,
            "words": clauses(leaf, annex).text,
            "comparison": comparison(leaf),
        }
        for leaf in criteria_leaves(criterion)
        if isinstance(leaf, NumericCriterion)
    ]


def entry_detail(annex: Annex, entry: Entry) -> dict[str, Any]:
    """Everything about one entry, with its criteria as data and in words."""
    return {
        **entry_summary(entry),
        "group_name": GROUP_NAMES.get(entry.group or ""),
        "version": annex.version.id,
        "description": entry.description,
        "kinds": list(entry.kinds),
        "criteria": criterion_data(entry.criteria),
        "criteria_in_words": in_words(entry.criteria, annex),
        "thresholds": thresholds(annex, entry.criteria),
        "exclusions": [
            {
                "id": x.id,
                "text": x.text,
                "effect": x.effect,
                "when": criterion_data(x.when),
                "when_in_words": in_words(x.when, annex),
            }
            for x in entry.exclusions
        ],
        "notes": list(entry.notes),
        "technical_notes": list(entry.technical_notes),
        "related": list(entry.related),
        "cas_numbers": list(entry.cas_numbers),
        "equivalents": entry.equivalents.model_dump(mode="json"),
        "basis": entry.basis,
        "sources": list(entry.sources),
        "empty": entry.empty,
        "ancestors": [a.id for a in reversed(annex.ancestors(entry.id))],
        "children": [c.id for c in annex.children(entry.id)],
        "definitions": [{"id": d.id, "term": d.term} for d in definitions_used(annex, entry)],
    }


def hit_data(hit: Hit) -> dict[str, Any]:
    """A search hit and why it matched."""
    return {
        "id": hit.entry_id,
        "title": hit.title,
        "category": hit.category,
        "score": hit.score,
        "exact": hit.exact,
        "matched": [{"field": name, "words": list(words)} for name, words in hit.fields.items()],
        "reasons": hit.reasons,
    }
