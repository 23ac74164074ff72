"""Air-breathing systems (cruise missiles, UAVs): one-way range against payload (capability-physics.md §5.5).

``max_range(vehicle, payload_kg)`` gives the range on the most fuel-efficient profile with full fuel;
``range_curve`` sweeps payloads; ``max_payload_kg`` is the payload MTOW allows with no fuel.
"""

from mtcr.capability.air.max_range import max_payload_kg, max_range, range_curve
from mtcr.capability.air.vehicle import (
    Aerodynamics,
    AirRangeResult,
    AirVehicle,
    Booster,
    Engine,
    Launch,
)

__all__ = [
    "Aerodynamics",
    "AirRangeResult",
    "AirVehicle",
    "Booster",
    "Engine",
    "Launch",
    "max_payload_kg",
    "max_range",
    "range_curve",
]
