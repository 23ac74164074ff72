"""Recording a change of a state's standing: admission to the MTCR, unilateral adherence, HCoC subscription.

Standings are dated records that are appended, never overwritten (the issue: "its standing over time as dated
records, never overwrites"). The reference loader brings the published history; this service lets the people
responsible record what happens next:

- MTCR partner and unilateral adherent: the regime chair or a Point of Contact officer of a current partner
  (the regime decides admission by consensus; the Chair and the Point of Contact record it);
- HCoC subscriber: the Hague Code of Conduct Immediate Central Contact of a subscribing state;
- the system actor (reference data loading) always.

*Non-partner* is never recorded: a state is a non-partner on any day it holds no MTCR partner standing.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from django.core.exceptions import PermissionDenied
from django.db import OperationalError, connection, transaction
from django.utils import timezone

from mtcr.audit.services import SYSTEM, record, snapshot
from mtcr.audit.verbs import Verb
from mtcr.regime.errors import ApiError
from mtcr.states.actor import Actor
from mtcr.states.models import Government, StandingChange
from mtcr.states.models.standing import DatePrecision, Standing
from mtcr.states.roles import RoleCode
from mtcr.states.selectors import current_standings
from mtcr.states.spaces import HCOC, REGIME

#: Standings recorded by the regime's chair or Point of Contact; the other one by the HCoC Central Contact.
REGIME_STANDINGS = frozenset({Standing.MTCR_PARTNER, Standing.UNILATERAL_ADHERENT})
REGIME_RECORDERS = (RoleCode.REGIME_CHAIR, RoleCode.POC_OFFICER)
TEXT_MAX = 500
CHANGE_FIELDS = ("standing", "entered", "effective_on", "precision", "source", "evidence")

_URL = re.compile(r"https?://[^\s/?#]+\S*", re.IGNORECASE)
#: What a browser would take for an address: ``scheme:...`` (``javascript: ...`` even spaced), ``www.``.
_LOOKS_LIKE_URL = re.compile(r"^([a-z][a-z0-9+.-]*:\S|(javascript|vbscript|data)\s*:|www\.)", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_CONTROL_BUT_LINES = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

REGIME_REFUSAL = (
    "Recording a change of MTCR partner or unilateral adherent standing needs the regime chair or "
    "Point of Contact officer role of a current MTCR partner."
)
HCOC_REFUSAL = (
    "Recording a change of Hague Code of Conduct subscription needs the HCoC Immediate Central Contact role "
    "of a subscribing state."
)


def may_record(actor: Actor, standing: str) -> bool:
    """Whether ``actor`` may record a change of ``standing`` (module docstring: who may)."""
    if actor is SYSTEM:
        return True
    if standing in REGIME_STANDINGS:
        return actor.has_role(*REGIME_RECORDERS) and actor.sees(REGIME)
    if standing == Standing.HCOC_SUBSCRIBER:
        return actor.has_role(RoleCode.HCOC_CENTRAL_CONTACT) and actor.sees(HCOC)
    return False


def _invalid(field: str, message: str) -> ApiError:
    return ApiError(422, "invalid", f"{field}: {message}", field)


def _check_standing(standing: str) -> None:
    if standing not in Standing.values:
        raise _invalid(
            "standing",
            f"{standing!r} is not a standing that is recorded; allowed: {', '.join(Standing.values)} "
            "(a non-partner is a state without a current mtcr_partner standing, and is not recorded).",
        )


def _one_year_after(day: date) -> date:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 1, day=28)


def _check_date(effective_on: date, precision: str) -> None:
    if precision not in DatePrecision.values:
        raise _invalid(
            "precision", f"{precision!r} is not a precision; allowed: {', '.join(DatePrecision.values)}."
        )
    if not isinstance(effective_on, date) or isinstance(effective_on, datetime):
        raise _invalid("effective_on", "must be a calendar date (YYYY-MM-DD), without a time.")
    latest_allowed = _one_year_after(timezone.localdate())
    if effective_on > latest_allowed:
        raise _invalid(
            "effective_on",
            f"{effective_on} is more than one year ahead; a change may be recorded up to {latest_allowed}.",
        )
    if precision == DatePrecision.YEAR and (effective_on.month, effective_on.day) != (1, 1):
        raise _invalid(
            "effective_on",
            f"with precision 'year' the date must be 1 January ({effective_on.year}-01-01); "
            "give precision 'day' for an exact date.",
        )


def _clean_source(source: str) -> str:
    source = (source or "").strip()
    allowed = f"give an http(s) address or a document reference of at most {TEXT_MAX} characters"
    if not source:
        raise _invalid("source", f"is required; {allowed}.")
    if len(source) > TEXT_MAX:
        raise _invalid("source", f"is {len(source)} characters long; {allowed}.")
    if _CONTROL.search(source):
        raise _invalid("source", f"must be one line without control characters; {allowed}.")
    if _LOOKS_LIKE_URL.match(source) and not _URL.fullmatch(source):
        raise _invalid("source", f"{source!r} is not an http:// or https:// address; {allowed}.")
    return source


def _clean_evidence(evidence: str) -> str:
    evidence = (evidence or "").strip()
    if len(evidence) > TEXT_MAX:
        raise _invalid("evidence", f"is {len(evidence)} characters long; at most {TEXT_MAX}.")
    if _CONTROL_BUT_LINES.search(evidence):
        raise _invalid("evidence", "must be text without control characters (line breaks are allowed).")
    return evidence


def _locked_government(code: str) -> Government:
    """The state's row, locked to the end of the transaction so that its changes are recorded one at a time
    (PostgreSQL; SQLite serialises writers with its database lock, taken when the transaction begins)."""
    government = Government.objects.select_for_update().filter(code=code).first() if len(code) == 2 else None
    if government is None:
        raise _invalid("government_code", f"{code!r} is not an ISO 3166-1 alpha-2 code of a known state.")
    return government


def _check_sequence(code: str, standing: str, entered: bool, effective_on: date) -> None:
    """Changes of one standing are appended in date order, one a day, alternately entering and leaving."""
    latest = (
        StandingChange.objects.filter(government_id=code, standing=standing)
        .order_by("-effective_on", "-id")
        .first()
    )
    if latest is not None and effective_on <= latest.effective_on:
        raise _invalid(
            "effective_on",
            f"{code}'s latest change of {standing} is on {latest.effective_on}; a new change must come after "
            "it (changes are appended in date order, one a day; a correction is a new change with evidence).",
        )
    held = standing in current_standings(code, effective_on)
    if entered and held:
        raise _invalid(
            "entered",
            f"{code} already holds {standing} on {effective_on}; it can only leave it (entered=false).",
        )
    if not entered and not held:
        raise _invalid(
            "entered",
            f"{code} does not hold {standing} on {effective_on}; it can only enter it (entered=true).",
        )


def record_standing_change(
    *,
    actor: Actor,
    government_code: str,
    standing: str,
    entered: bool,
    effective_on: date,
    precision: str = "day",
    source: str,
    evidence: str = "",
) -> StandingChange:
    """Append one dated change of a state's standing, with its audit entry, in one transaction.

    Raises ``PermissionDenied`` when the actor may not record this standing, ``ApiError`` 422 naming the field
    at fault (nothing written), or ``ApiError`` 409 when the database stayed locked by another writer.
    """
    if not any(may_record(actor, s) for s in Standing.values):
        raise PermissionDenied(
            "Recording a change of standing needs the regime chair or Point of Contact officer role of a "
            "current MTCR partner, or (for HCoC subscription) the HCoC Immediate Central Contact role."
        )
    _check_standing(standing)
    if not may_record(actor, standing):
        raise PermissionDenied(REGIME_REFUSAL if standing in REGIME_STANDINGS else HCOC_REFUSAL)
    if not isinstance(entered, bool):
        raise _invalid("entered", "must be true (the state enters the standing) or false (it leaves it).")
    _check_date(effective_on, precision)
    source, evidence = _clean_source(source), _clean_evidence(evidence)
    code = (government_code or "").strip().upper()
    try:
        with transaction.atomic():
            government = _locked_government(code)
            _check_sequence(code, standing, entered, effective_on)
            before = sorted(current_standings(code))
            change = StandingChange.objects.create(
                government=government,
                standing=standing,
                entered=entered,
                effective_on=effective_on,
                precision=precision,
                source=source,
                evidence=evidence,
            )
            record(
                actor=actor,
                verb=Verb.STANDING_CHANGED,
                target=government,
                before={"standings": before},
                after={"standings": sorted(current_standings(code)), **snapshot(change, CHANGE_FIELDS)},
            )
    except OperationalError as exc:
        if connection.vendor == "sqlite" and "locked" in str(exc):
            raise ApiError(
                409,
                "conflict",
                f"government_code: another change is being recorded for {code}; try again.",
                "government_code",
            ) from exc
        raise
    return change
