"""HTTP API shapes of a classification: ``Classification.to_dict()`` of the classifier, documented."""

from __future__ import annotations

from typing import Literal

from ninja import Field, Schema

Category = Literal["I", "II"]


class ItemEchoOut(Schema):
    name: str
    kind: str
    designed_for: str
    end_use: str


class EntryMatchOut(Schema):
    entry: str = Field(description="The entry the item falls under, e.g. '20.A.1.b.1'.")
    title: str
    category: Category = Field(description="The entry's Category.")
    effective_category: Category = Field(description="'II' when Category II treatment is possible.")
    reasons: list[str] = Field(
        description="Why: the kind, each parameter against its threshold, each answer."
    )
    category_ii_treatment: bool
    treatment: list[str] = Field(description="The notes that allow Category II treatment, when they hold.")
    pending: list[str] = Field(description="Question ids whose answers could still take the item out.")
    chain: list[str] = Field(description="The entry and the enclosing entries whose criteria it met.")
    notes: list[str]
    basis: str = Field(description="V verified, E EU-verified, N number confirmed, K recalled.")
    equivalents: dict[str, list[str]] = Field(description="Entries of other control lists (eu, us, other).")


class ExcludedOut(Schema):
    entry: str
    title: str
    category: Category
    exclusion: str = Field(description="The exclusion's id.")
    text: str = Field(description="The exclusion's words.")
    reasons: list[str] = Field(description="Why the exclusion holds.")


class NearMissOut(Schema):
    entry: str
    title: str
    category: Category
    parameter: str = Field(description="The parameter id, or the range/payload rule.")
    name: str = Field(description="The quantity in words.")
    value: float = Field(description="The item's value, in unit.")
    threshold: float = Field(description="The threshold, in unit.")
    op: str = Field(description="'>=' at least, '>' exceeding, '<' less than, '<=' equal to or less than.")
    unit: str
    margin: float = Field(description="How far the value is from the threshold, in unit.")
    margin_percent: float = Field(description="The margin as a share of the threshold (10 % at most).")
    reason: str


class UndecidedOut(Schema):
    entry: str
    title: str
    category: Category
    questions: list[str] = Field(description="The ids of the questions that decide it.")


class QuestionOut(Schema):
    id: str = Field(description="Answer it with answers: {id: true|false}, or give the parameter of that id.")
    sort: Literal["yes_no", "value"] = Field(description="A yes/no question, or a parameter value missing.")
    text: str
    help: str
    unit: str | None = Field(description="The canonical unit of a missing value.")
    entries: list[str] = Field(description="The entries its answer decides.")


class FlagOut(Schema):
    id: str
    text: str = Field(description="What an assessor should look at although the result is decided.")


class ClassificationOut(Schema):
    item: ItemEchoOut
    annex_version: str
    controlled: bool = Field(description="True when the item falls under at least one entry.")
    category: Category | None = Field(description="'I', 'II', or null when not controlled.")
    decided: bool = Field(description="False while an answer could add or remove an entry or its treatment.")
    matches: list[EntryMatchOut]
    excluded: list[ExcludedOut]
    near_misses: list[NearMissOut]
    undecided: list[UndecidedOut]
    questions: list[QuestionOut]
    flags: list[FlagOut]
    notes: list[str] = Field(description="General notes that apply (technology, software).")
