"""The demo dataset: three governments with officials and exporters, for trying mtcr out (``mtcr demo``).

Idempotent: a person or organisation that exists already is left as it is.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.console import Console
from rich.table import Table

from mtcr.audit.services import SYSTEM
from mtcr.states.actor import actor_for_user
from mtcr.states.models import ExporterOrganisation, User
from mtcr.states.people import create_person
from mtcr.states.roles import RoleCode
from mtcr.states.services import register_organisation

DEMO_PASSWORD = "demo-mtcr-2026"  # long enough for the password rules; for demos only


@dataclass(frozen=True)
class DemoPerson:
    username: str
    government_code: str
    roles: tuple[str, ...]
    organisation: str | None = None


@dataclass(frozen=True)
class DemoOrganisation:
    government_code: str
    name: str
    registration_number: str
    address: str


ORGANISATIONS = (
    DemoOrganisation("FR", "Propulsion Atlantique SA", "FR-EXP-0001", "12 quai des Essais, Bordeaux"),
    DemoOrganisation("GB", "Northern Guidance Ltd", "GB-EXP-0001", "4 Gyro Lane, Stevenage"),
    DemoOrganisation("DE", "Rheinland Composites GmbH", "DE-EXP-0001", "Fasergasse 9, Augsburg"),
)

PEOPLE = (
    DemoPerson("fr-admin", "FR", (RoleCode.SYSTEM_ADMINISTRATOR,)),
    DemoPerson("fr-officer", "FR", (RoleCode.LICENSING_OFFICER,)),
    DemoPerson("fr-expert", "FR", (RoleCode.TECHNICAL_EXPERT,)),
    DemoPerson("fr-senior", "FR", (RoleCode.SENIOR_LICENSING_OFFICER,)),
    DemoPerson("fr-poc", "FR", (RoleCode.POC_OFFICER,)),
    DemoPerson("fr-exporter", "FR", (RoleCode.EXPORTER,), "FR-EXP-0001"),
    DemoPerson("gb-admin", "GB", (RoleCode.SYSTEM_ADMINISTRATOR,)),
    DemoPerson("gb-officer", "GB", (RoleCode.LICENSING_OFFICER,)),
    DemoPerson("gb-senior", "GB", (RoleCode.SENIOR_LICENSING_OFFICER,)),
    DemoPerson("gb-exporter", "GB", (RoleCode.EXPORTER,), "GB-EXP-0001"),
    DemoPerson("de-admin", "DE", (RoleCode.SYSTEM_ADMINISTRATOR,)),
    DemoPerson("de-officer", "DE", (RoleCode.LICENSING_OFFICER, RoleCode.TECHNICAL_EXPERT)),
    DemoPerson("de-chair", "DE", (RoleCode.REGIME_CHAIR,)),
    DemoPerson("de-exporter", "DE", (RoleCode.EXPORTER,), "DE-EXP-0001"),
    DemoPerson("at-icc", "AT", (RoleCode.HCOC_CENTRAL_CONTACT,)),
)


def _person(spec: DemoPerson) -> User:
    existing = User.objects.filter(username=spec.username).first()
    if existing is not None:
        return existing
    organisation = None
    if spec.organisation:
        organisation = ExporterOrganisation.objects.get(
            government_id=spec.government_code, registration_number=spec.organisation
        )
    return create_person(
        actor=SYSTEM,
        username=spec.username,
        password=DEMO_PASSWORD,
        government_code=spec.government_code,
        roles=spec.roles,
        organisation=organisation,
    )


def _organisation(spec: DemoOrganisation) -> None:
    if ExporterOrganisation.objects.filter(
        government_id=spec.government_code, registration_number=spec.registration_number
    ).exists():
        return
    admin = User.objects.get(username=f"{spec.government_code.lower()}-admin")
    register_organisation(
        actor=actor_for_user(admin),
        name=spec.name,
        registration_number=spec.registration_number,
        address=spec.address,
    )


def load_demo(console: Console | None = None) -> list[User]:
    """Create the demo governments' people and exporters; returns the demo users in display order."""
    admins = [p for p in PEOPLE if RoleCode.SYSTEM_ADMINISTRATOR in p.roles]
    for spec in admins:
        _person(spec)
    for spec in ORGANISATIONS:
        _organisation(spec)
    users = [_person(spec) for spec in PEOPLE]
    if console is not None:
        console.print(
            f"[green]Demo dataset ready[/]: {len(users)} people in {len(ORGANISATIONS)} governments."
        )
    return users


def print_logins(console: Console, users: list[User]) -> None:
    """Print the demo sign-ins as a table, with how to get an official's six-digit code."""
    table = Table(title="Demo sign-ins (password for all: " + DEMO_PASSWORD + ")")
    for column in ("username", "government", "roles", "second factor"):
        table.add_column(column)
    for user in users:
        factor = f"mtcr totp {user.username}" if user.is_official else "none (exporter)"
        table.add_row(user.username, user.government_id or "", ", ".join(sorted(user.role_codes)), factor)
    console.print(table)
    console.print(
        "Officials sign in with a six-digit code: run the command in the last column in another terminal "
        "(from this folder: [bold].venv/bin/mtcr totp USERNAME[/]). Exporters need only the password."
    )
