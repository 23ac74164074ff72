"""Fixtures shared by every test package."""

from __future__ import annotations

import pytest
from django.test import Client

from mtcr.audit.testing import flush_through_guard
from tests import factories


@pytest.fixture(autouse=True, scope="session")
def _audit_flush():
    """Let the flush after each transactional test pass the audit table's append-only guard."""
    with flush_through_guard():
        yield


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings) -> None:
    """Tests hash many passwords; the production hasher is deliberately slow."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def client_for(db):
    """``client_for(user)``: a test client signed in as ``user`` with every factor passed."""

    def make(user) -> Client:
        return factories.sign_in(Client(), user)

    return make
