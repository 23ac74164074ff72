"""A flown trajectory: arrays for plotting and the events located on it."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from mtcr.capability.rocket.guidance import PitchProgramme


@dataclass(frozen=True)
class TrajectoryEvent:
    """A moment of the flight: lift-off, burnout, ignition, separation, apogee or impact."""

    name: str
    time_s: float
    downrange_km: float
    altitude_km: float
    speed_m_s: float
    flight_path_angle_deg: float


@dataclass(frozen=True, eq=False)
class Trajectory:
    """Time histories at every integration step (and at the events), for plotting and inspection.

    ``downrange_km`` is the length of the ground track from the launch point; ``speed_m_s`` is the speed
    relative to the (possibly rotating) Earth.
    """

    time_s: np.ndarray
    downrange_km: np.ndarray
    altitude_km: np.ndarray
    speed_m_s: np.ndarray
    events: tuple[TrajectoryEvent, ...]
    guidance: PitchProgramme

    def event(self, name: str) -> TrajectoryEvent:
        """The first event of that name; KeyError naming the events there are otherwise."""
        for event in self.events:
            if event.name == name:
                return event
        raise KeyError(f"no event {name!r}; events: {', '.join(e.name for e in self.events)}")
