"""Every write of the states app: one transaction each, permission checked, audited."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction

from mtcr.audit.services import record, snapshot
from mtcr.audit.verbs import Verb
from mtcr.regime.errors import ApiError
from mtcr.states.actor import Actor
from mtcr.states.models import ExporterOrganisation
from mtcr.states.roles import RoleCode

ORGANISATION_FIELDS = ("name", "registration_number", "address")
REGISTRARS = (RoleCode.LICENSING_OFFICER, RoleCode.SENIOR_LICENSING_OFFICER, RoleCode.SYSTEM_ADMINISTRATOR)


def register_organisation(
    *, actor: Actor, name: str, registration_number: str, address: str = ""
) -> ExporterOrganisation:
    """Register an exporter organisation with the actor's own government (a licensing officer's act)."""
    if actor.government_code is None or not actor.has_role(*REGISTRARS):
        raise PermissionDenied(
            "Registering an exporter needs a licensing officer or system administrator role."
        )
    name, registration_number = name.strip(), registration_number.strip()
    if not name:
        raise ApiError(422, "invalid", "name: must not be blank.", "name")
    if not registration_number:
        raise ApiError(422, "invalid", "registration_number: must not be blank.", "registration_number")
    try:
        with transaction.atomic():
            organisation = ExporterOrganisation.objects.create(
                government_id=actor.government_code,
                name=name,
                registration_number=registration_number,
                address=address.strip(),
            )
            record(
                actor=actor,
                verb=Verb.CREATED,
                target=organisation,
                after=snapshot(organisation, ORGANISATION_FIELDS),
            )
    except IntegrityError as exc:
        raise ApiError(
            409,
            "conflict",
            f"registration_number: {registration_number!r} is already registered with your government.",
            "registration_number",
        ) from exc
    return organisation
