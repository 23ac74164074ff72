"""Every read of the states app, scoped to the acting party."""

from __future__ import annotations

from datetime import date

from django.db.models import QuerySet
from django.utils import timezone

from mtcr.states.actor import Actor
from mtcr.states.models import ApiToken, ExporterOrganisation, Government, StandingChange
from mtcr.states.models.standing import Standing
from mtcr.states.roles import NATIONAL_ROLES, RoleCode
from mtcr.states.spaces import Space


def _today(on: date | None) -> date:
    return on or timezone.localdate()


def current_standings(government_code: str, on: date | None = None) -> frozenset[str]:
    """Standings a government holds on a date: for each, the latest change on or before it decides."""
    latest: dict[str, bool] = {}
    changes = StandingChange.objects.filter(government_id=government_code, effective_on__lte=_today(on))
    for change in changes.order_by("effective_on", "id"):
        latest[change.standing] = change.entered
    return frozenset(standing for standing, entered in latest.items() if entered)


def governments_with_standing(
    standing: str, on: date | None = None
) -> list[tuple[Government, StandingChange]]:
    """Governments holding ``standing`` on a date, each with the change by which it (last) entered it."""
    entered: dict[str, StandingChange] = {}
    changes = (
        StandingChange.objects.filter(standing=standing, effective_on__lte=_today(on))
        .select_related("government")
        .order_by("effective_on", "id")
    )
    for change in changes:
        if change.entered:
            entered[change.government_id] = change
        else:
            entered.pop(change.government_id, None)
    return sorted(
        ((c.government, c) for c in entered.values()), key=lambda pair: (pair[1].effective_on, pair[0].name)
    )


def partners(on: date | None = None) -> list[tuple[Government, StandingChange]]:
    """The MTCR partners on a date, in order of joining."""
    return governments_with_standing(Standing.MTCR_PARTNER, on)


def adherents(on: date | None = None) -> list[tuple[Government, StandingChange]]:
    """States adhering to the Guidelines unilaterally on a date."""
    return governments_with_standing(Standing.UNILATERAL_ADHERENT, on)


def governments() -> QuerySet[Government]:
    """All states (public reference data)."""
    return Government.objects.all()


def government(code: str) -> Government:
    """One state by ISO code (case-insensitive); raises ``Government.DoesNotExist``."""
    return Government.objects.get(code=code.upper())


def standing_history(government_code: str) -> QuerySet[StandingChange]:
    """Every recorded change of a state's standing, oldest first (public)."""
    return StandingChange.objects.filter(government_id=government_code.upper()).order_by("effective_on", "id")


def organisations_visible_to(actor: Actor) -> QuerySet[ExporterOrganisation]:
    """Exporter organisations in the actor's national space: all of them for its government's officials, its
    own organisation for an exporter, none for anyone else."""
    if actor.government_code is None or not actor.sees(Space.national(actor.government_code)):
        return ExporterOrganisation.objects.none()
    scoped = ExporterOrganisation.objects.filter(government_id=actor.government_code)
    if actor.has_role(*NATIONAL_ROLES):
        return scoped
    if actor.is_exporter:
        return scoped.filter(id=actor.organisation_id)
    return ExporterOrganisation.objects.none()


def organisation(actor: Actor, organisation_id: object) -> ExporterOrganisation:
    """One organisation the actor may see; raises ``ExporterOrganisation.DoesNotExist`` otherwise."""
    return organisations_visible_to(actor).get(id=organisation_id)


def tokens_visible_to(actor: Actor) -> QuerySet[ApiToken]:
    """API tokens of the actor's government, for a person holding its system administrator role; else none."""
    if actor.user is None or actor.government_code is None:
        return ApiToken.objects.none()
    if not actor.has_role(RoleCode.SYSTEM_ADMINISTRATOR):
        return ApiToken.objects.none()
    return ApiToken.objects.filter(government_id=actor.government_code).select_related("role", "created_by")


def token(actor: Actor, token_id: object) -> ApiToken:
    """One token the actor administers; raises ``ApiToken.DoesNotExist`` otherwise."""
    return tokens_visible_to(actor).get(id=token_id)
