"""Classify an item against the Annex: entries it falls under, near misses, exclusions, questions to ask.

For each candidate entry of the item's kind (``index`` module docstring for kinds, inheritance, headings):

1. the criteria are evaluated three-valued (``nodes``). False: the entry is out, and its numeric or
   range/payload criteria that failed by 10 % or less are near misses if, with them held, the rest of the
   entry holds or is unknown.
2. Otherwise the exclusions (of the entry and its enclosing entries) are evaluated: one with effect
   ``excluded`` that holds takes the item out of the entry (reported under ``excluded``); one with effect
   ``category_ii_treatment`` that holds keeps the match and marks "Category II treatment possible" (Note to
   2.A.1; annex-facts §6.5: excepted is not the same as not controlled).
3. Criteria true: a match, with the reasons of the criteria that decided. An exclusion still unanswered
   leaves it a match (an exclusion must be shown to apply) but asks its question. Criteria unknown:
   undecided, with the questions that would decide it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from mtcr.annex.classifier.capability_rule import NEAR_MISS, CapabilityAssessor
from mtcr.annex.classifier.index import AnnexIndex, Candidate, CompiledExclusion
from mtcr.annex.classifier.item import ItemDescription
from mtcr.annex.classifier.nodes import Context, Miss, Node
from mtcr.annex.classifier.notes import general_notes, minimum_software_note
from mtcr.annex.classifier.questions import Ask
from mtcr.annex.classifier.read import parse_item
from mtcr.annex.classifier.reasons import FAILS, number_text, quantity_text
from mtcr.annex.classifier.resolve import ResolvedItem, resolve_item
from mtcr.annex.classifier.result import Classification, Excluded, Match, NearMiss, Question, Undecided
from mtcr.annex.classifier.rulebook import RuleBook
from mtcr.annex.loader import Annex, load_annex


class _Questions:
    """Questions in the order first met, each with the entries it decides."""

    def __init__(self) -> None:
        self._asks: dict[str, tuple[Ask, list[str]]] = {}

    def add(self, asks: list[Ask], entry_id: str) -> list[str]:
        ids: list[str] = []
        for ask in asks:
            if ask.id in ids:
                continue
            ids.append(ask.id)
            known = self._asks.get(ask.id)
            if known is None:
                self._asks[ask.id] = (ask, [entry_id])
            elif entry_id not in known[1]:
                known[1].append(entry_id)
        return ids

    def result(self) -> tuple[Question, ...]:
        return tuple(
            Question(ask.id, ask.sort, ask.text, ask.help, ask.unit, tuple(entries))
            for ask, entries in self._asks.values()
        )


def _kind_reason(annex: Annex, item: ResolvedItem, candidate: Candidate) -> list[str]:
    if not candidate.covering_kinds:
        return []
    covering = candidate.covering_kinds[0]
    name = kind_name(annex, item.kind)
    if covering == item.kind:
        return [f"the item is of kind '{name}', which {candidate.entry.id} covers"]
    broader = kind_name(annex, covering)
    return [f"the item is of kind '{name}', a kind of '{broader}', which {candidate.entry.id} covers"]


def kind_name(annex: Annex, kind: str) -> str:
    """The kind's name in running text: ``Isostatic press`` -> ``isostatic press`` (acronyms kept)."""
    name = annex.kinds[kind].name
    return name[0].lower() + name[1:] if len(name) > 1 and name[1].islower() else name


def _near_misses(candidate: Candidate, ctx: Context) -> list[NearMiss]:
    misses: list[tuple[Node, Miss]] = []
    for leaf in candidate.narrow_leaves:
        miss = leaf.miss(ctx)
        if miss is not None and miss.relative <= NEAR_MISS:
            misses.append((leaf, miss))
    if not misses:
        return []
    kept = _holding_when_forced(candidate, ctx, misses)
    entry = candidate.entry
    found = []
    for _, miss in kept:
        difference = abs(miss.threshold - miss.value)
        percent = miss.relative * 100.0
        reason = (
            f"{miss.quantity} {quantity_text(miss.value, miss.unit)} {FAILS[miss.op]} "
            f"{quantity_text(miss.threshold, miss.unit)} ({entry.id}), "
            f"by {quantity_text(difference, miss.unit)} "
            f"({number_text(round(percent, 2))} %)"
        )
        found.append(
            NearMiss(
                entry.id,
                entry.title,
                entry.category,
                miss.parameter,
                miss.quantity,
                miss.value,
                miss.threshold,
                miss.op,
                miss.unit,
                difference,
                percent,
                reason,
            )  # type: ignore[arg-type]
        )
    return found


def _holding_when_forced(
    candidate: Candidate, ctx: Context, misses: list[tuple[Node, Miss]]
) -> list[tuple[Node, Miss]]:
    """The narrow misses that, held true, leave the entry true or unknown: all together, else one by one."""
    trials = [misses] + ([[m] for m in misses] if len(misses) > 1 else [])
    try:
        for trial in trials:
            ctx.forced = frozenset(leaf for leaf, _ in trial)
            if candidate.tree.truth(ctx) is not False and not _excluded_by(candidate, ctx):
                return trial
        return []
    finally:
        ctx.forced = frozenset()


def _excluded_by(candidate: Candidate, ctx: Context) -> CompiledExclusion | None:
    for exclusion in candidate.taking_out:
        if exclusion.node.truth(ctx) is True:
            return exclusion
    return None


def _equivalents(candidate: Candidate) -> dict[str, tuple[str, ...]]:
    equivalents = candidate.entry.equivalents
    return {name: getattr(equivalents, name) for name in ("eu", "us", "other") if getattr(equivalents, name)}


def classify(
    item: ItemDescription | Mapping[str, Any],
    annex: Annex | None = None,
    answers: Mapping[str, bool] | None = None,
    capability: CapabilityAssessor | None = None,
) -> Classification:
    """Classify ``item`` against ``annex`` (the current edition by default).

    ``answers`` (question id -> yes/no) add to and override the item's own; ``capability`` is the capability
    engine, called with the item's ``design`` to decide the range/payload rules (``rulebook``).
    Raises ``ItemError`` naming the field when the description does not fit the Annex vocabulary.
    """
    annex = annex if annex is not None else load_annex()
    described = parse_item(item)
    resolved = resolve_item(described, annex, dict(answers or {}))
    book = RuleBook(resolved, capability)
    ctx = Context(resolved, book)
    questions = _Questions()
    matches: list[Match] = []
    excluded: list[Excluded] = []
    near: list[NearMiss] = []
    undecided: list[Undecided] = []
    groups: set[str | None] = set()

    for candidate in AnnexIndex.of(annex).candidates(resolved.kind):
        truth = candidate.tree.truth(ctx)
        if truth is False:
            if candidate.narrow_leaves:
                near.extend(_near_misses(candidate, ctx))
            continue
        entry = candidate.entry
        groups.add(candidate.group)
        hit = _excluded_by(candidate, ctx)
        if hit is not None:
            explained = hit.node.explain(ctx)
            excluded.append(
                Excluded(
                    entry.id,
                    entry.title,
                    entry.category,
                    hit.exclusion.id,
                    hit.exclusion.text,  # type: ignore[arg-type]
                    tuple(explained.reasons),
                )
            )
            continue
        if truth is None:
            ids = questions.add(candidate.tree.asks(ctx), entry.id)
            undecided.append(Undecided(entry.id, entry.title, entry.category, tuple(ids)))  # type: ignore[arg-type]
            continue
        outcome = candidate.tree.explain(ctx)
        treatment: list[str] = []
        pending: list[str] = []
        for exclusion in candidate.exclusions:
            held = exclusion.node.truth(ctx)
            if held is True:
                treatment.append(f"{exclusion.exclusion.text} ({exclusion.source})")
            elif held is None:
                pending += questions.add(exclusion.node.asks(ctx), entry.id)
        reasons = _kind_reason(annex, resolved, candidate) + outcome.reasons
        if treatment:
            reasons.append("Category II treatment possible: " + "; ".join(treatment))
        matches.append(
            Match(
                entry=entry.id,
                title=entry.title,
                category=entry.category,  # type: ignore[arg-type]
                reasons=tuple(reasons),
                category_ii_treatment=bool(treatment),
                treatment=tuple(treatment),
                pending=tuple(dict.fromkeys(pending)),
                chain=candidate.chain,
                notes=minimum_software_note(entry.id, entry.group, resolved.answers),
                basis=entry.basis,
                equivalents=_equivalents(candidate),
            )
        )

    category = None
    if matches:
        category = "I" if any(m.effective_category == "I" for m in matches) else "II"
    flags = tuple({"id": flag.id, "text": flag.text} for flag in book.flags())
    return Classification(
        item={
            "name": described.name,
            "kind": described.kind,
            "designed_for": described.designed_for,
            "end_use": described.end_use,
        },
        annex_version=annex.version.id,
        controlled=bool(matches),
        category=category,  # type: ignore[arg-type]
        decided=not undecided and not any(m.pending for m in matches),
        matches=tuple(matches),
        excluded=tuple(excluded),
        near_misses=tuple(near),
        undecided=tuple(undecided),
        questions=questions.result(),
        flags=flags,
        notes=general_notes(annex, groups),
    )
