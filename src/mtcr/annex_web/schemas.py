"""HTTP API shapes of the Annex."""

from __future__ import annotations

from typing import Any

from ninja import Field, Schema


class VersionOut(Schema):
    id: str = Field(description="Stable identifier of the edition, e.g. '2024-04'.")
    title: str
    adopted_by: str = Field(description="The meeting that adopted it.")
    adopted_on: str = Field(description="YYYY-MM-DD.")
    in_force_on: str = Field(description="YYYY-MM-DD.")
    follows: str = Field(description="The official edition whose content the data follows, and how closely.")
    current: bool = Field(description="True for the version in force.")


class EntrySummaryOut(Schema):
    id: str = Field(description="Entry id, e.g. '3.A.7'.")
    category: str | None = Field(description="'I', 'II', or null for an empty group.")
    parent: str | None = Field(description="The enclosing entry or group ('3.A' for '3.A.7').")
    title: str
    item: int = Field(description="Item 1-20.")
    group: str | None = Field(description="A equipment, B test and production equipment, C materials, ...")
    depth: int


class ThresholdOut(Schema):
    parameter: str
    op: str = Field(description="'>=' at least, '>' exceeding, '<' less than, '<=' equal to or less than.")
    value: float
    unit: str
    words: str = Field(description="The threshold in words.")
    comparison: str = Field(description="The exact comparison, e.g. '≥ 12 mm'.")


class ExclusionOut(Schema):
    id: str
    text: str
    effect: str = Field(description="'excluded' or 'category_ii_treatment'.")
    when: dict[str, Any] | None
    when_in_words: str | None


class EquivalentsOut(Schema):
    eu: list[str]
    us: list[str]
    other: list[str]


class DefinitionRefOut(Schema):
    id: str
    term: str


class EntryOut(EntrySummaryOut):
    group_name: str | None
    version: str
    description: str
    kinds: list[str]
    criteria: dict[str, Any] | None = Field(
        description="The criteria tree as data (all / any / not, leaves)."
    )
    criteria_in_words: str | None
    thresholds: list[ThresholdOut]
    exclusions: list[ExclusionOut]
    notes: list[str]
    technical_notes: list[str]
    related: list[str]
    cas_numbers: list[str]
    equivalents: EquivalentsOut
    basis: str = Field(description="V verified, E EU-verified, N number confirmed, K recalled.")
    sources: list[str]
    empty: bool
    ancestors: list[str] = Field(description="Enclosing entries, outermost first.")
    children: list[str]
    definitions: list[DefinitionRefOut] = Field(description="Defined terms the entry's text uses.")


class MatchOut(Schema):
    field: str
    words: list[str]


class HitOut(Schema):
    id: str
    title: str
    category: str | None
    score: float
    exact: str | None = Field(
        description="'id' or 'cas' for an exact hit, 'within' for an entry below an id."
    )
    matched: list[MatchOut] = Field(description="Which query words matched in which field.")
    reasons: list[str]


class SearchOut(Schema):
    version: str
    query: str
    hits: list[HitOut]


class DiffEntryOut(Schema):
    id: str
    title: str
    category: str | None


class FieldChangeOut(Schema):
    field: str
    before: Any
    after: Any


class ThresholdChangeOut(Schema):
    change: str = Field(description="'added', 'removed' or 'changed'.")
    subject: str = Field(description="The parameter, question or rule the criterion is about.")
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    before_words: str | None
    after_words: str | None


class EntryChangeOut(Schema):
    id: str
    title: str
    fields: list[FieldChangeOut]
    thresholds: list[ThresholdChangeOut]
    criteria_changed: bool
    criteria_before: str | None
    criteria_after: str | None


class DiffOut(Schema):
    from_version: str = Field(alias="from")
    to_version: str = Field(alias="to")
    added: list[DiffEntryOut]
    removed: list[DiffEntryOut]
    changed: list[EntryChangeOut]
