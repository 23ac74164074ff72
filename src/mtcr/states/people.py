"""Writes about people: one transaction each, permission checked, audited."""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import PermissionDenied
from django.db import transaction

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
    """Create a person for a government (a system administrator's act for their own government)."""
    if actor is not SYSTEM and not (
        actor.government_code == government_code and actor.has_role(RoleCode.SYSTEM_ADMINISTRATOR)
    ):
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
    return user
