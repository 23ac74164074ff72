"""Writes about people: one transaction each, permission checked, audited."""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django_otp.plugins.otp_totp.models import TOTPDevice

from mtcr.audit.services import SYSTEM, record
from mtcr.audit.verbs import Verb
from mtcr.regime.errors import ApiError
from mtcr.states.actor import Actor
from mtcr.states.models import ExporterOrganisation, Government, Role, User
from mtcr.states.roles import OFFICIAL_ROLES, RoleCode


def _check_roles(role_codes: set[str], organisation: ExporterOrganisation | None) -> None:
    unknown = role_codes - set(RoleCode.values)
    if unknown:
        allowed = ", ".join(RoleCode.values)
        raise ApiError(
            422, "invalid", f"roles: unknown role(s) {sorted(unknown)}; allowed: {allowed}.", "roles"
        )
    if not role_codes:
        raise ApiError(422, "invalid", "roles: give at least one role.", "roles")
    if RoleCode.EXPORTER in role_codes and organisation is None:
        raise ApiError(
            422, "invalid", "organisation: an exporter must belong to an organisation.", "organisation"
        )
    if organisation is not None and role_codes & OFFICIAL_ROLES:
        raise ApiError(
            422, "invalid", "roles: a member of an exporter organisation holds no official role.", "roles"
        )


def _may_administer(actor: Actor, government_code: str | None) -> bool:
    """The system actor (operator's command line), or a system administrator of the same government."""
    return actor is SYSTEM or (
        government_code is not None
        and actor.government_code == government_code
        and actor.has_role(RoleCode.SYSTEM_ADMINISTRATOR)
    )


def create_person(
    *,
    actor: Actor,
    username: str,
    password: str,
    government_code: str,
    roles: Iterable[str],
    organisation: ExporterOrganisation | None = None,
    email: str = "",
) -> User:
    """Create a person for a government (a system administrator's act for their own government).

    An official is enrolled with an authenticator in the same transaction (officials sign in with two
    factors); read its key with ``mtcr.states.totp.confirmed_device``.
    """
    if not _may_administer(actor, government_code):
        raise PermissionDenied("Only a system administrator of the same government may create its people.")
    role_codes = set(roles)
    _check_roles(role_codes, organisation)
    if not Government.objects.filter(code=government_code).exists():
        raise ApiError(
            422, "invalid", f"government: {government_code!r} is not an ISO 3166 code we know.", "government"
        )
    if organisation is not None and organisation.government_id != government_code:
        raise ApiError(
            422, "invalid", "organisation: it is registered with another government.", "organisation"
        )
    if User.objects.filter(username__iexact=username).exists():
        raise ApiError(409, "conflict", f"username: {username!r} is taken.", "username")
    try:
        validate_password(password, User(username=username, email=email))
    except ValidationError as exc:
        raise ApiError(422, "invalid", "password: " + " ".join(exc.messages), "password") from exc
    with transaction.atomic():
        user = User.objects.create_user(
            username=username,
            password=password,
            email=email,
            government_id=government_code,
            organisation=organisation,
        )
        user.roles.set(Role.objects.filter(code__in=role_codes))
        record(
            actor=actor,
            verb=Verb.CREATED,
            target=user,
            after={
                "username": username,
                "government": government_code,
                "roles": sorted(role_codes),
                "organisation": str(organisation.id) if organisation else None,
            },
        )
        if user.is_official:
            enrol_second_factor(actor=actor, user=user)
    return user


def enrol_second_factor(*, actor: Actor, user: User) -> TOTPDevice:
    """Give ``user`` a new authenticator (TOTP) key; any earlier one stops working at once."""
    if not _may_administer(actor, user.government_id):
        raise PermissionDenied("Only a system administrator of the same government may enrol its people.")
    with transaction.atomic():
        replaced = TOTPDevice.objects.filter(user=user).count()
        TOTPDevice.objects.filter(user=user).delete()
        device = TOTPDevice.objects.create(user=user, name="authenticator", confirmed=True)
        record(
            actor=actor,
            verb=Verb.SECOND_FACTOR_ENROLLED,
            target=user,
            before={"authenticators": replaced},
            after={"authenticators": 1},
        )
    return device
