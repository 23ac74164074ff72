"""The Annex data format: what every data file under ``annex/data/`` must hold, checked when it is loaded.

The files are human-reviewable YAML, one per Item (``item-03.yaml``), plus vocabularies (parameters,
questions, kinds of item), definitions and introduction rules. Pydantic checks them; the loader turns a
failure into an error naming the file, the entry and the field.

Criteria are a small boolean language, evaluated by the classifier:

- ``{parameter: total_impulse, op: ">=", value: 1.1e6, unit: "N*s"}``: a measurable threshold, with the
  comparison exactly as the Annex words it (``>=`` "at least", ``>`` "exceeding", ``<`` "less than",
  ``<=`` "equal to or less than");
- ``{parameter: shape, op: "in", values: [spherical, spheroidal]}``: a categorical parameter;
- ``{question: specially_designed_for_1a, expect: true}``: a qualitative criterion the user must answer;
- ``{rule: category_i_capability}`` / ``{rule: range_at_least_300_km}``: decided by the range/payload rules;
- ``{all: [...]}``, ``{any: [...]}``, ``{not: ...}``.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

ENTRY_ID = re.compile(
    r"^(?:[1-9]|1[0-9]|20)(?:\.[A-E](?:\.[0-9]{1,2}(?:\.[a-z](?:\.[0-9]{1,2}(?:\.[a-z]{1,2})?)?)?)?)?$"
)
IDENTIFIER = re.compile(r"^[a-z][a-z0-9_]*$")
GROUPS = {
    "A": "equipment",
    "B": "test and production equipment",
    "C": "materials",
    "D": "software",
    "E": "technology",
}
NumericOp = Literal[">=", ">", "<", "<=", "=="]
RULES = ("category_i_capability", "range_at_least_300_km", "aerosol_uav")


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class NumericCriterion(Strict):
    parameter: str
    op: NumericOp
    value: float
    unit: str = Field(
        description="A unit the units library reads, e.g. 'N*s', 'kg', 'km', 'degC', 'percent'."
    )
    wording: str = Field(default="", description="How the Annex words the threshold, in our own words.")


class CategoricalCriterion(Strict):
    parameter: str
    op: Literal["in", "not_in"]
    values: tuple[str, ...] = Field(min_length=1)
    wording: str = ""


class QuestionCriterion(Strict):
    question: str
    expect: bool = True


class RuleCriterion(Strict):
    rule: Literal["category_i_capability", "range_at_least_300_km", "aerosol_uav"]


class AllOf(Strict):
    all: tuple[Criterion, ...] = Field(min_length=1)


class AnyOf(Strict):
    any: tuple[Criterion, ...] = Field(min_length=1)


class NotOf(Strict):
    not_: Criterion = Field(alias="not")


Criterion = Annotated[
    Union[NumericCriterion, CategoricalCriterion, QuestionCriterion, RuleCriterion, AllOf, AnyOf, NotOf],  # noqa: UP007
    Field(union_mode="left_to_right"),
]


class Exclusion(Strict):
    """A note that takes an item out of an entry (``excluded``) or lets it be treated as Category II."""

    id: str
    text: str
    when: Criterion
    effect: Literal["excluded", "category_ii_treatment"] = "excluded"

    @field_validator("id")
    @classmethod
    def _id(cls, value: str) -> str:
        if not IDENTIFIER.match(value):
            raise ValueError("use lower_case_with_underscores")
        return value


class Equivalents(Strict):
    eu: tuple[str, ...] = ()
    us: tuple[str, ...] = ()
    other: tuple[str, ...] = ()


class Entry(Strict):
    """One entry of the Annex, e.g. ``2.A.1.c.1``."""

    id: str
    category: Literal["I", "II"] | None = Field(
        description="None only for empty groups ('None' in the Annex)."
    )
    title: str = Field(min_length=3, max_length=200)
    description: str = Field(min_length=3)
    kinds: tuple[str, ...] = Field(default=(), description="Kinds of item the entry can cover (kinds.yaml).")
    criteria: Criterion | None = None
    exclusions: tuple[Exclusion, ...] = ()
    notes: tuple[str, ...] = ()
    technical_notes: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    cas_numbers: tuple[str, ...] = ()
    equivalents: Equivalents = Equivalents()
    basis: Literal["V", "E", "N", "K"] = Field(
        description="How firmly the entry is verified (annex-facts §0)."
    )
    sources: tuple[str, ...] = ()
    empty: bool = Field(default=False, description="The Annex prints this group as 'None'.")

    @field_validator("id")
    @classmethod
    def _entry_id(cls, value: str) -> str:
        if not ENTRY_ID.match(value):
            raise ValueError(f"{value!r} is not an Annex entry id such as 3.A.1 or 4.C.6.c.2.o")
        return value

    @field_validator("cas_numbers")
    @classmethod
    def _cas(cls, values: tuple[str, ...]) -> tuple[str, ...]:
        for value in values:
            if not re.match(r"^\d{2,7}-\d{2}-\d$", value):
                raise ValueError(f"{value!r} is not a CAS registry number (digits-digits-digit)")
        return values

    @property
    def item(self) -> int:
        return int(self.id.split(".")[0])

    @property
    def group(self) -> str | None:
        """A (equipment), B (test and production equipment), C (materials), D (software), E (technology)."""
        parts = self.id.split(".")
        return parts[1] if len(parts) > 1 else None

    @property
    def parent(self) -> str | None:
        """The enclosing entry's id (``2.A.1.c`` for ``2.A.1.c.1``); a group's parent is its Item."""
        parts = self.id.split(".")
        return ".".join(parts[:-1]) if len(parts) > 1 else None

    @property
    def depth(self) -> int:
        return self.id.count(".")

    @model_validator(mode="after")
    def _category_given(self) -> Entry:
        if self.category is None and not self.empty:
            raise ValueError("category: give I or II (only an empty group has none)")
        return self


class ItemFile(Strict):
    """One file ``item-NN.yaml``: an Item of the Annex and its entries, parents before children."""

    item: int = Field(ge=1, le=20)
    title: str
    entries: tuple[Entry, ...] = ()
    reserved: bool = Field(default=False, description="Items 5, 7 and 8 carry no entries.")


class Parameter(Strict):
    id: str
    name: str
    unit: str | None = Field(description="The canonical unit; None for a categorical parameter.")
    values: tuple[str, ...] = Field(default=(), description="Allowed values of a categorical parameter.")
    description: str = ""


class Question(Strict):
    id: str
    text: str = Field(description="The question as put to the user, answerable yes or no.")
    help: str = ""
    definition: str | None = Field(default=None, description="Id of the definition it turns on, if any.")


class Kind(Strict):
    id: str
    name: str
    parent: str | None = None
    description: str = ""


class Definition(Strict):
    id: str
    term: str
    text: str
    aliases: tuple[str, ...] = Field(default=(), description="Other phrases of the Annex that use the term.")
    sources: tuple[str, ...] = ()


class IntroductionRule(Strict):
    id: str
    title: str
    text: str
    sources: tuple[str, ...] = ()


AllOf.model_rebuild()
AnyOf.model_rebuild()
NotOf.model_rebuild()
Exclusion.model_rebuild()
Entry.model_rebuild()


class VocabularyFile(Strict):
    """A file under ``vocabulary/``: parameters, questions and kinds of item that entries refer to by id.

    Several files may define the same id only with identical content.
    """

    parameters: tuple[Parameter, ...] = ()
    questions: tuple[Question, ...] = ()
    kinds: tuple[Kind, ...] = ()


class DefinitionsFile(Strict):
    definitions: tuple[Definition, ...] = ()
    introduction: tuple[IntroductionRule, ...] = ()


class Version(Strict):
    """An edition of the Annex: who adopted it, when, when in force, which official text it follows."""

    id: str
    title: str
    adopted_by: str = Field(description="The meeting that adopted it, e.g. 'Technical Experts Meeting'.")
    adopted_on: str = Field(pattern=r"^\d{4}-\d{2}-\d{2}$")
    in_force_on: str = Field(pattern=r"^\d{4}-\d{2}-\d{2}$")
    follows: str = Field(description="The official edition whose content the data follows, and how closely.")
    directory: str = Field(description="Folder under editions/ holding its item files.")


class VersionsFile(Strict):
    current: str
    versions: tuple[Version, ...] = Field(min_length=1)
