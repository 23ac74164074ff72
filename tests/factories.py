"""Test factories: governments, officials, exporters and organisations, made directly for speed.

Reference rows are created on demand from ISO 3166 (pycountry), so a test needs no full reference load.
"""

from __future__ import annotations

import itertools
from datetime import date

import pycountry
from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice

from mtcr.states.models import ApiToken, ExporterOrganisation, Government, Role, StandingChange, User
from mtcr.states.models.standing import DatePrecision, Standing
from mtcr.states.models.token import hash_token, new_raw_token
from mtcr.states.roles import OFFICIAL_ROLES, RoleCode

_counter = itertools.count(1)
PASSWORD = "correct-horse-battery-staple"


def government(code: str, *, partner_since: int | None = None, hcoc_since: int | None = None) -> Government:
    """The state with ISO code ``code``, made if missing; optionally a partner / HCoC member since a year."""
    country = pycountry.countries.get(alpha_2=code)
    gov, _ = Government.objects.get_or_create(
        code=code,
        defaults={
            "alpha3": country.alpha_3,
            "numeric": country.numeric,
            "name": getattr(country, "common_name", country.name),
            "official_name": getattr(country, "official_name", ""),
        },
    )
    for standing, year in ((Standing.MTCR_PARTNER, partner_since), (Standing.HCOC_SUBSCRIBER, hcoc_since)):
        if year is not None:
            StandingChange.objects.get_or_create(
                government=gov,
                standing=standing,
                entered=True,
                effective_on=date(year, 1, 1),
                defaults={"precision": DatePrecision.YEAR},
            )
    return gov


def _roles(codes: tuple[str, ...]) -> list[Role]:
    return [Role.objects.get_or_create(code=c)[0] for c in codes]


def official(government_code: str, *roles: str, username: str | None = None) -> User:
    """An official of a partner government with ``roles`` (default: licensing officer) and a TOTP device."""
    government(government_code, partner_since=1990)
    roles = roles or (RoleCode.LICENSING_OFFICER,)
    assert set(roles) <= OFFICIAL_ROLES
    user = User.objects.create_user(
        username=username or f"{government_code.lower()}-official-{next(_counter)}",
        password=PASSWORD,
        government_id=government_code,
    )
    user.roles.set(_roles(roles))
    TOTPDevice.objects.create(user=user, name="authenticator", confirmed=True)
    return user


def organisation(government_code: str, name: str | None = None) -> ExporterOrganisation:
    government(government_code, partner_since=1990)
    n = next(_counter)
    return ExporterOrganisation.objects.create(
        government_id=government_code,
        name=name or f"Exporter {n}",
        registration_number=f"{government_code}-{n}",
    )


def exporter(org: ExporterOrganisation, username: str | None = None) -> User:
    user = User.objects.create_user(
        username=username or f"exporter-{next(_counter)}",
        password=PASSWORD,
        government_id=org.government_id,
        organisation=org,
    )
    user.roles.set(_roles((RoleCode.EXPORTER,)))
    return user


def sign_in(client: Client, user: User) -> Client:
    """Sign ``user`` in on ``client`` with every factor passed (session login and django-otp verification)."""
    client.force_login(user)
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is not None:
        session = client.session
        session["otp_device_id"] = device.persistent_id
        session.save()
    return client


def raw_token() -> str:
    return new_raw_token()


def api_token(
    government_code: str, role: str = RoleCode.LICENSING_OFFICER, *, raw: str | None = None
) -> ApiToken:
    """A machine client's token for one government and one role (``raw`` is its secret, if you need it)."""
    government(government_code, partner_since=1990)
    raw = raw or new_raw_token()
    return ApiToken.objects.create(
        name=f"{government_code} system {next(_counter)}",
        government_id=government_code,
        role=_roles((role,))[0],
        key_hash=hash_token(raw),
        key_hint=raw[:9],
    )
