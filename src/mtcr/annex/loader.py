"""Load an edition of the Annex from its data files, checking the schema and every cross-reference.

``load_annex()`` returns an :class:`Annex`: the entries in document order, the vocabularies they use, the
definitions and introduction rules, and the version. A fault raises :class:`AnnexDataError` naming the file,
the entry and the field. Results are cached per (version, folder).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from mtcr.annex import cache
from mtcr.annex.errors import AnnexDataError
from mtcr.annex.schema import (
    AllOf,
    AnyOf,
    CategoricalCriterion,
    Criterion,
    Definition,
    DefinitionsFile,
    Entry,
    IntroductionRule,
    ItemFile,
    Kind,
    NotOf,
    NumericCriterion,
    Parameter,
    Question,
    QuestionCriterion,
    Version,
    VersionsFile,
    VocabularyFile,
)
from mtcr.annex.units import compatible, unit

DATA_DIR = Path(__file__).parent / "data"


@dataclass(frozen=True)
class Annex:
    """One edition of the Annex as data."""

    version: Version
    entries: dict[str, Entry]
    items: dict[int, ItemFile]
    parameters: dict[str, Parameter]
    questions: dict[str, Question]
    kinds: dict[str, Kind]
    definitions: dict[str, Definition] = field(default_factory=dict)
    introduction: dict[str, IntroductionRule] = field(default_factory=dict)

    def entry(self, entry_id: str) -> Entry:
        """One entry; raises ``KeyError`` with the id."""
        return self.entries[entry_id]

    def children(self, entry_id: str) -> list[Entry]:
        return [e for e in self.entries.values() if e.parent == entry_id]

    def ancestors(self, entry_id: str) -> list[Entry]:
        """The enclosing entries, nearest first (only those that are entries themselves)."""
        chain, parent = [], self.entries[entry_id].parent
        while parent is not None:
            if parent in self.entries:
                chain.append(self.entries[parent])
            parent = parent.rsplit(".", 1)[0] if "." in parent else None
        return chain

    def kind_lineage(self, kind_id: str) -> list[str]:
        """A kind and its broader kinds, narrowest first (``solid_rocket_motor``, ``rocket_motor``)."""
        lineage, current = [], kind_id
        while current is not None and current not in lineage:
            lineage.append(current)
            current = self.kinds[current].parent if current in self.kinds else None
        return lineage


_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: ~10x faster


def _read_yaml(path: Path) -> Any:
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_YAML_LOADER)  # a safe loader
    except yaml.YAMLError as exc:
        raise AnnexDataError(path.name, f"not valid YAML: {exc}") from exc


def _validate(model: type[BaseModel], data: Any, path: Path) -> Any:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        error = exc.errors()[0]
        location = list(error["loc"])
        entry = None
        if len(location) >= 2 and location[0] == "entries" and isinstance(location[1], int):
            raw = (data or {}).get("entries") or []
            index = location[1]
            entry = (
                raw[index].get("id", f"#{index + 1}")
                if index < len(raw) and isinstance(raw[index], dict)
                else None
            )
            location = location[2:]
        field_path = ".".join(str(p) for p in location) or None
        raise AnnexDataError(path.name, error["msg"], entry=entry, field=field_path) from exc


def _merge(kind: str, target: dict[str, Any], items: tuple[Any, ...], path: Path) -> None:
    for item in items:
        known = target.get(item.id)
        if known is not None and known != item:
            raise AnnexDataError(
                path.name, f"{kind} {item.id!r} is defined differently in another file", field="id"
            )
        target[item.id] = item


def _criteria_leaves(criterion: Criterion | None) -> Iterator[Criterion]:
    if criterion is None:
        return
    if isinstance(criterion, AllOf):
        for inner in criterion.all:
            yield from _criteria_leaves(inner)
    elif isinstance(criterion, AnyOf):
        for inner in criterion.any:
            yield from _criteria_leaves(inner)
    elif isinstance(criterion, NotOf):
        yield from _criteria_leaves(criterion.not_)
    else:
        yield criterion


def criteria_leaves(criterion: Criterion | None) -> list[Criterion]:
    """Every leaf criterion of a tree, in order."""
    return list(_criteria_leaves(criterion))


def _check_references(entry: Entry, path: Path, annex_vocab: dict[str, dict[str, Any]]) -> None:
    def fail(message: str, field_name: str) -> None:
        raise AnnexDataError(path.name, message, entry=entry.id, field=field_name)

    for kind in entry.kinds:
        if kind not in annex_vocab["kinds"]:
            fail(f"kind {kind!r} is not defined in vocabulary/", "kinds")
    trees = [("criteria", entry.criteria)] + [(f"exclusions.{x.id}.when", x.when) for x in entry.exclusions]
    for where, tree in trees:
        for leaf in criteria_leaves(tree):
            if isinstance(leaf, QuestionCriterion) and leaf.question not in annex_vocab["questions"]:
                fail(f"question {leaf.question!r} is not defined in vocabulary/", where)
            if isinstance(leaf, NumericCriterion | CategoricalCriterion):
                parameter = annex_vocab["parameters"].get(leaf.parameter)
                if parameter is None:
                    fail(f"parameter {leaf.parameter!r} is not defined in vocabulary/", where)
                if isinstance(leaf, NumericCriterion):
                    try:
                        unit(leaf.unit)
                    except ValueError as exc:
                        fail(str(exc), where)
                    if parameter.unit is None or not compatible(leaf.unit, parameter.unit):
                        fail(f"unit {leaf.unit!r} does not measure {parameter.id} ({parameter.unit})", where)


@lru_cache(maxsize=8)
def load_annex(version_id: str | None = None, data_dir: Path = DATA_DIR, *, use_cache: bool = True) -> Annex:
    """Load (once per process) an edition of the Annex; ``None`` is the current edition.

    With ``use_cache``, a disk cache keyed by the content of the data files skips parsing when nothing changed
    (:mod:`mtcr.annex.cache`).
    """
    if not use_cache:
        return _parse_annex(version_id, data_dir)
    key = cache.fingerprint(data_dir, version_id)
    annex = cache.read(key)
    if not isinstance(annex, Annex):
        annex = _parse_annex(version_id, data_dir)
        cache.write(key, annex)
    return annex


def _parse_annex(version_id: str | None, data_dir: Path) -> Annex:
    """Read and check every file of an edition."""
    versions_path = data_dir / "versions.yaml"
    versions = _validate(VersionsFile, _read_yaml(versions_path), versions_path)
    wanted = version_id or versions.current
    version = next((v for v in versions.versions if v.id == wanted), None)
    if version is None:
        known = ", ".join(v.id for v in versions.versions)
        raise AnnexDataError(
            versions_path.name, f"no version {wanted!r}; known versions: {known}", field="id"
        )

    vocabulary: dict[str, dict[str, Any]] = {"parameters": {}, "questions": {}, "kinds": {}}
    for path in sorted((data_dir / "vocabulary").glob("*.yaml")):
        file = _validate(VocabularyFile, _read_yaml(path), path)
        for kind in ("parameters", "questions", "kinds"):
            _merge(kind[:-1], vocabulary[kind], getattr(file, kind), path)

    definitions: dict[str, Definition] = {}
    introduction: dict[str, IntroductionRule] = {}
    definitions_path = data_dir / "definitions.yaml"
    if definitions_path.exists():
        file = _validate(DefinitionsFile, _read_yaml(definitions_path), definitions_path)
        _merge("definition", definitions, file.definitions, definitions_path)
        _merge("introduction rule", introduction, file.introduction, definitions_path)

    entries: dict[str, Entry] = {}
    items: dict[int, ItemFile] = {}
    for path in sorted((data_dir / "editions" / version.directory).glob("item-*.yaml")):
        item_file = _validate(ItemFile, _read_yaml(path), path)
        if path.stem != f"item-{item_file.item:02d}":
            raise AnnexDataError(
                path.name, f"holds item {item_file.item}; name it item-{item_file.item:02d}.yaml"
            )
        items[item_file.item] = item_file
        for entry in item_file.entries:
            if entry.item != item_file.item:
                raise AnnexDataError(path.name, f"belongs to item {entry.item}", entry=entry.id, field="id")
            if entry.id in entries:
                raise AnnexDataError(path.name, "the id is used twice", entry=entry.id, field="id")
            parent = entry.parent
            if parent is not None and "." in parent and parent.count(".") >= 2 and parent not in entries:
                raise AnnexDataError(
                    path.name, f"its parent {parent} must come before it", entry=entry.id, field="id"
                )
            _check_references(entry, path, vocabulary)
            entries[entry.id] = entry
    for entry in entries.values():
        for related in entry.related:
            if related not in entries and not any(e.startswith(related + ".") for e in entries):
                raise AnnexDataError(
                    f"item-{entry.item:02d}.yaml",
                    f"related entry {related} does not exist",
                    entry=entry.id,
                    field="related",
                )
    return Annex(
        version=version,
        entries=entries,
        items=items,
        parameters=vocabulary["parameters"],
        questions=vocabulary["questions"],
        kinds=vocabulary["kinds"],
        definitions=definitions,
        introduction=introduction,
    )
