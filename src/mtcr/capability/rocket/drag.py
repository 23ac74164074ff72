"""Drag coefficient against Mach number: the default table, validation, interpolation and packing.

The default table is the single Mach table of Forden's GUI_Missile_Flyout (Science & Global Security 15,
2007) as described in capability-physics.md §2: Cd = 0.20 below Mach 0.85, rising through the transonic
region to 0.27 between Mach 1.0 and 1.2, and falling back to 0.20 from Mach 2 upwards. It multiplies the
body's frontal area π d² / 4. Between points the coefficient is interpolated linearly in Mach; outside
the table it is held at the end values.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

import numpy as np
from numba import njit

DragTable = tuple[tuple[float, float], ...]

DEFAULT_DRAG_TABLE: DragTable = (
    (0.0, 0.20),
    (0.85, 0.20),
    (1.0, 0.27),
    (1.2, 0.27),
    (2.0, 0.20),
)
"""(Mach, Cd) pairs of the default table (Forden 2007, as summarised in capability-physics.md §2)."""

ZERO_DRAG_TABLE: DragTable = ((0.0, 0.0),)
"""A table with no drag at any Mach number: for vacuum cases and the analytic oracles."""


def check_drag_table(table: Sequence[Sequence[float]], *, where: str) -> DragTable:
    """The table as a tuple of (Mach, Cd) float pairs, or a ValueError naming what is wrong and where."""
    pairs = tuple((float(mach), float(cd)) for mach, cd in table)
    if not pairs:
        raise ValueError(f"{where}: the drag table is empty; give (Mach, Cd) pairs or leave it out")
    for mach, cd in pairs:
        if not (np.isfinite(mach) and np.isfinite(cd)) or mach < 0.0 or cd < 0.0:
            raise ValueError(
                f"{where}: drag table point (Mach {mach}, Cd {cd}) must be finite and not negative"
            )
    machs = [mach for mach, _ in pairs]
    if any(b <= a for a, b in pairwise(machs)):
        raise ValueError(f"{where}: drag table Mach numbers must increase strictly, got {machs}")
    return pairs


def pack_tables(tables: Sequence[DragTable]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Tables as padded arrays for compiled code: Mach[k, n], Cd[k, n] and the length of each row."""
    width = max(len(table) for table in tables)
    mach = np.zeros((len(tables), width))
    cd = np.zeros((len(tables), width))
    lengths = np.zeros(len(tables), dtype=np.int64)
    for row, table in enumerate(tables):
        lengths[row] = len(table)
        for column, (m, c) in enumerate(table):
            mach[row, column] = m
            cd[row, column] = c
    return mach, cd, lengths


@njit(cache=True)
def drag_coefficient(mach: float, machs: np.ndarray, cds: np.ndarray, length: int) -> float:
    """Cd at a Mach number: linear interpolation in one row of a packed table, constant beyond its ends."""
    if mach <= machs[0] or length == 1:
        return cds[0]
    last = length - 1
    if mach >= machs[last]:
        return cds[last]
    i = 1
    while machs[i] < mach:
        i += 1
    fraction = (mach - machs[i - 1]) / (machs[i] - machs[i - 1])
    return cds[i - 1] + fraction * (cds[i] - cds[i - 1])


@njit(cache=True)
def table_drag_coefficient(mach: float, machs: np.ndarray, cds: np.ndarray, row: int, length: int) -> float:
    """``drag_coefficient`` on row ``row`` of packed 2-D tables, without taking a view of the row."""
    if mach <= machs[row, 0] or length == 1:
        return cds[row, 0]
    last = length - 1
    if mach >= machs[row, last]:
        return cds[row, last]
    i = 1
    while machs[row, i] < mach:
        i += 1
    fraction = (mach - machs[row, i - 1]) / (machs[row, i] - machs[row, i - 1])
    return cds[row, i - 1] + fraction * (cds[row, i] - cds[row, i - 1])
