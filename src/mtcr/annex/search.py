"""Full-text search over one edition of the Annex, ranked, with the reasons for every hit.

An inverted index is built once per :class:`Annex` from each entry's title, description, notes, technical
notes, exclusions, kinds and equivalents (casefolded, accents stripped, lightly stemmed). Entry ids
(``3.A.7``, also written ``3A7`` or ``M3A7``) and CAS numbers (``302-01-2``) are looked up exactly and rank
first; the remaining words are ranked BM25F-style, title hits weighing more than description, and description
more than notes. With less weight, a word of three letters or more also matches the words it begins
(``hydraz`` finds ``hydrazine``), and one of five or more the words it is part of (``monomethylhydrazine``).
"""

from __future__ import annotations

import bisect
import math
import re
import weakref
from collections import defaultdict
from dataclasses import dataclass, field

from mtcr.annex.loader import Annex
from mtcr.annex.schema import Entry
from mtcr.annex.text import STOP_WORDS, fold, normal, words

#: Field weights: a word in the title counts three times a word in the notes.
FIELDS: dict[str, float] = {
    "title": 3.0,
    "description": 1.5,
    "equivalents": 1.5,
    "kinds": 1.0,
    "notes": 1.0,
    "technical_notes": 0.8,
    "exclusions": 0.8,
}
FIELD_LABELS: dict[str, str] = {
    "id": "entry id",
    "cas": "CAS number",
    "title": "title",
    "description": "description",
    "equivalents": "equivalents",
    "kinds": "kinds of item",
    "notes": "notes",
    "technical_notes": "technical notes",
    "exclusions": "exclusions",
}
K1, B = 1.2, 0.75
PREFIX_WEIGHT = 0.6
INFIX_WEIGHT = 0.4
INFIX_MIN = 5
STEM_MIN = 4
MAX_EXPANSIONS = 40
EXACT, WITHIN, TEXT = 3, 2, 1

CAS = re.compile(r"(?<![\d-])(\d{2,7}-\d{2}-\d)(?![\d-])")
DOTTED_ID = re.compile(
    r"(?<![\w.])(\d{1,2}\.[a-e](?:\.\d{1,2}(?:\.[a-z](?:\.\d{1,2}(?:\.[a-z]{1,2})?)?)?)?)(?![\w.])"
)
COMPACT_ID = re.compile(
    r"(?<![\w.])m?(\d{1,2})([a-e])(\d{1,2})(?:([a-z])(?:(\d{1,2})([a-z]{1,2})?)?)?(?![\w.])"
)


@dataclass(frozen=True)
class Hit:
    """One entry found, with why: the fields each query word matched in, and exact id or CAS hits."""

    entry_id: str
    title: str
    category: str | None
    score: float
    exact: str | None = None
    fields: dict[str, tuple[str, ...]] = field(default_factory=dict)
    terms: frozenset[str] = frozenset()
    literals: tuple[str, ...] = ()

    @property
    def reasons(self) -> list[str]:
        """Readable reasons: ``entry id 3.A.7``, ``title: ball, bearings``."""
        found = []
        if self.exact == "id":
            found.append(f"entry id {self.entry_id}")
        elif self.exact == "within":
            found.append(f"within {', '.join(self.literals)}")
        elif self.exact == "cas":
            found.append(f"CAS number {', '.join(self.literals)}")
        found += [f"{FIELD_LABELS[name]}: {', '.join(words)}" for name, words in self.fields.items()]
        return found


@dataclass
class Index:
    """Postings per term, field lengths and the exact lookups of one edition."""

    annex: Annex
    postings: dict[str, dict[str, dict[str, int]]]
    lengths: dict[str, dict[str, int]]
    average: dict[str, float]
    vocabulary: list[str]
    ids: dict[str, str]
    cas: dict[str, list[str]]
    order: dict[str, int]
    spelled: dict[str, str]

    def idf(self, term: str) -> float:
        df = len(self.postings.get(term, ()))
        total = len(self.order)
        return math.log(1 + (total - df + 0.5) / (df + 0.5))

    def expansions(self, prefix: str) -> list[str]:
        """Indexed terms that begin with ``prefix`` (not ``prefix`` itself)."""
        start = bisect.bisect_right(self.vocabulary, prefix)
        found = []
        for term in self.vocabulary[start : start + MAX_EXPANSIONS * 4]:
            if not term.startswith(prefix) or len(found) >= MAX_EXPANSIONS:
                break
            found.append(term)
        return found

    def stems_of(self, word: str) -> list[str]:
        """The longest indexed term of at least ``STEM_MIN`` letters that ``word`` begins with (``gyro``)."""
        for end in range(len(word) - 1, STEM_MIN - 1, -1):
            if word[:end] in self.postings:
                return [word[:end]]
        return []

    def infixes(self, part: str) -> list[str]:
        """Indexed terms that contain ``part`` inside them (``hydrazine`` in ``monomethylhydrazine``)."""
        return [t for t in self.vocabulary if part in t and not t.startswith(part)][:MAX_EXPANSIONS]


def field_texts(entry: Entry, annex: Annex) -> dict[str, str]:
    """The text of each searchable field of an entry."""
    equivalents = entry.equivalents
    return {
        "title": entry.title,
        "description": entry.description,
        "equivalents": " ; ".join((*equivalents.eu, *equivalents.us, *equivalents.other)),
        "kinds": " ; ".join(annex.kinds[k].name if k in annex.kinds else k for k in entry.kinds),
        "notes": "\n".join(entry.notes),
        "technical_notes": "\n".join(entry.technical_notes),
        "exclusions": "\n".join(x.text for x in entry.exclusions),
    }


def build_index(annex: Annex) -> Index:
    postings: dict[str, dict[str, dict[str, int]]] = defaultdict(lambda: defaultdict(dict))
    lengths: dict[str, dict[str, int]] = {}
    cas: dict[str, list[str]] = defaultdict(list)
    spelled: dict[str, str] = {}
    for entry in annex.entries.values():
        lengths[entry.id] = {}
        for name, text in field_texts(entry, annex).items():
            found = [(normal(w), w) for w in words(text) if w not in STOP_WORDS]
            lengths[entry.id][name] = len(found)
            for term, word in found:
                spelled.setdefault(term, word)
                counts = postings[term][entry.id]
                counts[name] = counts.get(name, 0) + 1
        for number in entry.cas_numbers:
            cas[number].append(entry.id)
    average = {
        name: max(1.0, sum(sizes[name] for sizes in lengths.values()) / max(1, len(lengths)))
        for name in FIELDS
    }
    return Index(
        annex=annex,
        postings={t: dict(p) for t, p in postings.items()},
        lengths=lengths,
        average=average,
        vocabulary=sorted(postings),
        ids={fold(entry_id): entry_id for entry_id in annex.entries},
        cas=dict(cas),
        order={entry_id: n for n, entry_id in enumerate(annex.entries)},
        spelled=spelled,
    )


_INDEXES: dict[int, tuple[weakref.ref[Annex], Index]] = {}


def index_for(annex: Annex) -> Index:
    """The index of an edition, built on first use and kept while the edition lives."""
    known = _INDEXES.get(id(annex))
    if known is not None and known[0]() is annex:
        return known[1]
    index = build_index(annex)
    key = id(annex)
    _INDEXES[key] = (weakref.ref(annex, lambda _, indexes=_INDEXES: indexes.pop(key, None)), index)
    return index


def _compact_to_dotted(match: re.Match[str]) -> str:
    return ".".join(part for part in match.groups() if part)


def _literal_ids(folded: str) -> list[str]:
    found = [m.group(1) for m in DOTTED_ID.finditer(folded)]
    return found + [_compact_to_dotted(m) for m in COMPACT_ID.finditer(folded)]


def _strip_literals(folded: str) -> str:
    for pattern in (CAS, DOTTED_ID, COMPACT_ID):
        folded = pattern.sub(" ", folded)
    return folded


def _bm25f(index: Index, term: str, entry_id: str) -> float:
    weighted = 0.0
    for name, count in index.postings[term][entry_id].items():
        norm = 1 - B + B * index.lengths[entry_id][name] / index.average[name]
        weighted += FIELDS[name] * count / norm
    return index.idf(term) * weighted * (K1 + 1) / (weighted + K1)


def _phrase_bonus(query_words: list[str], entry: Entry) -> float:
    if len(query_words) < 2:
        return 1.0
    phrase = " ".join(query_words)
    if phrase in " ".join(words(entry.title)):
        return 1.5
    return 1.2 if phrase in " ".join(words(entry.description)) else 1.0


def _text_hits(
    index: Index, text: str, surface: dict[str, str]
) -> dict[str, tuple[float, dict[str, list[str]], set[str]]]:
    """Score every entry matching the words of ``text``: entry id -> (score, field -> words, terms).

    ``surface`` maps a folded word back to the way the user wrote it, for the explanations.
    """
    query = [w for w in words(text) if w not in STOP_WORDS]
    wanted: dict[str, list[tuple[str, float]]] = {}
    distinct = list(dict.fromkeys(query))
    for word in distinct:
        base = normal(word)
        known = base in index.postings
        variants = [(base, 1.0)] if known else []
        if len(word) >= 3 and (not known or word == distinct[-1]):
            for prefix in dict.fromkeys((word, base)):
                variants += [(t, PREFIX_WEIGHT) for t in index.expansions(prefix) if t != base]
        if len(base) >= INFIX_MIN:
            variants += [(t, INFIX_WEIGHT) for t in index.infixes(base)]
        if not variants and len(base) > STEM_MIN:
            variants = [(t, PREFIX_WEIGHT) for t in index.stems_of(base)]
        wanted[word] = list(dict.fromkeys(variants))
    scores: dict[str, float] = defaultdict(float)
    matched: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    matched_terms: dict[str, set[str]] = defaultdict(set)
    covered: dict[str, set[str]] = defaultdict(set)
    for word, variants in wanted.items():
        best: dict[str, float] = {}
        for term, weight in variants:
            for entry_id, per_field in index.postings.get(term, {}).items():
                best[entry_id] = max(best.get(entry_id, 0.0), weight * _bm25f(index, term, entry_id))
                matched_terms[entry_id].add(term)
                label = (
                    surface.get(word, word)
                    if weight == 1.0
                    else f"{surface.get(word, word)}→{index.spelled.get(term, term)}"
                )
                for name in per_field:
                    if label not in matched[entry_id][name]:
                        matched[entry_id][name].append(label)
                covered[entry_id].add(word)
        for entry_id, score in best.items():
            scores[entry_id] += score
    distinct = max(1, len(wanted))
    results = {}
    for entry_id, score in scores.items():
        coverage = len(covered[entry_id]) / distinct
        entry = index.annex.entries[entry_id]
        final = score * coverage**2 * _phrase_bonus(query, entry)
        fields = {name: matched[entry_id][name] for name in FIELDS if name in matched[entry_id]}
        results[entry_id] = (final, fields, matched_terms[entry_id])
    return results


def search(annex: Annex, text: str, limit: int = 20) -> list[Hit]:
    """The entries that best match ``text``, best first: exact ids and CAS numbers, then ranked words."""
    if limit <= 0:
        return []
    index = index_for(annex)
    folded = fold(text)
    tiers: dict[str, tuple[int, str, tuple[str, ...]]] = {}
    for wanted in _literal_ids(folded):
        entry_id = index.ids.get(wanted)
        if entry_id is not None:
            tiers[entry_id] = (EXACT, "id", (entry_id,))
        for other in index.order:
            if fold(other).startswith(wanted + ".") and other not in tiers:
                tiers[other] = (WITHIN, "within", (index.ids.get(wanted, wanted.upper()),))
    for number in CAS.findall(folded):
        for entry_id in index.cas.get(number, ()):
            tiers[entry_id] = (EXACT, "cas", (number,))
    surface = {fold(word): word for word in re.findall(r"[^\W_]+", text)}
    text_hits = _text_hits(index, _strip_literals(folded), surface)
    hits = []
    for entry_id in dict.fromkeys([*tiers, *text_hits]):
        entry = annex.entries[entry_id]
        tier, exact, literals = tiers.get(entry_id, (TEXT, None, ()))
        score, fields, found_terms = text_hits.get(entry_id, (0.0, {}, set()))
        hit = Hit(
            entry_id=entry_id,
            title=entry.title,
            category=entry.category,
            score=round(score + (100.0 if tier == EXACT else 0.0), 4),
            exact=exact,
            fields={name: tuple(found) for name, found in fields.items()},
            terms=frozenset(found_terms),
            literals=literals,
        )
        hits.append((tier, score, -index.order[entry_id], hit))
    hits.sort(key=lambda item: item[:3], reverse=True)
    return [item[3] for item in hits[:limit]]


def highlight(text: str, hit: Hit) -> list[tuple[str, bool]]:
    """``text`` cut into ``(piece, matched)`` segments, so a page can mark what made ``hit`` match."""
    literals = [re.escape(literal) for literal in hit.literals if literal]
    pattern = re.compile("|".join([*literals, r"[^\W_]+"]), re.IGNORECASE)
    segments: list[tuple[str, bool]] = []
    last = 0
    for match in pattern.finditer(text):
        piece = match.group(0)
        is_literal = any(piece.casefold() == literal.casefold() for literal in hit.literals)
        folded = fold(piece)
        if not is_literal and not (hit.terms and folded not in STOP_WORDS and normal(folded) in hit.terms):
            continue
        if match.start() > last:
            segments.append((text[last : match.start()], False))
        segments.append((piece, True))
        last = match.end()
    if last < len(text):
        segments.append((text[last:], False))
    return segments


def excerpt(text: str, hit: Hit, width: int = 180) -> list[tuple[str, bool]]:
    """A highlighted window of about ``width`` characters around the first match in ``text``."""
    segments = highlight(text, hit)
    offset, first = 0, None
    for piece, marked in segments:
        if marked:
            first = offset
            break
        offset += len(piece)
    if first is None or len(text) <= width:
        return segments if first is not None else [(text[:width] + ("…" if len(text) > width else ""), False)]
    start = max(0, first - width // 3)
    end = min(len(text), start + width)
    window, position = [], 0
    for piece, marked in segments:
        piece_start, piece_end = position, position + len(piece)
        position = piece_end
        if piece_end <= start or piece_start >= end:
            continue
        window.append((piece[max(0, start - piece_start) : end - piece_start], marked))
    if start > 0:
        window.insert(0, ("…", False))
    if end < len(text):
        window.append(("…", False))
    return window
