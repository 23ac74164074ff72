"""Rockets: 3-DOF point-mass flight over a spherical Earth and the range that maximises it.

The functions live in ``mtcr.capability.rocket.max_range`` (``max_range``, ``range_curve``,
``vertical_apogee_km``); the package re-exports the data types only, so that the module name
``max_range`` is never shadowed by the function of the same name.
"""

from mtcr.capability.rocket import compiled_cache  # noqa: F401  (first: drops stale compiled code)
from mtcr.capability.rocket.rotating import RotatingEarth, RotationBand
from mtcr.capability.rocket.trajectory import Trajectory, TrajectoryEvent
from mtcr.capability.rocket.vehicle import RangeResult, Reentry, RocketVehicle, Stage

__all__ = [
    "RangeResult",
    "Reentry",
    "RocketVehicle",
    "RotatingEarth",
    "RotationBand",
    "Stage",
    "Trajectory",
    "TrajectoryEvent",
]
