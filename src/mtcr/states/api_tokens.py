"""HTTP API for a government's system administrators: the API tokens of their machine clients."""

from __future__ import annotations

import uuid
from datetime import datetime

from django.http import HttpRequest
from ninja import Field, Router, Schema, Status

from mtcr.regime.errors import ErrorBody
from mtcr.states import selectors
from mtcr.states.api_auth import PRIVATE
from mtcr.states.tokens import issue_token, revoke_token

router = Router(tags=["API tokens"])
ERRORS = {401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody}


class TokenIn(Schema):
    name: str = Field(
        min_length=1, max_length=120, description="What the client is, e.g. 'FR licensing system'."
    )
    role_code: str = Field(
        description="The one role the client acts in (not system_administrator nor exporter)."
    )


class TokenOut(Schema):
    id: uuid.UUID
    name: str
    government: str = Field(validation_alias="government_id")
    role: str = Field(validation_alias="role_id")
    key_hint: str = Field(description="The first characters of the token, to recognise it.")
    created_at: datetime
    revoked_at: datetime | None


class IssuedTokenOut(Schema):
    token: TokenOut
    secret: str = Field(description="The token itself. It is shown only in this answer: store it now.")


@router.get(
    "/tokens", auth=PRIVATE, response={200: list[TokenOut], **ERRORS}, summary="Your government's tokens"
)
def list_tokens(request: HttpRequest) -> list:
    return list(selectors.tokens_visible_to(request.auth))


@router.post(
    "/tokens",
    auth=PRIVATE,
    response={201: IssuedTokenOut, **ERRORS},
    summary="Issue a token for a machine client of your government",
)
def create_token(request: HttpRequest, payload: TokenIn) -> Status:
    actor = request.auth
    token, raw = issue_token(
        actor=actor,
        name=payload.name,
        government_code=actor.government_code or "",
        role_code=payload.role_code,
    )
    return Status(201, {"token": token, "secret": raw})


@router.get("/tokens/{token_id}", auth=PRIVATE, response={200: TokenOut, **ERRORS}, summary="One token")
def get_token(request: HttpRequest, token_id: uuid.UUID) -> object:
    return selectors.token(request.auth, token_id)


@router.post(
    "/tokens/{token_id}/revoke",
    auth=PRIVATE,
    response={200: TokenOut, **ERRORS},
    summary="Revoke a token: it is refused from the next request on",
)
def revoke(request: HttpRequest, token_id: uuid.UUID) -> object:
    token = selectors.token(request.auth, token_id)
    return revoke_token(actor=request.auth, token_id=token.id)
