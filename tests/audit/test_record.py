"""record(): one entry per write, in the write's transaction: who, for whom, what, in which request."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.http import HttpResponse
from django.test import RequestFactory

from mtcr.audit import verbs
from mtcr.audit.errors import AuditError, OutsideTransactionError, UnknownVerbError
from mtcr.audit.models import AuditEntry
from mtcr.audit.request_id import RequestIdMiddleware
from mtcr.audit.services import SYSTEM, record, snapshot
from mtcr.audit.verbs import Verb, is_registered, register_verbs, verb_label
from mtcr.states.models import Government, StandingChange


@pytest.mark.django_db(transaction=True)
def test_record_outside_a_transaction_is_refused_and_writes_nothing(actor, government):
    with pytest.raises(OutsideTransactionError, match="inside the transaction"):
        record(actor=actor, verb=Verb.UPDATED, target=government)
    assert not AuditEntry.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_an_entry_is_rolled_back_with_its_change(actor, government):
    with pytest.raises(RuntimeError), transaction.atomic():
        record(actor=actor, verb=Verb.UPDATED, target=government)
        raise RuntimeError("the change failed")
    assert not AuditEntry.objects.exists()


@pytest.mark.django_db
def test_an_entry_says_who_for_whom_what_and_on_which_object(actor, official, government):
    with transaction.atomic():
        entry = record(
            actor=actor, verb=Verb.UPDATED, target=government, before={"name": "France"}, after={"name": "FR"}
        )
    stored = AuditEntry.objects.get(seq=entry.seq)
    assert stored.actor_label == "amelie.martin"
    assert stored.actor_user == official
    assert stored.government_code == "FR"
    assert stored.verb == "updated" and stored.verb_label == "updated"
    assert stored.target_type == ContentType.objects.get_for_model(Government)
    assert stored.target_id == "FR"
    assert stored.target_label == "France (FR)"
    assert (stored.before, stored.after) == ({"name": "France"}, {"name": "FR"})
    assert stored.request_id == ""
    assert stored.occurred_at <= dt.datetime.now(dt.UTC)


@pytest.mark.django_db
def test_the_system_actor_and_an_explicit_government(government):
    with transaction.atomic():
        entry = record(
            actor=SYSTEM, verb=Verb.REFERENCE_LOADED, target=None, after={"states": 249}, government_code="FR"
        )
    assert (entry.actor_label, entry.actor_user, entry.government_code) == ("system", None, "FR")
    assert (entry.target_type, entry.target_id, entry.target_label) == (None, "", "")


@pytest.mark.django_db
def test_the_request_id_of_the_request_is_carried_into_the_entry(actor, government):
    def view(request):
        with transaction.atomic():
            record(actor=actor, verb=Verb.UPDATED, target=government)
        return HttpResponse()

    response = RequestIdMiddleware(view)(
        RequestFactory().post("/", headers={"X-Request-ID": "req-0001-abcd"})
    )
    assert response["X-Request-ID"] == "req-0001-abcd"
    assert AuditEntry.objects.get().request_id == "req-0001-abcd"


@pytest.mark.django_db
def test_an_unregistered_verb_is_refused(actor, government):
    with pytest.raises(UnknownVerbError, match="register_verbs"), transaction.atomic():
        record(actor=actor, verb="teleported", target=government)


@pytest.mark.django_db
def test_an_unsaved_target_is_refused(actor):
    with pytest.raises(AuditError, match="must be saved"), transaction.atomic():
        record(actor=actor, verb=Verb.CREATED, target=Government(code="XX"))


@pytest.mark.django_db
def test_later_apps_register_their_verbs(actor, government, monkeypatch):
    monkeypatch.setattr(verbs, "_registry", dict(verbs._registry))
    register_verbs([("denial_notified", "notified a denial")])
    assert is_registered("denial_notified") and verb_label("denial_notified") == "notified a denial"
    with transaction.atomic():
        entry = record(actor=actor, verb="denial_notified", target=government)
    assert entry.verb_label == "notified a denial"


def test_a_verb_cannot_change_its_label_or_take_a_malformed_id():
    with pytest.raises(ValueError, match="already registered"):
        register_verbs([("created", "made")])
    with pytest.raises(ValueError, match="a-z"):
        register_verbs([("Bad Verb", "bad")])


@pytest.mark.django_db
def test_snapshot_is_json_safe(government):
    change = StandingChange.objects.create(
        government=government, standing="mtcr_partner", effective_on=dt.date(1992, 6, 1)
    )
    change.source = "x\x00y"  # not saved: PostgreSQL could not store it, but a summary must
    assert snapshot(
        change, ["government", "standing", "effective_on", "entered", "effective_label", "source"]
    ) == {
        "government": "FR",
        "standing": "mtcr_partner",
        "effective_on": "1992-06-01",
        "entered": True,
        "effective_label": "1 June 1992",
        "source": "x\ufffdy",
    }


@pytest.mark.django_db
def test_summaries_are_stored_as_they_read_back(actor, government):
    when = dt.datetime(2025, 6, 1, 11, 30, tzinfo=dt.timezone(dt.timedelta(hours=2)))
    uid = uuid.UUID(int=7)
    after = {
        "when": when,
        "amount": Decimal("1.50"),
        "id": uid,
        "big": 1e20,
        "neg_zero": -0.0,
        "tags": {"b", "a"},
        3: "int key",
        "inf": float("inf"),
    }
    with transaction.atomic():
        entry = record(actor=actor, verb=Verb.UPDATED, target=government, after=after)
    expected = {
        "when": "2025-06-01T09:30:00+00:00",
        "amount": "1.50",
        "id": str(uid),
        "big": 10**20,
        "neg_zero": 0.0,
        "tags": ["a", "b"],
        "3": "int key",
        "inf": "inf",
    }
    assert entry.after == expected
    assert AuditEntry.objects.get(seq=entry.seq).after == expected
