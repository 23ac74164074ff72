"""End to end in headless Chromium: an official signs in with password and TOTP code, then signs out."""

from __future__ import annotations

import re

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice

from mtcr.states.models import User
from mtcr.states.totp import current_code, enrol_totp
from tests import factories

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def official() -> User:
    user = factories.official("FR", username="fr-officer")
    TOTPDevice.objects.filter(user=user).delete()
    enrol_totp(user)
    return user


def test_official_signs_in_with_a_totp_code_and_signs_out(page, live_server, official: User) -> None:
    page.goto("/login/")
    assert page.title().startswith("Sign in")
    page.get_by_label("Username").fill("fr-officer")
    page.get_by_label("Password").fill(factories.PASSWORD)
    code_box = page.get_by_label("Authenticator code")
    assert code_box.get_attribute("autocomplete") == "one-time-code"
    code_box.fill(current_code(TOTPDevice.objects.get(user=official)))
    page.get_by_role("button", name="Sign in").click()

    page.wait_for_url(re.compile(r"/me/$"))
    assert page.url == f"{live_server.url}/me/"
    assert "fr-officer" in page.locator("main").inner_text()

    page.get_by_role("button", name="Sign out").click()
    page.wait_for_url(lambda url: not url.endswith("/me/"))
    page.goto("/me/")
    assert "/login/" in page.url


def test_wrong_code_shows_the_error_summary_and_keeps_the_person_out(page, official: User) -> None:
    page.goto("/login/?next=/me/")
    page.get_by_label("Username").fill("fr-officer")
    page.get_by_label("Password").fill(factories.PASSWORD)
    good = current_code(TOTPDevice.objects.get(user=official))
    page.get_by_label("Authenticator code").fill(f"{(int(good) + 1) % 1_000_000:06d}")
    page.get_by_role("button", name="Sign in").click()

    summary = page.get_by_role("alert").filter(has_text="not right or has expired")
    assert summary.is_visible()
    code_box = page.get_by_label("Authenticator code")
    assert code_box.get_attribute("aria-invalid") == "true"
    described_by = code_box.get_attribute("aria-describedby").split()
    assert "id_otp_token_error" in described_by
    assert "not right" in page.locator("#id_otp_token_error").inner_text()
    page.goto("/me/")
    assert "/login/" in page.url


def test_sign_in_as_fixture_works_for_other_pages(page, sign_in_as, official: User) -> None:
    sign_in_as(page, official)
    assert page.url.endswith("/me/")
