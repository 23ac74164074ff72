"""The pitch-angle search, compiled: a bracketing scan, then Brent's method, all inside numba.

Brent's method (Algorithms for Minimization without Derivatives, 1973, ch. 5:
parabolic interpolation through the three best points, golden-section steps when it misbehaves), run in
compiled code so that the fifteen or so trajectories of one search cost no Python call each. Brent starts
from the best scan point, whose range is already known.
"""

from __future__ import annotations

import math

import numpy as np
from numba import njit

from mtcr.capability.rocket.dynamics import fly

_GOLDEN = 0.5 * (3.0 - math.sqrt(5.0))


@njit(cache=True)
def _range(plan, guide, pitch):
    (end, kind, mass0, mdot, thrust, exit_area, area, table, beta, tab_mach, tab_cd, tab_n, state0, steps) = (
        plan
    )
    g = (guide[0], guide[1], guide[2], guide[3], guide[4], guide[5], pitch)
    return fly(
        end, kind, mass0, mdot, thrust, exit_area, area, table, beta, tab_mach, tab_cd, tab_n, g, state0, 0.0,
        steps, False,
    )[1]  # fmt: skip


@njit(cache=True)
def _brent(plan, guide, a, b, x, fx_known, xtol):
    """Maximise the range over the pitch in [a, b] from a start x (with its range if known, else nan)."""
    w = x
    v = x
    fx = -_range(plan, guide, x) if math.isnan(fx_known) else -fx_known
    fw = fx
    fv = fx
    d = 0.0
    e = 0.0
    for _ in range(100):
        middle = 0.5 * (a + b)
        tol1 = xtol + 1e-12 * abs(x)
        tol2 = 2.0 * tol1
        if abs(x - middle) <= tol2 - 0.5 * (b - a):
            break
        parabolic = False
        if abs(e) > tol1:
            r = (x - w) * (fx - fv)
            q = (x - v) * (fx - fw)
            p = (x - v) * q - (x - w) * r
            q = 2.0 * (q - r)
            if q > 0.0:
                p = -p
            q = abs(q)
            if abs(p) < abs(0.5 * q * e) and q * (a - x) < p < q * (b - x):
                e = d
                d = p / q
                u = x + d
                if u - a < tol2 or b - u < tol2:
                    d = tol1 if middle >= x else -tol1
                parabolic = True
        if not parabolic:
            e = (a - x) if x >= middle else (b - x)
            d = _GOLDEN * e
        u = x + (d if abs(d) >= tol1 else math.copysign(tol1, d))
        fu = -_range(plan, guide, u)
        if fu <= fx:
            if u >= x:
                a = x
            else:
                b = x
            v, fv, w, fw, x, fx = w, fw, x, fx, u, fu
        else:
            if u < x:
                a = u
            else:
                b = u
            if fu <= fw or w == x:
                v, fv, w, fw = w, fw, u, fu
            elif fu <= fv or v in (x, w):
                v, fv = u, fu
    return x, -fx


@njit(cache=True)
def best_pitch_rad(plan, guide, grid, xtol, warm, half_width):
    """The pitch angle (rad) of the longest range: Brent around ``warm`` when it is finite and the maximum
    stays inside that bracket, otherwise a scan of ``grid`` and Brent between the best point's neighbours."""
    low = grid[0]
    high = grid[grid.size - 1]
    if not math.isnan(warm):
        a = max(low, warm - half_width)
        b = min(high, warm + half_width)
        x, _ = _brent(plan, guide, a, b, min(max(warm, a), b), np.nan, xtol)
        if a + 3.0 * xtol < x < b - 3.0 * xtol:
            return x
    values = np.empty(grid.size)
    best = 0
    for i in range(grid.size):
        values[i] = _range(plan, guide, grid[i])
        if values[i] > values[best]:
            best = i
    a = grid[max(best - 1, 0)]
    b = grid[min(best + 1, grid.size - 1)]
    x, _ = _brent(plan, guide, a, b, grid[best], values[best], xtol)
    return x
