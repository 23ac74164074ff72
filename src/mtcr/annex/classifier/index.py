"""The entries an item of a given kind can fall under, with their criteria compiled, computed once per kind.

Rules of the Annex structure, as the classifier applies them:

- **Kinds.** An entry covers the kinds it lists or, if it lists none, those of its nearest enclosing entry
  that does. An item fits an entry when one of those kinds is the item's kind or a broader kind of it (an
  item of kind ``solid_rocket_motor`` fits an entry listing ``rocket_motor``). When the entry only lists
  kinds narrower than the item's (the item says ``rocket_motor``, the entry ``solid_rocket_motor``), the fit
  is asked as ``is_solid_rocket_motor``.
- **Sub-entries inherit criteria.** A sub-entry is read with the words of every enclosing entry ("...
  usable in systems specified in 1.A, as follows: 1. ..."): the item must meet the criteria of the entry and
  of each enclosing entry that has criteria (a sub-entry is never wider than its heading). Conditions an
  entry repeats from its enclosing entry are evaluated once.
- **Exclusions apply where they are written.** A note on a heading often concerns only some of its
  sub-entries (the Note to 2.A.1.c is about the liquid engines of 2.A.1.c.2, not the solid motors of
  2.A.1.c.1), so the data repeats an exclusion on each entry where it takes effect, and the classifier
  applies to an entry its own exclusions only.
- **Headings.** An entry with sub-entries that the item can fit is a heading: the item falls under it only
  through one of those sub-entries, which is reported instead. A heading is itself a candidate only for
  kinds none of its sub-entries covers (e.g. a re-entry vehicle as a whole under 2.A.1.b, whose sub-entries
  cover its parts).
- Empty groups ("None" in the Annex) are never candidates.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from mtcr.annex.classifier.compile import compile_criterion
from mtcr.annex.classifier.nodes import AllNode, KindLeaf, Node, NumericLeaf, RuleLeaf
from mtcr.annex.classifier.questions import Ask
from mtcr.annex.classifier.resolve import KIND_QUESTION_PREFIX
from mtcr.annex.loader import Annex
from mtcr.annex.schema import AllOf, Criterion, Entry, Exclusion


@dataclass(frozen=True, slots=True)
class CompiledExclusion:
    exclusion: Exclusion
    source: str
    node: Node


@dataclass(frozen=True, slots=True)
class Candidate:
    """An entry an item of some kind may fall under, ready to evaluate.

    ``tree`` holds, in order, the kind question (when the entry only lists narrower kinds), then the criteria
    of the enclosing entries from the outermost in, then the entry's own; ``chain`` names those entries.
    """

    entry: Entry
    chain: tuple[str, ...]
    covering_kinds: tuple[str, ...]
    tree: Node
    exclusions: tuple[CompiledExclusion, ...]
    narrow_leaves: tuple[Node, ...]
    taking_out: tuple[CompiledExclusion, ...] = ()
    group: str | None = None


def _conjuncts(criterion: Criterion) -> tuple[Criterion, ...]:
    return criterion.all if isinstance(criterion, AllOf) else (criterion,)


def _implied(outer: Criterion | None, own: Criterion | None) -> bool:
    """The enclosing entry's criteria are repeated in the entry's own (each of its conditions is one of the
    entry's), so evaluating them again would only repeat the same reasons."""
    if outer is None:
        return True
    if own is None:
        return False
    mine = _conjuncts(own)
    return all(condition in mine for condition in _conjuncts(outer))


class AnnexIndex:
    """Candidates per kind of item for one edition of the Annex."""

    _cache: ClassVar[dict[int, tuple[Annex, AnnexIndex]]] = {}

    def __init__(self, annex: Annex) -> None:
        self.annex = annex
        self._ancestors = {entry_id: tuple(annex.ancestors(entry_id)) for entry_id in annex.entries}
        self._descendants: dict[str, list[str]] = {entry_id: [] for entry_id in annex.entries}
        for entry_id, ancestors in self._ancestors.items():
            for ancestor in ancestors:
                self._descendants[ancestor.id].append(entry_id)
        self._kinds = {entry_id: self._effective_kinds(entry_id) for entry_id in annex.entries}
        self._compiled: dict[str, tuple[list[Node], tuple[CompiledExclusion, ...]]] = {}
        self._by_kind: dict[str, tuple[Candidate, ...]] = {}

    @classmethod
    def of(cls, annex: Annex) -> AnnexIndex:
        """The index of ``annex``, built on first use and kept while the Annex is."""
        known = cls._cache.get(id(annex))
        if known is not None and known[0] is annex:
            return known[1]
        if len(cls._cache) >= 8:
            cls._cache.clear()
        index = cls(annex)
        cls._cache[id(annex)] = (annex, index)
        return index

    def _effective_kinds(self, entry_id: str) -> tuple[str, ...]:
        entry = self.annex.entries[entry_id]
        if entry.kinds:
            return entry.kinds
        for ancestor in self._ancestors[entry_id]:
            if ancestor.kinds:
                return ancestor.kinds
        return ()

    def fit(self, entry_id: str, lineage: tuple[str, ...]) -> tuple[bool | None, tuple[str, ...]]:
        """Fit for a kind lineage: (True, covering kinds), (None, narrower kinds) or (False, ())."""
        kinds = self._kinds[entry_id]
        covering = tuple(kind for kind in kinds if kind in lineage)
        if covering:
            return True, covering
        narrower = tuple(kind for kind in kinds if lineage[0] in self.annex.kind_lineage(kind)[1:])
        if narrower:
            return None, narrower
        return False, ()

    def kinds_of(self, entry_id: str) -> tuple[str, ...]:
        """The kinds an entry covers: its own, or those of its nearest enclosing entry that lists some."""
        return self._kinds[entry_id]

    def candidate(self, entry_id: str) -> Candidate | None:
        """The entry as a candidate for the first of its kinds for which it is one (it may be a heading)."""
        for kind in self._kinds.get(entry_id, ()):
            found = next((c for c in self.candidates(kind) if c.entry.id == entry_id), None)
            if found is not None:
                return found
        return None

    def candidates(self, kind: str) -> tuple[Candidate, ...]:
        """Every entry an item of ``kind`` may fall under, in document order."""
        known = self._by_kind.get(kind)
        if known is None:
            known = self._by_kind[kind] = self._build(kind)
        return known

    def _build(self, kind: str) -> tuple[Candidate, ...]:
        lineage = tuple(self.annex.kind_lineage(kind))
        fits = {
            entry_id: self.fit(entry_id, lineage)
            for entry_id, entry in self.annex.entries.items()
            if not entry.empty and entry.category is not None
        }
        candidates = []
        for entry_id, (fit, kinds) in fits.items():
            if fit is False:
                continue
            if any(fits.get(child, (False,))[0] is not False for child in self._descendants[entry_id]):
                continue
            candidates.append(self._candidate(entry_id, fit, kinds))
        return tuple(candidates)

    def _own(self, entry: Entry) -> tuple[list[Node], tuple[CompiledExclusion, ...]]:
        known = self._compiled.get(entry.id)
        if known is None:
            nodes = [compile_criterion(entry.criteria, self.annex, entry.id)] if entry.criteria else []
            exclusions = tuple(
                CompiledExclusion(x, entry.id, compile_criterion(x.when, self.annex, entry.id))
                for x in entry.exclusions
            )
            known = self._compiled[entry.id] = (nodes, exclusions)
        return known

    def _candidate(self, entry_id: str, fit: bool | None, kinds: tuple[str, ...]) -> Candidate:
        entry = self.annex.entries[entry_id]
        chain = (*reversed(self._ancestors[entry_id]), entry)
        parts: list[Node] = []
        if fit is None:
            asks = tuple(
                Ask(
                    KIND_QUESTION_PREFIX + kind,
                    "yes_no",
                    f"Is the item a {self.annex.kinds[kind].name}?",
                    self.annex.kinds[kind].description,
                )
                for kind in kinds
            )
            parts.append(KindLeaf(asks, entry_id))
        for link in chain:
            nodes, exclusions = self._own(link)
            if link is entry or not _implied(link.criteria, entry.criteria):
                parts.extend(nodes)
        tree = AllNode(tuple(parts))
        narrow = tuple(leaf for leaf in tree.leaves() if isinstance(leaf, NumericLeaf | RuleLeaf))
        return Candidate(
            entry=entry,
            chain=tuple(link.id for link in chain if link.criteria or link is entry),
            covering_kinds=kinds if fit else (),
            tree=tree,
            exclusions=exclusions,
            narrow_leaves=narrow,
            taking_out=tuple(x for x in exclusions if x.exclusion.effect == "excluded"),
            group=entry.group,
        )
