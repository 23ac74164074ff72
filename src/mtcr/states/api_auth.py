"""Authentication for the HTTP API. Every handler receives the acting party as ``request.auth`` (an Actor).

- ``Authorization: Bearer mtcr_...``: a machine client's API token (one government, one role); a token that is
  unknown or revoked is refused with 401, never treated as anonymous.
- A browser session: the signed-in person; officials count only once their second factor is verified.
- ``PUBLIC`` endpoints also accept nobody, as the anonymous actor.
"""

from __future__ import annotations

from django.http import HttpRequest
from django.utils import timezone
from ninja.errors import AuthenticationError
from ninja.security import APIKeyCookie, HttpBearer

from mtcr.states.actor import ANONYMOUS, Actor, actor_for_token, actor_for_user
from mtcr.states.models import ApiToken
from mtcr.states.models.token import hash_token


def actor_for_bearer(raw: str) -> Actor:
    """The actor of a raw token; raises ``AuthenticationError`` when it is unknown or revoked."""
    token = ApiToken.objects.select_related("government", "role").filter(key_hash=hash_token(raw)).first()
    if token is None or not token.is_active:
        raise AuthenticationError()
    return actor_for_token(token, timezone.localdate())


def session_actor(request: HttpRequest) -> Actor | None:
    """The signed-in person, if any, whose session passed every factor their account requires."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return None
    verified = getattr(user, "is_verified", lambda: False)()
    if user.is_official and not verified:
        return None
    return actor_for_user(user)


class TokenAuth(HttpBearer):
    """Bearer API token."""

    def authenticate(self, request: HttpRequest, token: str) -> Actor:
        return actor_for_bearer(token)


class SessionAuth(APIKeyCookie):
    """Django session cookie (CSRF-checked for unsafe methods)."""

    param_name = "sessionid"

    def authenticate(self, request: HttpRequest, key: str | None) -> Actor | None:
        return session_actor(request)


class AnonymousAuth:
    """Accepts nobody as the anonymous actor, unless a bearer token was offered (then it must be valid)."""

    def __call__(self, request: HttpRequest) -> Actor:
        header = request.headers.get("Authorization", "")
        if header.lower().startswith("bearer "):
            return actor_for_bearer(header[7:].strip())
        return session_actor(request) or ANONYMOUS


PRIVATE = [TokenAuth(), SessionAuth()]
PUBLIC = [AnonymousAuth()]
