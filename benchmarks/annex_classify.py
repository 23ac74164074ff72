"""Speed of the Annex classifier: loading the Annex, and classifying one item against all of it.

Run: ``PYTHONPATH=src python benchmarks/annex_classify.py [--repeat N]``.

Goals (issue 6): one item classified in under 1 ms once the Annex is loaded; the Annex loaded in under 200 ms.
Each figure is also given as a ratio against a reference measured in the same process, so that the ratios
stay comparable between machines:

- loading: against reading and parsing the same YAML files, without checks (the floor of any loader);
- classifying: against a naive evaluator that walks every entry's criteria tree and converts units with the
  units library on every comparison (what the classifier would cost without its index and cached
  conversions), and against ``json.loads`` of the item's JSON text (the cost of merely reading the item).

The items are the acceptance cases under ``tests/annex/fixtures``.
"""

from __future__ import annotations

import argparse
import gc
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import yaml

from mtcr.annex.classifier import classify, read_item_file
from mtcr.annex.classifier.index import AnnexIndex
from mtcr.annex.classifier.resolve import NUMBER_AND_UNIT
from mtcr.annex.loader import DATA_DIR, Annex, load_annex
from mtcr.annex.schema import AllOf, AnyOf, CategoricalCriterion, NotOf, NumericCriterion, QuestionCriterion
from mtcr.annex.units import to_unit

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "annex" / "fixtures"
LOAD_GOAL_MS = 200.0
CLASSIFY_GOAL_MS = 1.0


def timed(function: Callable[[], object], repeat: int) -> list[float]:
    """Seconds per call, ``repeat`` times, with the garbage collector paused as ``timeit`` does."""
    times = []
    collecting = gc.isenabled()
    gc.disable()
    try:
        for _ in range(repeat):
            start = time.perf_counter()
            function()
            times.append(time.perf_counter() - start)
    finally:
        if collecting:
            gc.enable()
    return times


def cold_load() -> Annex:
    """A new process with no disk cache: read, parse and check every file."""
    load_annex.cache_clear()
    AnnexIndex._cache.clear()
    return load_annex(use_cache=False)


def cached_load() -> Annex:
    """A new process whose disk cache holds the edition (the usual start)."""
    load_annex.cache_clear()
    AnnexIndex._cache.clear()
    return load_annex()


def parse_yaml_only() -> None:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    for path in sorted(DATA_DIR.rglob("*.yaml")):
        yaml.load(path.read_text(encoding="utf-8"), Loader=loader)


def naive(annex: Annex, item: dict) -> list[str]:
    """Reference: every entry, every criterion, unit conversion by the units library at each comparison."""
    parameters = item.get("parameters", {})
    answers = item.get("answers", {})

    def value(criterion: NumericCriterion) -> float | None:
        raw = parameters.get(criterion.parameter)
        if raw is None:
            return None
        canonical = annex.parameters[criterion.parameter].unit or criterion.unit
        if isinstance(raw, dict):
            return to_unit(float(raw["value"]), raw["unit"], criterion.unit)
        if isinstance(raw, str):
            number, unit_text = NUMBER_AND_UNIT.match(raw).groups()  # type: ignore[union-attr]
            return to_unit(float(number), unit_text or canonical, criterion.unit)
        return to_unit(float(raw), canonical, criterion.unit)

    def evaluate(criterion: object) -> bool | None:
        if isinstance(criterion, AllOf):
            results = [evaluate(c) for c in criterion.all]
            return False if False in results else None if None in results else True
        if isinstance(criterion, AnyOf):
            results = [evaluate(c) for c in criterion.any]
            return True if True in results else None if None in results else False
        if isinstance(criterion, NotOf):
            inner = evaluate(criterion.not_)
            return None if inner is None else not inner
        if isinstance(criterion, NumericCriterion):
            got = value(criterion)
            if got is None:
                return None
            return {
                ">=": got >= criterion.value,
                ">": got > criterion.value,
                "<": got < criterion.value,
                "<=": got <= criterion.value,
                "==": got == criterion.value,
            }[criterion.op]
        if isinstance(criterion, CategoricalCriterion):
            given = parameters.get(criterion.parameter)
            return None if given is None else (given in criterion.values) == (criterion.op == "in")
        if isinstance(criterion, QuestionCriterion):
            answer = answers.get(criterion.question)
            return None if answer is None else answer == criterion.expect
        return None

    lineage = annex.kind_lineage(item["kind"])
    return [
        entry.id
        for entry in annex.entries.values()
        if entry.criteria is not None and set(entry.kinds) & set(lineage) and evaluate(entry.criteria)
    ]


def summary(label: str, seconds: list[float], reference: list[float] | None, goal_ms: float | None) -> str:
    mean_ms, median_ms = statistics.fmean(seconds) * 1e3, statistics.median(seconds) * 1e3
    text = f"{label:<44} mean {mean_ms:9.4f} ms   median {median_ms:9.4f} ms"
    if reference:
        text += f"   ratio {statistics.median(seconds) / statistics.median(reference):7.2f}x"
    if goal_ms is not None:
        text += f"   goal < {goal_ms:g} ms: {'met' if median_ms < goal_ms else 'NOT MET'}"
    return text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=200, help="Classifications of each item (default 200).")
    parser.add_argument("--loads", type=int, default=7, help="Cold loads of the Annex (default 7).")
    options = parser.parse_args(argv)

    parser_name = "libyaml" if hasattr(yaml, "CSafeLoader") else "pure Python"
    print(f"Python {sys.version.split()[0]}, YAML parser available for the reference: {parser_name}")
    load = timed(cold_load, options.loads)
    yaml_only = timed(parse_yaml_only, options.loads)
    load_annex()  # fills the disk cache
    cached = timed(cached_load, options.loads)
    annex = load_annex()
    print(f"Annex {annex.version.id}: {len(annex.entries)} entries, {len(annex.parameters)} parameters")
    print(summary("load (no disk cache: parse and check)", load, yaml_only, LOAD_GOAL_MS))
    print(summary("load (disk cache filled)", cached, yaml_only, LOAD_GOAL_MS))
    print(summary("  reference: parse the YAML files only", yaml_only, None, None))

    paths = sorted(FIXTURES.glob("*.yaml"))
    items = [(path, read_item_file(path)) for path in paths]
    if not items:
        print("no fixture items found")
        return 1
    first = timed(lambda: [classify(item, annex) for _, item in items], 1)[0] / len(items)
    per_item, naive_times, json_times = [], [], []
    for _, item in items:
        raw = item.model_dump(mode="json", exclude_none=True)
        text = json.dumps(raw)
        per_item += timed(lambda item=item: classify(item, annex), options.repeat)
        naive_times += timed(lambda raw=raw: naive(annex, raw), max(options.repeat // 10, 5))
        json_times += timed(lambda text=text: json.loads(text), options.repeat)
    print(f"{len(items)} items, {options.repeat} classifications each")
    print(summary("first classification of each item (index)", [first], None, None))
    print(summary("classify one item (warm)", per_item, naive_times, CLASSIFY_GOAL_MS))
    print(summary("  reference: naive evaluation, pint per call", naive_times, None, None))
    ratio = statistics.median(per_item) / statistics.median(json_times)
    json_us = statistics.median(json_times) * 1e6
    print(
        f"{'  against json.loads of the item':<44} ratio {ratio:7.1f}x (json.loads median {json_us:.1f} µs)"
    )
    medians = {
        path.name: statistics.median(timed(lambda i=item: classify(i, annex), 50)) for path, item in items
    }
    slowest = max(medians, key=medians.__getitem__)
    print(f"{'slowest item: ' + slowest:<44} median {medians[slowest] * 1e3:9.4f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
