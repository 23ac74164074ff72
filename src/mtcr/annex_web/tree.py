"""The Annex as a tree for the contents page: Items, their groups (A-E) and the entries nested below."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from mtcr.annex.describe import GROUP_NAMES
from mtcr.annex.loader import Annex
from mtcr.annex.schema import Entry


@dataclass
class Node:
    """An entry, or a group heading the data does not hold as an entry (``synthetic``)."""

    id: str
    title: str
    entry: Entry | None = None
    children: list[Node] = field(default_factory=list)

    @property
    def synthetic(self) -> bool:
        return self.entry is None


@dataclass
class ItemNode:
    number: int
    title: str
    reserved: bool
    groups: list[Node]
    categories: tuple[str, ...]
    count: int


def _attach(entry_id: str, by_parent: dict[str, list[Entry]]) -> list[Node]:
    return [Node(e.id, e.title, e, _attach(e.id, by_parent)) for e in by_parent.get(entry_id, [])]


def build(annex: Annex) -> list[ItemNode]:
    """Items in order, each with its groups and their entries nested by parent, in document order."""
    by_parent: dict[str, list[Entry]] = defaultdict(list)
    for entry in annex.entries.values():
        if entry.parent is not None:
            by_parent[entry.parent].append(entry)
    items = []
    for number in sorted(annex.items):
        item = annex.items[number]
        entries = [e for e in annex.entries.values() if e.item == number]
        groups = []
        for letter in sorted({e.group for e in entries if e.group}):
            group_id = f"{number}.{letter}"
            entry = annex.entries.get(group_id)
            title = entry.title if entry else GROUP_NAMES.get(letter, letter)
            groups.append(Node(group_id, title, entry, _attach(group_id, by_parent)))
        categories = tuple(sorted({e.category for e in entries if e.category}))
        items.append(ItemNode(number, item.title, item.reserved, groups, categories, len(entries)))
    return items
