"""The hash chain: canonical form of an entry, its hash, and verification of the whole trail.

``entry_hash = sha256(prev_hash + canonical)``, hex, over UTF-8, where ``canonical`` is the JSON object of
the fields below with sorted keys, no whitespace and non-ASCII characters kept as they are, and ``prev_hash``
is the previous entry's ``entry_hash`` (64 zeros for entry 1). Any change to a stored field, a removed entry
or a reordering is found by :func:`verify`, which names the first entry that does not hold.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import DatabaseError

from mtcr.audit.models import AuditEntry

GENESIS_HASH = "0" * 64

#: The fields an entry's hash covers (with ``prev_hash``, which is prefixed rather than included).
CANONICAL_FIELDS = (
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
)


def _timestamp(value: dt.datetime) -> str:
    """ISO 8601 in UTC with microseconds and a ``Z``: ``2025-06-01T09:30:00.000000Z``."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    return value.astimezone(dt.UTC).replace(tzinfo=None).isoformat(timespec="microseconds") + "Z"


def _target_type(entry: AuditEntry) -> str | None:
    if entry.target_type_id is None:
        return None
    try:
        return entry.target_type_key
    except ContentType.DoesNotExist:
        return f"unknown-content-type:{entry.target_type_id}"


def canonical(entry: AuditEntry) -> str:
    """The canonical text of an entry: what its hash covers."""
    fields: dict[str, Any] = {
        "seq": entry.seq,
        "occurred_at": _timestamp(entry.occurred_at),
        "actor_label": entry.actor_label,
        "actor_user": None if entry.actor_user_id is None else str(entry.actor_user_id),
        "government_code": entry.government_code,
        "verb": entry.verb,
        "target_type": _target_type(entry),
        "target_id": entry.target_id,
        "target_label": entry.target_label,
        "before": entry.before,
        "after": entry.after,
        "request_id": entry.request_id,
    }
    return json.dumps(fields, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False)


def chain_hash(prev_hash: str, canonical_text: str) -> str:
    """``sha256(prev_hash + canonical)`` as 64 hex digits."""
    return hashlib.sha256((prev_hash + canonical_text).encode("utf-8")).hexdigest()


def compute_hash(entry: AuditEntry) -> str:
    """The hash an entry must carry, given its ``prev_hash`` and content."""
    return chain_hash(entry.prev_hash, canonical(entry))


@dataclass(frozen=True)
class VerifyResult:
    """The outcome of :func:`verify`.

    ``entries_checked`` counts the entries found intact (all of them when ``ok``); ``first_broken_seq`` is the
    first entry that does not hold (for a gap, the first missing one) and ``reason`` says why.
    """

    ok: bool
    entries_checked: int
    first_broken_seq: int | None = None
    reason: str = ""
    head_seq: int | None = None
    head_hash: str | None = None


def _gap(last_seq: int, found_seq: int) -> VerifyResult:
    missing = (
        f"entry {last_seq + 1} is"
        if found_seq == last_seq + 2
        else f"entries {last_seq + 1}-{found_seq - 1} are"
    )
    where = f"after {last_seq}" if last_seq else "at the start"
    return VerifyResult(False, last_seq, last_seq + 1, f"sequence gap {where}: {missing} missing")


def _check(entry: AuditEntry, last_seq: int, last_hash: str) -> VerifyResult | None:
    """The first rule ``entry`` breaks, checked in order: no gap, own hash, link to the previous entry."""
    if entry.seq != last_seq + 1:
        return _gap(last_seq, entry.seq)
    try:
        expected = compute_hash(entry)
    except (TypeError, ValueError) as exc:
        return VerifyResult(False, last_seq, entry.seq, f"entry {entry.seq}: content cannot be read ({exc})")
    if expected != entry.entry_hash:
        return VerifyResult(
            False, last_seq, entry.seq, f"entry {entry.seq}: stored hash does not match its content"
        )
    if entry.prev_hash != last_hash:
        previous = f"entry {last_seq}" if last_seq else "the start of the trail"
        return VerifyResult(
            False, last_seq, entry.seq, f"entry {entry.seq}: prev_hash does not link to {previous}"
        )
    return None


def verify(
    progress: Callable[[int], None] | None = None, *, chunk_size: int = 2000, progress_every: int = 1000
) -> VerifyResult:
    """Recompute the whole chain in ``seq`` order, streaming; stop at the first entry that does not hold.

    ``progress(entries_checked)`` is called every ``progress_every`` entries and once at the end.
    """
    last_seq, last_hash = 0, GENESIS_HASH
    entries = AuditEntry.objects.order_by("seq").iterator(chunk_size=chunk_size)
    try:
        for entry in entries:
            broken = _check(entry, last_seq, last_hash)
            if broken is not None:
                return broken
            last_seq, last_hash = entry.seq, entry.entry_hash
            if progress is not None and last_seq % progress_every == 0:
                progress(last_seq)
    except (DatabaseError, TypeError, ValueError) as exc:
        return VerifyResult(False, last_seq, last_seq + 1, f"entry after {last_seq} cannot be read ({exc})")
    if progress is not None:
        progress(last_seq)
    return VerifyResult(True, last_seq, head_seq=last_seq or None, head_hash=last_hash if last_seq else None)
