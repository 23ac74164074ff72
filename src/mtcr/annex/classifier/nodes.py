"""Criteria trees compiled for fast three-valued evaluation (true, false, unknown = ``None``).

Each node has two ways to be evaluated: ``truth(ctx)``, the fast path used for every candidate entry, and
``explain(ctx)``, which also returns the sentences of the criteria that decided and the questions whose
answers would decide an unknown result. Thresholds are compared in their own unit (``conversion`` module
docstring).

Three-valued logic (Kleene): ``all`` is false if any part is false, unknown if any part is unknown, else true;
``any`` is true if any part is true, unknown if any part is unknown, else false; ``not`` swaps true and false.
Only the parts that decide the result give reasons, and only the unknown parts that could change it give
questions, so answering the questions asked is always enough to go on.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from mtcr.annex.classifier.conversion import OPERATORS, compare, conversion
from mtcr.annex.classifier.questions import Ask
from mtcr.annex.classifier.reasons import comparison_text
from mtcr.annex.units import UNITS, unit

if TYPE_CHECKING:
    from mtcr.annex.classifier.capability_rule import RuleOutcome
    from mtcr.annex.classifier.resolve import ResolvedItem

Truth = bool | None


class Context:
    """One item being classified: its values, its rule outcomes, the criteria forced true (near misses)."""

    __slots__ = ("forced", "item", "rule")

    def __init__(self, item: ResolvedItem, rule: Callable[[str], RuleOutcome]) -> None:
        self.item = item
        self.rule = rule
        self.forced: frozenset[Node] = frozenset()


@dataclass(slots=True)
class Outcome:
    truth: Truth
    reasons: list[str] = field(default_factory=list)
    asks: list[Ask] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Miss:
    """How far a failed criterion is from holding: ``relative`` (fraction), ``value`` vs ``threshold``."""

    relative: float
    value: float
    op: str
    threshold: float
    unit: str
    quantity: str
    parameter: str = ""


class Node:
    __slots__ = ()

    def truth(self, ctx: Context) -> Truth:
        raise NotImplementedError

    def explain(self, ctx: Context) -> Outcome:
        raise NotImplementedError

    def leaves(self) -> list[Node]:
        return [self]

    def asks(self, ctx: Context) -> list[Ask]:
        """The questions whose answers could decide this node while it is unknown (no sentences built)."""
        return self.probe(ctx)[1]

    def probe(self, ctx: Context) -> tuple[Truth, list[Ask]]:
        """The truth and, when unknown, the questions that could decide it, in one pass."""
        value = self.truth(ctx)
        return value, ([self.ask] if value is None else [])  # type: ignore[attr-defined]

    def miss(self, ctx: Context) -> Miss | None:
        """How narrowly this criterion fails for the item, if it is one that can fail narrowly."""
        return None


@lru_cache(maxsize=256)
def _absolute_unit(text: str) -> str:
    """The unit in which ratios make sense: kelvin for °C/°F, the unit itself otherwise."""
    base = str(UNITS.Quantity(1.0, unit(text)).to_base_units().units)
    try:
        return base if conversion(text, base).offset != 0.0 else text
    except ValueError:  # a logarithmic unit (dB): margins stay in its own scale
        return text


class NumericLeaf(Node):
    """``{parameter, op, value, unit}``: the item's value, converted to the threshold's unit, against it."""

    __slots__ = ("ask", "name", "op", "parameter", "source", "threshold", "unit")

    def __init__(
        self,
        parameter: str,
        op: str,
        threshold: float,
        unit_text: str,
        name: str,
        source: str,
        canonical_unit: str,
    ) -> None:
        self.parameter, self.op, self.threshold, self.unit = parameter, op, threshold, unit_text
        self.name, self.source = name, source
        self.ask = Ask(
            parameter, "value", f"What is the item's {name} (in {canonical_unit})?", unit=canonical_unit
        )

    def truth(self, ctx: Context) -> Truth:
        if ctx.forced and self in ctx.forced:
            return True
        item = ctx.item
        if self.parameter not in item.numeric:
            return None
        value, convert = item.value_in(self.parameter, self.unit)  # type: ignore[misc]
        if convert.exact:
            return OPERATORS[self.op](value, self.threshold)
        return compare(value, self.op, self.threshold, False, convert.offset)

    def explain(self, ctx: Context) -> Outcome:
        truth = self.truth(ctx)
        if truth is None:
            return Outcome(None, [], [self.ask])
        value = ctx.item.value_in(self.parameter, self.unit)[0]  # type: ignore[index]
        given = ctx.item.numeric[self.parameter]
        text = comparison_text(
            self.name, given, value, self.op, self.threshold, self.unit, truth, self.source
        )
        return Outcome(truth, [text])

    def miss(self, ctx: Context) -> Miss | None:
        got = ctx.item.value_in(self.parameter, self.unit)
        if got is None or self.truth(ctx) is not False:
            return None
        value = got[0]
        absolute = _absolute_unit(self.unit)
        to_absolute = conversion(self.unit, absolute)
        threshold_abs, value_abs = to_absolute(self.threshold), to_absolute(value)
        if threshold_abs == 0.0:
            return None
        relative = abs(value_abs - threshold_abs) / abs(threshold_abs)
        return Miss(relative, value, self.op, self.threshold, self.unit, self.name, self.parameter)


class CategoricalLeaf(Node):
    """``{parameter, op: in | not_in, values}``: a word of a categorical parameter."""

    __slots__ = ("_listed", "ask", "inside", "name", "parameter", "source", "values")

    def __init__(
        self,
        parameter: str,
        op: str,
        values: tuple[str, ...],
        name: str,
        source: str,
        allowed: tuple[str, ...],
    ) -> None:
        self.parameter, self.values, self.inside = parameter, frozenset(values), op == "in"
        self.name, self.source = name, source
        choices = f" ({', '.join(allowed)})" if allowed else ""
        self.ask = Ask(parameter, "value", f"What is the item's {name}{choices}?")
        self._listed = ", ".join(values)

    def truth(self, ctx: Context) -> Truth:
        if ctx.forced and self in ctx.forced:
            return True
        value = ctx.item.categorical.get(self.parameter)
        if value is None:
            return None
        return (value in self.values) == self.inside

    def explain(self, ctx: Context) -> Outcome:
        truth = self.truth(ctx)
        if truth is None:
            return Outcome(None, [], [self.ask])
        value = ctx.item.categorical[self.parameter]
        listed = value in self.values
        verb = "is one of" if listed else "is not one of"
        return Outcome(truth, [f"{self.name} '{value}' {verb} {self._listed} ({self.source})"])


class QuestionLeaf(Node):
    """``{question, expect}``: a qualitative criterion answered yes or no."""

    __slots__ = ("ask", "expect", "question", "source")

    def __init__(self, ask: Ask, expect: bool, source: str) -> None:
        self.question, self.expect, self.source, self.ask = ask.id, expect, source, ask

    def truth(self, ctx: Context) -> Truth:
        if ctx.forced and self in ctx.forced:
            return True
        answer = ctx.item.answers.get(self.question)
        return None if answer is None else answer == self.expect

    def explain(self, ctx: Context) -> Outcome:
        truth = self.truth(ctx)
        if truth is None:
            return Outcome(None, [], [self.ask])
        answer = "yes" if ctx.item.answers[self.question] else "no"
        return Outcome(truth, [f"answered {answer}: {self.ask.text} ({self.source})"])


class RuleLeaf(Node):
    """``{rule}``: decided by a range/payload rule of the Annex Introduction (``capability_rule``)."""

    __slots__ = ("rule", "source")

    def __init__(self, rule: str, source: str) -> None:
        self.rule, self.source = rule, source

    def truth(self, ctx: Context) -> Truth:
        if ctx.forced and self in ctx.forced:
            return True
        return ctx.rule(self.rule).truth

    def explain(self, ctx: Context) -> Outcome:
        outcome = ctx.rule(self.rule)
        truth = True if ctx.forced and self in ctx.forced else outcome.truth
        asks = [outcome.ask] if truth is None and outcome.ask is not None else []
        return Outcome(truth, [f"{reason} ({self.source})" for reason in outcome.reasons], asks)

    def probe(self, ctx: Context) -> tuple[Truth, list[Ask]]:
        value = self.truth(ctx)
        ask = ctx.rule(self.rule).ask
        return value, ([ask] if value is None and ask is not None else [])

    def miss(self, ctx: Context) -> Miss | None:
        outcome = ctx.rule(self.rule)
        margin = outcome.margin
        if outcome.truth is not False or margin is None:
            return None
        return Miss(
            margin.percent / 100.0,
            margin.value,
            ">=",
            margin.threshold,
            margin.unit,
            margin.quantity,
            self.rule,
        )


class KindLeaf(Node):
    """The item is of one of the narrower kinds an entry covers: asked as ``is_<kind>``."""

    __slots__ = ("kinds", "questions", "source")

    def __init__(self, questions: tuple[Ask, ...], source: str) -> None:
        self.questions, self.kinds, self.source = questions, tuple(ask.id for ask in questions), source

    def truth(self, ctx: Context) -> Truth:
        if ctx.forced and self in ctx.forced:
            return True
        answers = ctx.item.answers
        if not answers:
            return None
        result: Truth = False
        for kind in self.kinds:
            answer = answers.get(kind)
            if answer is True:
                return True
            if answer is None:
                result = None
        return result

    def probe(self, ctx: Context) -> tuple[Truth, list[Ask]]:
        value = self.truth(ctx)
        if value is not None:
            return value, []
        return None, [ask for ask in self.questions if ctx.item.answers.get(ask.id) is None]

    def explain(self, ctx: Context) -> Outcome:
        truth = self.truth(ctx)
        if truth is None:
            return Outcome(None, [], self.asks(ctx))
        said = "yes" if truth else "no"
        return Outcome(
            truth, [f"answered {said}: {' / '.join(a.text for a in self.questions)} ({self.source})"]
        )


class AllNode(Node):
    __slots__ = ("children",)

    def __init__(self, children: tuple[Node, ...]) -> None:
        self.children = children

    def truth(self, ctx: Context) -> Truth:
        result: Truth = True
        for child in self.children:
            value = child.truth(ctx)
            if value is False:
                return False
            if value is None:
                result = None
        return result

    def explain(self, ctx: Context) -> Outcome:
        outcomes = [child.explain(ctx) for child in self.children]
        if any(o.truth is False for o in outcomes):
            return Outcome(False, [r for o in outcomes if o.truth is False for r in o.reasons])
        if any(o.truth is None for o in outcomes):
            return Outcome(
                None,
                [r for o in outcomes if o.truth for r in o.reasons],
                [a for o in outcomes if o.truth is None for a in o.asks],
            )
        return Outcome(True, [r for o in outcomes for r in o.reasons])

    def probe(self, ctx: Context) -> tuple[Truth, list[Ask]]:
        result: Truth = True
        found: list[Ask] = []
        for child in self.children:
            value, asks = child.probe(ctx)
            if value is False:
                return value, []
            if value is None:
                result = None
                found += asks
        return result, found

    def leaves(self) -> list[Node]:
        return [leaf for child in self.children for leaf in child.leaves()]


class AnyNode(Node):
    __slots__ = ("children",)

    def __init__(self, children: tuple[Node, ...]) -> None:
        self.children = children

    def truth(self, ctx: Context) -> Truth:
        result: Truth = False
        for child in self.children:
            value = child.truth(ctx)
            if value is True:
                return True
            if value is None:
                result = None
        return result

    def explain(self, ctx: Context) -> Outcome:
        outcomes = [child.explain(ctx) for child in self.children]
        if any(o.truth is True for o in outcomes):
            return Outcome(True, [r for o in outcomes if o.truth is True for r in o.reasons])
        if any(o.truth is None for o in outcomes):
            return Outcome(
                None,
                [r for o in outcomes if o.truth is False for r in o.reasons],
                [a for o in outcomes if o.truth is None for a in o.asks],
            )
        return Outcome(False, [r for o in outcomes for r in o.reasons])

    def probe(self, ctx: Context) -> tuple[Truth, list[Ask]]:
        result: Truth = False
        found: list[Ask] = []
        for child in self.children:
            value, asks = child.probe(ctx)
            if value is True:
                return value, []
            if value is None:
                result = None
                found += asks
        return result, found

    def leaves(self) -> list[Node]:
        return [leaf for child in self.children for leaf in child.leaves()]


class NotNode(Node):
    __slots__ = ("child",)

    def __init__(self, child: Node) -> None:
        self.child = child

    def truth(self, ctx: Context) -> Truth:
        value = self.child.truth(ctx)
        return None if value is None else not value

    def explain(self, ctx: Context) -> Outcome:
        inner = self.child.explain(ctx)
        return Outcome(None if inner.truth is None else not inner.truth, inner.reasons, inner.asks)

    def probe(self, ctx: Context) -> tuple[Truth, list[Ask]]:
        value, asks = self.child.probe(ctx)
        return (None if value is None else not value), asks

    def leaves(self) -> list[Node]:
        return self.child.leaves()
