"""The hash chain links each entry to the one before; verify() names the first entry that does not hold."""

from __future__ import annotations

import pytest

from mtcr.audit.chain import GENESIS_HASH, canonical, chain_hash, verify
from mtcr.audit.models import AuditEntry
from tests.audit.helpers import erase, tamper

pytestmark = pytest.mark.django_db


def test_each_entry_is_chained_to_the_one_before(append):
    first, second, third = append(3)
    assert [e.seq for e in (first, second, third)] == [1, 2, 3]
    assert first.prev_hash == GENESIS_HASH
    assert second.prev_hash == first.entry_hash
    assert third.prev_hash == second.entry_hash
    assert third.entry_hash == chain_hash(second.entry_hash, canonical(third))


def test_the_hash_covers_the_stored_values_not_the_python_objects(append):
    (entry,) = append(1)
    stored = AuditEntry.objects.get(seq=entry.seq)
    assert canonical(stored) == canonical(entry)
    assert stored.entry_hash == entry.entry_hash


def test_an_empty_trail_is_intact():
    result = verify()
    assert result.ok and result.entries_checked == 0 and result.head_seq is None


def test_an_intact_trail_verifies(append):
    entries = append(5)
    result = verify()
    assert result.ok
    assert result.entries_checked == 5
    assert (result.head_seq, result.head_hash) == (5, entries[-1].entry_hash)
    assert result.first_broken_seq is None


def test_changing_one_stored_entry_is_detected_and_named(append):
    append(5)
    tamper(3, "after", {"name": "Atlantis"})
    result = verify()
    assert not result.ok
    assert result.first_broken_seq == 3
    assert result.reason == "entry 3: stored hash does not match its content"
    assert result.entries_checked == 2


def test_rewriting_an_entry_with_a_fresh_hash_breaks_the_link_of_the_next(append):
    append(4)
    entry = AuditEntry.objects.get(seq=2)
    entry.actor_label = "someone-else"
    tamper(2, "actor_label", "someone-else")
    tamper(2, "entry_hash", chain_hash(entry.prev_hash, canonical(entry)))
    result = verify()
    assert (result.ok, result.first_broken_seq) == (False, 3)
    assert result.reason == "entry 3: prev_hash does not link to entry 2"


def test_a_deleted_middle_entry_is_detected(append):
    append(5)
    erase(3)
    result = verify()
    assert (result.ok, result.first_broken_seq) == (False, 3)
    assert result.reason == "sequence gap after 2: entry 3 is missing"


def test_deleted_entries_at_the_start_are_detected(append):
    append(4)
    erase(1)
    erase(2)
    result = verify()
    assert (result.ok, result.first_broken_seq) == (False, 1)
    assert result.reason == "sequence gap at the start: entries 1-2 are missing"


def test_progress_is_reported(append):
    append(5)
    seen: list[int] = []
    assert verify(seen.append, progress_every=2, chunk_size=2).ok
    assert seen == [2, 4, 5]
