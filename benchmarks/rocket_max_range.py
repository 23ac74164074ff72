"""Speed of the rocket range engine, as ratios against a straightforward reference in the same process.

Run: ``PYTHONPATH=src python benchmarks/rocket_max_range.py [--repeat N] [--cold]``.

Goals (the rocket capability issue):

1. one maximum-range search at least 50 times faster than the reference (``rocket_reference.py``: SciPy
   ``solve_ivp`` with a Python right-hand side, the same physics, golden-section search on the pitch
   angle) at equal accuracy: both within 0.5 % of the converged maximum range. The reference runs at the
   cheapest of a few tolerance settings that reaches 0.5 % on every vehicle (the fairest setting for it);
   the engine runs at its defaults, which are far more accurate;
2. a 30-point range-payload curve in under 100 ms on one core once compiled;
3. compiled code cached on disk, so that a second process starts warm: a fresh interpreter imports the
   engine and runs its first search in a fraction of the compile time (``--cold`` also times a process
   with an empty cache directory, which compiles everything).

The converged maximum is the engine's with steps eight times finer and the pitch angle to 0.001°; the
reference, flown at tight tolerances at that angle, is printed beside it as a cross-check.
"""

from __future__ import annotations

import argparse
import math
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import rocket_reference as reference  # noqa: E402
from scipy.optimize import minimize_scalar  # noqa: E402

from mtcr.capability.rocket import max_range as engine  # noqa: E402  (the module)
from mtcr.capability.rocket.plan import DEFAULT_RESOLUTION, build_plan  # noqa: E402
from mtcr.capability.rocket.vehicle import Reentry, RocketVehicle, Stage  # noqa: E402

RATIO_GOAL = 50.0
CURVE_GOAL_MS = 100.0
ACCURACY = 0.005

VEHICLES: dict[str, tuple[RocketVehicle, float]] = {
    # Forden (2007) Table 1 inputs; the stage alone is his gross mass less the 1,000 kg payload
    "Scud-B (Forden)": (RocketVehicle((Stage(4_897.0, 3_699.0, 230.0, 75.0, 0.84),)), 1_000.0),
    "No-dong (Forden)": (RocketVehicle((Stage(19_900.0, 16_000.0, 240.0, 70.0, 0.88),)), 1_000.0),
    "two-stage solid, separating RV": (
        RocketVehicle(
            (
                Stage(9_000.0, 7_800.0, 265.0, 60.0, 1.2, nozzle_exit_area_m2=0.5, coast_after_s=5.0),
                Stage(3_000.0, 2_600.0, 285.0, 55.0, 1.2, nozzle_exit_area_m2=0.4),
            ),
            Reentry(separates=True, ballistic_coefficient_kg_m2=3_000.0),
        ),
        700.0,
    ),
}

REFERENCE_SETTINGS = (  # (rtol, golden-section tolerance on the pitch angle in degrees), cheapest first
    (1e-2, 2.0),
    (1e-3, 2.0),
    (1e-3, 1.0),
    (1e-4, 1.0),
    (1e-4, 0.5),
    (1e-6, 0.5),
)


def best_time(function: Callable[[], object], repeat: int) -> float:
    """Smallest wall time of ``repeat`` calls, seconds (the machine's noise only ever adds time)."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return min(times)


def converged(vehicle: RocketVehicle, payload_kg: float) -> tuple[float, float]:
    """The step-converged maximum range (km) and its pitch angle (°)."""
    plan = build_plan(vehicle, payload_kg, resolution=DEFAULT_RESOLUTION.refined(8.0))
    first = engine.max_range(vehicle, payload_kg).trajectory.guidance.pitch_angle_deg
    found = minimize_scalar(
        lambda deg: -plan.range_m(math.radians(deg)),
        bounds=(first - 2.0, first + 2.0),
        method="bounded",
        options={"xatol": 1e-3},
    )
    return -found.fun / 1000.0, float(found.x)


def pick_reference_setting(truth: dict[str, float]) -> tuple[float, float]:
    """The cheapest reference setting within ``ACCURACY`` of the converged range on every vehicle."""
    for rtol, xtol in REFERENCE_SETTINGS:
        errors = []
        for name, (vehicle, payload) in VEHICLES.items():
            value, _, _ = reference.max_range_km(vehicle, payload, xtol_deg=xtol, rtol=rtol)
            errors.append(abs(value / truth[name] - 1.0))
        if max(errors) <= ACCURACY:
            return rtol, xtol
    return REFERENCE_SETTINGS[-1]


def second_process_seconds(cache_dir: str | None = None) -> tuple[float, float]:
    """A fresh interpreter: (import of the engine, first search) in seconds. With ``cache_dir`` numba
    caches there instead of beside the sources: an empty directory gives a cold compile."""
    code = (
        "import time; t = time.perf_counter()\n"
        "from mtcr.capability.rocket import RocketVehicle, Stage\n"
        "from mtcr.capability.rocket.max_range import max_range\n"
        "u = time.perf_counter()\n"
        "max_range(RocketVehicle((Stage(4897.0, 3699.0, 230.0, 75.0, 0.84),)), 1000.0)\n"
        "print(u - t, time.perf_counter() - u)\n"
    )
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(HERE.parent / "src"), env.get("PYTHONPATH", "")]))
    if cache_dir is not None:
        env["NUMBA_CACHE_DIR"] = cache_dir
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    imported, first = out.stdout.strip().splitlines()[-1].split()
    return float(imported), float(first)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="timed repetitions (the best is kept)")
    parser.add_argument("--cold", action="store_true", help="also time a process with an empty cache")
    args = parser.parse_args()

    start = time.perf_counter()
    engine.max_range(*VEHICLES["Scud-B (Forden)"])
    first_call = time.perf_counter() - start
    print(f"first search in this process (load or compile): {first_call:.2f} s")

    truth: dict[str, float] = {}
    print("\nconverged maximum range (engine, steps / 8)     reference at rtol 1e-10, same angle")
    for name, (vehicle, payload) in VEHICLES.items():
        truth[name], pitch = converged(vehicle, payload)
        check = reference.range_km(vehicle, payload, pitch, rtol=1e-10, atol=1e-6)
        print(f"  {name:32s} {truth[name]:10.3f} km at {pitch:6.3f}°   {check:10.3f} km")

    rtol, xtol = pick_reference_setting(truth)
    print(f"\nreference setting reaching {ACCURACY:.1%}: rtol {rtol:g}, golden-section tolerance {xtol:g}°")
    print(f"\n{'vehicle':32s} {'engine':>10s} {'error':>9s} {'reference':>10s} {'error':>9s} {'ratio':>7s}")
    ratios = []
    for name, (vehicle, payload) in VEHICLES.items():
        ours = engine.max_range(vehicle, payload).range_km
        theirs, _, runs = reference.max_range_km(vehicle, payload, xtol_deg=xtol, rtol=rtol)
        t_ours = best_time(lambda v=vehicle, p=payload: engine.max_range(v, p), max(args.repeat * 4, 10))
        t_ref = best_time(
            lambda v=vehicle, p=payload: reference.max_range_km(v, p, xtol_deg=xtol, rtol=rtol), args.repeat
        )
        ratios.append(t_ref / t_ours)
        print(
            f"{name:32s} {t_ours * 1e3:8.2f}ms {ours / truth[name] - 1:+9.1e} {t_ref * 1e3:8.1f}ms "
            f"{theirs / truth[name] - 1:+9.1e} {t_ref / t_ours:6.0f}x   ({runs} reference trajectories)"
        )
    worst = min(ratios)
    print(
        f"smallest ratio {worst:.0f}x (goal >= {RATIO_GOAL:.0f}x): "
        f"{'met' if worst >= RATIO_GOAL else 'NOT MET'}"
    )

    vehicle, _ = VEHICLES["Scud-B (Forden)"]
    payloads = [100.0 + 50.0 * i for i in range(30)]
    engine.range_curve(vehicle, payloads)
    curve = [best_time(lambda: engine.range_curve(vehicle, payloads), 1) for _ in range(args.repeat)]
    curve_ms = min(curve) * 1e3
    print(
        f"\n30-point range-payload curve (Scud-B, 100-1,550 kg): best {curve_ms:.1f} ms, "
        f"median {statistics.median(curve) * 1e3:.1f} ms (goal < {CURVE_GOAL_MS:.0f} ms): "
        f"{'met' if curve_ms < CURVE_GOAL_MS else 'NOT MET'}"
    )

    second_process_seconds()  # make sure every cache entry is written
    runs = [second_process_seconds() for _ in range(2)]
    imported, first = min(r[0] for r in runs), min(r[1] for r in runs)
    print(
        f"\nsecond process: import {imported:.2f} s, first search {first:.3f} s "
        "(compiled code from the cache)"
    )
    if args.cold:
        with tempfile.TemporaryDirectory() as empty:
            cold_import, cold_first = second_process_seconds(empty)
        print(
            f"cold process (empty cache): import {cold_import:.2f} s, "
            f"first search {cold_first:.2f} s (compiling)"
        )
    return 0 if worst >= RATIO_GOAL and curve_ms < CURVE_GOAL_MS else 1


if __name__ == "__main__":
    raise SystemExit(main())
