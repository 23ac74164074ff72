"""Stand-in flight models with the physics modules' names: closed forms, instant, monotone in payload.

Rocket: the ideal velocity change of the stages (rocket equation), 70 % of it at burnout, flat-Earth range
v² / g. Air: a Breguet-like ``K ln(W0 / W1)`` with fuel = min(tank, MTOW - empty - payload). Enough to test
the rules, the sampling and the output without the numerical physics.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any

import numpy as np

from mtcr.capability.convert import Physics

G0 = 9.80665


@dataclass(frozen=True)
class Stage:
    gross_mass_kg: float
    propellant_mass_kg: float
    isp_s: float
    burn_time_s: float
    diameter_m: float
    nozzle_exit_area_m2: float | None = None
    coast_after_s: float = 0.0
    drag_table: Any = None

    def __post_init__(self) -> None:
        if self.propellant_mass_kg >= self.gross_mass_kg:
            raise ValueError("propellant must be below the gross mass")


@dataclass(frozen=True)
class Reentry:
    separates: bool
    ballistic_coefficient_kg_m2: float


@dataclass(frozen=True)
class RocketVehicle:
    stages: tuple[Stage, ...]
    reentry: Reentry | None = None


@dataclass(frozen=True)
class Result:
    range_km: float
    trajectory: Any
    assumptions: tuple[str, ...]
    burnout_angle_deg: float = 45.0


def _path(range_km: float) -> SimpleNamespace:
    x = np.linspace(0.0, range_km, 50)
    return SimpleNamespace(
        time_s=np.linspace(0.0, 300.0, 50),
        downrange_km=x,
        altitude_km=x * (range_km - x) / max(range_km, 1e-9),
        speed_m_s=np.full(50, 1500.0),
    )


def rocket_range_km(vehicle: RocketVehicle, payload_kg: float) -> float:
    above = payload_kg
    delta_v = 0.0
    for stage in reversed(vehicle.stages):
        start = above + stage.gross_mass_kg
        end = start - stage.propellant_mass_kg
        delta_v += stage.isp_s * G0 * math.log(start / end)
        above = start
    return (0.7 * delta_v) ** 2 / G0 / 1000.0


def rocket_max_range(vehicle: RocketVehicle, payload_kg: float, *, rotating: Any = None) -> Result:
    if payload_kg > 50_000:
        return Result(0.0, _path(0.0), ("cannot lift off",), burnout_angle_deg=math.nan)
    value = rocket_range_km(vehicle, payload_kg)
    return Result(value, _path(value), ("fake rocket: 70 % of the ideal velocity change, flat Earth",))


def rocket_range_curve(vehicle: RocketVehicle, payloads_kg: list[float]) -> list[Result]:
    return [rocket_max_range(vehicle, p) for p in payloads_kg]


def vertical_apogee_km(vehicle: RocketVehicle, payload_kg: float) -> float:
    return rocket_range_km(vehicle, payload_kg) / 2.0


@dataclass(frozen=True)
class Engine:
    kind: str
    tsfc_kg_per_n_h: float | None = None
    bsfc_kg_per_kw_h: float | None = None
    propeller_efficiency: float = 0.8


@dataclass(frozen=True)
class Aerodynamics:
    lift_to_drag_max: float | None = None
    cd0: float | None = None
    k: float | None = None
    wing_area_m2: float | None = None


@dataclass(frozen=True)
class Booster:
    burnout_altitude_m: float
    burnout_speed_m_s: float
    ground_distance_km: float = 0.0


@dataclass(frozen=True)
class Launch:
    altitude_m: float
    speed_m_s: float


@dataclass(frozen=True)
class AirVehicle:
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


@dataclass(frozen=True)
class AirResult:
    range_km: float
    profile: tuple[tuple[float, float], ...]
    assumptions: tuple[str, ...]


AIR_K_KM = 4000.0


def air_max_payload_kg(vehicle: AirVehicle) -> float:
    return vehicle.max_takeoff_mass_kg - vehicle.empty_mass_kg


def air_max_range(vehicle: AirVehicle, payload_kg: float) -> AirResult:
    if payload_kg > air_max_payload_kg(vehicle):
        raise ValueError("payload above MTOW - empty")
    fuel = min(vehicle.fuel_capacity_kg, air_max_payload_kg(vehicle) - payload_kg)
    dry = vehicle.empty_mass_kg + payload_kg
    value = AIR_K_KM * math.log((dry + fuel) / dry)
    return AirResult(value, ((0.0, 0.0), (value / 2, 8000.0), (value, 0.0)), ("fake air: Breguet-like",))


def air_range_curve(vehicle: AirVehicle, payloads_kg: list[float]) -> list[AirResult]:
    return [air_max_range(vehicle, p) for p in payloads_kg]


FAKE_PHYSICS = Physics(
    rocket_vehicle=SimpleNamespace(Stage=Stage, Reentry=Reentry, RocketVehicle=RocketVehicle),
    rocket_range=SimpleNamespace(
        max_range=rocket_max_range, range_curve=rocket_range_curve, vertical_apogee_km=vertical_apogee_km
    ),
    air_vehicle=SimpleNamespace(
        Engine=Engine, Aerodynamics=Aerodynamics, Booster=Booster, Launch=Launch, AirVehicle=AirVehicle
    ),
    air_range=SimpleNamespace(
        max_range=air_max_range, range_curve=air_range_curve, max_payload_kg=air_max_payload_kg
    ),
)


def rocket(**changes: Any) -> dict[str, Any]:
    """A Scud-like rocket input (fake physics: R(500 kg) about 340 km, R(1,000 kg) about 247 km)."""
    spec: dict[str, Any] = {
        "name": "Test rocket",
        "type": "ballistic_missile",
        "payload_kg": 1000,
        "stages": [
            {
                "gross_mass_kg": 4897,
                "propellant_mass_kg": 3699,
                "isp_s": 230,
                "burn_time_s": 75,
                "diameter_m": 0.84,
            }
        ],
    }
    spec.update(changes)
    return spec


def uav(**changes: Any) -> dict[str, Any]:
    """A UAV input (fake physics: MTOW - empty = 1,500 kg; fuel 600 kg)."""
    spec: dict[str, Any] = {
        "name": "Test UAV",
        "type": "uav",
        "payload_kg": 300,
        "empty_mass_kg": 1000,
        "max_takeoff_mass_kg": 2500,
        "fuel_capacity_kg": 600,
        "engine": {"kind": "turbofan", "tsfc_kg_per_n_h": 0.07},
        "aerodynamics": {"lift_to_drag_max": 15},
        "cruise_speed_m_s": 200,
    }
    spec.update(changes)
    return spec
