"""What the classification page shows, shaped for its templates: the fields of step 2 for the kind chosen, the
result of step 3 with the questions still open, and every error placed next to the input it concerns."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from mtcr.annex.classifier import (
    Classification,
    EntryExplanation,
    ItemError,
    Match,
    Question,
    Undecided,
    classify,
    explain_entry,
)
from mtcr.annex.loader import Annex
from mtcr.annex.schema import Parameter
from mtcr.annex_web import classify_form, classify_vocab
from mtcr.annex_web.classify_form import MAX_POINTS, YES, Submission
from mtcr.annex_web.classify_vocab import DISTANCE_UNIT, MASS_UNIT, KindGroup


def dom_id(name: str) -> str:
    """The element id of the input called ``name``: ``parameters.total_impulse.value`` ->
    ``f-parameters-total_impulse-value``."""
    return "f-" + name.replace(".", "-")


@dataclass
class Control:
    """One input or select: its name, label, the value shown, its error and, for a select, its choices."""

    name: str
    label: str
    value: str = ""
    error: str = ""
    choices: tuple[tuple[str, str], ...] = ()

    @property
    def id(self) -> str:
        return dom_id(self.name)


@dataclass
class ParameterField:
    """A parameter of the kind: a number with its unit (a select when several are offered) or a word."""

    parameter: Parameter
    value: Control
    unit: Control | None = None
    unit_text: str = ""

    @property
    def hint_id(self) -> str:
        return f"{self.value.id}-hint" if self.parameter.description else ""


@dataclass
class PointRow:
    """One payload/range (or apogee) point of a complete system."""

    number: int
    payload: Control
    payload_unit: Control
    measure: Control
    distance: Control
    distance_unit: Control

    @property
    def controls(self) -> tuple[Control, ...]:
        return (self.payload, self.payload_unit, self.measure, self.distance, self.distance_unit)


@dataclass
class Asked:
    """An open question of the result: a yes/no question is answered with radios (``name``), a missing value
    in its input of step 2 (``target``, the input's id)."""

    question: Question
    name: str = ""
    error: str = ""
    target: str = ""

    @property
    def id(self) -> str:
        return dom_id(self.name or self.question.id)


@dataclass
class ClassifyPage:
    """Step 1 (kind and name), step 2 (the kind's fields) once a kind is chosen, step 3 once classified."""

    groups: list[KindGroup]
    kind: Control
    name: Control
    kind_name: str = ""
    parameters: list[ParameterField] = field(default_factory=list)
    performance: bool = False
    points: list[PointRow] = field(default_factory=list)
    max_payload: tuple[Control, Control] | None = None
    about: list[Control] = field(default_factory=list)
    answered: list[tuple[str, str, bool]] = field(default_factory=list)
    result: Classification | None = None
    matches: list[tuple[Match, list[str]]] = field(default_factory=list)
    undecided: list[tuple[Undecided, list[str]]] = field(default_factory=list)
    asked: list[Asked] = field(default_factory=list)
    others: list[EntryExplanation] = field(default_factory=list)
    errors: list[tuple[str, str]] = field(default_factory=list)


class _Fields:
    """Controls filled from the submitted data, each taking the error of its input."""

    def __init__(self, data: Mapping[str, str], errors: dict[str, str]) -> None:
        self.data, self.errors = data, errors
        self.anchors: dict[str, str] = {}

    def control(
        self, name: str, label: str, choices: tuple[tuple[str, str], ...] = (), default: str = ""
    ) -> Control:
        self.anchors[name] = dom_id(name)
        value = (self.data.get(name) or default).strip()
        if choices and value and value not in dict(choices):
            choices = (*choices, (value, value))
        return Control(name, label, value, self.errors.get(name, ""), choices)

    def units(self, name: str, label: str, canonical: str) -> Control:
        offered = tuple((u, classify_vocab.unit_label(u)) for u in classify_vocab.unit_choices(canonical))
        return self.control(name, f"Unit of {classify_form.in_sentence(label)}", offered, canonical)


def _parameter(fields: _Fields, parameter: Parameter) -> ParameterField:
    name = f"parameters.{parameter.id}"
    if parameter.unit is None and not parameter.values:
        return ParameterField(parameter, fields.control(name, parameter.name))
    if parameter.unit is None:
        choices = tuple((v, v.replace("_", " ")) for v in parameter.values)
        return ParameterField(parameter, fields.control(name, parameter.name, (("", "Not known"), *choices)))
    value = fields.control(f"{name}.value", parameter.name)
    offered = classify_vocab.unit_choices(parameter.unit)
    if len(offered) > 1:
        return ParameterField(parameter, value, fields.units(f"{name}.unit", parameter.name, parameter.unit))
    return ParameterField(parameter, value, unit_text=classify_vocab.unit_label(parameter.unit))


def _points(fields: _Fields, data: Mapping[str, str]) -> list[PointRow]:
    filled = classify_form.filled_rows(data)
    count = min(MAX_POINTS, max(2, (filled[-1] + 2) if filled else 0))
    measures = (("range", "Range"), ("apogee", "Apogee of a vertical flight"))
    rows = []
    for row in range(count):
        name, number = f"performance.{row}", row + 1
        rows.append(
            PointRow(
                number,
                fields.control(f"{name}.payload.value", f"Payload of point {number}"),
                fields.units(f"{name}.payload.unit", f"Payload of point {number}", MASS_UNIT),
                fields.control(f"{name}.measure", f"Distance given for point {number}", measures, "range"),
                fields.control(f"{name}.distance.value", f"Range or apogee of point {number}"),
                fields.units(f"{name}.distance.unit", f"Range or apogee of point {number}", DISTANCE_UNIT),
            )
        )
    return rows


def _question_text(annex: Annex, question_id: str, result: Classification | None) -> str:
    asked = next((q for q in result.questions if q.id == question_id), None) if result else None
    if asked is not None:
        return asked.text
    if question_id in annex.questions:
        return annex.questions[question_id].text
    kind = annex.kinds.get(question_id.removeprefix("is_"))
    if question_id.startswith("is_") and kind is not None:
        return f"Is the item a {kind.name}?"
    return question_id.replace("_", " ").capitalize()


def _others(annex: Annex, item: dict, result: Classification) -> list[EntryExplanation]:
    """Why the item is not under the other entries of its kind (those not in the result, nor near misses)."""
    shown = {m.entry for m in result.matches} | {x.entry for x in result.excluded}
    shown |= {u.entry for u in result.undecided} | {n.entry for n in result.near_misses}
    explained = (
        explain_entry(item, entry.id, annex)
        for entry in classify_vocab.candidate_entries(annex, item["kind"])
        if entry.id not in shown
    )
    return [e for e in explained if e.status == "no_match"]


def build(annex: Annex, data: Mapping[str, str], run: bool) -> ClassifyPage:
    """The page for submitted ``data``; with ``run``, the item is classified (step 3)."""
    sub = classify_form.read_form(data, annex)
    kind_id = sub.item["kind"]
    if "kind" in data and kind_id not in annex.kinds:
        wrong = f"{kind_id!r} is not a kind of item: choose" if kind_id else "Choose"
        sub.errors.insert(0, ItemError("kind", f"{wrong} the kind of item from the list"))
    result = None
    if run and kind_id in annex.kinds and not sub.errors:
        try:
            result = classify(sub.item, annex)
        except ItemError as exc:
            sub.errors.append(exc)
    placed = _placed(sub, annex)
    fields = _Fields(data, placed)
    page = ClassifyPage(
        classify_vocab.kind_groups(annex),
        fields.control("kind", "Kind of item"),
        fields.control("name", "Name of the item"),
    )
    if kind_id in annex.kinds:
        _describe(page, fields, annex, kind_id, sub, result)
    page.errors = [_summary(error, sub, annex, fields) for error in sub.errors]
    return page


def _describe(
    page: ClassifyPage,
    fields: _Fields,
    annex: Annex,
    kind_id: str,
    sub: Submission,
    result: Classification | None,
) -> None:
    needs = classify_vocab.kind_needs(annex, kind_id)
    page.kind_name = annex.kinds[kind_id].name
    page.parameters = [_parameter(fields, parameter) for parameter in needs.parameters]
    page.performance = needs.performance
    if needs.performance:
        page.points = _points(fields, fields.data)
        label = "Structural payload limit"
        page.max_payload = (
            fields.control("max_payload.value", label),
            fields.units("max_payload.unit", label, MASS_UNIT),
        )
    page.about = [
        fields.control("designed_for", "What it is designed or modified for"),
        fields.control("end_use", "Intended end use"),
    ]
    answers = sub.item.get("answers", {})
    page.answered = [(q, _question_text(annex, q, None), yes) for q, yes in answers.items()]
    page.result = result
    if result is None:
        return

    def texts(ids: tuple[str, ...]) -> list[str]:
        return [_question_text(annex, q, result) for q in ids]

    page.matches = [(match, texts(match.pending)) for match in result.matches]
    page.undecided = [(entry, texts(entry.questions)) for entry in result.undecided]
    for question in result.questions:
        if question.sort == "yes_no":
            name = f"answers.{question.id}"
            fields.anchors[name] = f"{dom_id(name)}-{YES}"
            page.asked.append(Asked(question, name, fields.errors.get(name, "")))
        else:
            target = next((p.value.id for p in page.parameters if p.parameter.id == question.id), "")
            page.asked.append(Asked(question, target=target))
    page.others = _others(annex, sub.item, result)


def _placed(sub: Submission, annex: Annex) -> dict[str, str]:
    placed: dict[str, str] = {}
    for error in sub.errors:
        placed.setdefault(sub.input_for(error.field, annex), _sentence(error.message))
    return placed


def _sentence(message: str) -> str:
    return message[0].upper() + message[1:] if message else message


def _summary(error: ItemError, sub: Submission, annex: Annex, fields: _Fields) -> tuple[str, str]:
    """The error summary's line and where its link goes: the input, else the top of the form."""
    anchor = fields.anchors.get(sub.input_for(error.field, annex))
    if anchor is not None:
        return _sentence(error.message), f"#{anchor}"
    return f"{error.field}: {error.message}", "#classify-form"
