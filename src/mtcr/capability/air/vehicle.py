"""The air-breathing vehicle: masses, engine, aerodynamics, launch, and the range result.

The inputs follow capability-physics.md §5.5: empty mass, maximum take-off mass (MTOW), fuel capacity
(internal plus design auxiliary tanks), an engine with a constant specific fuel consumption, either the
best lift-to-drag ratio or a parabolic drag polar, the ceiling and Mach limit, and how the flight starts:
from a runway (the default), at the burnout of a solid booster (surface-launched cruise missiles), or at
release from an aircraft (air launch). All masses are of the air vehicle itself; a booster's own mass is
not part of them, only the state it leaves the vehicle in.

Each class checks its numbers when built and raises ``ValueError`` naming the field at fault.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

JET_KINDS = ("turbojet", "turbofan")
PROPELLER_KINDS = ("turboprop", "piston")


def _require_positive(owner: str, name: str, value: float | None) -> None:
    if value is not None and not (math.isfinite(value) and value > 0.0):
        raise ValueError(f"{owner}.{name} must be a positive finite number, got {value!r}")


def _require_non_negative(owner: str, name: str, value: float) -> None:
    if not (math.isfinite(value) and value >= 0.0):
        raise ValueError(f"{owner}.{name} must be a finite number ≥ 0, got {value!r}")


@dataclass(frozen=True)
class Engine:
    """An engine with a constant specific fuel consumption (capability-physics.md §3.3).

    Jets (``turbojet``, ``turbofan``) give the thrust-specific fuel consumption in kg of fuel per newton of
    thrust per hour; propeller engines (``turboprop``, ``piston``) give the brake-specific fuel consumption
    in kg per kilowatt of shaft power per hour, and the propeller efficiency η (thrust power over shaft
    power). The value that does not apply to the engine kind is ignored.
    """

    kind: Literal["turbojet", "turbofan", "turboprop", "piston"]
    tsfc_kg_per_n_h: float | None = None
    bsfc_kg_per_kw_h: float | None = None
    propeller_efficiency: float = 0.8

    def __post_init__(self) -> None:
        if self.kind not in JET_KINDS + PROPELLER_KINDS:
            raise ValueError(
                f"Engine.kind must be one of {', '.join(JET_KINDS + PROPELLER_KINDS)}, got {self.kind!r}"
            )
        _require_positive("Engine", "tsfc_kg_per_n_h", self.tsfc_kg_per_n_h)
        _require_positive("Engine", "bsfc_kg_per_kw_h", self.bsfc_kg_per_kw_h)
        if self.kind in JET_KINDS and self.tsfc_kg_per_n_h is None:
            raise ValueError(f"Engine.tsfc_kg_per_n_h is required for a {self.kind} engine")
        if self.kind in PROPELLER_KINDS:
            if self.bsfc_kg_per_kw_h is None:
                raise ValueError(f"Engine.bsfc_kg_per_kw_h is required for a {self.kind} engine")
            efficiency = self.propeller_efficiency
            if not (math.isfinite(efficiency) and 0.0 < efficiency <= 1.0):
                raise ValueError(f"Engine.propeller_efficiency must be in (0, 1], got {efficiency!r}")

    @property
    def is_jet(self) -> bool:
        """True for turbojets and turbofans (thrust-specific consumption), False for propeller engines."""
        return self.kind in JET_KINDS


@dataclass(frozen=True)
class Aerodynamics:
    """The best lift-to-drag ratio, or the parabolic drag polar C_D = C_D0 + k C_L² with its wing area.

    With ``cd0``, ``k`` and ``wing_area_m2`` the cruise speed and altitude are optimised (polar.py). With
    only ``lift_to_drag_max`` (or ``cd0`` and ``k`` without the wing area, which fix the ratio but not the
    speed) the vehicle cruises at that ratio at the stated cruise speed.
    """

    lift_to_drag_max: float | None = None
    cd0: float | None = None
    k: float | None = None
    wing_area_m2: float | None = None

    def __post_init__(self) -> None:
        for name in ("lift_to_drag_max", "cd0", "k", "wing_area_m2"):
            _require_positive("Aerodynamics", name, getattr(self, name))
        if self.lift_to_drag_max is None and (self.cd0 is None or self.k is None):
            raise ValueError(
                "Aerodynamics needs lift_to_drag_max, or cd0 and k (with wing_area_m2 to optimise the speed)"
            )

    @property
    def has_polar(self) -> bool:
        """True when the drag polar and the wing area are both given, so speed can be optimised."""
        return self.cd0 is not None and self.k is not None and self.wing_area_m2 is not None


@dataclass(frozen=True)
class Booster:
    """The state a solid booster leaves a surface-launched vehicle in at burnout."""

    burnout_altitude_m: float
    burnout_speed_m_s: float
    ground_distance_km: float = 0.0  # distance covered during the boost

    def __post_init__(self) -> None:
        _require_non_negative("Booster", "burnout_altitude_m", self.burnout_altitude_m)
        _require_non_negative("Booster", "burnout_speed_m_s", self.burnout_speed_m_s)
        _require_non_negative("Booster", "ground_distance_km", self.ground_distance_km)


@dataclass(frozen=True)
class Launch:
    """Release conditions of an air-launched vehicle (capability-physics.md §5.5: an input)."""

    altitude_m: float
    speed_m_s: float

    def __post_init__(self) -> None:
        _require_non_negative("Launch", "altitude_m", self.altitude_m)
        _require_non_negative("Launch", "speed_m_s", self.speed_m_s)


@dataclass(frozen=True)
class AirVehicle:
    """A cruise missile or other UAV, as designed (capability-physics.md §5.5).

    ``max_takeoff_mass_kg`` bounds empty mass + payload + fuel; ``fuel_capacity_kg`` bounds the fuel.
    ``ceiling_m`` and ``max_mach`` bound the cruise; ``cruise_speed_m_s`` is the speed flown when no drag
    polar is given. ``booster`` (surface launch) or ``launch`` (air launch) sets where the flight starts;
    with neither, it starts at rest on a runway at sea level. If both are given, the flight starts from the
    booster's burnout state, which then already includes the release.
    """

    empty_mass_kg: float
    max_takeoff_mass_kg: float
    fuel_capacity_kg: float
    engine: Engine
    aerodynamics: Aerodynamics
    ceiling_m: float | None = None
    max_mach: float | None = None
    cruise_speed_m_s: float | None = None
    booster: Booster | None = None
    launch: Launch | None = None

    def __post_init__(self) -> None:
        for name in ("empty_mass_kg", "max_takeoff_mass_kg", "fuel_capacity_kg"):
            _require_positive("AirVehicle", name, getattr(self, name))
        for name in ("ceiling_m", "max_mach", "cruise_speed_m_s"):
            _require_positive("AirVehicle", name, getattr(self, name))
        if self.max_takeoff_mass_kg <= self.empty_mass_kg:
            raise ValueError(
                f"AirVehicle.max_takeoff_mass_kg ({self.max_takeoff_mass_kg:g} kg) must exceed "
                f"empty_mass_kg ({self.empty_mass_kg:g} kg)"
            )


@dataclass(frozen=True)
class AirRangeResult:
    """The one-way range of an air vehicle with one payload, and how it was reached.

    ``cruise_altitude_m`` and ``cruise_speed_m_s`` are those at the start of the cruise (a cruise-climb
    then rises and, at a ceiling, slows as fuel burns). ``profile`` is (downrange_km, altitude_m) points for
    plotting; ``assumptions`` lists, in words, every modelling choice behind the figure.
    """

    range_km: float
    fuel_kg: float
    cruise_altitude_m: float
    cruise_speed_m_s: float
    profile: tuple[tuple[float, float], ...]  # (downrange_km, altitude_m) points for plotting
    assumptions: tuple[str, ...]
