"""Why an item does, or does not, fall under one given entry (``mtcr classify ITEM --why 3.A.7``).

A classification reports the entries an item falls under and the near misses; this answers the other question
a reviewer asks: "why is it not 3.A.7?". The entry is evaluated exactly as the classifier does, and every
criterion that decided is given as a sentence.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from mtcr.annex.classifier.capability_rule import CapabilityAssessor
from mtcr.annex.classifier.errors import ItemError, suggest
from mtcr.annex.classifier.index import AnnexIndex
from mtcr.annex.classifier.item import ItemDescription
from mtcr.annex.classifier.nodes import Context
from mtcr.annex.classifier.read import parse_item
from mtcr.annex.classifier.resolve import resolve_item
from mtcr.annex.classifier.rulebook import RuleBook
from mtcr.annex.loader import Annex, load_annex

Status = Literal["match", "excluded", "undecided", "no_match", "not_a_candidate"]


@dataclass(frozen=True)
class EntryExplanation:
    entry: str
    status: Status
    reasons: tuple[str, ...]
    questions: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "entry": self.entry,
            "status": self.status,
            "reasons": list(self.reasons),
            "questions": list(self.questions),
        }


def explain_entry(
    item: ItemDescription | Mapping[str, Any],
    entry_id: str,
    annex: Annex | None = None,
    answers: Mapping[str, bool] | None = None,
    capability: CapabilityAssessor | None = None,
) -> EntryExplanation:
    """How ``entry_id`` judges ``item``: the status and the sentences of the criteria that decided it."""
    annex = annex if annex is not None else load_annex()
    if entry_id not in annex.entries:
        raise ItemError(
            "entry", f"{entry_id!r} is not an entry of the Annex{suggest(entry_id, annex.entries)}"
        )
    resolved = resolve_item(parse_item(item), annex, dict(answers or {}))
    index = AnnexIndex.of(annex)
    candidate = next((c for c in index.candidates(resolved.kind) if c.entry.id == entry_id), None)
    if candidate is None:
        return EntryExplanation(
            entry_id, "not_a_candidate", (_why_not_candidate(annex, index, entry_id, resolved.kind),)
        )
    ctx = Context(resolved, RuleBook(resolved, capability))
    outcome = candidate.tree.explain(ctx)
    if outcome.truth is False:
        return EntryExplanation(entry_id, "no_match", tuple(outcome.reasons))
    for exclusion in candidate.exclusions:
        if exclusion.exclusion.effect == "excluded" and exclusion.node.truth(ctx) is True:
            reasons = [*outcome.reasons, f"excluded: {exclusion.exclusion.text.strip()} ({exclusion.source})"]
            reasons += exclusion.node.explain(ctx).reasons
            return EntryExplanation(entry_id, "excluded", tuple(reasons))
    if outcome.truth is None:
        asks = tuple(dict.fromkeys(ask.id for ask in outcome.asks))
        return EntryExplanation(entry_id, "undecided", tuple(outcome.reasons), asks)
    return EntryExplanation(entry_id, "match", tuple(outcome.reasons))


def _why_not_candidate(annex: Annex, index: AnnexIndex, entry_id: str, kind: str) -> str:
    entry = annex.entries[entry_id]
    if entry.empty or entry.category is None:
        return f"{entry_id} is an empty group of the Annex"
    kinds = index.kinds_of(entry_id)
    fit, _ = index.fit(entry_id, tuple(annex.kind_lineage(kind)))
    if fit is not False or (not kinds and any(e.startswith(entry_id + ".") for e in annex.entries)):
        return f"{entry_id} is a heading: an item falls under it through one of its sub-entries"
    covered = ", ".join(kinds) or "no kind of item"
    return f"{entry_id} covers items of kind {covered}; the item is of kind {kind}"
