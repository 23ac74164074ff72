"""Every read of the audit trail."""

from __future__ import annotations

import datetime as dt

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import QuerySet

from mtcr.audit.models import AuditEntry
from mtcr.states.actor import Actor
from mtcr.states.roles import RoleCode


def history_for(target: models.Model) -> QuerySet[AuditEntry]:
    """The entries about one object, oldest first, for its history page.

    Not scoped here: the caller has already obtained ``target`` through its own app's selector, which decided
    that the actor may see the object; whoever may see an object may see its history.
    """
    return AuditEntry.objects.filter(
        target_type=ContentType.objects.get_for_model(target), target_id=str(target.pk)
    ).order_by("seq")


def _sees_whole_trail(actor: Actor) -> bool:
    from mtcr.audit.services import SYSTEM

    return actor is SYSTEM or (actor.user is not None and actor.user.is_superuser)


def entries(
    actor: Actor,
    *,
    verb: str | None = None,
    government_code: str | None = None,
    actor_label: str | None = None,
    target: models.Model | None = None,
    since: dt.datetime | None = None,
    until: dt.datetime | None = None,
) -> QuerySet[AuditEntry]:
    """The trail for administrators, oldest first, optionally filtered.

    The system actor (CLI) and superusers see every entry; a government's system administrator sees the
    entries made acting for that government; anyone else sees nothing, as if the trail were empty.
    """
    queryset = AuditEntry.objects.order_by("seq")
    if not _sees_whole_trail(actor):
        if not (actor.government_code and actor.has_role(RoleCode.SYSTEM_ADMINISTRATOR)):
            return queryset.none()
        queryset = queryset.filter(government_code=actor.government_code)
    if verb is not None:
        queryset = queryset.filter(verb=verb)
    if government_code is not None:
        queryset = queryset.filter(government_code=government_code)
    if actor_label is not None:
        queryset = queryset.filter(actor_label=actor_label)
    if target is not None:
        queryset = queryset.filter(
            target_type=ContentType.objects.get_for_model(target), target_id=str(target.pk)
        )
    if since is not None:
        queryset = queryset.filter(occurred_at__gte=since)
    if until is not None:
        queryset = queryset.filter(occurred_at__lt=until)
    return queryset
