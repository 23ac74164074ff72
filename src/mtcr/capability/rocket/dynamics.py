"""The compiled flight integrator: 3-DOF point mass, spherical Earth, fixed-step RK4, exact events.

Equations of motion (capability-physics.md §5.2, L1/L2), in an Earth-centred inertial frame whose z axis
is the rotation axis:

    dr/dt = v
    dv/dt = -μ r / |r|³ + (F / m) t̂ - (rho |w| / 2) (C_d A / m) w        w = v - ω ∧ r (air-relative)
    F = ṁ g₀ I_sp - p_a A_e        (ambient-pressure correction when the exit area A_e is given)
    m = m_ignition - ṁ (t - t_ignition)

with inverse-square gravity, the US 1976 atmosphere (rho, p_a and the speed of sound), C_d from the
stage's Mach table, and t̂ the guidance direction (``guidance.py``). A separated payload feels only
gravity and rho |w| w / (2β) with its ballistic coefficient β = m / (C_d A). With ω = 0 (the decision
model) the flight stays in the launch plane.

The flight is a sequence of segments (stage burns, coasts, the free flight after the last burnout). Each
finite segment is covered by a whole number of equal RK4 steps, so ignition, burnout, staging and
separation fall exactly on step boundaries; the free flight uses a long step above the atmosphere and a
short one inside it, shortened further where drag is strong (a dense re-entry). Impact (altitude 0) and
apogee are located inside their step on the cubic Hermite interpolant of position and velocity, which is
as accurate as the step itself. Mass is known in closed
form and is not integrated. The range is the length of the ground track (the sub-vehicle point on the
Earth-fixed sphere) from launch to impact: capability-physics.md §1.2.
"""

from __future__ import annotations

import math

import numpy as np
from numba import njit

from mtcr.capability.atmosphere import properties
from mtcr.capability.earth import EARTH_MU_M3_S2, EARTH_RADIUS_M
from mtcr.capability.rocket.drag import table_drag_coefficient
from mtcr.capability.rocket.guidance import programme_elevation_rad

POWERED = 0
"""Segment kind: a stage burns; thrust, drag from its Mach table and frontal area."""
COAST = 1
"""Segment kind: no thrust; drag from a Mach table and frontal area (stack between burns, or a body that
keeps its payload)."""
BALLISTIC = 2
"""Segment kind: a separated payload with its own ballistic coefficient (no drag when β ≤ 0)."""

IMPACT = 0
"""Status: the flight ended on the ground."""
ANTIPODE = 1
"""Status: the ground track reached half the Earth's circumference (any point can be reached)."""
TIME_LIMIT = 2
"""Status: no impact within the time limit (orbit or escape)."""

EVENT_COLUMNS = 6
"""Columns of the events array: time s, ground track m, altitude m, speed m/s, flight-path angle rad,
radial velocity m/s."""

DRAG_STEP_FRACTION = 0.05
"""Largest fraction of its speed that drag may take from a body in one free-flight step."""
MIN_STEP_S = 1e-3
LOWEST_ALTITUDE_M = -2_000.0
"""Integration stages that dip below the surface in the impact step see the air of this altitude at most."""

_BISECTIONS = 60


@njit(cache=True)
def _acceleration(t, px, py, pz, vx, vy, vz, seg, guide, tab_mach, tab_cd, tab_n):
    """Acceleration (m/s²) of the point mass: gravity, drag and thrust, for one segment's parameters."""
    kind, mass0, mdot, t_ignition, thrust_vac, exit_area, area, row, beta = seg
    omega, kx, ky, kz, t_vertical, t_pitch, pitch = guide
    r2 = px * px + py * py + pz * pz
    r = math.sqrt(r2)
    g = -EARTH_MU_M3_S2 / (r2 * r)
    ax = g * px
    ay = g * py
    az = g * pz
    wx = vx + omega * py
    wy = vy - omega * px
    wz = vz
    speed = math.sqrt(wx * wx + wy * wy + wz * wz)
    altitude = r - EARTH_RADIUS_M
    if kind == BALLISTIC:
        if beta > 0.0 and speed > 0.0:
            density = properties(max(altitude, LOWEST_ALTITUDE_M))[2]
            k = -0.5 * density * speed / beta
            ax += k * wx
            ay += k * wy
            az += k * wz
        return ax, ay, az
    _, pressure, density, sound = properties(max(altitude, LOWEST_ALTITUDE_M))
    mass = mass0 - mdot * (t - t_ignition)
    if area > 0.0 and speed > 0.0:
        cd = table_drag_coefficient(speed / sound, tab_mach, tab_cd, row, tab_n[row])
        k = -0.5 * density * speed * cd * area / mass
        ax += k * wx
        ay += k * wy
        az += k * wz
    if kind == POWERED:
        thrust = thrust_vac - pressure * exit_area
        if thrust < 0.0:
            thrust = 0.0
        f = thrust / mass
        ux = px / r
        uy = py / r
        uz = pz / r
        elevation = programme_elevation_rad(t, t_vertical, t_pitch, pitch)
        if t >= t_vertical and speed > 1e-9 and (wx * ux + wy * uy + wz * uz) < speed * math.sin(elevation):
            # gravity turn: the flight-path angle is below the programme, thrust along the air velocity
            ax += f * wx / speed
            ay += f * wy / speed
            az += f * wz / speed
        else:
            # the launch-plane normal, fixed to the Earth, and the downrange horizontal direction
            if omega != 0.0:
                c = math.cos(omega * t)
                s = math.sin(omega * t)
                nx = kx * c - ky * s
                ny = kx * s + ky * c
            else:
                nx = kx
                ny = ky
            nz = kz
            hx = ny * uz - nz * uy
            hy = nz * ux - nx * uz
            hz = nx * uy - ny * ux
            hn = math.sqrt(hx * hx + hy * hy + hz * hz)
            ce = math.cos(elevation) / hn
            se = math.sin(elevation)
            ax += f * (ce * hx + se * ux)
            ay += f * (ce * hy + se * uy)
            az += f * (ce * hz + se * uz)
    return ax, ay, az


@njit(cache=True)
def _rk4(t, h, px, py, pz, vx, vy, vz, a1x, a1y, a1z, seg, guide, tab_mach, tab_cd, tab_n):
    """One classical fourth-order Runge-Kutta step of the position/velocity state, given the acceleration
    at its start."""
    hh = 0.5 * h
    p2x = px + hh * vx
    p2y = py + hh * vy
    p2z = pz + hh * vz
    v2x = vx + hh * a1x
    v2y = vy + hh * a1y
    v2z = vz + hh * a1z
    a2x, a2y, a2z = _acceleration(t + hh, p2x, p2y, p2z, v2x, v2y, v2z, seg, guide, tab_mach, tab_cd, tab_n)
    p3x = px + hh * v2x
    p3y = py + hh * v2y
    p3z = pz + hh * v2z
    v3x = vx + hh * a2x
    v3y = vy + hh * a2y
    v3z = vz + hh * a2z
    a3x, a3y, a3z = _acceleration(t + hh, p3x, p3y, p3z, v3x, v3y, v3z, seg, guide, tab_mach, tab_cd, tab_n)
    p4x = px + h * v3x
    p4y = py + h * v3y
    p4z = pz + h * v3z
    v4x = vx + h * a3x
    v4y = vy + h * a3y
    v4z = vz + h * a3z
    a4x, a4y, a4z = _acceleration(t + h, p4x, p4y, p4z, v4x, v4y, v4z, seg, guide, tab_mach, tab_cd, tab_n)
    h6 = h / 6.0
    return (
        px + h6 * (vx + 2.0 * v2x + 2.0 * v3x + v4x),
        py + h6 * (vy + 2.0 * v2y + 2.0 * v3y + v4y),
        pz + h6 * (vz + 2.0 * v2z + 2.0 * v3z + v4z),
        vx + h6 * (a1x + 2.0 * a2x + 2.0 * a3x + a4x),
        vy + h6 * (a1y + 2.0 * a2y + 2.0 * a3y + a4y),
        vz + h6 * (a1z + 2.0 * a2z + 2.0 * a3z + a4z),
    )


@njit(cache=True)
def _free_flight_step(s, r, ax, ay, az, omega, dt_atmosphere, dt_vacuum, h_switch):
    """Step of the free flight. Above ``h_switch`` the long step, cut short so that a descending body does
    not overshoot into the atmosphere by more than one atmospheric step; below it the atmospheric step,
    shortened so that drag takes at most ``DRAG_STEP_FRACTION`` of the speed per step (dense re-entry)."""
    altitude = r - EARTH_RADIUS_M
    if altitude > h_switch:
        radial = (s[0] * s[3] + s[1] * s[4] + s[2] * s[5]) / r
        if radial < 0.0 and (altitude - h_switch) < -radial * dt_vacuum:
            return max(dt_atmosphere, (altitude - h_switch) / -radial)
        return dt_vacuum
    g = -EARTH_MU_M3_S2 / (r * r * r)
    dx = ax - g * s[0]
    dy = ay - g * s[1]
    dz = az - g * s[2]
    drag = math.sqrt(dx * dx + dy * dy + dz * dz)
    speed = math.sqrt((s[3] + omega * s[1]) ** 2 + (s[4] - omega * s[0]) ** 2 + s[5] ** 2)
    if drag * dt_atmosphere > DRAG_STEP_FRACTION * speed:
        return max(MIN_STEP_S, DRAG_STEP_FRACTION * speed / drag)
    return dt_atmosphere


@njit(cache=True)
def _hermite(q0, q1, d0, d1, s):
    """Cubic Hermite interpolant at fraction s of a step, from the end values and the end derivatives
    multiplied by the step."""
    s2 = s * s
    s3 = s2 * s
    return (
        (2.0 * s3 - 3.0 * s2 + 1.0) * q0
        + (s3 - 2.0 * s2 + s) * d0
        + (3.0 * s2 - 2.0 * s3) * q1
        + (s3 - s2) * d1
    )


@njit(cache=True)
def _hermite_slope(q0, q1, d0, d1, s):
    """Derivative with respect to s of ``_hermite``."""
    return (
        (6.0 * s * s - 6.0 * s) * (q0 - q1)
        + (3.0 * s * s - 4.0 * s + 1.0) * d0
        + (3.0 * s * s - 2.0 * s) * d1
    )


@njit(cache=True)
def _impact_fraction(s0, s1, h):
    """Fraction of the step at which the interpolated trajectory meets the surface (bisection)."""
    lo = 0.0
    hi = 1.0
    for _ in range(_BISECTIONS):
        mid = 0.5 * (lo + hi)
        x = _hermite(s0[0], s1[0], h * s0[3], h * s1[3], mid)
        y = _hermite(s0[1], s1[1], h * s0[4], h * s1[4], mid)
        z = _hermite(s0[2], s1[2], h * s0[5], h * s1[5], mid)
        if math.sqrt(x * x + y * y + z * z) > EARTH_RADIUS_M:
            lo = mid
        else:
            hi = mid
    return 0.5 * (lo + hi)


@njit(cache=True)
def _apogee_radius(r0, r1, dr0, dr1):
    """Largest radius inside a step where the radial velocity changes sign (Hermite interpolant of r)."""
    lo = 0.0
    hi = 1.0
    for _ in range(_BISECTIONS):
        mid = 0.5 * (lo + hi)
        if _hermite_slope(r0, r1, dr0, dr1, mid) > 0.0:
            lo = mid
        else:
            hi = mid
    s = 0.5 * (lo + hi)
    return s, _hermite(r0, r1, dr0, dr1, s)


@njit(cache=True)
def _earth_fixed_unit(px, py, pz, omega, t):
    """Unit vector of the sub-vehicle point in the Earth-fixed frame (which equals the inertial at t = 0)."""
    r = math.sqrt(px * px + py * py + pz * pz)
    if omega == 0.0:
        return px / r, py / r, pz / r
    c = math.cos(omega * t)
    s = math.sin(omega * t)
    return (c * px + s * py) / r, (-s * px + c * py) / r, pz / r


@njit(cache=True)
def _arc(ax, ay, az, bx, by, bz):
    """Angle between two unit vectors (atan2 form, accurate for small and large angles)."""
    cx = ay * bz - az * by
    cy = az * bx - ax * bz
    cz = ax * by - ay * bx
    return math.atan2(math.sqrt(cx * cx + cy * cy + cz * cz), ax * bx + ay * by + az * bz)


@njit(cache=True)
def _describe(t, track, s, omega, out, row):
    """Write time, ground track, altitude, air speed, flight-path angle and radial velocity to a row."""
    r = math.sqrt(s[0] * s[0] + s[1] * s[1] + s[2] * s[2])
    wx = s[3] + omega * s[1]
    wy = s[4] - omega * s[0]
    wz = s[5]
    speed = math.sqrt(wx * wx + wy * wy + wz * wz)
    radial = (s[0] * s[3] + s[1] * s[4] + s[2] * s[5]) / r
    out[row, 0] = t
    out[row, 1] = track
    out[row, 2] = r - EARTH_RADIUS_M
    out[row, 3] = speed
    out[row, 4] = math.asin(min(1.0, max(-1.0, radial / speed))) if speed > 0.0 else 0.5 * math.pi
    out[row, 5] = radial


@njit(cache=True)
def fly(
    seg_end_s,
    seg_kind,
    seg_mass0_kg,
    seg_mdot_kg_s,
    seg_thrust_n,
    seg_exit_area_m2,
    seg_area_m2,
    seg_table,
    seg_beta_kg_m2,
    tab_mach,
    tab_cd,
    tab_n,
    guide,
    state0,
    t_start_s,
    steps,
    record,
):
    """Fly the segments from an initial inertial state to impact; see the module text for the model.

    ``guide`` = (ω rad/s, launch-plane normal x, y, z, vertical rise s, pitch-over s, pitch angle rad);
    ``steps`` = (powered step s, atmospheric coast step s, exo-atmospheric coast step s, altitude at which
    the long coast step starts m, time limit s, least steps per powered segment).

    Returns (status, range m, end time s, apogee altitude m, events, records): one event row per segment
    end, then apogee, then the end of flight (``EVENT_COLUMNS``); records are time s, ground track m,
    altitude m and air speed m/s at every step (empty unless ``record``).
    """
    n_seg = seg_end_s.size
    omega = guide[0]
    t_vertical = guide[4]
    t_pitch_end = guide[4] + guide[5]
    dt_boost, dt_atmosphere, dt_vacuum, h_switch, t_max, min_steps = steps
    events = np.full((n_seg + 2, EVENT_COLUMNS), np.nan)
    capacity = 1024 if record else 1
    rec = np.empty((capacity, 4))
    n_rec = 0

    s0 = np.empty(6)
    s1 = np.empty(6)
    for i in range(6):
        s0[i] = state0[i]
    t = t_start_s
    ex, ey, ez = _earth_fixed_unit(s0[0], s0[1], s0[2], omega, t)
    track = 0.0
    r_prev = math.sqrt(s0[0] ** 2 + s0[1] ** 2 + s0[2] ** 2)
    apogee = r_prev - EARTH_RADIUS_M
    status = TIME_LIMIT
    ended = False
    if record:
        rec[0, 0] = t
        rec[0, 1] = 0.0
        rec[0, 2] = r_prev - EARTH_RADIUS_M
        rec[0, 3] = math.sqrt((s0[3] + omega * s0[1]) ** 2 + (s0[4] - omega * s0[0]) ** 2 + s0[5] ** 2)
        n_rec = 1

    for k in range(n_seg):
        seg = (
            seg_kind[k],
            seg_mass0_kg[k],
            seg_mdot_kg_s[k],
            t,
            seg_thrust_n[k],
            seg_exit_area_m2[k],
            seg_area_m2[k],
            seg_table[k],
            seg_beta_kg_m2[k],
        )
        t_end = seg_end_s[k]
        finite = t_end < np.inf
        if finite:
            length = t_end - t
            h_nominal = dt_boost if seg_kind[k] == POWERED else dt_atmosphere
            if seg_kind[k] == POWERED and length / min_steps < h_nominal:
                h_nominal = length / min_steps
            # sub-intervals end at the guidance breakpoints inside the segment and at its end
            marks = np.array([t_vertical, t_pitch_end, t_end])
        else:
            h_nominal = dt_vacuum
            marks = np.array([np.inf])
        for mark in marks:
            if finite and (mark <= t or mark > t_end):
                continue
            if finite:
                n_steps = max(1, math.ceil((mark - t) / h_nominal - 1e-9))
                h_fixed = (mark - t) / n_steps
                t_first = t
            else:
                n_steps = 2**62
                h_fixed = 0.0
                t_first = t
            j = 0
            while j < n_steps:
                a1x, a1y, a1z = _acceleration(
                    t, s0[0], s0[1], s0[2], s0[3], s0[4], s0[5], seg, guide, tab_mach, tab_cd, tab_n
                )
                if finite:
                    h = h_fixed
                    t_next = t_first + (j + 1) * h_fixed
                else:
                    h = _free_flight_step(
                        s0, r_prev, a1x, a1y, a1z, omega, dt_atmosphere, dt_vacuum, h_switch
                    )
                    t_next = t + h
                j += 1
                n0, n1, n2, n3, n4, n5 = _rk4(
                    t,
                    h,
                    s0[0],
                    s0[1],
                    s0[2],
                    s0[3],
                    s0[4],
                    s0[5],
                    a1x,
                    a1y,
                    a1z,
                    seg,
                    guide,
                    tab_mach,
                    tab_cd,
                    tab_n,
                )
                s1[0] = n0
                s1[1] = n1
                s1[2] = n2
                s1[3] = n3
                s1[4] = n4
                s1[5] = n5
                r_next = math.sqrt(n0 * n0 + n1 * n1 + n2 * n2)
                apogee_frac = -1.0
                vr0 = (s0[0] * s0[3] + s0[1] * s0[4] + s0[2] * s0[5]) / r_prev
                vr1 = (n0 * n3 + n1 * n4 + n2 * n5) / r_next
                if vr0 > 0.0 and vr1 <= 0.0:
                    frac, r_top = _apogee_radius(r_prev, r_next, h * vr0, h * vr1)
                    if r_top - EARTH_RADIUS_M > apogee:
                        apogee = r_top - EARTH_RADIUS_M
                        apogee_frac = frac
                        events[n_seg, 0] = t + frac * h
                        events[n_seg, 2] = apogee
                        events[n_seg, 4] = 0.0
                        events[n_seg, 5] = 0.0
                if r_next - EARTH_RADIUS_M > apogee:
                    apogee = r_next - EARTH_RADIUS_M
                if r_prev > EARTH_RADIUS_M and r_next <= EARTH_RADIUS_M:
                    # impact inside this step: position from the Hermite cubic, velocity from its slope
                    frac = _impact_fraction(s0, s1, h)
                    for i in range(3):
                        p_i = _hermite(s0[i], s1[i], h * s0[3 + i], h * s1[3 + i], frac)
                        v_i = _hermite_slope(s0[i], s1[i], h * s0[3 + i], h * s1[3 + i], frac) / h
                        s1[i] = p_i
                        s1[3 + i] = v_i
                    n0 = s1[0]
                    n1 = s1[1]
                    n2 = s1[2]
                    n3 = s1[3]
                    n4 = s1[4]
                    n5 = s1[5]
                    r_next = EARTH_RADIUS_M
                    t_next = t + frac * h
                    status = IMPACT
                    ended = True
                t = t_next
                fx, fy, fz = _earth_fixed_unit(n0, n1, n2, omega, t)
                increment = _arc(ex, ey, ez, fx, fy, fz)
                if apogee_frac >= 0.0:
                    w0 = math.sqrt((s0[3] + omega * s0[1]) ** 2 + (s0[4] - omega * s0[0]) ** 2 + s0[5] ** 2)
                    w1 = math.sqrt((n3 + omega * n1) ** 2 + (n4 - omega * n0) ** 2 + n5 * n5)
                    events[n_seg, 1] = (track + apogee_frac * increment) * EARTH_RADIUS_M
                    events[n_seg, 3] = w0 + apogee_frac * (w1 - w0)
                    apogee_frac = -1.0
                track += increment
                ex, ey, ez = fx, fy, fz
                for i in range(6):
                    s0[i] = s1[i]
                r_prev = r_next
                if record:
                    if n_rec == rec.shape[0]:
                        grown = np.empty((2 * n_rec, 4))
                        grown[:n_rec] = rec
                        rec = grown
                    rec[n_rec, 0] = t
                    rec[n_rec, 1] = track * EARTH_RADIUS_M
                    rec[n_rec, 2] = r_next - EARTH_RADIUS_M
                    rec[n_rec, 3] = math.sqrt((n3 + omega * n1) ** 2 + (n4 - omega * n0) ** 2 + n5 * n5)
                    n_rec += 1
                if ended:
                    break
                if track >= math.pi:
                    status = ANTIPODE
                    ended = True
                    break
                if not finite and t - t_start_s >= t_max:
                    ended = True
                    break
            if ended:
                break
        if ended:
            break
        _describe(t, track * EARTH_RADIUS_M, s0, omega, events, k)
    _describe(t, track * EARTH_RADIUS_M, s0, omega, events, n_seg + 1)
    return status, track * EARTH_RADIUS_M, t, apogee, events, rec[:n_rec]
