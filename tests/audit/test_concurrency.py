"""Concurrent appenders never fork the chain: appends are serialised (PostgreSQL advisory lock)."""

from __future__ import annotations

import threading

import pytest
from django.db import connection, connections, transaction

from mtcr.audit.chain import verify
from mtcr.audit.models import AuditEntry
from mtcr.audit.services import record
from mtcr.audit.verbs import Verb

THREADS, EACH = 4, 10


@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs concurrent writers (PostgreSQL)")
@pytest.mark.django_db(transaction=True)
def test_concurrent_appends_form_one_gap_free_chain(actor, government):
    errors: list[BaseException] = []
    start = threading.Barrier(THREADS)

    def appender(n: int) -> None:
        try:
            start.wait()
            for i in range(EACH):
                with transaction.atomic():
                    record(actor=actor, verb=Verb.UPDATED, target=government, after={"writer": n, "i": i})
        except BaseException as exc:  # reported by the test below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=appender, args=(n,)) for n in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert list(AuditEntry.objects.values_list("seq", flat=True)) == list(range(1, THREADS * EACH + 1))
    result = verify()
    assert result.ok and result.entries_checked == THREADS * EACH
    times = list(AuditEntry.objects.values_list("occurred_at", flat=True))
    assert times == sorted(times)
