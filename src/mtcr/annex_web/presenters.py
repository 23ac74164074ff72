"""What the Annex pages show, shaped for templates: an entry with everything around it, a search result."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from mtcr.annex.describe import BASIS, GROUP_NAMES, clauses, comparison, definitions_used, parameter_name
from mtcr.annex.diff import COMPARED, AnnexDiff, value_text
from mtcr.annex.loader import Annex, criteria_leaves
from mtcr.annex.schema import Entry, NumericCriterion
from mtcr.annex.search import FIELD_LABELS, Hit, excerpt, field_texts, highlight, search


@dataclass(frozen=True)
class Result:
    """One search hit as shown: the title with its matches marked, excerpts of the other fields, reasons."""

    hit: Hit
    entry: Entry
    title: list[tuple[str, bool]]
    excerpts: list[tuple[str, list[tuple[str, bool]]]]


def result(annex: Annex, hit: Hit) -> Result:
    entry = annex.entries[hit.entry_id]
    texts = field_texts(entry, annex)
    shown = [name for name in hit.fields if name != "title"][:2]
    if not shown and hit.exact != "id":
        shown = ["description"]
    return Result(
        hit=hit,
        entry=entry,
        title=highlight(entry.title, hit),
        excerpts=[(FIELD_LABELS[name], excerpt(texts[name], hit)) for name in shown if texts.get(name)],
    )


def suggestions(annex: Annex, wanted: str, limit: int = 5) -> list[Entry]:
    """Entries a mistyped id may have meant: search hits, else the entries beside it in the tree."""
    hits = [annex.entries[h.entry_id] for h in search(annex, wanted, limit=limit)]
    parts = wanted.split(".")
    while not hits and len(parts) > 1:
        parts.pop()
        prefix = ".".join(parts)
        hits = [e for e in annex.entries.values() if e.parent == prefix][:limit]
    return hits


def related(annex: Annex, entry: Entry) -> list[dict[str, Any]]:
    """Related entries with their titles; a related id that names a group of entries links to the tree."""
    found = []
    for entry_id in entry.related:
        target = annex.entries.get(entry_id)
        found.append({"id": entry_id, "entry": target, "title": target.title if target else None})
    return found


def entry_context(annex: Annex, entry: Entry) -> dict[str, Any]:
    """Everything the entry page shows."""
    ancestors = list(reversed(annex.ancestors(entry.id)))
    group_id = f"{entry.item}.{entry.group}" if entry.group else None
    group_is_entry = group_id in annex.entries
    return {
        "annex": annex,
        "entry": entry,
        "item": annex.items.get(entry.item),
        "group_id": group_id,
        "group_name": GROUP_NAMES.get(entry.group or ""),
        "group_crumb": group_id if group_id and not group_is_entry and group_id != entry.id else None,
        "ancestors": ancestors,
        "criteria": clauses(entry.criteria, annex) if entry.criteria is not None else None,
        "has_thresholds": any(isinstance(leaf, NumericCriterion) for leaf in criteria_leaves(entry.criteria)),
        "exclusions": [(x, clauses(x.when, annex)) for x in entry.exclusions],
        "definitions": definitions_used(annex, entry),
        "related": related(annex, entry),
        "children": annex.children(entry.id),
        "kinds": [annex.kinds[k].name if k in annex.kinds else k.replace("_", " ") for k in entry.kinds],
        "basis_meaning": BASIS.get(entry.basis, ""),
        "equivalents": [
            (label, codes)
            for label, codes in (
                ("European Union", entry.equivalents.eu),
                ("United States", entry.equivalents.us),
                ("Other", entry.equivalents.other),
            )
            if codes
        ],
    }


def _subject(change: str, subject: str, annex: Annex) -> str:
    kind = "Criterion" if subject.startswith(("question ", "rule ")) else "Threshold"
    name = (
        subject.split(" ", 1)[1].replace("_", " ") if kind == "Criterion" else parameter_name(subject, annex)
    )
    return f"{kind} {change}: {name}"


def _exact(leaf: object) -> str | None:
    return comparison(leaf) if isinstance(leaf, NumericCriterion) else None


def _row(what: str, before: str | None, after: str | None, **exact: str | None) -> dict[str, Any]:
    return {"what": what, "before": before or "(none)", "after": after or "(none)", **exact}


def diff_changes(result: AnnexDiff, after: Annex) -> list[dict[str, Any]]:
    """Each changed entry with one row per changed field or threshold: what, before, after (and exactly)."""
    changes = []
    for change in result.changed:
        rows = [
            _row(COMPARED[f.field].capitalize(), value_text(f.before, 300), value_text(f.after, 300))
            for f in change.fields
        ]
        rows += [
            _row(
                _subject(t.change, t.subject, after),
                t.before_words,
                t.after_words,
                before_exact=_exact(t.before),
                after_exact=_exact(t.after),
            )
            for t in change.thresholds
        ]
        if change.criteria_changed and not change.thresholds:
            rows.append(_row("Criteria", change.criteria_before, change.criteria_after))
        changes.append({"id": change.entry_id, "title": change.title, "rows": rows})
    return changes
