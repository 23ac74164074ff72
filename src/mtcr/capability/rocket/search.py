"""One-dimensional maximisation: a coarse scan for a sound bracket, then Brent's method inside it.

Brent's method (R. P. Brent, Algorithms for Minimization without Derivatives, 1973, ch. 5) alternates
parabolic interpolation through the three best points with golden-section steps, and converges
superlinearly on a smooth unimodal function while never doing worse than golden section. The range of a
rocket against its pitch angle is smooth (the integrator's step pattern does not depend on the angle
during the boost) and unimodal between the vertical shot and the angle at which it flies into the ground.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

_GOLDEN = 0.5 * (3.0 - math.sqrt(5.0))


def brent_maximum(
    f: Callable[[float], float], lo: float, hi: float, *, xtol: float, max_iter: int = 60
) -> tuple[float, float, int]:
    """Maximise f on [lo, hi]: (x, f(x), evaluations). Assumes f unimodal in the interval."""
    a, b = lo, hi
    x = w = v = a + _GOLDEN * (b - a)
    fx = fw = fv = -f(x)
    evaluations = 1
    d = e = 0.0
    for _ in range(max_iter):
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
                e, d = d, p / q
                u = x + d
                if u - a < tol2 or b - u < tol2:
                    d = tol1 if middle >= x else -tol1
                parabolic = True
        if not parabolic:
            e = (a - x) if x >= middle else (b - x)
            d = _GOLDEN * e
        u = x + (d if abs(d) >= tol1 else math.copysign(tol1, d))
        fu = -f(u)
        evaluations += 1
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
    return x, -fx, evaluations


def scan_bracket(f: Callable[[float], float], grid: Sequence[float]) -> tuple[float, float, int]:
    """The neighbours of the best grid point: a bracket holding the maximum of a unimodal f."""
    values = [f(x) for x in grid]
    best = max(range(len(grid)), key=values.__getitem__)
    lo = grid[max(best - 1, 0)]
    hi = grid[min(best + 1, len(grid) - 1)]
    return lo, hi, len(grid)
