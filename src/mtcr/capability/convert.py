"""From the capability input to the vehicles the physics flies, nominal or at a sample of its uncertainties.

``FlightModel(spec)`` builds a ``RocketVehicle`` or an ``AirVehicle`` and answers ``range_km(payload_kg)``
on the range-maximising trajectory or the most fuel-efficient profile (Annex definition of "range",
technical notes; capability-physics.md §1.2). Items tagged ``flight_essential`` are carried as part of the
vehicle: on top of the last stage, or in the empty mass (§1.3). A payload the vehicle cannot fly (it does
not lift off, or it exceeds the maximum take-off mass) has no range: ``nan``.

``uncertain_inputs(spec)`` lists the numbers that carry an uncertainty, by field path;
``spec_at(spec, values)`` is the input with those numbers replaced by sampled values, validated again.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib import import_module
from types import ModuleType
from typing import Any

from mtcr.capability.spec import (
    AirSpec,
    RocketSpec,
    Spec,
    Uncertain,
    flight_essential_kg,
    parse_spec,
    value_of,
)

Path = tuple[str | int, ...]
FLIGHT_ERRORS = (ValueError, ArithmeticError, RuntimeError)
"""What the physics raises for a configuration it cannot fly; anything else is a fault and propagates."""


@dataclass(frozen=True, slots=True)
class Physics:
    """The four physics modules (or stand-ins with the same names, for tests)."""

    rocket_vehicle: Any
    rocket_range: Any
    air_vehicle: Any
    air_range: Any


def default_physics(*, rocket: bool = True, air: bool = True) -> Physics:
    """The rocket (``mtcr.capability.rocket``) and air-breathing (``mtcr.capability.air``) flight models.

    Only the families asked for are imported (the other fields are None).
    """

    def load(family: str, wanted: bool) -> tuple[ModuleType | None, ModuleType | None]:
        if not wanted:
            return None, None
        package = f"mtcr.capability.{family}"
        return import_module(f"{package}.vehicle"), import_module(f"{package}.max_range")

    return Physics(*load("rocket", rocket), *load("air", air))


def _optional(number: float | Uncertain | None) -> float | None:
    return None if number is None else value_of(number)


def rocket_vehicle(spec: RocketSpec, physics: Physics) -> Any:
    """The ``RocketVehicle``: stages first to last; flight-essential items on top of the last stage."""
    if spec.stages is None:
        raise ValueError("a sounding rocket known only by its apogee has no vehicle to fly")
    module: ModuleType = physics.rocket_vehicle
    essential = flight_essential_kg(spec)
    stages = []
    for index, stage in enumerate(spec.stages):
        last = index == len(spec.stages) - 1
        isp = stage.isp_s if stage.isp_s is not None else stage.isp_vac_s
        drag = None
        if stage.drag_table is not None:
            drag = tuple((value_of(point.mach), value_of(point.cd)) for point in stage.drag_table)
        stages.append(
            module.Stage(
                gross_mass_kg=value_of(stage.gross_mass_kg) + (essential if last else 0.0),
                propellant_mass_kg=value_of(stage.propellant_mass_kg),
                isp_s=value_of(isp),
                burn_time_s=value_of(stage.burn_time_s),
                diameter_m=value_of(stage.diameter_m),
                nozzle_exit_area_m2=_optional(stage.nozzle_exit_area_m2),
                coast_after_s=value_of(stage.coast_after_s),
                drag_table=drag,
            )
        )
    reentry = None
    if spec.reentry is not None:
        reentry = module.Reentry(
            separates=spec.reentry.separates,
            ballistic_coefficient_kg_m2=value_of(spec.reentry.ballistic_coefficient_kg_m2),
        )
    return module.RocketVehicle(stages=tuple(stages), reentry=reentry)


def air_vehicle(spec: AirSpec, physics: Physics) -> Any:
    """The ``AirVehicle``; flight-essential items are added to the empty mass."""
    module: ModuleType = physics.air_vehicle
    engine = module.Engine(
        kind=spec.engine.kind,
        tsfc_kg_per_n_h=_optional(spec.engine.tsfc_kg_per_n_h),
        bsfc_kg_per_kw_h=_optional(spec.engine.bsfc_kg_per_kw_h),
        propeller_efficiency=value_of(spec.engine.propeller_efficiency),
    )
    aero = spec.aerodynamics
    aerodynamics = module.Aerodynamics(
        lift_to_drag_max=_optional(aero.lift_to_drag_max),
        cd0=_optional(aero.cd0),
        k=_optional(aero.k),
        wing_area_m2=_optional(aero.wing_area_m2),
    )
    booster = None
    if spec.booster is not None:
        booster = module.Booster(
            burnout_altitude_m=value_of(spec.booster.burnout_altitude_m),
            burnout_speed_m_s=value_of(spec.booster.burnout_speed_m_s),
            ground_distance_km=value_of(spec.booster.ground_distance_km),
        )
    launch = None
    if spec.launch is not None:
        launch = module.Launch(
            altitude_m=value_of(spec.launch.altitude_m), speed_m_s=value_of(spec.launch.speed_m_s)
        )
    return module.AirVehicle(
        empty_mass_kg=value_of(spec.empty_mass_kg) + flight_essential_kg(spec),
        max_takeoff_mass_kg=value_of(spec.max_takeoff_mass_kg),
        fuel_capacity_kg=value_of(spec.fuel_capacity_kg),
        engine=engine,
        aerodynamics=aerodynamics,
        ceiling_m=_optional(spec.ceiling_m),
        max_mach=_optional(spec.max_mach),
        cruise_speed_m_s=_optional(spec.cruise_speed_m_s),
        booster=booster,
        launch=launch,
    )


class FlightModel:
    """The design flown by the physics: ranges against payload, in kilometres and kilograms."""

    def __init__(self, spec: Spec, physics: Physics | None = None) -> None:
        self.spec = spec
        self.is_rocket = isinstance(spec, RocketSpec)
        self.physics = physics or default_physics(rocket=self.is_rocket, air=not self.is_rocket)
        if isinstance(spec, RocketSpec):
            self.vehicle = rocket_vehicle(spec, self.physics)
            self._range = self.physics.rocket_range
        else:
            self.vehicle = air_vehicle(spec, self.physics)
            self._range = self.physics.air_range

    def fly(self, payload_kg: float) -> Any | None:
        """The physics' ``RangeResult``/``AirRangeResult`` at ``payload_kg``, or None when it cannot fly."""
        try:
            result = self._range.max_range(self.vehicle, float(payload_kg))
        except FLIGHT_ERRORS:
            return None
        if not _finite(result.range_km) or not _finite(getattr(result, "burnout_angle_deg", 0.0)):
            return None  # no trajectory: the rocket does not lift off
        return result

    def range_km(self, payload_kg: float) -> float:
        """The maximum range with ``payload_kg``; ``nan`` when the vehicle cannot fly it."""
        return _range_of(self.fly(payload_kg))

    def ranges_km(self, payloads_kg: Sequence[float]) -> list[float]:
        """The ranges at several payloads (the physics' own curve, point by point when one point fails)."""
        if not payloads_kg:
            return []
        try:
            results = self._range.range_curve(self.vehicle, [float(p) for p in payloads_kg])
        except FLIGHT_ERRORS:
            return [self.range_km(p) for p in payloads_kg]
        return [_range_of(result) for result in results]

    def design_max_payload_kg(self) -> float | None:
        """The heaviest payload the air vehicle can lift within its maximum take-off mass (rockets: None)."""
        if self.is_rocket:
            return None
        try:
            return float(self._range.max_payload_kg(self.vehicle))
        except FLIGHT_ERRORS:
            return None

    def vertical_apogee_km(self, payload_kg: float) -> float | None:
        """The apogee of a vertical shot with ``payload_kg`` (rockets): the sounding-rocket cross-check."""
        if not self.is_rocket:
            return None
        try:
            return float(self._range.vertical_apogee_km(self.vehicle, float(payload_kg)))
        except FLIGHT_ERRORS:
            return None


def _range_of(result: Any) -> float:
    """The range of a physics result, ``nan`` when there is no trajectory."""
    if result is None or not _finite(getattr(result, "burnout_angle_deg", 0.0)):
        return math.nan
    return float(result.range_km) if _finite(result.range_km) else math.nan


def _finite(value: Any) -> bool:
    try:
        return math.isfinite(float(value))
    except (TypeError, ValueError):
        return False


@dataclass(frozen=True, slots=True)
class UncertainInput:
    """A number that carries an uncertainty: its field path, nominal value and half-width in per cent."""

    path: Path
    value: float
    uncertainty_pct: float

    @property
    def field(self) -> str:
        return ".".join(str(part) for part in self.path)

    @property
    def low(self) -> float:
        return self.value * (1.0 - self.uncertainty_pct / 100.0)

    @property
    def high(self) -> float:
        return self.value * (1.0 + self.uncertainty_pct / 100.0)


def uncertain_inputs(spec: Spec) -> list[UncertainInput]:
    """Every number given as ``{value, uncertainty_pct}`` with a non-zero uncertainty, in field order."""
    found: list[UncertainInput] = []
    _walk(spec, (), found)
    return found


def _walk(node: Any, path: Path, found: list[UncertainInput]) -> None:
    if isinstance(node, Uncertain):
        if node.uncertainty_pct > 0:
            found.append(UncertainInput(path, node.value, node.uncertainty_pct))
        return
    if isinstance(node, list):
        for index, item in enumerate(node):
            _walk(item, (*path, index), found)
        return
    fields = getattr(type(node), "model_fields", None)
    if fields is None:
        return
    for name in fields:
        _walk(getattr(node, name), (*path, name), found)


def spec_at(spec: Spec, values: Mapping[Path, float]) -> Spec:
    """The input with the numbers at ``values``' paths replaced; validated again (``SpecError``)."""
    data = spec.model_dump(mode="python", exclude_none=True)
    for path, value in values.items():
        node: Any = data
        for part in path[:-1]:
            node = node[part]
        node[path[-1]] = float(value)
    return parse_spec(data)
