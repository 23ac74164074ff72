"""Criteria in words, with the exact comparison, and the definitions an entry's text uses."""

from __future__ import annotations

import pytest

from mtcr.annex.describe import TIMES as X
from mtcr.annex.describe import clauses, definitions_used, in_words, number, unit_symbol
from mtcr.annex.schema import AllOf, NotOf, NumericCriterion
from tests.annex.synthetic import synthetic


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (1.1e6, f"1.1 {X} 10⁶"),
        (5e5, f"5 {X} 10⁵"),
        (12.0, "12"),
        (0.15, "0.15"),
        (13.326, "13.326"),
        (8000, "8000"),
        (10_000, "10 000"),
        (0.0005, f"5 {X} 10⁻⁴"),
        (0, "0"),
    ],
)
def test_numbers_read_as_people_write_them(value, text) -> None:
    assert number(value) == text


@pytest.mark.parametrize(
    ("unit", "symbol"), [("N*s", "N·s"), ("m/s**2", "m/s²"), ("degC", "°C"), ("percent", "%"), ("um", "µm")]
)
def test_unit_symbols(unit, symbol) -> None:
    assert unit_symbol(unit) == symbol


def test_a_threshold_in_words_and_exactly() -> None:
    annex = synthetic()
    leaf = annex.entries["2.A.1.c.1"].criteria
    clause = clauses(leaf, annex)
    assert clause.text == f"total impulse capacity at least 1.1 {X} 10⁶ N·s"
    assert clause.comparison == f"≥ 1.1 {X} 10⁶ N·s"
    assert in_words(annex.entries["4.C.2.a"].criteria, annex) == "concentration exceeding 70%"


def test_a_tree_in_words() -> None:
    annex = synthetic()
    tree = clauses(annex.entries["3.A.7"].criteria, annex)
    assert tree.joiner == "all" and len(tree.children) == 7
    assert tree.children[0].text == "yes to: Is it made to ISO 492 Tolerance Class 2 or better?"
    assert tree.children[2].text == "inner-ring bore diameter equal to or less than 50 mm"
    negated = NotOf.model_validate(
        {"not": AllOf(all=(NumericCriterion(parameter="x_y", op="<", value=3, unit="kg"),))}
    )
    assert in_words(negated) == "not (x y less than 3 kg)"
    assert in_words(None) is None


def test_definitions_used_are_found_in_the_entry_text() -> None:
    annex = synthetic()
    assert [d.id for d in definitions_used(annex, annex.entries["1.A.1"])] == ["range", "payload"]
    assert [d.id for d in definitions_used(annex, annex.entries["1.E.1"])] == ["technology"]
    assert definitions_used(annex, annex.entries["3.A.7"]) == []
