"""API tokens for machine clients: issue and revoke (each one transaction, permission checked, audited).

A token acts for exactly one government and one role. Only its hash is stored; the raw value is
returned once, by :func:`issue_token`, and cannot be shown again. Only a system administrator of the
token's government, signed in as a person, may issue or revoke its tokens.
"""

from __future__ import annotations

import uuid

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from mtcr.audit.services import record
from mtcr.audit.verbs import Verb
from mtcr.regime.errors import ApiError
from mtcr.states.actor import Actor
from mtcr.states.models import ApiToken, Government, Role
from mtcr.states.models.token import TOKEN_PREFIX, hash_token, new_raw_token
from mtcr.states.roles import RoleCode

NAME_MAX = ApiToken._meta.get_field("name").max_length
HINT_LENGTH = len(TOKEN_PREFIX) + 4

#: Roles a machine client may not hold: administration stays with people, and an exporter is a person of an
#: organisation, which a token cannot name.
ROLES_NOT_FOR_TOKENS = frozenset({RoleCode.SYSTEM_ADMINISTRATOR, RoleCode.EXPORTER})


def _require_administrator(actor: Actor, government_code: str | None, act: str) -> None:
    """A person holding the system administrator role for ``government_code`` (or for any, when ``None``)."""
    if actor.user is None or not actor.has_role(RoleCode.SYSTEM_ADMINISTRATOR):
        raise PermissionDenied(
            f"{act} API tokens needs the system administrator role, held by a signed-in person."
        )
    if government_code is not None and actor.government_code != government_code:
        needed = f"the system administrator role for {government_code}"
        raise PermissionDenied(f"{act} API tokens for {government_code} needs {needed}.")


def _clean_name(name: str) -> str:
    name = " ".join((name or "").split())
    if not name or len(name) > NAME_MAX:
        raise ApiError(422, "invalid", f"name: give the client a name of 1 to {NAME_MAX} characters.", "name")
    return name


def _government(government_code: str) -> Government:
    code = (government_code or "").strip().upper()
    government = Government.objects.filter(code=code).first() if len(code) == 2 else None
    if government is None:
        raise ApiError(
            422,
            "invalid",
            f"government_code: {government_code!r} is not a known ISO 3166 alpha-2 code.",
            "government_code",
        )
    return government


def _role(role_code: str) -> Role:
    allowed = sorted(set(RoleCode.values) - ROLES_NOT_FOR_TOKENS)
    if role_code not in allowed:
        raise ApiError(
            422,
            "invalid",
            f"role_code: {role_code!r} cannot be given to a token; choose one of {', '.join(allowed)}.",
            "role_code",
        )
    role, _ = Role.objects.get_or_create(code=role_code)
    return role


def token_snapshot(token: ApiToken) -> dict[str, str | None]:
    """What the audit trail keeps of a token: never the raw value nor its hash."""
    return {
        "name": token.name,
        "government": token.government_id,
        "role": token.role_id,
        "key_hint": token.key_hint,
        "revoked_at": token.revoked_at.isoformat() if token.revoked_at else None,
    }


def issue_token(*, actor: Actor, name: str, government_code: str, role_code: str) -> tuple[ApiToken, str]:
    """Issue a token for one government and one role; returns the token and its raw value (shown once)."""
    _require_administrator(actor, None, "Issuing")
    name = _clean_name(name)
    government = _government(government_code)
    _require_administrator(actor, government.code, "Issuing")
    with transaction.atomic():
        role = _role(role_code)
        raw = new_raw_token()
        token = ApiToken.objects.create(
            name=name,
            government=government,
            role=role,
            key_hash=hash_token(raw),
            key_hint=raw[:HINT_LENGTH],
            created_by=actor.user,
        )
        record(actor=actor, verb=Verb.TOKEN_ISSUED, target=token, before=None, after=token_snapshot(token))
    return token, raw


def revoke_token(*, actor: Actor, token_id: uuid.UUID | str) -> ApiToken:
    """Revoke a token of the actor's own government; it is refused (401) from the next request on.

    A token of another government is answered as if it did not exist.
    """
    _require_administrator(actor, None, "Revoking")
    try:
        token_uuid = token_id if isinstance(token_id, uuid.UUID) else uuid.UUID(str(token_id))
    except ValueError as exc:
        raise ApiError(
            422, "invalid", f"token_id: {token_id!r} is not a token id (a UUID).", "token_id"
        ) from exc
    with transaction.atomic():
        token = ApiToken.objects.select_for_update().get(id=token_uuid, government_id=actor.government_code)
        if token.revoked_at is not None:
            raise ApiError(
                409,
                "already_revoked",
                f"The token {token.name!r} was already revoked on {token.revoked_at:%Y-%m-%d}.",
            )
        before = token_snapshot(token)
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        record(actor=actor, verb=Verb.TOKEN_REVOKED, target=token, before=before, after=token_snapshot(token))
    return token


def active_token(raw: str) -> ApiToken | None:
    """The unrevoked token whose raw value is ``raw``, or ``None`` (looked up by hash only)."""
    if not raw.startswith(TOKEN_PREFIX):
        return None
    token = ApiToken.objects.select_related("government", "role").filter(key_hash=hash_token(raw)).first()
    return token if token is not None and token.is_active else None
