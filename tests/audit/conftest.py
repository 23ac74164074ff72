"""Fixtures of the audit tests: a government, an official acting for it, and a way to append entries."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.db import transaction

from mtcr.audit.models import AuditEntry
from mtcr.audit.services import record
from mtcr.audit.verbs import Verb
from mtcr.states.actor import Actor
from mtcr.states.models import Government, User


@pytest.fixture
def government(db) -> Government:
    return Government.objects.get_or_create(
        code="FR", defaults={"alpha3": "FRA", "numeric": "250", "name": "France"}
    )[0]


@pytest.fixture
def official(government: Government) -> User:
    return User.objects.create_user(username="amelie.martin", government=government)


@pytest.fixture
def actor(official: User) -> Actor:
    return Actor(label=official.username, government_code=official.government_id, user=official)


@pytest.fixture
def append(actor: Actor, government: Government) -> Callable[[int], list[AuditEntry]]:
    """``append(n)``: record ``n`` renamings of the government, each in its own transaction."""

    def make(n: int) -> list[AuditEntry]:
        made = []
        for _ in range(n):
            with transaction.atomic():
                before = {"name": government.name}
                government.name = f"France {AuditEntry.objects.count() + 1}"
                government.save()
                made.append(
                    record(
                        actor=actor,
                        verb=Verb.UPDATED,
                        target=government,
                        before=before,
                        after={"name": government.name},
                    )
                )
        return made

    return make
