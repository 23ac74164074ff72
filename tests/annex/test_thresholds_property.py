"""Every numeric threshold of the Annex data, tested from the data itself, so a new entry is tested too.

For each numeric criterion of each entry (in its criteria, or in one of its exclusions) an item is built that
makes the criterion decisive: the other criteria are set to hold (or fail, under ``any``/``not``), the
questions are answered accordingly and the other exclusions are set not to apply. The tested parameter is then
put exactly on the threshold and just across it, in the threshold's own unit (the next float) and in another
unit (lbf·s for N·s, °F for °C...), and the entry must match, not match, or take its Category II treatment,
as the stored operator says. Hypothesis then tries random distances on either side.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass, field
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mtcr.annex.classifier import classify
from mtcr.annex.classifier.conversion import ON_THRESHOLD, conversion
from mtcr.annex.classifier.index import AnnexIndex, Candidate
from mtcr.annex.classifier.nodes import (
    AllNode,
    AnyNode,
    CategoricalLeaf,
    KindLeaf,
    Node,
    NotNode,
    NumericLeaf,
    QuestionLeaf,
    RuleLeaf,
)
from mtcr.annex.loader import Annex, load_annex
from mtcr.annex.units import compatible, to_unit, unit

OTHER_UNITS = (
    "lbf*s",
    "lbf",
    "lb",
    "nmi",
    "ft",
    "inch",
    "psi",
    "degF",
    "gallon",
    "hp",
    "ft/s",
    "ft/s**2",
    "Btu/lb",
    "lb/(lbf*h)",
    "kHz",
    "ms",
    "percent",
    "permille",
    "g/cm**3",
    "mm",
    "kPa",
    "minute",
    "gallon/minute",
    "lb/ft**3",
    "Hz",
    "keV",
    "cal/cm**2",
)


class Unsatisfiable(Exception):
    """The other criteria cannot be set so that the tested one decides (reported as a skip)."""


@dataclass
class Constraints:
    """What the item must satisfy; ``choices`` are the ``all``-false / ``any``-true nodes still to settle."""

    numeric: dict[str, list[tuple[str, float, str, bool]]] = field(default_factory=dict)
    categorical: dict[str, list[tuple[frozenset[str], bool, bool]]] = field(default_factory=dict)
    answers: dict[str, bool] = field(default_factory=dict)
    choices: list[tuple[tuple[Node, ...], bool]] = field(default_factory=list)

    def answer(self, question: str, value: bool) -> None:
        if self.answers.get(question, value) != value:
            raise Unsatisfiable(f"question {question} needed both yes and no")
        self.answers[question] = value

    def copy(self) -> Constraints:
        return Constraints(
            {k: list(v) for k, v in self.numeric.items()},
            {k: list(v) for k, v in self.categorical.items()},
            dict(self.answers),
            list(self.choices),
        )


def force(node: Node, want: bool, into: Constraints) -> None:
    """Record what makes ``node`` evaluate to ``want``; a choice between children is left to ``settle``."""
    if isinstance(node, NotNode):
        force(node.child, not want, into)
    elif isinstance(node, AllNode | AnyNode):
        every = want if isinstance(node, AllNode) else not want
        if every:
            for child in node.children:
                force(child, want, into)
        else:
            into.choices.append((node.children, want))
    elif isinstance(node, NumericLeaf):
        into.numeric.setdefault(node.parameter, []).append((node.op, node.threshold, node.unit, want))
    elif isinstance(node, CategoricalLeaf):
        into.categorical.setdefault(node.parameter, []).append((node.values, node.inside, want))
    elif isinstance(node, QuestionLeaf):
        into.answer(node.question, node.expect if want else not node.expect)
    elif isinstance(node, RuleLeaf):
        into.answer(node.rule, want)
    elif isinstance(node, KindLeaf):
        for kind in node.kinds:
            into.answer(kind, want)
    else:  # pragma: no cover
        raise TypeError(node)


def check(into: Constraints, annex: Annex, avoid: str) -> None:
    """Raise ``Unsatisfiable`` unless some item meets the constraints (the tested parameter aside)."""
    for name, constraints in into.numeric.items():
        if name != avoid:
            solve_numeric(constraints, annex.parameters[name].unit or constraints[0][2])
    for name, constraints in into.categorical.items():
        solve_categorical(constraints, annex.parameters[name].values)


def settle(into: Constraints, annex: Annex, avoid: str) -> Constraints:
    """Resolve the choices depth first, preferring children that leave the tested parameter alone."""
    check(into, annex, avoid)
    if not into.choices:
        return into
    (children, want), rest = into.choices[0], into.choices[1:]
    for child in sorted(children, key=lambda c: avoid in _parameters(c)):
        trial = into.copy()
        trial.choices = rest
        try:
            force(child, want, trial)
            return settle(trial, annex, avoid)
        except Unsatisfiable:
            continue
    raise Unsatisfiable(f"no way to make one of {len(children)} alternatives {'hold' if want else 'fail'}")


def _parameters(node: Node) -> set[str]:
    return {leaf.parameter for leaf in node.leaves() if isinstance(leaf, NumericLeaf | CategoricalLeaf)}


def _path(node: Node, target: Node) -> list[Node] | None:
    if node is target:
        return [node]
    children = (
        node.children
        if isinstance(node, AllNode | AnyNode)
        else (node.child,)
        if isinstance(node, NotNode)
        else ()
    )
    for child in children:
        found = _path(child, target)
        if found is not None:
            return [node, *found]
    return None


def decisive(tree: Node, target: Node, into: Constraints) -> bool:
    """Set the rest of ``tree`` so that it equals the target leaf (``True``) or its negation (``False``)."""
    path = _path(tree, target)
    assert path is not None
    polarity = True
    for node, below in itertools.pairwise(path):
        if isinstance(node, NotNode):
            polarity = not polarity
        else:
            want = isinstance(node, AllNode)  # siblings of ``all`` hold; siblings of ``any`` fail
            for sibling in node.children:  # type: ignore[attr-defined]
                if sibling is not below:
                    force(sibling, want, into)
    return polarity


def _holds(op: str, value: float, threshold: float) -> bool:
    return {
        ">=": value >= threshold,
        ">": value > threshold,
        "<": value < threshold,
        "<=": value <= threshold,
        "==": value == threshold,
    }[op]


def solve_numeric(constraints: list[tuple[str, float, str, bool]], canonical: str) -> float:
    """A value (in ``canonical``) meeting every (op, threshold, unit, want)."""
    lows, highs, points = [], [], []
    for op, threshold, threshold_unit, want in constraints:
        value = to_unit(threshold, threshold_unit, canonical)
        effective = op if want else {">=": "<", ">": "<=", "<": ">=", "<=": ">", "==": "!="}[op]
        if effective in (">=", ">"):
            lows.append(value)
        elif effective in ("<", "<="):
            highs.append(value)
        elif effective == "==":
            points.append(value)
    if points:
        return points[0]
    low, high = (max(lows) if lows else None), (min(highs) if highs else None)
    if low is not None and high is not None:
        if low >= high:
            raise Unsatisfiable(f"no value between {low} and {high} {canonical}")
        return (low + high) / 2
    if low is not None:
        return low + max(abs(low), 1.0)
    if high is not None:
        return high / 2 if high > 0 else high - max(abs(high), 1.0)
    return 1.0


def solve_categorical(constraints: list[tuple[frozenset[str], bool, bool]], allowed: tuple[str, ...]) -> str:
    pool = list(allowed) or [*sorted({v for values, _, _ in constraints for v in values}), "unlisted-value"]
    for value in pool:
        if all(((value in values) == inside) == want for values, inside, want in constraints):
            return value
    raise Unsatisfiable(f"no categorical value meets {constraints}")


@dataclass(frozen=True)
class ThresholdCase:
    entry: str
    kind: str
    where: str  # "criteria" or the exclusion id
    effect: str  # "match", "excluded" or "category_ii_treatment"
    parameter: str
    op: str
    threshold: float
    unit: str
    polarity: bool
    base: dict[str, Any]

    @property
    def id(self) -> str:
        return f"{self.entry}:{self.where}:{self.parameter}{self.op}{self.threshold:g}{self.unit}"


def _base_item(
    annex: Annex, candidate: Candidate, into: Constraints, parameter: str, kind: str
) -> dict[str, Any]:
    parameters: dict[str, Any] = {}
    for name, constraints in into.numeric.items():
        if name == parameter:
            continue
        canonical = annex.parameters[name].unit or constraints[0][2]
        parameters[name] = {"value": solve_numeric(constraints, canonical), "unit": canonical}
    for name, constraints in into.categorical.items():
        parameters[name] = solve_categorical(constraints, annex.parameters[name].values)
    return {
        "kind": kind,
        "name": f"threshold of {candidate.entry.id}",
        "parameters": parameters,
        "answers": dict(into.answers),
    }


def threshold_cases(annex: Annex) -> tuple[list[ThresholdCase], list[str]]:
    """Every numeric threshold as a case; and, for those that cannot be made decisive, why."""
    index = AnnexIndex.of(annex)
    cases: list[ThresholdCase] = []
    skipped: list[str] = []
    for entry_id in annex.entries:
        candidate = index.candidate(entry_id)
        if candidate is None:
            continue
        kind = next(
            k
            for k in index.kinds_of(entry_id)
            if k in candidate.covering_kinds or not candidate.covering_kinds
        )
        trees = [("criteria", "match", candidate.tree, None)] + [
            (x.exclusion.id, x.exclusion.effect, x.node, x) for x in candidate.exclusions
        ]
        for where, effect, tree, own in trees:
            for leaf in tree.leaves():
                if not isinstance(leaf, NumericLeaf):
                    continue
                into = Constraints()
                try:
                    if own is not None:
                        force(candidate.tree, True, into)
                    polarity = decisive(tree, leaf, into)
                    for other in candidate.exclusions:
                        if other is not own:
                            force(other.node, False, into)
                    into = settle(into, annex, leaf.parameter)
                    base = _base_item(annex, candidate, into, leaf.parameter, kind)
                except Unsatisfiable as exc:
                    skipped.append(f"{entry_id} {leaf.parameter}: {exc}")
                    continue
                constraints = into.numeric.get(leaf.parameter, [])
                cases.append(
                    ThresholdCase(
                        entry_id,
                        kind,
                        where,
                        effect,
                        leaf.parameter,
                        leaf.op,
                        leaf.threshold,
                        leaf.unit,
                        polarity,
                        {**base, "_same": tuple(constraints)},
                    )
                )
    return cases, skipped


def _landed(case: ThresholdCase, value: float, value_unit: str) -> bool:
    """Classify the case's item with the tested parameter at ``value`` and say whether the leaf 'held'."""
    item = {k: v for k, v in case.base.items() if k != "_same"}
    item["parameters"] = {**item["parameters"], case.parameter: {"value": value, "unit": value_unit}}
    result = classify(item, ANNEX)
    if case.effect == "match":
        held_tree = case.entry in result.entries
    elif case.effect == "excluded":
        held_tree = any(x.entry == case.entry for x in result.excluded)
        assert held_tree or case.entry in result.entries, f"{case.entry} neither matched nor excluded"
    else:
        match = result.match(case.entry)
        assert match is not None, f"{case.entry} should match; questions: {[q.id for q in result.questions]}"
        held_tree = match.category_ii_treatment
    return held_tree == case.polarity


def _same_parameter_ok(case: ThresholdCase, value: float) -> bool:
    """The value also meets the other conditions the entry puts on the same parameter."""
    return all(_holds(op, to_unit(value, case.unit, u), t) == want for op, t, u, want in case.base["_same"])


def _linear(a: str, b: str) -> bool:
    try:
        conversion(a, b)
    except ValueError:
        return False
    return True


def other_unit(text: str) -> str | None:
    """A different unit for the same quantity, of the nearest size (inch for mm, lbf·s for N·s, °F for °C)."""
    found = [
        candidate
        for candidate in OTHER_UNITS
        if candidate != text
        and compatible(candidate, text)
        and unit(candidate) != unit(text)
        and _linear(text, candidate)
    ]
    if not found:
        return None
    return min(found, key=lambda c: abs(math.log10(abs(to_unit(1.0, text, c) - to_unit(0.0, text, c)))))


def _load() -> tuple[Annex | None, str]:
    try:
        return load_annex(), ""
    except Exception as exc:
        return None, str(exc)


ANNEX, LOAD_ERROR = _load()
CASES, SKIPPED = threshold_cases(ANNEX) if ANNEX is not None else ([], [])


def test_the_data_loads_and_has_thresholds() -> None:
    assert ANNEX is not None, LOAD_ERROR
    assert len(CASES) > 50
    assert not SKIPPED, "thresholds that cannot be made decisive:\n" + "\n".join(SKIPPED)


def _step(threshold: float, direction: float) -> float:
    return math.nextafter(threshold, math.copysign(math.inf, direction))


def _across(op: str) -> float:
    """Which side of the threshold flips the comparison from its value on the threshold."""
    return {">=": -1.0, ">": 1.0, "<": -1.0, "<=": 1.0, "==": 1.0}[op]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_on_and_just_across_the_threshold_in_its_own_unit(case: ThresholdCase) -> None:
    on, across = case.threshold, _step(case.threshold, _across(case.op))
    assert _landed(case, on, case.unit) == ON_THRESHOLD[case.op], f"on {on} {case.unit}"
    if _same_parameter_ok(case, across):
        assert _landed(case, across, case.unit) == (not ON_THRESHOLD[case.op]), (
            f"across {across!r} {case.unit}"
        )


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_on_and_just_across_the_threshold_in_another_unit(case: ThresholdCase) -> None:
    alternative = other_unit(case.unit)
    if alternative is None:
        pytest.skip(f"no other unit for {case.unit}")
    step = 1e-6 * max(abs(case.threshold), 1e-3)
    across = case.threshold + _across(case.op) * step
    on_value = to_unit(case.threshold, case.unit, alternative)
    assert _landed(case, on_value, alternative) == ON_THRESHOLD[case.op], f"on: {on_value} {alternative}"
    if _same_parameter_ok(case, across):
        across_value = to_unit(across, case.unit, alternative)
        assert _landed(case, across_value, alternative) == (not ON_THRESHOLD[case.op]), (
            f"{across_value} {alternative}"
        )


@pytest.mark.skipif(not CASES, reason="no data")
@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(CASES or [None]),
    st.floats(min_value=1e-6, max_value=0.5, allow_nan=False),
    st.sampled_from([-1.0, 1.0]),
)
def test_values_away_from_the_threshold_land_on_the_side_the_operator_says(
    case: ThresholdCase, relative: float, side: float
) -> None:
    value = case.threshold + side * relative * max(abs(case.threshold), 1e-3)
    if not _same_parameter_ok(case, value):
        return
    assert _landed(case, value, case.unit) == _holds(case.op, value, case.threshold)
