"""Turn the Annex criteria language (``schema`` module docstring) into evaluation nodes, once per entry."""

from __future__ import annotations

from mtcr.annex.classifier.capability_rule import ASKS
from mtcr.annex.classifier.conversion import pretty_unit
from mtcr.annex.classifier.nodes import (
    AllNode,
    AnyNode,
    CategoricalLeaf,
    Node,
    NotNode,
    NumericLeaf,
    QuestionLeaf,
    RuleLeaf,
)
from mtcr.annex.classifier.questions import Ask
from mtcr.annex.loader import Annex
from mtcr.annex.schema import (
    AllOf,
    AnyOf,
    CategoricalCriterion,
    Criterion,
    NotOf,
    NumericCriterion,
    QuestionCriterion,
    RuleCriterion,
)


def question_ask(annex: Annex, question_id: str) -> Ask:
    """The yes/no question of the vocabulary, or of a range/payload rule."""
    question = annex.questions.get(question_id)
    if question is None:
        return ASKS[question_id]
    return Ask(question.id, "yes_no", question.text, question.help)


def compile_criterion(criterion: Criterion, annex: Annex, source: str) -> Node:
    """One node per criterion; ``source`` is the entry the criterion belongs to, named in the reasons."""
    if isinstance(criterion, NumericCriterion):
        parameter = annex.parameters[criterion.parameter]
        return NumericLeaf(
            criterion.parameter,
            criterion.op,
            criterion.value,
            criterion.unit,
            parameter.name,
            source,
            pretty_unit(parameter.unit or criterion.unit),
        )
    if isinstance(criterion, CategoricalCriterion):
        parameter = annex.parameters[criterion.parameter]
        return CategoricalLeaf(
            criterion.parameter, criterion.op, criterion.values, parameter.name, source, parameter.values
        )
    if isinstance(criterion, QuestionCriterion):
        return QuestionLeaf(question_ask(annex, criterion.question), criterion.expect, source)
    if isinstance(criterion, RuleCriterion):
        return RuleLeaf(criterion.rule, source)
    if isinstance(criterion, AllOf):
        return AllNode(tuple(compile_criterion(inner, annex, source) for inner in criterion.all))
    if isinstance(criterion, AnyOf):
        return AnyNode(tuple(compile_criterion(inner, annex, source) for inner in criterion.any))
    if isinstance(criterion, NotOf):
        return NotNode(compile_criterion(criterion.not_, annex, source))
    raise TypeError(f"unknown criterion {criterion!r}")  # pragma: no cover - the schema admits no other
