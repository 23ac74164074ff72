"""A straightforward reference for the rocket range engine: SciPy ``solve_ivp`` and golden-section search.

The same physics as ``mtcr.capability.rocket`` (non-rotating spherical Earth, inverse-square gravity, the
US Standard Atmosphere 1976, Mach-table drag, thrust with the ambient-pressure correction, staging and
coasts, separating or non-separating payload, the same guidance programme), written the plain way: a
Python right-hand side over a planar state (x, y, vx, vy, m), one ``solve_ivp`` call per flight segment
with a terminal event at the ground, and golden-section search over the pitch angle. It imports nothing
from the engine but the vehicle description, so it also serves as an independent cross-check.

Used by ``benchmarks/rocket_max_range.py``; not part of the package.
"""

from __future__ import annotations

import math
from itertools import pairwise

import numpy as np
from scipy.integrate import solve_ivp

from mtcr.capability.rocket.vehicle import RocketVehicle

R_E = 6_371_000.0
MU = 3.986004418e14
G0 = 9.80665
DEFAULT_TABLE = ((0.0, 0.20), (0.85, 0.20), (1.0, 0.27), (1.2, 0.27), (2.0, 0.20))

# US Standard Atmosphere 1976: base geopotential altitude (m'), base temperature (K), lapse (K/m').
_LAYERS = (
    (0.0, 288.15, -6.5e-3),
    (11_000.0, 216.65, 0.0),
    (20_000.0, 216.65, 1.0e-3),
    (32_000.0, 228.65, 2.8e-3),
    (47_000.0, 270.65, 0.0),
    (51_000.0, 270.65, -2.8e-3),
    (71_000.0, 214.65, -2.0e-3),
    (84_852.0, 186.946, 0.0),
)
_R_AIR = 8.31432 / 0.0289644


def _base_pressures() -> list[float]:
    pressures = [101_325.0]
    for (h0, t0, lapse), (h1, _, _) in pairwise(_LAYERS):
        if lapse == 0.0:
            pressures.append(pressures[-1] * math.exp(-G0 * (h1 - h0) / (_R_AIR * t0)))
        else:
            pressures.append(pressures[-1] * (t0 / (t0 + lapse * (h1 - h0))) ** (G0 / (_R_AIR * lapse)))
    return pressures


_PRESSURES = _base_pressures()


def atmosphere(altitude_m: float) -> tuple[float, float, float]:
    """Pressure (Pa), density (kg/m³) and speed of sound (m/s)."""
    h = 6_356_766.0 * altitude_m / (6_356_766.0 + altitude_m)
    index = 0
    for i, layer in enumerate(_LAYERS):
        if h >= layer[0]:
            index = i
    h0, t0, lapse = _LAYERS[index]
    if lapse == 0.0:
        temperature = t0
        pressure = _PRESSURES[index] * math.exp(-G0 * (h - h0) / (_R_AIR * t0))
    else:
        temperature = t0 + lapse * (h - h0)
        pressure = _PRESSURES[index] * (t0 / temperature) ** (G0 / (_R_AIR * lapse))
    return pressure, pressure / (_R_AIR * temperature), math.sqrt(1.4 * _R_AIR * temperature)


def _segments(vehicle: RocketVehicle, payload_kg: float) -> list[dict]:
    stages = vehicle.stages
    segments = []
    for k, stage in enumerate(stages):
        above = sum(s.gross_mass_kg for s in stages[k + 1 :]) + payload_kg
        table = np.array(stage.drag_table or DEFAULT_TABLE)
        segments.append(
            dict(
                duration=stage.burn_time_s,
                mass0=stage.gross_mass_kg + above,
                mdot=stage.propellant_mass_kg / stage.burn_time_s,
                thrust=stage.propellant_mass_kg / stage.burn_time_s * G0 * stage.isp_s,
                exit_area=stage.nozzle_exit_area_m2 or 0.0,
                area=math.pi * stage.diameter_m**2 / 4.0,
                table=table,
                beta=None,
            )
        )
        if k < len(stages) - 1 and stage.coast_after_s > 0.0:
            upper = stages[k + 1]
            segments.append(
                dict(duration=stage.coast_after_s, mass0=above, mdot=0.0, thrust=0.0, exit_area=0.0,
                     area=math.pi * upper.diameter_m**2 / 4.0, beta=None,
                     table=np.array(upper.drag_table or DEFAULT_TABLE))
            )  # fmt: skip
    last = stages[-1]
    if vehicle.reentry is not None and vehicle.reentry.separates:
        free = dict(area=0.0, table=None, beta=vehicle.reentry.ballistic_coefficient_kg_m2, mass0=payload_kg)
    else:
        free = dict(area=math.pi * last.diameter_m**2 / 4.0, table=np.array(last.drag_table or DEFAULT_TABLE),
                    beta=None, mass0=last.gross_mass_kg - last.propellant_mass_kg + payload_kg)  # fmt: skip
    segments.append(dict(duration=math.inf, mdot=0.0, thrust=0.0, exit_area=0.0, **free))
    return segments


def _rhs(t, y, seg, t_vertical, t_pitch, pitch):
    x, z, vx, vz, m = y
    r = math.hypot(x, z)
    ux, uz = x / r, z / r
    ax = -MU * x / r**3
    az = -MU * z / r**3
    speed = math.hypot(vx, vz)
    pressure, density, sound = atmosphere(r - R_E)
    if speed > 0.0:
        if seg["beta"] is not None:
            k = -0.5 * density * speed / seg["beta"]
        else:
            table = seg["table"]
            cd = float(np.interp(speed / sound, table[:, 0], table[:, 1]))
            k = -0.5 * density * speed * cd * seg["area"] / m
        ax += k * vx
        az += k * vz
    if seg["thrust"] > 0.0:
        thrust = max(0.0, seg["thrust"] - pressure * seg["exit_area"])
        if t < t_vertical:
            elevation = 0.5 * math.pi
        elif t < t_vertical + t_pitch:
            elevation = 0.5 * math.pi - (0.5 * math.pi - pitch) * (t - t_vertical) / t_pitch
        else:
            elevation = pitch
        # downrange horizontal: the local horizontal in the flight plane, in the direction of motion
        hx, hz = uz, -ux
        if t >= t_vertical and speed > 1e-9 and (vx * ux + vz * uz) < speed * math.sin(elevation):
            dx, dz = vx / speed, vz / speed
        else:
            dx = math.cos(elevation) * hx + math.sin(elevation) * ux
            dz = math.cos(elevation) * hz + math.sin(elevation) * uz
        ax += thrust / m * dx
        az += thrust / m * dz
    return [vx, vz, ax, az, -seg["mdot"]]


def _ground(t, y, *args):
    return math.hypot(y[0], y[1]) - R_E


_ground.terminal = True
_ground.direction = -1


def range_km(
    vehicle: RocketVehicle, payload_kg: float, pitch_deg: float, *, rtol: float = 1e-6, atol: float = 1e-3
) -> float:
    """Ground range of one trajectory with the engine's programme shape (vertical rise and pitch-over)."""
    first = vehicle.stages[0]
    thrust = first.propellant_mass_kg / first.burn_time_s * G0 * first.isp_s
    thrust -= 101_325.0 * (first.nozzle_exit_area_m2 or 0.0)
    excess = thrust / ((vehicle.gross_mass_kg + payload_kg) * MU / R_E**2) - 1.0
    t_vertical = 0.05 * first.burn_time_s
    if excess > 0.0:
        t_vertical = max(t_vertical, 40.0 / (excess * G0))
    t_vertical = min(t_vertical, 0.5 * first.burn_time_s)
    t_pitch = 0.15 * first.burn_time_s
    pitch = math.radians(pitch_deg)
    # launch on the y axis, firing towards +x (clockwise); the downrange angle is atan2(x, y)
    y = np.array([0.0, R_E, 0.0, 0.0, vehicle.gross_mass_kg + payload_kg])
    t = 0.0
    for seg in _segments(vehicle, payload_kg):
        y[4] = seg["mass0"]
        t_end = t + seg["duration"] if math.isfinite(seg["duration"]) else t + 20_000.0
        sol = solve_ivp(
            _rhs, (t, t_end), y, args=(seg, t_vertical, t_pitch, pitch), events=_ground, rtol=rtol, atol=atol,
            max_step=t_end - t if math.isfinite(seg["duration"]) else np.inf,
        )  # fmt: skip
        if sol.t_events[0].size and sol.t_events[0][0] > 0.0:
            x, z = sol.y_events[0][0][:2]
            return math.atan2(x, z) * R_E / 1000.0
        y = sol.y[:, -1].copy()
        t = sol.t[-1]
    return math.atan2(y[0], y[1]) * R_E / 1000.0


def max_range_km(
    vehicle: RocketVehicle,
    payload_kg: float,
    *,
    xtol_deg: float = 0.5,
    rtol: float = 1e-6,
    atol: float = 1e-3,
) -> tuple[float, float, int]:
    """Golden-section search on the pitch angle over [1°, 89.9°]: (range km, pitch °, trajectories)."""
    ratio = (math.sqrt(5.0) - 1.0) / 2.0
    a, b = 1.0, 89.9
    c = b - ratio * (b - a)
    d = a + ratio * (b - a)
    fc = range_km(vehicle, payload_kg, c, rtol=rtol, atol=atol)
    fd = range_km(vehicle, payload_kg, d, rtol=rtol, atol=atol)
    count = 2
    while b - a > xtol_deg:
        if fc > fd:
            b, d, fd = d, c, fc
            c = b - ratio * (b - a)
            fc = range_km(vehicle, payload_kg, c, rtol=rtol, atol=atol)
        else:
            a, c, fc = c, d, fd
            d = a + ratio * (b - a)
            fd = range_km(vehicle, payload_kg, d, rtol=rtol, atol=atol)
        count += 1
    if fc > fd:
        return fc, c, count
    return fd, d, count
