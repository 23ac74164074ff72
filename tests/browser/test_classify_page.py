"""End to end in headless Chromium: classify a solid rocket motor, answer the question, read why; by keyboard
alone; and without JavaScript."""

from __future__ import annotations

import re

import pytest

from tests.browser.test_annex_pages import active, tab_until

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

IMPULSE = "Total impulse capacity"
QUESTION = re.compile(r"^Is the item usable in a complete system of entry 19\.A")


def describe_motor(page) -> None:
    """Step 1 and step 2 with the mouse: a solid motor of 213,570 lbf·s (9.5e5 N·s)."""
    page.goto("/annex/classify/")
    page.get_by_label("Kind of item").select_option(label="Solid-propellant rocket motor")
    page.get_by_label("Name of the item").fill("Second stage motor")
    page.get_by_role("button", name="Continue").click()
    page.wait_for_url(re.compile(r"/annex/classify/\?kind=solid_rocket_motor&name=Second"))
    page.get_by_label(IMPULSE, exact=True).fill("213570")
    page.get_by_label(f"Unit of {IMPULSE.lower()}").select_option(label="lbf·s")


def expect_motor_decided(page) -> None:
    verdict = page.locator(".verdict__headline")
    verdict.filter(has_text="Controlled").wait_for()
    assert verdict.inner_text().strip() == "Controlled: Category II"
    match = page.locator(".classify-entry").first
    link = match.get_by_role("link", name=re.compile(r"^20\.A\.1\.b\.1 "))
    assert link.get_attribute("href") == "/annex/entries/20.A.1.b.1/"
    assert "is at least 8.41e5 N·s (20.A.1.b.1)" in match.inner_text()
    assert match.locator(".badge--cat-ii").inner_text() == "Category II"


def test_classify_a_motor_answer_the_question_and_see_why(page) -> None:
    describe_motor(page)
    page.get_by_role("button", name="Classify", exact=True).click()
    question = page.get_by_role("group", name=QUESTION)
    question.wait_for()
    assert page.url.endswith("?kind=solid_rocket_motor&name=Second+stage+motor")  # updated in place
    assert page.locator(".verdict__headline").inner_text().strip() == "Not decided yet"
    assert page.evaluate("document.activeElement.id") == "result-heading"

    question.get_by_label("Yes").check()
    page.get_by_role("button", name="Answer and classify again").click()
    expect_motor_decided(page)
    assert page.get_by_role("group", name=QUESTION).count() == 0
    assert "Yes" in page.locator("#answers-heading + ul").inner_text()

    page.get_by_role("link", name=re.compile(r"^20\.A\.1\.b\.1 ")).click()
    page.wait_for_url(re.compile(r"/annex/entries/20\.A\.1\.b\.1/$"))


def test_a_bad_number_is_shown_at_its_field_in_place(page) -> None:
    describe_motor(page)
    page.get_by_label(IMPULSE, exact=True).fill("lots")
    page.get_by_role("button", name="Classify", exact=True).click()
    summary = page.get_by_role("alert")
    summary.wait_for()
    assert page.evaluate("document.activeElement.id") == "error-summary"
    summary.get_by_role("link").click()
    assert page.evaluate("document.activeElement.id") == "f-parameters-total_impulse-value"
    error = page.locator("#f-parameters-total_impulse-value-error")
    assert "as a number" in error.inner_text()


def test_keyboard_only(page) -> None:
    page.goto("/annex/classify/")
    kind = tab_until(page, lambda f: f["id"] == "f-kind")
    assert kind["tag"] == "select"
    page.keyboard.type("Solid-propellant")
    assert page.locator("#f-kind").input_value() == "solid_rocket_motor"
    tab_until(page, lambda f: f["id"] == "f-name")
    page.keyboard.type("Second stage motor")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"kind=solid_rocket_motor"))

    tab_until(page, lambda f: f["id"] == "f-parameters-total_impulse-value")
    page.keyboard.type("213570")
    tab_until(page, lambda f: f["id"] == "f-parameters-total_impulse-unit")
    page.keyboard.type("lbf")
    assert page.locator("#f-parameters-total_impulse-unit").input_value() == "lbf*s"
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Enter")  # submits the form from the number field
    page.get_by_role("group", name=QUESTION).wait_for()
    assert active(page)["id"] == "result-heading"

    focus = tab_until(page, lambda f: f["id"].startswith("f-answers-usable_in_19a_systems"))
    page.keyboard.press("Space" if focus["id"].endswith("-yes") else "ArrowUp")
    assert page.locator("#f-answers-usable_in_19a_systems-yes").is_checked()
    tab_until(page, lambda f: f["tag"] == "button" and f["text"] == "Answer and classify again")
    page.keyboard.press("Enter")
    expect_motor_decided(page)
    tab_until(page, lambda f: f["href"] == "/annex/entries/20.A.1.b.1/")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/annex/entries/20\.A\.1\.b\.1/$"))


def test_without_javascript(browser, live_server) -> None:
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False, locale="en-GB")
    try:
        page = context.new_page()
        describe_motor(page)
        page.get_by_role("button", name="Classify", exact=True).click()
        page.get_by_role("group", name=QUESTION).get_by_label("Yes").check()
        page.get_by_role("button", name="Answer and classify again").click()
        expect_motor_decided(page)
    finally:
        context.close()
