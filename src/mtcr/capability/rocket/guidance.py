"""The guidance law: vertical rise, pitch-over to a pitch angle, hold, then a gravity turn.

The Annex asks for the trajectory that maximises range (capability-physics.md §1.2); the engine searches
one guidance parameter, the pitch angle, and keeps the shape of the programme fixed (§5.2, the L1 model):

1. vertical rise for ``vertical_rise_s``: thrust along the local vertical;
2. pitch-over for ``pitch_over_s``: the thrust elevation above the local horizontal falls linearly in
   time from 90° to the pitch angle, in the launch plane;
3. hold: the thrust stays at the pitch angle while the velocity, which lags behind it, turns down towards
   it;
4. gravity turn: from the moment the flight-path angle has come down to the pitch angle, the thrust
   follows the velocity relative to the air (zero angle of attack) until the last stage burns out, through
   any staging and coasts.

The switch from 3 to 4 happens where the two directions coincide, so the thrust direction is continuous
and the integrator sees no jump. The thrust elevation is therefore min(programme(t), gamma) once the vertical
rise is over. With no vertical rise and a burn much shorter than the flight, the thrust points at the pitch
angle throughout, and the burnout flight-path angle equals it: the impulsive limit of the oracles (§3.1).

The search reports the flight-path angle at last-stage burnout that the best programme reaches (the
quantity Wheelon's optimal angle refers to), together with the programme itself.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from numba import njit

from mtcr.capability.earth import STANDARD_GRAVITY_M_S2

VERTICAL_RISE_FRACTION = 0.05
"""Shortest vertical rise, as a fraction of the first stage's burn time (3.75 s for a 75 s Scud-B burn)."""
LONGEST_RISE_FRACTION = 0.5
"""Longest vertical rise, as a fraction of the first stage's burn time."""
PITCH_OVER_SPEED_M_S = 40.0
"""The vertical rise lasts at least until the rocket would reach this speed in vacuum: a sluggish rocket
(thrust-to-weight near 1) pitched over too slowly falls over and hits the ground."""
PITCH_OVER_FRACTION = 0.15
"""Pitch-over duration as a fraction of the first stage's burn time."""


@dataclass(frozen=True)
class PitchProgramme:
    """One member of the guidance family: the fixed shape and the searched pitch angle."""

    vertical_rise_s: float
    pitch_over_s: float
    pitch_angle_deg: float


@dataclass(frozen=True)
class ProgrammeShape:
    """The fixed part of the programme: how long the vertical rise and the pitch-over last, in seconds."""

    vertical_rise_s: float
    pitch_over_s: float

    def __post_init__(self) -> None:
        if not (self.vertical_rise_s >= 0.0 and self.pitch_over_s >= 0.0):
            raise ValueError("vertical rise and pitch-over durations must not be negative")

    def with_angle(self, pitch_angle_deg: float) -> PitchProgramme:
        return PitchProgramme(self.vertical_rise_s, self.pitch_over_s, pitch_angle_deg)


def default_shape(first_burn_time_s: float, thrust_to_weight: float) -> ProgrammeShape:
    """Vertical rise and pitch-over scaled on the first stage's burn time and lift-off thrust-to-weight.

    The rise lasts ``VERTICAL_RISE_FRACTION`` of the burn, or longer when the rocket needs it to reach
    ``PITCH_OVER_SPEED_M_S``, at (T/W - 1) g₀ of acceleration; never more than ``LONGEST_RISE_FRACTION``.
    """
    rise = VERTICAL_RISE_FRACTION * first_burn_time_s
    excess = thrust_to_weight - 1.0
    if excess > 0.0:
        rise = max(rise, PITCH_OVER_SPEED_M_S / (excess * STANDARD_GRAVITY_M_S2))
    return ProgrammeShape(
        vertical_rise_s=min(rise, LONGEST_RISE_FRACTION * first_burn_time_s),
        pitch_over_s=PITCH_OVER_FRACTION * first_burn_time_s,
    )


@njit(cache=True)
def programme_elevation_rad(
    time_s: float, vertical_rise_s: float, pitch_over_s: float, pitch_rad: float
) -> float:
    """Thrust elevation above the local horizontal demanded by the programme at a mission time.

    90° during the vertical rise, a linear ramp to the pitch angle during the pitch-over, then the pitch
    angle. The flight law takes the smaller of this and the flight-path angle (see the module text).
    """
    half_pi = 0.5 * math.pi
    if time_s < vertical_rise_s:
        return half_pi
    elapsed = time_s - vertical_rise_s
    if elapsed < pitch_over_s:
        return half_pi - (half_pi - pitch_rad) * elapsed / pitch_over_s
    return pitch_rad
