"""End to end in headless Chromium: the public pages by keyboard, and the partners list on a past date."""

from __future__ import annotations

import re

import pytest

from mtcr.states.reference import load_reference_data

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

FOCUS_YELLOW = "rgb(255, 221, 0)"


@pytest.fixture
def reference(db) -> None:
    load_reference_data()


def focused(page) -> dict[str, str]:
    """What has the keyboard focus: its text, id, href and the colours that show it."""
    return page.evaluate(
        """() => {
            const el = document.activeElement;
            const style = getComputedStyle(el);
            const box = el.getBoundingClientRect();
            return {text: el.innerText.trim(), id: el.id, href: el.getAttribute('href') || '',
                    background: style.backgroundColor, top: String(box.top), height: String(box.height)};
        }"""
    )


def test_keyboard_user_skips_to_content_and_filters_partners_by_date(page, live_server, reference) -> None:
    page.goto("/")
    assert page.locator("h1").inner_text() == "The Missile Technology Control Regime"

    page.keyboard.press("Tab")
    skip = focused(page)
    assert (skip["text"], skip["href"]) == ("Skip to main content", "#main")
    assert skip["background"] == FOCUS_YELLOW and float(skip["top"]) >= 0 and float(skip["height"]) > 0
    page.keyboard.press("Enter")
    assert focused(page)["id"] == "main"

    page.goto("/")
    for _ in range(3):  # skip link, brand, then the first navigation link
        page.keyboard.press("Tab")
    partners_link = focused(page)
    assert partners_link["text"] == "Partners" and partners_link["background"] == FOCUS_YELLOW
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/partners/$"))
    assert page.get_by_role("link", name="Partners").get_attribute("aria-current") == "page"
    assert page.locator("#partners-caption").inner_text() == "35 partners, in order of joining"

    page.get_by_label("Show the lists as they stood on").fill("2000-01-01")
    page.get_by_role("button", name="Show", exact=True).click()
    page.wait_for_url(re.compile(r"/partners/\?on=2000-01-01$"))
    assert page.locator("#partners-caption").inner_text() == "32 partners, in order of joining"
    table = page.get_by_role("region", name="32 partners, in order of joining")
    assert table.get_by_role("link", name="France").is_visible()
    for absent in ("India", "Bulgaria", "South Korea"):
        assert table.get_by_role("link", name=absent).count() == 0
    assert page.get_by_label("Show the lists as they stood on").input_value() == "2000-01-01"


def test_the_date_filter_works_without_javascript(browser, live_server, reference) -> None:
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False, locale="en-GB")
    try:
        page = context.new_page()
        page.goto("/partners/")
        page.get_by_label("Show the lists as they stood on").fill("2010-01-01")
        page.get_by_role("button", name="Show", exact=True).click()
        page.wait_for_url(re.compile(r"on=2010-01-01"))
        assert page.locator("#partners-caption").inner_text() == "34 partners, in order of joining"
        assert page.get_by_role("region", name="1 adherent with a dated public source").is_visible()
    finally:
        context.close()


def test_a_bad_date_is_explained_next_to_the_field(page, reference) -> None:
    response = page.goto("/partners/?on=2001-02-30")
    assert response.status == 400
    summary = page.get_by_role("alert")
    assert "There is a problem with the date" in summary.inner_text()
    summary.get_by_role("link").click()  # the summary's link takes the focus to the field at fault
    assert page.evaluate("document.activeElement.id") == "id_on"
    assert page.get_by_label("Show the lists as they stood on").get_attribute("aria-invalid") == "true"
