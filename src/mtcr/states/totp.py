"""TOTP second-factor devices (django-otp): enrolment, the otpauth:// URI, the current code, a QR code.

Officials must hold a confirmed TOTP device to sign in; exporters may hold one (see ``views.auth``).
"""

from __future__ import annotations

import time
from base64 import b32encode
from typing import TYPE_CHECKING
from urllib.parse import quote, urlencode

import segno
from django.conf import settings
from django.db import transaction
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

if TYPE_CHECKING:
    from mtcr.states.models import User

ISSUER_DEFAULT = "mtcr"


def enrol_totp(user: User, name: str = "authenticator") -> TOTPDevice:
    """Give ``user`` a new confirmed TOTP device with a fresh random key (30 s steps, 6 digits)."""
    with transaction.atomic():
        return TOTPDevice.objects.create(user=user, name=name, confirmed=True)


def confirmed_device(user: User) -> TOTPDevice | None:
    """The user's confirmed TOTP device (the most recent one if there are several), or ``None``."""
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).order_by("-id").first()


def issuer() -> str:
    """The issuer shown by authenticator apps (setting ``OTP_TOTP_ISSUER``), without the reserved ``:``."""
    return str(getattr(settings, "OTP_TOTP_ISSUER", None) or ISSUER_DEFAULT).replace(":", "")


def provisioning_uri(device: TOTPDevice) -> str:
    """The ``otpauth://totp/...`` URI (Key URI Format) that an authenticator app reads to enrol ``device``."""
    name = issuer()
    label = quote(f"{name}:{device.user.get_username()}")
    params = urlencode(
        {
            "secret": b32encode(device.bin_key).decode().rstrip("="),
            "issuer": name,
            "algorithm": "SHA1",
            "digits": device.digits,
            "period": device.step,
        },
        quote_via=quote,
    )
    return f"otpauth://totp/{label}?{params}"


def current_code(device: TOTPDevice, at: float | None = None) -> str:
    """The code the device's authenticator shows now (or at Unix time ``at``), zero-padded to its digits."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() if at is None else at
    return f"{totp.token():0{device.digits}d}"


def qr_svg(device: TOTPDevice, scale: int = 4) -> str:
    """The provisioning URI as an inline SVG QR code, titled for screen readers, for an enrolment page."""
    qr = segno.make(provisioning_uri(device), error="m")
    return qr.svg_inline(scale=scale, title="QR code to add this account to an authenticator app")
