"""The disk cache of loaded editions: used when nothing changed, bypassed as soon as a data file changes."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from mtcr.annex import cache
from mtcr.annex.loader import load_annex
from tests.annex.test_loader import MOTOR, _parents, _write


@pytest.fixture
def cache_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("MTCR_CACHE_DIR", str(folder))
    load_annex.cache_clear()
    yield folder
    load_annex.cache_clear()


def test_a_load_fills_the_cache_and_the_next_reads_it(tmp_path: Path, cache_folder: Path) -> None:
    data = _write(tmp_path / "data", [*_parents(), MOTOR])
    first = load_annex("t1", data)
    assert len(list(cache_folder.glob("annex-*.pickle"))) == 1
    load_annex.cache_clear()
    assert load_annex("t1", data) == first


def test_a_changed_data_file_is_read_again(tmp_path: Path, cache_folder: Path) -> None:
    data = _write(tmp_path / "data", [*_parents(), MOTOR])
    key_before = cache.fingerprint(data, "t1")
    load_annex("t1", data)
    item_file = data / "editions" / "t1" / "item-02.yaml"
    item = yaml.safe_load(item_file.read_text())
    item["entries"][-1]["title"] = "Solid or hybrid rocket motors"
    item_file.write_text(yaml.safe_dump(item, sort_keys=False))
    load_annex.cache_clear()
    assert cache.fingerprint(data, "t1") != key_before
    assert load_annex("t1", data).entry("2.A.1.c.1").title == "Solid or hybrid rocket motors"


def test_an_unwritable_cache_is_skipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    monkeypatch.setenv("MTCR_CACHE_DIR", str(blocker / "cache"))
    load_annex.cache_clear()
    data = _write(tmp_path / "data", [*_parents(), MOTOR])
    assert load_annex("t1", data).entry("2.A.1.c.1").category == "I"
    load_annex.cache_clear()
