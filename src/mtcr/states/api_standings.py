"""HTTP API of a state's standing over time: read it on a date (public), record a change (regime act)."""

from __future__ import annotations

from datetime import date, datetime

from django.http import HttpRequest
from django.utils import timezone
from ninja import Field, Path, Query, Router, Schema, Status
from pydantic import StrictBool

from mtcr.regime.errors import ErrorBody
from mtcr.regime.params import IsoDate
from mtcr.states import selectors
from mtcr.states.api_auth import PRIVATE, PUBLIC
from mtcr.states.models.standing import Standing
from mtcr.states.schemas import StandingChangeOut
from mtcr.states.standings import record_standing_change

router = Router(tags=["governments and people"])
ISO_CODE = r"^[A-Za-z]{2}$"
ERRORS = {401: ErrorBody, 404: ErrorBody, 422: ErrorBody}


class StandingChangeIn(Schema):
    standing: str = Field(description="mtcr_partner, unilateral_adherent or hcoc_subscriber.")
    entered: StrictBool = Field(description="true when the state enters the standing, false when it leaves.")
    effective_on: IsoDate = Field(description="The day the change takes effect (YYYY-MM-DD).")
    precision: str = Field(
        default="day", description="'day', or 'year' when only the year is known (1 January)."
    )
    source: str = Field(description="An http(s) address or a document reference, at most 500 characters.")
    evidence: str = Field(default="", description="What the source says, at most 500 characters.")


class StandingChangeRecordedOut(StandingChangeOut):
    government: str = Field(validation_alias="government_id", description="ISO 3166-1 alpha-2 code.")
    recorded_at: datetime


class StandingsOnOut(Schema):
    code: str
    name: str
    on: date
    standings: list[str] = Field(description="Standings held on that date.")
    non_partner: bool = Field(
        description="True when no MTCR partner standing is held on that date (derived)."
    )
    history: list[StandingChangeOut] = Field(description="Every recorded change, oldest first.")


@router.get(
    "/governments/{code}/standings",
    auth=PUBLIC,
    tags=["public"],
    response={200: StandingsOnOut, **ERRORS},
    summary="A state's standings on a date (default today), with their history",
)
def standings_on(
    request: HttpRequest, code: str = Path(..., pattern=ISO_CODE), on: IsoDate | None = Query(None)
) -> dict:
    government = selectors.government(code)
    day = on or timezone.localdate()
    held = selectors.current_standings(government.code, day)
    return {
        "code": government.code,
        "name": government.name,
        "on": day,
        "standings": sorted(held),
        "non_partner": Standing.MTCR_PARTNER not in held,
        "history": list(selectors.standing_history(government.code)),
    }


@router.post(
    "/governments/{code}/standings",
    auth=PRIVATE,
    response={201: StandingChangeRecordedOut, 403: ErrorBody, 409: ErrorBody, **ERRORS},
    summary="Record a change of a state's standing (regime chair or Point of Contact; HCoC Central Contact)",
)
def record_change(
    request: HttpRequest, payload: StandingChangeIn, code: str = Path(..., pattern=ISO_CODE)
) -> Status:
    government = selectors.government(code)
    change = record_standing_change(actor=request.auth, government_code=government.code, **payload.dict())
    return Status(201, change)
