"""The flight plan: a vehicle and payload turned into the segment arrays the compiled integrator flies.

Segments, in order, for stages 1..n (capability-physics.md §5.2):

* stage k burns for its burn time; the stack is stage k and everything above it plus the payload, the mass
  flow is constant (propellant / burn time), thrust is ṁ g₀ I_sp (less p_a A_e when the exit area is
  given), drag uses stage k's diameter and table;
* the spent stage separates at burnout; if the stage has a coast, the remaining stack coasts with the
  next stage's diameter and table;
* after the last burnout the free flight: a separating payload alone with its ballistic coefficient, or
  the payload on the empty last stage (last stage's diameter and table).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from functools import lru_cache

import numpy as np

from mtcr.capability.atmosphere import SEA_LEVEL_PRESSURE_PA
from mtcr.capability.earth import EARTH_MU_M3_S2, EARTH_RADIUS_M, STANDARD_GRAVITY_M_S2
from mtcr.capability.rocket.drag import DEFAULT_DRAG_TABLE, pack_tables
from mtcr.capability.rocket.dynamics import BALLISTIC, COAST, POWERED, fly
from mtcr.capability.rocket.guidance import ProgrammeShape, default_shape
from mtcr.capability.rocket.rotating import RotatingEarth
from mtcr.capability.rocket.vehicle import RocketVehicle


@dataclass(frozen=True)
class Resolution:
    """Step sizes of the integrator: at most ``powered_step_s`` and at least ``min_powered_steps`` steps per
    burn, ``atmospheric_step_s`` for coasts and for free flight below ``vacuum_above_m``, ``vacuum_step_s``
    above it. With exact event times the defaults keep the range within 1e-5 of the step-converged value
    for the validation vehicles (tests/capability/test_rocket_convergence.py)."""

    powered_step_s: float = 1.0
    atmospheric_step_s: float = 2.0
    vacuum_step_s: float = 20.0
    vacuum_above_m: float = 90_000.0
    time_limit_s: float = 20_000.0
    min_powered_steps: int = 40

    def __post_init__(self) -> None:
        steps = (self.powered_step_s, self.atmospheric_step_s, self.vacuum_step_s, self.time_limit_s)
        if not all(math.isfinite(s) and s > 0.0 for s in steps) or self.min_powered_steps < 1:
            raise ValueError(
                "integrator steps and the time limit must be positive, with at least one step per burn"
            )

    def refined(self, factor: float) -> Resolution:
        """Every step divided by ``factor`` (and the least number of powered steps multiplied by it)."""
        return Resolution(
            self.powered_step_s / factor,
            self.atmospheric_step_s / factor,
            self.vacuum_step_s / factor,
            self.vacuum_above_m,
            self.time_limit_s,
            max(1, round(self.min_powered_steps * factor)),
        )

    def as_tuple(self) -> tuple[float, float, float, float, float, int]:
        return (
            float(self.powered_step_s),
            float(self.atmospheric_step_s),
            float(self.vacuum_step_s),
            float(self.vacuum_above_m),
            float(self.time_limit_s),
            int(self.min_powered_steps),
        )


DEFAULT_RESOLUTION = Resolution()


def launch_state(rotating: RotatingEarth | None) -> tuple[np.ndarray, float, np.ndarray]:
    """Inertial launch position and velocity (6), rotation rate, and the Earth-fixed launch-plane normal.

    The inertial frame coincides with the Earth-fixed one at lift-off; the site is on the prime meridian.
    Without rotation the rocket is fired east along the equator: the flight stays in the x-y plane.
    """
    if rotating is None:
        latitude, azimuth, omega = 0.0, 0.5 * math.pi, 0.0
    else:
        latitude = math.radians(rotating.latitude_deg)
        azimuth = math.radians(rotating.azimuth_deg)
        omega = rotating.rotation_rad_s
    up = np.array([math.cos(latitude), 0.0, math.sin(latitude)])
    east = np.array([0.0, 1.0, 0.0])
    north = np.array([-math.sin(latitude), 0.0, math.cos(latitude)])
    downrange = math.cos(azimuth) * north + math.sin(azimuth) * east
    normal = np.cross(up, downrange)
    position = EARTH_RADIUS_M * up
    velocity = np.cross(np.array([0.0, 0.0, omega]), position)
    return np.concatenate([position, velocity]), omega, normal


@dataclass(frozen=True, eq=False)
class FlightPlan:
    """Everything the integrator needs except the pitch angle."""

    end_s: np.ndarray
    kind: np.ndarray
    mass0_kg: np.ndarray
    mdot_kg_s: np.ndarray
    thrust_n: np.ndarray
    exit_area_m2: np.ndarray
    area_m2: np.ndarray
    table: np.ndarray
    beta_kg_m2: np.ndarray
    tab_mach: np.ndarray
    tab_cd: np.ndarray
    tab_n: np.ndarray
    state0: np.ndarray
    omega_rad_s: float
    normal: np.ndarray
    shape: ProgrammeShape
    end_names: tuple[str, ...]
    last_burnout: int
    lift_off_ratio: float
    """Thrust over weight at lift-off (sea-level thrust, surface gravity)."""
    resolution: Resolution = field(default=DEFAULT_RESOLUTION)

    def guide(self, pitch_rad: float) -> tuple[float, float, float, float, float, float, float]:
        return (
            self.omega_rad_s,
            float(self.normal[0]),
            float(self.normal[1]),
            float(self.normal[2]),
            float(self.shape.vertical_rise_s),
            float(self.shape.pitch_over_s),
            float(pitch_rad),
        )

    def fly(self, pitch_rad: float, *, record: bool = False):
        """Run the compiled integrator: (status, range m, end time s, apogee m, events, records)."""
        return fly(
            self.end_s,
            self.kind,
            self.mass0_kg,
            self.mdot_kg_s,
            self.thrust_n,
            self.exit_area_m2,
            self.area_m2,
            self.table,
            self.beta_kg_m2,
            self.tab_mach,
            self.tab_cd,
            self.tab_n,
            self.guide(pitch_rad),
            self.state0,
            0.0,
            self.resolution.as_tuple(),
            record,
        )

    def packed(self) -> tuple:
        """The arrays and steps as one tuple, for compiled callers (``pitch_search.py``)."""
        return (
            self.end_s,
            self.kind,
            self.mass0_kg,
            self.mdot_kg_s,
            self.thrust_n,
            self.exit_area_m2,
            self.area_m2,
            self.table,
            self.beta_kg_m2,
            self.tab_mach,
            self.tab_cd,
            self.tab_n,
            self.state0,
            self.resolution.as_tuple(),
        )

    def range_m(self, pitch_rad: float) -> float:
        return self.fly(pitch_rad)[1]

    def with_resolution(self, resolution: Resolution) -> FlightPlan:
        return replace(self, resolution=resolution)


def build_plan(
    vehicle: RocketVehicle,
    payload_kg: float,
    *,
    rotating: RotatingEarth | None = None,
    shape: ProgrammeShape | None = None,
    resolution: Resolution = DEFAULT_RESOLUTION,
) -> FlightPlan:
    """Segments, drag tables, launch state and event names for one vehicle and payload."""
    if not (isinstance(payload_kg, int | float) and math.isfinite(payload_kg) and payload_kg >= 0.0):
        raise ValueError(f"payload must be a finite mass ≥ 0 kg, got {payload_kg!r}")
    template = _empty_plan(vehicle, rotating, resolution)
    weight_n = (vehicle.gross_mass_kg + payload_kg) * EARTH_MU_M3_S2 / EARTH_RADIUS_M**2
    thrust_to_weight = template.lift_off_ratio / weight_n
    return replace(
        template,
        mass0_kg=template.mass0_kg + payload_kg,
        lift_off_ratio=thrust_to_weight,
        shape=shape or default_shape(vehicle.stages[0].burn_time_s, thrust_to_weight),
    )


@lru_cache(maxsize=64)
def _empty_plan(vehicle: RocketVehicle, rotating: RotatingEarth | None, resolution: Resolution) -> FlightPlan:
    """The plan without payload (every segment's mass then grows by the payload); lift_off_ratio holds
    the lift-off thrust in newtons until ``build_plan`` divides it by the weight, and the programme shape
    is set there too."""
    stages = vehicle.stages
    n = len(stages)
    tables = [stage.drag_table or DEFAULT_DRAG_TABLE for stage in stages]
    rows: list[tuple[float, int, float, float, float, float, float, int, float]] = []
    names: list[str] = []
    t = 0.0
    for k, stage in enumerate(stages):
        above_kg = sum(s.gross_mass_kg for s in stages[k + 1 :])
        exit_area = stage.nozzle_exit_area_m2 or 0.0
        thrust = stage.mass_flow_kg_s * STANDARD_GRAVITY_M_S2 * stage.isp_s
        t += stage.burn_time_s
        rows.append(
            (t, POWERED, stage.gross_mass_kg + above_kg, stage.mass_flow_kg_s, thrust, exit_area,
             stage.frontal_area_m2, k, 0.0)
        )  # fmt: skip
        names.append(f"stage {k + 1} burnout")
        if k < n - 1 and stage.coast_after_s > 0.0:
            t += stage.coast_after_s
            upper = stages[k + 1]
            rows.append((t, COAST, above_kg, 0.0, 0.0, 0.0, upper.frontal_area_m2, k + 1, 0.0))
            names.append(f"stage {k + 2} ignition")
    last = stages[-1]
    if vehicle.reentry is not None and vehicle.reentry.separates:
        beta = vehicle.reentry.ballistic_coefficient_kg_m2
        rows.append((math.inf, BALLISTIC, 0.0, 0.0, 0.0, 0.0, 0.0, n - 1, beta))
    else:
        rows.append((math.inf, COAST, last.inert_mass_kg, 0.0, 0.0, 0.0, last.frontal_area_m2, n - 1, 0.0))
    columns = list(zip(*rows, strict=True))
    tab_mach, tab_cd, tab_n = pack_tables(tables)
    state0, omega, normal = launch_state(rotating)
    first = stages[0]
    lift_off_thrust = first.mass_flow_kg_s * STANDARD_GRAVITY_M_S2 * first.isp_s
    lift_off_thrust -= SEA_LEVEL_PRESSURE_PA * (first.nozzle_exit_area_m2 or 0.0)
    arrays = [np.array(column, dtype=np.float64) for column in columns]
    return FlightPlan(
        end_s=arrays[0],
        kind=np.array(columns[1], dtype=np.int64),
        mass0_kg=arrays[2],
        mdot_kg_s=arrays[3],
        thrust_n=arrays[4],
        exit_area_m2=arrays[5],
        area_m2=arrays[6],
        table=np.array(columns[7], dtype=np.int64),
        beta_kg_m2=arrays[8],
        tab_mach=tab_mach,
        tab_cd=tab_cd,
        tab_n=tab_n,
        state0=state0,
        omega_rad_s=omega,
        normal=normal,
        shape=ProgrammeShape(0.0, 0.0),
        end_names=tuple(names),
        last_burnout=max(i for i, kind in enumerate(columns[1]) if kind == POWERED),
        lift_off_ratio=lift_off_thrust,
        resolution=resolution,
    )


def free_flight_plan(
    speed_m_s: float,
    flight_path_angle_deg: float,
    altitude_m: float = 0.0,
    *,
    ballistic_coefficient_kg_m2: float = 0.0,
    resolution: Resolution = DEFAULT_RESOLUTION,
) -> FlightPlan:
    """A plan with only free flight from a given state over the non-rotating Earth (for the oracles).

    With a ballistic coefficient of 0 there is no drag. Fly it with any pitch angle (it has no thrust).
    """
    gamma = math.radians(flight_path_angle_deg)
    radius = EARTH_RADIUS_M + altitude_m
    state0 = np.array(
        [radius, 0.0, 0.0, speed_m_s * math.sin(gamma), speed_m_s * math.cos(gamma), 0.0], dtype=np.float64
    )
    tab_mach, tab_cd, tab_n = pack_tables([DEFAULT_DRAG_TABLE])
    one = np.ones(1)
    zero = np.zeros(1)
    return FlightPlan(
        end_s=np.array([math.inf]),
        kind=np.array([BALLISTIC], dtype=np.int64),
        mass0_kg=one,
        mdot_kg_s=zero,
        thrust_n=zero,
        exit_area_m2=zero,
        area_m2=zero,
        table=np.zeros(1, dtype=np.int64),
        beta_kg_m2=np.array([float(ballistic_coefficient_kg_m2)]),
        tab_mach=tab_mach,
        tab_cd=tab_cd,
        tab_n=tab_n,
        state0=state0,
        omega_rad_s=0.0,
        normal=np.array([0.0, 0.0, 1.0]),
        shape=ProgrammeShape(0.0, 0.0),
        end_names=(),
        last_burnout=0,
        lift_off_ratio=math.inf,
        resolution=resolution,
    )
