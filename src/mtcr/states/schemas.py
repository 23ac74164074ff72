"""HTTP API shapes of the states app."""

import uuid
from datetime import date

from ninja import Field, Schema


class StandingChangeOut(Schema):
    standing: str = Field(description="mtcr_partner, unilateral_adherent or hcoc_subscriber.")
    entered: bool = Field(description="True when the state entered the standing, False when it left.")
    effective_on: date
    precision: str = Field(description="'day', or 'year' when only the year is known.")
    source: str
    evidence: str


class GovernmentOut(Schema):
    code: str = Field(description="ISO 3166-1 alpha-2 code (stable identifier).")
    alpha3: str
    numeric: str
    name: str
    official_name: str


class GovernmentDetailOut(GovernmentOut):
    standings: list[str] = Field(description="Standings held today; none means a non-partner.")
    history: list[StandingChangeOut]


class MemberOut(Schema):
    code: str
    name: str
    since: date
    precision: str


class ActorOut(Schema):
    label: str
    government: str | None
    roles: list[str]
    spaces: list[str]


class OrganisationIn(Schema):
    name: str = Field(min_length=2, max_length=200, description="The organisation's legal name.")
    registration_number: str = Field(
        min_length=1,
        max_length=64,
        pattern=r"^[A-Za-z0-9][A-Za-z0-9 ./-]*$",
        description="The government's registration number: letters, digits, space, '.', '/', '-'.",
    )
    address: str = Field(default="", max_length=1000)


class OrganisationOut(Schema):
    id: uuid.UUID
    government: str = Field(validation_alias="government_id")
    name: str
    registration_number: str
    address: str


class AuditEntryOut(Schema):
    seq: int
    occurred_at: str
    actor: str
    government: str | None
    verb: str
    before: dict | None
    after: dict | None
