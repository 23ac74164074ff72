"""Text normalisation shared by search and highlighting: casefold, strip accents, split, stem."""

from __future__ import annotations

import re
import unicodedata

WORD = re.compile(r"[a-z0-9]+")
_STOP = "a an and are as at be by for from has have in into is it its of on or such than that the their them"
STOP_WORDS = frozenset((_STOP + " then there these this those to was were which with").split(" "))
_SUFFIXES = (
    ("ational", "ate"),
    ("ization", "ize"),
    ("isation", "ise"),
    ("ations", "ate"),
    ("ation", "ate"),
    ("nesses", ""),
    ("ness", ""),
    ("ments", ""),
    ("ment", ""),
    ("ings", ""),
    ("ing", ""),
    ("ies", "y"),
    ("ied", "y"),
    ("sses", "ss"),
    ("edly", ""),
    ("ed", ""),
    ("es", "e"),
    ("s", ""),
)


def fold(text: str) -> str:
    """Casefold and strip accents: ``Zürich Café`` -> ``zurich cafe``; ``µm`` -> ``μm`` folded."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def stem(word: str) -> str:
    """A light English stemmer: ``bearings`` -> ``bear``, ``motors`` -> ``motor``, ``cases`` -> ``case``.

    Numbers and short words are kept as they are: the point is that a word, its plural and ``-ing`` form meet.
    """
    if len(word) <= 3 or not word.isalpha() or word.endswith(("ss", "us", "is")):
        return word
    for suffix, replacement in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) + len(replacement) >= 3:
            word = word[: -len(suffix)] + replacement
            doubled = len(word) > 3 and word[-1] == word[-2] and word[-1] not in "lsz"
            if suffix in ("ing", "ings", "ed") and doubled:
                word = word[:-1]
            break
    if word.endswith("e") and len(word) > 4:
        word = word[:-1]
    return word


#: American spellings read as the British ones the Annex data uses.
SPELLINGS = {
    "fiber": "fibre",
    "fibers": "fibres",
    "aluminum": "aluminium",
    "vapor": "vapour",
    "center": "centre",
    "centers": "centres",
    "liter": "litre",
    "liters": "litres",
}
_IZE = re.compile(r"iz(e|er|ers|ed|es|ing|ation|ations)$")


def spelling(word: str) -> str:
    """``fiber`` -> ``fibre``, ``stabilizer`` -> ``stabiliser``: one spelling for index and query."""
    return _IZE.sub(r"is\1", SPELLINGS.get(word, word))


def normal(word: str) -> str:
    """A folded word as the index holds it: British spelling, stemmed."""
    return stem(spelling(word))


def words(text: str) -> list[str]:
    """The folded words of a text, in order (stop words included)."""
    return WORD.findall(fold(text))


def terms(text: str) -> list[str]:
    """The searchable terms of a text: folded, stemmed, stop words dropped."""
    return [normal(word) for word in words(text) if word not in STOP_WORDS]
