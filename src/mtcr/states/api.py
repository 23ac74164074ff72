"""HTTP API of the states app: public reference data, the acting party, exporter organisations."""

from __future__ import annotations

import uuid

from django.http import HttpRequest
from ninja import Path, Query, Router, Status

from mtcr.audit.selectors import history_for
from mtcr.regime.errors import ErrorBody
from mtcr.regime.params import IsoDate
from mtcr.states import selectors, services
from mtcr.states.api_auth import PRIVATE, PUBLIC
from mtcr.states.schemas import (
    ActorOut,
    AuditEntryOut,
    GovernmentDetailOut,
    GovernmentOut,
    MemberOut,
    OrganisationIn,
    OrganisationOut,
    StandingChangeOut,
)

router = Router(tags=["governments and people"])
ISO_CODE = r"^[A-Za-z]{2}$"
ERRORS = {401: ErrorBody, 404: ErrorBody, 422: ErrorBody}


@router.get("/health", auth=PUBLIC, tags=["public"], response={200: dict}, summary="Liveness check")
def health(request: HttpRequest) -> dict[str, str]:
    return {"status": "ok"}


@router.get(
    "/governments",
    auth=PUBLIC,
    tags=["public"],
    response={200: list[GovernmentOut], **ERRORS},
    summary="Every state",
)
def list_governments(request: HttpRequest) -> list:
    return list(selectors.governments())


@router.get(
    "/governments/{code}",
    auth=PUBLIC,
    tags=["public"],
    response={200: GovernmentDetailOut, **ERRORS},
    summary="One state with its standings and their history",
)
def get_government(request: HttpRequest, code: str = Path(..., pattern=ISO_CODE)) -> dict:
    government = selectors.government(code)
    return {
        **GovernmentOut.from_orm(government).dict(),
        "standings": sorted(selectors.current_standings(government.code)),
        "history": [StandingChangeOut.from_orm(c) for c in selectors.standing_history(government.code)],
    }


def _members(pairs: list) -> list[dict]:
    return [
        {"code": g.code, "name": g.name, "since": c.effective_on, "precision": c.precision} for g, c in pairs
    ]


@router.get(
    "/partners",
    auth=PUBLIC,
    tags=["public"],
    response={200: list[MemberOut], **ERRORS},
    summary="MTCR partners on a date (default today), in order of joining",
)
def list_partners(request: HttpRequest, on: IsoDate | None = Query(None)) -> list[dict]:
    return _members(selectors.partners(on))


@router.get(
    "/adherents",
    auth=PUBLIC,
    tags=["public"],
    response={200: list[MemberOut], **ERRORS},
    summary="States adhering unilaterally to the Guidelines on a date (default today)",
)
def list_adherents(request: HttpRequest, on: IsoDate | None = Query(None)) -> list[dict]:
    return _members(selectors.adherents(on))


@router.get(
    "/me", auth=PRIVATE, response={200: ActorOut, **ERRORS}, summary="Who is acting, and what they see"
)
def me(request: HttpRequest) -> dict:
    actor = request.auth
    return {
        "label": actor.label,
        "government": actor.government_code,
        "roles": sorted(actor.roles),
        "spaces": sorted(str(s) for s in actor.spaces),
    }


@router.get(
    "/organisations",
    auth=PRIVATE,
    response={200: list[OrganisationOut], **ERRORS},
    summary="Exporter organisations registered with your government",
)
def list_organisations(request: HttpRequest) -> list:
    return list(selectors.organisations_visible_to(request.auth))


@router.post(
    "/organisations",
    auth=PRIVATE,
    response={201: OrganisationOut, 403: ErrorBody, 409: ErrorBody, **ERRORS},
    summary="Register an exporter organisation with your government",
)
def create_organisation(request: HttpRequest, payload: OrganisationIn) -> Status:
    return Status(201, services.register_organisation(actor=request.auth, **payload.dict()))


@router.get(
    "/organisations/{organisation_id}",
    auth=PRIVATE,
    response={200: OrganisationOut, **ERRORS},
    summary="One exporter organisation",
)
def get_organisation(request: HttpRequest, organisation_id: uuid.UUID) -> object:
    return selectors.organisation(request.auth, organisation_id)


@router.get(
    "/organisations/{organisation_id}/history",
    auth=PRIVATE,
    response={200: list[AuditEntryOut], **ERRORS},
    summary="The audit trail of one exporter organisation",
)
def organisation_history(request: HttpRequest, organisation_id: uuid.UUID) -> list[dict]:
    organisation = selectors.organisation(request.auth, organisation_id)
    return [
        {
            "seq": e.seq,
            "occurred_at": e.occurred_at.isoformat(),
            "actor": e.actor_label,
            "government": e.government_code,
            "verb": e.verb,
            "before": e.before,
            "after": e.after,
        }
        for e in history_for(organisation)
    ]
