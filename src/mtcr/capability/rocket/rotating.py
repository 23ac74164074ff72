"""The optional rotating Earth: launch latitude and azimuth, and the east/west band of the range.

The Annex says nothing about the Earth's rotation; the decision figure is the non-rotating range, which
does not depend on where or in which direction the rocket is fired (capability-physics.md §1.2). The
rotating model (§5.2, L2) flies the same vehicle in the inertial frame with the launch site carried round
at ω = 7.292e-5 rad/s: the rocket starts with the site's eastward speed ω R_E cos(latitude), drag acts on
the air-relative velocity (the atmosphere turns with the Earth), and the range is the ground track on the
rotating sphere. Firing east gains and firing west loses: about ±1 % at 300 km and ±2 % at 900 km (§2.1).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from mtcr.capability.earth import EARTH_ROTATION_RAD_S

if TYPE_CHECKING:
    from mtcr.capability.rocket.vehicle import RocketVehicle


@dataclass(frozen=True)
class RotatingEarth:
    """Launch site latitude (degrees north) and launch azimuth (degrees clockwise from north)."""

    latitude_deg: float = 0.0
    azimuth_deg: float = 90.0
    rotation_rad_s: float = EARTH_ROTATION_RAD_S

    def __post_init__(self) -> None:
        if not (math.isfinite(self.latitude_deg) and -90.0 <= self.latitude_deg <= 90.0):
            raise ValueError(f"latitude must be between -90 and 90 degrees, got {self.latitude_deg!r}")
        if not math.isfinite(self.azimuth_deg):
            raise ValueError(f"azimuth must be a finite number of degrees, got {self.azimuth_deg!r}")
        if not math.isfinite(self.rotation_rad_s):
            raise ValueError(f"rotation rate must be finite, got {self.rotation_rad_s!r}")

    def describe(self) -> str:
        return (
            f"rotating spherical Earth, launch at latitude {self.latitude_deg:g}°, "
            f"azimuth {self.azimuth_deg:g}° from north"
        )


@dataclass(frozen=True)
class RotationBand:
    """Maximum ranges fired due east and due west from one latitude, beside the non-rotating figure."""

    latitude_deg: float
    east_km: float
    west_km: float
    non_rotating_km: float

    @property
    def relative_spread(self) -> float:
        """Half the east-west difference over the non-rotating range (the ± of the band)."""
        return 0.5 * (self.east_km - self.west_km) / self.non_rotating_km


def east_west_band(vehicle: RocketVehicle, payload_kg: float, latitude_deg: float = 0.0) -> RotationBand:
    """Maximum range fired due east and due west from a latitude, with the non-rotating range (each a full
    range maximisation)."""
    from mtcr.capability.rocket.max_range import max_range

    east = max_range(vehicle, payload_kg, rotating=RotatingEarth(latitude_deg, 90.0))
    west = max_range(vehicle, payload_kg, rotating=RotatingEarth(latitude_deg, 270.0))
    still = max_range(vehicle, payload_kg)
    return RotationBand(latitude_deg, east.range_km, west.range_km, still.range_km)
