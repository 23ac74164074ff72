"""Authentication for the HTTP API. Every handler receives the acting party as ``request.auth`` (an Actor).

- ``Authorization: Bearer mtcr_...``: a machine client's API token (one government, one role). A token that is
  unknown or revoked, or any other ``Authorization`` header, is refused with 401, never treated as anonymous.
- A browser session: the signed-in person, once every factor their account requires is verified (an official,
  or anyone holding an authenticator, must have passed the TOTP code). Unsafe methods are CSRF-checked.
- ``PRIVATE`` endpoints need one of the two; ``PUBLIC`` endpoints also accept nobody, as the anonymous actor.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest
from django.utils import timezone
from django_otp import user_has_device
from ninja.errors import AuthenticationError, HttpError
from ninja.security import APIKeyCookie, HttpBearer
from ninja.utils import check_csrf

from mtcr.states.actor import ANONYMOUS, Actor, actor_for_token, actor_for_user
from mtcr.states.tokens import active_token


def actor_for_bearer(raw: str) -> Actor:
    """The actor of a raw token; raises ``AuthenticationError`` (401) when it is unknown or revoked."""
    token = active_token(raw.strip())
    if token is None:
        raise AuthenticationError()
    return actor_for_token(token, timezone.localdate())


def offered_bearer(request: HttpRequest) -> str | None:
    """The raw bearer token of the request; ``None`` without an ``Authorization`` header; 401 for another
    scheme (a client that sends credentials must never be served as someone else)."""
    header = request.headers.get("Authorization")
    if header is None:
        return None
    scheme, _, value = header.strip().partition(" ")
    if scheme.lower() != "bearer" or not value.strip():
        raise AuthenticationError()
    return value.strip()


def session_actor(request: HttpRequest) -> Actor | None:
    """The signed-in person, if their session passed every factor their account requires, else ``None``."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return None
    verified = getattr(user, "is_verified", lambda: False)()
    if not verified and (user.is_official or user_has_device(user)):
        return None
    return actor_for_user(user)


def _csrf_checked(request: HttpRequest) -> None:
    """A session acts only through this site's pages: unsafe methods need the CSRF token (else 403)."""
    if getattr(request, "_ninja_csrf_exempt", False):
        return
    if check_csrf(request) is not None:
        raise HttpError(
            403, "CSRF check failed: send the csrftoken cookie's value as the X-CSRFToken header."
        )


class TokenAuth(HttpBearer):
    """Bearer API token."""

    def __call__(self, request: HttpRequest) -> Actor | None:
        raw = offered_bearer(request)
        return None if raw is None else self.authenticate(request, raw)

    def authenticate(self, request: HttpRequest, token: str) -> Actor:
        return actor_for_bearer(token)


class SessionAuth(APIKeyCookie):
    """Django session cookie (CSRF-checked for unsafe methods)."""

    param_name = settings.SESSION_COOKIE_NAME

    def _get_key(self, request: HttpRequest) -> str | None:
        key = request.COOKIES.get(self.param_name)
        if key and self.csrf:
            _csrf_checked(request)
        return key

    def authenticate(self, request: HttpRequest, key: str | None) -> Actor | None:
        return session_actor(request) if key else None


class AnonymousAuth:
    """A bearer token if one is offered (then it must be valid), else the session's person, else nobody.

    Deliberately not a ninja security scheme: the OpenAPI document shows public endpoints as needing nothing.
    """

    def __call__(self, request: HttpRequest) -> Actor:
        raw = offered_bearer(request)
        if raw is not None:
            return actor_for_bearer(raw)
        if request.COOKIES.get(settings.SESSION_COOKIE_NAME):
            _csrf_checked(request)
            return session_actor(request) or ANONYMOUS
        return ANONYMOUS


PRIVATE = [TokenAuth(), SessionAuth()]
PUBLIC = [AnonymousAuth()]
