"""Criteria in words: ``{parameter: total_impulse, op: ">=", value: 1.1e6, unit: "N*s"}`` reads
"total impulse capacity at least 1.1 x 10⁶ N·s" (with a multiplication sign), with the exact comparison
``≥ 1.1 x 10⁶ N·s`` beside it.

Pages and the command line both use :func:`clauses` (a nested structure) or :func:`in_words` (one line).
:func:`definitions_used` finds the defined terms an entry's text relies on.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from mtcr.annex.loader import Annex, criteria_leaves
from mtcr.annex.schema import (
    AllOf,
    AnyOf,
    CategoricalCriterion,
    Criterion,
    Definition,
    Entry,
    NotOf,
    NumericCriterion,
    QuestionCriterion,
    RuleCriterion,
)

#: How the Annex words each comparison; the symbol is the exact comparison.
OPERATORS: dict[str, tuple[str, str]] = {
    ">=": ("at least", "≥"),
    ">": ("exceeding", ">"),
    "<": ("less than", "<"),
    "<=": ("equal to or less than", "≤"),
    "==": ("equal to", "="),
}
RULES: dict[str, str] = {
    "category_i_capability": (
        "the system can deliver at least 500 kg of payload to a range of at least 300 km "
        "(range and payload traded against each other)"
    ),
    "range_at_least_300_km": "the system can reach a range of at least 300 km, whatever its payload",
    "aerosol_uav": "an unmanned aerial vehicle designed or modified to dispense an aerosol",
}
BASIS: dict[str, str] = {
    "V": "verified: the entry number and its thresholds were checked against public texts",
    "E": "thresholds verified in the EU equivalent; the entry number is inferred",
    "N": "entry number confirmed; the wording is to be checked against the official text",
    "K": "recalled only; to be checked against the official text",
}
GROUP_NAMES: dict[str, str] = {
    "A": "Equipment, assemblies and components",
    "B": "Test and production equipment",
    "C": "Materials",
    "D": "Software",
    "E": "Technology",
}
TIMES = "\u00d7"
_QUOTES = "\"'\u201c\u201d\u2018\u2019"
_SUPERSCRIPT = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")
_UNIT_WORDS = {
    "degC": "°C",
    "degF": "°F",
    "degK": "K",
    "kelvin": "K",
    "percent": "%",
    "um": "µm",
    "micrometer": "µm",
    "deg": "°",
    "degree": "°",
    "ohm": "Ω",
}


@dataclass(frozen=True)
class Clause:
    """One node of a criteria tree in words.

    ``joiner`` is ``"all"``, ``"any"`` or ``"not"`` for a branch (its ``children`` hold the parts) and
    ``None`` for a leaf; ``comparison`` is a numeric leaf's exact comparison (``≥ 1.1 x 10⁶ N·s``).
    """

    text: str
    joiner: str | None = None
    children: tuple[Clause, ...] = ()
    comparison: str | None = None
    criterion: Criterion | None = None


def number(value: float) -> str:
    """``1100000.0`` -> ``1.1 x 10⁶`` (a multiplication sign); ``12.0`` -> ``12``; ``0.15`` -> ``0.15``."""
    if value == 0 or not math.isfinite(value):
        return "0" if value == 0 else str(value)
    exponent = math.floor(math.log10(abs(value)))
    if -3 <= exponent < 5:
        text = f"{value:,.6g}" if abs(value) >= 10_000 else f"{value:.6g}"
        return text.replace(",", " ")
    mantissa = f"{value / 10**exponent:.6g}"
    if mantissa == "10":
        mantissa, exponent = "1", exponent + 1
    prefix = "" if mantissa == "1" else f"{mantissa} {TIMES} "
    return f"{prefix}10{str(exponent).translate(_SUPERSCRIPT)}"


def unit_symbol(unit: str) -> str:
    """``N*s`` -> ``N·s``; ``m/s**2`` -> ``m/s²``; ``degC`` -> ``°C``; ``percent`` -> ``%``."""
    text = re.sub(r"\*\*(-?\d+)", lambda m: m.group(1).translate(_SUPERSCRIPT), unit.replace(" ", ""))
    text = re.sub(r"[A-Za-z_]+", lambda m: _UNIT_WORDS.get(m.group(0), m.group(0)), text)
    return text.replace("*", "·")


def quantity(value: float, unit: str) -> str:
    symbol = unit_symbol(unit)
    return f"{number(value)}{'' if symbol == '%' else ' '}{symbol}"


def parameter_name(parameter_id: str, annex: Annex | None = None) -> str:
    parameter = annex.parameters.get(parameter_id) if annex is not None else None
    return parameter.name if parameter is not None else parameter_id.replace("_", " ")


def comparison(leaf: NumericCriterion) -> str:
    """The exact comparison, e.g. ``≥ 1.1 x 10⁶ N·s``."""
    return f"{OPERATORS[leaf.op][1]} {quantity(leaf.value, leaf.unit)}"


def leaf_words(leaf: Criterion, annex: Annex | None = None) -> str:
    """One leaf criterion as a phrase."""
    if isinstance(leaf, NumericCriterion):
        words = OPERATORS[leaf.op][0]
        return f"{parameter_name(leaf.parameter, annex)} {words} {quantity(leaf.value, leaf.unit)}"
    if isinstance(leaf, CategoricalCriterion):
        values = ", ".join(value.replace("_", " ") for value in leaf.values)
        verb = "is one of" if leaf.op == "in" else "is none of"
        if len(leaf.values) == 1:
            verb = "is" if leaf.op == "in" else "is not"
        return f"{parameter_name(leaf.parameter, annex)} {verb} {values}"
    if isinstance(leaf, QuestionCriterion):
        question = annex.questions.get(leaf.question) if annex is not None else None
        text = question.text if question is not None else leaf.question.replace("_", " ")
        return f"{'yes' if leaf.expect else 'no'} to: {text}"
    if isinstance(leaf, RuleCriterion):
        return RULES.get(leaf.rule, leaf.rule.replace("_", " "))
    raise TypeError(f"not a leaf criterion: {leaf!r}")


def clauses(criterion: Criterion, annex: Annex | None = None) -> Clause:
    """A criteria tree as nested :class:`Clause` objects."""
    if isinstance(criterion, AllOf):
        parts = tuple(clauses(inner, annex) for inner in criterion.all)
        return Clause("all of the following", "all", parts, criterion=criterion)
    if isinstance(criterion, AnyOf):
        parts = tuple(clauses(inner, annex) for inner in criterion.any)
        return Clause("any of the following", "any", parts, criterion=criterion)
    if isinstance(criterion, NotOf):
        return Clause("not the following", "not", (clauses(criterion.not_, annex),), criterion=criterion)
    exact = comparison(criterion) if isinstance(criterion, NumericCriterion) else None
    return Clause(leaf_words(criterion, annex), comparison=exact, criterion=criterion)


def _line(clause: Clause, top: bool) -> str:
    if clause.joiner is None:
        return clause.text
    if clause.joiner == "not":
        return f"not ({_line(clause.children[0], False)})"
    joined = f" {'and' if clause.joiner == 'all' else 'or'} ".join(_line(c, False) for c in clause.children)
    return joined if top or len(clause.children) == 1 else f"({joined})"


def in_words(criterion: Criterion | None, annex: Annex | None = None) -> str | None:
    """A criteria tree on one line: ``bore at least 12 mm and bore equal to or less than 50 mm``."""
    return None if criterion is None else _line(clauses(criterion, annex), top=True)


def _entry_text(entry: Entry) -> str:
    parts = [entry.title, entry.description, *entry.notes, *entry.technical_notes]
    parts += [exclusion.text for exclusion in entry.exclusions]
    return "\n".join(parts)


def _term_pattern(term: str) -> re.Pattern[str]:
    words = [re.escape(word) for word in re.split(r"\s+", term.strip().strip(_QUOTES))]
    return re.compile(r"(?<![\w-])" + r"[\s-]+".join(words) + r"(?:s|es)?(?![\w-])", re.IGNORECASE)


def definitions_used(annex: Annex, entry: Entry) -> list[Definition]:
    """The defined terms an entry uses, in definition order: the term or one of its aliases appears (as whole
    words, any case) in the entry's text, or a question of its criteria turns on the definition."""
    text = _entry_text(entry)
    trees = [entry.criteria, *(exclusion.when for exclusion in entry.exclusions)]
    by_question = {
        annex.questions[leaf.question].definition
        for tree in trees
        for leaf in criteria_leaves(tree)
        if isinstance(leaf, QuestionCriterion) and leaf.question in annex.questions
    }
    return [
        d
        for d in annex.definitions.values()
        if d.id in by_question
        or any(_term_pattern(t).search(text) for t in (d.term, *d.aliases) if t.strip())
    ]
