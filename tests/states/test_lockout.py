"""Repeated failed sign-ins lock the username for a while (django-axes); wrong codes count as failures."""

from __future__ import annotations

from datetime import timedelta

import pytest
from axes.helpers import get_cool_off
from axes.models import AccessAttempt
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from mtcr.states.models import User
from mtcr.states.totp import current_code
from tests import factories

pytestmark = pytest.mark.django_db


LOGIN = reverse("states:login")
LIMIT = settings.AXES_FAILURE_LIMIT


@pytest.fixture
def official() -> User:
    return factories.official("FR", username="fr-officer")


def code_for(user: User) -> str:
    return current_code(TOTPDevice.objects.get(user=user))


def wrong_code_for(user: User) -> str:
    return f"{(int(code_for(user)) + 1) % 1_000_000:06d}"


def attempt(client: Client, username: str, password: str = factories.PASSWORD, code: str = ""):
    return client.post(LOGIN, {"username": username, "password": password, "otp_token": code})


def is_locked_page(response) -> bool:
    return response.status_code in (403, 429) and "Sign-in paused" in response.content.decode()


def unlock_time_passes() -> None:
    """Move every recorded failure back beyond the cool-off."""
    AccessAttempt.objects.update(attempt_time=timezone.now() - get_cool_off() - timedelta(minutes=1))


def test_limit_is_five_failures_for_fifteen_minutes() -> None:
    assert LIMIT == 5
    assert settings.AXES_COOLOFF_TIME == 0.25


def test_wrong_passwords_lock_the_account(client: Client, official: User) -> None:
    for _ in range(LIMIT - 1):
        assert not is_locked_page(attempt(client, "fr-officer", password="wrong-password"))
    assert is_locked_page(attempt(client, "fr-officer", password="wrong-password"))
    locked = attempt(client, "fr-officer", code=code_for(official))
    assert is_locked_page(locked)
    assert client.session.get("_auth_user_id") is None


def test_wrong_codes_lock_the_account(client: Client, official: User) -> None:
    responses = [attempt(client, "fr-officer", code=wrong_code_for(official)) for _ in range(LIMIT)]
    assert not any(is_locked_page(r) for r in responses[:-1])
    assert is_locked_page(responses[-1])
    assert AccessAttempt.objects.get(username="fr-officer").failures_since_start == LIMIT


def test_missing_codes_count_too(client: Client, official: User) -> None:
    for _ in range(LIMIT):
        response = attempt(client, "fr-officer")
    assert is_locked_page(response)


def test_wrong_passwords_and_wrong_codes_add_up(client: Client, official: User) -> None:
    for _ in range(2):
        attempt(client, "fr-officer", password="wrong-password")
    for _ in range(2):
        attempt(client, "fr-officer", code=wrong_code_for(official))
    assert is_locked_page(attempt(client, "fr-officer", password="wrong-password"))


def test_locked_page_says_how_long_to_wait(client: Client, official: User) -> None:
    for _ in range(LIMIT):
        response = attempt(client, "fr-officer", password="wrong-password")
    html = response.content.decode()
    assert "Wait 15 minutes" in html
    assert f"{LIMIT} failed attempts" in html
    assert f'href="{LOGIN}"' in html


def test_a_locked_account_signs_in_again_after_the_wait(client: Client, official: User) -> None:
    for _ in range(LIMIT):
        attempt(client, "fr-officer", password="wrong-password")
    unlock_time_passes()
    response = attempt(client, "fr-officer", code=code_for(official))
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(official.pk)


def test_the_lock_holds_one_username_only(client: Client, official: User) -> None:
    other = factories.official("FR", username="fr-other")
    for _ in range(LIMIT):
        attempt(client, "fr-officer", password="wrong-password")
    response = attempt(client, "fr-other", code=code_for(other))
    assert response.status_code == 302


def test_a_successful_sign_in_clears_the_count(client: Client) -> None:
    exporter = factories.exporter(factories.organisation("FR"), username="fr-exporter")
    for _ in range(LIMIT - 1):
        attempt(client, "fr-exporter", password="wrong-password")
    assert attempt(client, "fr-exporter").status_code == 302
    client.post(reverse("states:logout"))
    for _ in range(LIMIT - 1):
        response = attempt(client, "fr-exporter", password="wrong-password")
    assert not is_locked_page(response)
    assert attempt(client, "fr-exporter").status_code == 302
    assert client.session["_auth_user_id"] == str(exporter.pk)


def test_an_unknown_username_is_locked_like_a_real_one(client: Client) -> None:
    for _ in range(LIMIT):
        response = attempt(client, "nobody-here", password="wrong-password")
    assert is_locked_page(response)
