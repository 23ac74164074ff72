"""The admin shows the trail read-only; a system check warns when the database guard is missing."""

from __future__ import annotations

import pytest
from django.contrib import admin
from django.db import connection, transaction
from django.test import RequestFactory

from mtcr.audit import append_only
from mtcr.audit.checks import append_only_guard
from mtcr.audit.models import AuditEntry

pytestmark = pytest.mark.django_db


def test_the_admin_can_neither_add_nor_change_nor_delete(append):
    (entry,) = append(1)
    model_admin = admin.site._registry[AuditEntry]
    request = RequestFactory().get("/admin/")
    assert not model_admin.has_add_permission(request)
    assert not model_admin.has_change_permission(request, entry)
    assert not model_admin.has_delete_permission(request, entry)
    assert model_admin.get_actions(request) == {}


def test_the_system_check_is_quiet_while_the_guard_is_in_place():
    assert append_only_guard(databases=["default"]) == []


def test_the_system_check_warns_when_the_guard_is_gone():
    with transaction.atomic():
        append_only.remove(connection)
        (warning,) = append_only_guard(databases=["default"])
        transaction.set_rollback(True)
    assert warning.id == "audit.W001"
    assert append_only.is_installed(connection)
