"""The rocket's description (stages, re-entry) and the result of a range search.

Masses follow the convention of the Annex question "can it deliver P kg to R km": each stage is booked
alone (its structure and propellant, without upper stages or payload), and the payload rides on top of the
last stage. Inputs that book the whole stack in the first stage, like Forden's tables, convert by
subtracting the upper stages and the payload.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from mtcr.capability.rocket.drag import DragTable, check_drag_table
from mtcr.capability.rocket.trajectory import Trajectory

MAX_STAGES = 4


def _positive(value: float, what: str) -> None:
    if not (isinstance(value, int | float) and math.isfinite(value) and value > 0.0):
        raise ValueError(f"{what} must be a positive finite number, got {value!r}")


@dataclass(frozen=True)
class Stage:
    """One stage, booked alone: structure + propellant, without the stages above it or the payload."""

    gross_mass_kg: float
    propellant_mass_kg: float
    isp_s: float
    """Sea-level specific impulse; the vacuum value when ``nozzle_exit_area_m2`` is given."""
    burn_time_s: float
    diameter_m: float
    nozzle_exit_area_m2: float | None = None
    """When given, thrust is corrected for ambient pressure: F = ṁ g₀ I_sp,vac - p_a A_e."""
    coast_after_s: float = 0.0
    """Unpowered flight between this stage's burnout and the next stage's ignition (ignored for the last)."""
    drag_table: DragTable | None = None
    """(Mach, Cd) pairs on the frontal area π d² / 4; None for the default table (``drag.py``)."""

    def __post_init__(self) -> None:
        for name in ("gross_mass_kg", "propellant_mass_kg", "isp_s", "burn_time_s", "diameter_m"):
            _positive(getattr(self, name), f"stage {name}")
        if self.propellant_mass_kg >= self.gross_mass_kg:
            raise ValueError(
                f"stage propellant mass {self.propellant_mass_kg} kg must be below its gross mass "
                f"{self.gross_mass_kg} kg (the stage alone, without upper stages or payload)"
            )
        if self.nozzle_exit_area_m2 is not None and not (
            math.isfinite(self.nozzle_exit_area_m2) and self.nozzle_exit_area_m2 >= 0.0
        ):
            raise ValueError(
                f"nozzle exit area must be a finite area ≥ 0 m², got {self.nozzle_exit_area_m2!r}"
            )
        if not (math.isfinite(self.coast_after_s) and self.coast_after_s >= 0.0):
            raise ValueError(f"coast after burnout must be ≥ 0 s, got {self.coast_after_s!r}")
        if self.drag_table is not None:
            object.__setattr__(self, "drag_table", check_drag_table(self.drag_table, where="stage"))

    @property
    def inert_mass_kg(self) -> float:
        return self.gross_mass_kg - self.propellant_mass_kg

    @property
    def mass_flow_kg_s(self) -> float:
        return self.propellant_mass_kg / self.burn_time_s

    @property
    def frontal_area_m2(self) -> float:
        return math.pi * self.diameter_m**2 / 4.0


@dataclass(frozen=True)
class Reentry:
    """How the payload comes down after the last stage burns out.

    A separating payload flies alone with its ballistic coefficient β = m / (C_d A). A non-separating one
    stays on the empty last stage, which keeps that stage's diameter and drag table (β is then not used).
    """

    separates: bool
    ballistic_coefficient_kg_m2: float

    def __post_init__(self) -> None:
        _positive(self.ballistic_coefficient_kg_m2, "re-entry ballistic coefficient (kg/m²)")


@dataclass(frozen=True)
class RocketVehicle:
    """A rocket of one to four stages, first to last, and how its payload re-enters."""

    stages: tuple[Stage, ...]
    reentry: Reentry | None = None
    """None: the payload does not separate (as ``Reentry(separates=False, ...)``)."""

    def __post_init__(self) -> None:
        stages = tuple(self.stages)
        if not 1 <= len(stages) <= MAX_STAGES:
            raise ValueError(f"a rocket has 1 to {MAX_STAGES} stages, got {len(stages)}")
        if not all(isinstance(stage, Stage) for stage in stages):
            raise ValueError("stages must be Stage objects, first stage first")
        object.__setattr__(self, "stages", stages)

    @property
    def gross_mass_kg(self) -> float:
        """Lift-off mass without payload."""
        return sum(stage.gross_mass_kg for stage in self.stages)


@dataclass(frozen=True)
class RangeResult:
    """The maximum range of a vehicle with a payload, and the trajectory that reaches it."""

    range_km: float
    burnout_angle_deg: float
    """Flight-path angle (relative to the Earth) at last-stage burnout on the best trajectory. The searched
    parameter is the pitch angle of the programme, kept in ``trajectory.guidance``."""
    apogee_km: float
    flight_time_s: float
    trajectory: Trajectory
    assumptions: tuple[str, ...]
    payload_kg: float = math.nan
    burnout_speed_m_s: float = math.nan
    burnout_altitude_km: float = math.nan
    unbounded: bool = False
    """True when the vehicle reaches half the Earth's circumference or does not come down (orbit): the
    range is then reported as the half circumference, the largest ground distance there is."""
