"""Browser fixtures: a headless Debian Chromium driven by Playwright against pytest-django's live server.

- ``browser`` (session): one Chromium for the whole run;
- ``page`` (per test): a fresh context (no cookies) whose ``base_url`` is the live server, so tests can
  ``page.goto("/login/")``;
- ``sign_in_as`` (per test): ``sign_in_as(page, user)`` signs a person in through the real sign-in page,
  typing the current TOTP code when the user has an authenticator.

Tests that use them need ``@pytest.mark.browser`` and ``@pytest.mark.django_db(transaction=True)`` (the live
server runs in another thread and sees only committed data). Without Chromium at ``MTCR_CHROMIUM`` (default
``/usr/bin/chromium``) the tests are skipped.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in the test thread; Django would then refuse ORM calls made by the
# test itself (fixtures, assertions). The server side runs in its own thread and is unaffected.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = Path(os.environ.get("MTCR_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
TIMEOUT_MS = 15_000


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """One headless Chromium for the session (skips the test when Chromium is missing)."""
    if not CHROMIUM.exists():
        pytest.skip(
            f"Chromium not found at {CHROMIUM}: install Debian's chromium package to run browser tests."
        )
    sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def page(browser, live_server) -> Iterator[object]:
    """A fresh page on the live server (own cookies), closed after the test."""
    context = browser.new_context(base_url=live_server.url, locale="en-GB")
    context.set_default_timeout(TIMEOUT_MS)
    tab = context.new_page()
    try:
        yield tab
    finally:
        context.close()


@pytest.fixture
def sign_in_as(live_server) -> Callable[..., None]:
    """``sign_in_as(page, user, password=...)``: sign in through the sign-in page and wait to leave it."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from mtcr.states.totp import current_code
    from tests.factories import PASSWORD

    def sign_in(page, user, password: str = PASSWORD, next_url: str = "") -> None:
        page.goto("/login/" + (f"?next={next_url}" if next_url else ""))
        page.get_by_label("Username").fill(user.get_username())
        page.get_by_label("Password").fill(password)
        device = TOTPDevice.objects.filter(user=user, confirmed=True).order_by("-id").first()
        if device is not None:
            page.get_by_label("Authenticator code").fill(current_code(device))
        page.get_by_role("button", name="Sign in").click()
        page.wait_for_url(lambda url: "/login/" not in url)

    return sign_in
