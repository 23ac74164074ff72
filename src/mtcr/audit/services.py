"""The one write of the audit trail: append an entry, inside the transaction of the change it records."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import connection, models, transaction
from django.utils import timezone

from mtcr.audit.chain import GENESIS_HASH, compute_hash
from mtcr.audit.errors import AuditError, OutsideTransactionError, UnknownVerbError
from mtcr.audit.models import AuditEntry
from mtcr.audit.request_id import current_request_id
from mtcr.audit.summaries import snapshot, summary
from mtcr.audit.verbs import is_registered
from mtcr.states.actor import Actor

__all__ = ["SYSTEM", "record", "snapshot"]

#: The actor of work done by the system itself: CLI commands, reference data loaders, scheduled jobs.
SYSTEM = Actor(label="system")

#: Key of the PostgreSQL transaction-level advisory lock that serialises appends ("mtcraudi").
APPEND_LOCK_KEY = 0x6D74637261756469


def _field_limit(name: str) -> int:
    return AuditEntry._meta.get_field(name).max_length


def _clip(value: str, name: str) -> str:
    return value.replace("\x00", "\ufffd")[: _field_limit(name)]


def _lock_and_read_head() -> tuple[int, str]:
    """Serialise appenders, then read the last entry: (seq, entry_hash), or (0, genesis) for an empty trail.

    On PostgreSQL an advisory lock held to the end of the transaction; on SQLite the database write lock does
    it (a concurrent appender that read the same head fails on the unique ``seq`` rather than fork the chain).
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [APPEND_LOCK_KEY])
    head = AuditEntry.objects.order_by("-seq").values_list("seq", "entry_hash").first()
    return head if head is not None else (0, GENESIS_HASH)


def record(
    *,
    actor: Actor,
    verb: str,
    target: models.Model | None,
    before: Mapping[str, Any] | None = None,
    after: Mapping[str, Any] | None = None,
    government_code: str | None = None,
) -> AuditEntry:
    """Append one entry for a write the caller is making, in the caller's transaction.

    ``government_code`` defaults to the actor's government. ``before``/``after`` are summaries (see
    :func:`snapshot`); they are made JSON-safe. Refused, writing nothing: outside a transaction
    (:class:`OutsideTransactionError`), an unregistered verb (:class:`UnknownVerbError`), an unsaved target.
    """
    if not transaction.get_connection().in_atomic_block:
        raise OutsideTransactionError(
            "record() must run inside the transaction of the change it records: wrap both in atomic()"
        )
    if not is_registered(verb):
        raise UnknownVerbError(
            f"unknown audit verb {verb!r}: register it with mtcr.audit.verbs.register_verbs()"
        )
    if target is not None and (target.pk is None or target._state.adding):
        raise AuditError(f"the {type(target).__name__} must be saved before its change is recorded")

    entry = AuditEntry(
        actor_label=_clip(actor.label, "actor_label"),
        actor_user=actor.user,
        government_code=government_code if government_code is not None else actor.government_code,
        verb=str(verb),
        target_type=ContentType.objects.get_for_model(target) if target is not None else None,
        target_id=_clip(str(target.pk), "target_id") if target is not None else "",
        target_label=_clip(str(target), "target_label") if target is not None else "",
        before=summary(before),
        after=summary(after),
        request_id=_clip(current_request_id() or "", "request_id"),
    )
    last_seq, last_hash = _lock_and_read_head()
    entry.seq, entry.prev_hash = last_seq + 1, last_hash
    entry.occurred_at = timezone.now()  # taken under the lock, so times never run backwards along the chain
    entry.entry_hash = compute_hash(entry)
    entry.save()
    return entry
