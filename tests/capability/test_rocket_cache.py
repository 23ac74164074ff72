"""Compiled code is cached on disk (a second process starts warm) and never outlives its sources."""

from __future__ import annotations

from pathlib import Path

from mtcr.capability.rocket import compiled_cache
from mtcr.capability.rocket.max_range import max_range
from mtcr.capability.rocket.vehicle import RocketVehicle, Stage

ROCKET = Path(compiled_cache.__file__).resolve().parent


def test_compiled_functions_are_written_to_the_cache() -> None:
    max_range(RocketVehicle((Stage(4_897.0, 3_699.0, 230.0, 75.0, 0.84),)), 1_000.0)
    folders = [f for f in compiled_cache._cache_folders(ROCKET) if f.is_dir()]
    indexes = [p.name for folder in folders for p in folder.glob("*.nbi")]
    assert any(name.startswith("dynamics.fly") for name in indexes)
    assert any(name.startswith("pitch_search.best_pitch_rad") for name in indexes)


def test_the_cache_is_stamped_with_the_sources_and_kept_while_they_do_not_change() -> None:
    compiled_cache.refresh()
    stamp = ROCKET / "__pycache__" / compiled_cache._STAMP
    if stamp.is_file():  # the source folder is writable: numba caches beside the sources
        assert stamp.read_text() == compiled_cache.sources_digest()
        before = sorted(p.name for p in stamp.parent.glob("*.nb*"))
        compiled_cache.refresh()
        assert sorted(p.name for p in stamp.parent.glob("*.nb*")) == before


def test_digest_covers_the_atmosphere_and_every_engine_module() -> None:
    names = {path.name for path in compiled_cache._SOURCES}
    assert {"atmosphere.py", "earth.py", "dynamics.py", "drag.py", "pitch_search.py"} <= names
