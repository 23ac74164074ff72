"""Property: any recorded trail verifies; changing any one stored field of any one entry is caught there."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from mtcr.audit.chain import canonical, verify
from mtcr.audit.models import AuditEntry
from mtcr.audit.services import SYSTEM, record
from mtcr.audit.verbs import Verb
from mtcr.states.actor import Actor
from mtcr.states.models import Government, User
from tests.audit.helpers import tamper

text = st.text(st.characters(blacklist_characters="\x00", blacklist_categories=("Cs",)), max_size=12)
json_scalars = (
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | text
)
json_values = st.recursive(
    json_scalars,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(text, inner, max_size=3),
    max_leaves=6,
)
summaries = st.none() | st.dictionaries(text, json_values, max_size=4)

entry_specs = st.fixed_dictionaries(
    {
        "actor": st.sampled_from(["official", "system", "token"]),
        "verb": st.sampled_from(list(Verb)),
        "target": st.sampled_from(["government", "user", None]),
        "before": summaries,
        "after": summaries,
    }
)

TAMPERABLE = [
    "seq",
    "occurred_at",
    "actor_label",
    "actor_user",
    "government_code",
    "verb",
    "target_type",
    "target_id",
    "target_label",
    "before",
    "after",
    "request_id",
    "prev_hash",
    "entry_hash",
]


class Rollback(Exception):
    """Ends one example and undoes it."""


@pytest.fixture
def world(db) -> dict[str, Any]:
    government = Government.objects.create(code="FR", alpha3="FRA", numeric="250", name="France")
    user = User.objects.create_user(username="amelie.martin", government=government)
    other = User.objects.create_user(username="bruno", government=government)
    return {
        "government": government,
        "user": user,
        "other": other,
        "actors": {
            "official": Actor(label=user.username, government_code="FR", user=user),
            "system": SYSTEM,
            "token": Actor(label="token:FR licensing", government_code="FR"),
        },
    }


def _replacement(data: st.DataObject, world: dict[str, Any], entry: AuditEntry, field: str, n: int) -> Any:
    """A new value for ``field`` that differs from the stored one in what the hash covers."""
    if field == "seq":
        return n + data.draw(st.integers(1, 1000), label="new seq")
    if field == "occurred_at":
        return entry.occurred_at + dt.timedelta(microseconds=data.draw(st.integers(1, 10**9), label="shift"))
    if field == "actor_user":
        choices = [None, world["user"].pk, world["other"].pk]
        return data.draw(st.sampled_from([c for c in choices if c != entry.actor_user_id]), label="user")
    if field == "government_code":
        return data.draw(st.sampled_from(["DE", "GB", None, ""]).filter(lambda c: c != entry.government_code))
    if field == "target_type":
        ids = list(ContentType.objects.values_list("pk", flat=True))
        return data.draw(
            st.sampled_from([None, *ids]).filter(lambda c: c != entry.target_type_id), label="type"
        )
    if field in ("before", "after"):
        old = canonical(entry)
        new = data.draw(st.dictionaries(text, json_values, max_size=3), label=field)
        probe = AuditEntry(**{f.attname: getattr(entry, f.attname) for f in AuditEntry._meta.concrete_fields})
        setattr(probe, field, new)
        assume(canonical(probe) != old)
        return new
    if field in ("prev_hash", "entry_hash"):
        return data.draw(
            st.text("0123456789abcdef", min_size=64, max_size=64).filter(lambda h: h != getattr(entry, field))
        )
    limit = AuditEntry._meta.get_field(field).max_length
    return data.draw(text.map(lambda s: s[:limit]).filter(lambda s: s != getattr(entry, field)), label=field)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(specs=st.lists(entry_specs, min_size=1, max_size=6), data=st.data())
def test_verify_catches_any_single_change_at_exactly_that_entry(world, specs, data):
    targets = {"government": world["government"], "user": world["user"], None: None}
    try:
        with transaction.atomic():
            for spec in specs:
                record(
                    actor=world["actors"][spec["actor"]],
                    verb=spec["verb"],
                    target=targets[spec["target"]],
                    before=spec["before"],
                    after=spec["after"],
                )
            n = len(specs)
            intact = verify()
            assert intact.ok and intact.entries_checked == n

            seq = data.draw(st.integers(1, n), label="entry")
            field = data.draw(st.sampled_from(TAMPERABLE), label="field")
            entry = AuditEntry.objects.get(seq=seq)
            tamper(seq, field, _replacement(data, world, entry, field, n))

            broken = verify()
            assert not broken.ok
            assert broken.first_broken_seq == seq, broken.reason
            assert broken.entries_checked == seq - 1
            raise Rollback
    except Rollback:
        pass
