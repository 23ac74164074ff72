"""End to end in headless Chromium: the Annex tree, an entry, search, and all of it by keyboard."""

from __future__ import annotations

import re

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SEARCH_LABEL = "Words, entry id or CAS number"


def active(page) -> dict[str, str]:
    """What has the keyboard focus: its tag, text, href and whether it shows a focus indicator."""
    return page.evaluate(
        """() => {
            const el = document.activeElement;
            const style = getComputedStyle(el);
            const shown = style.outlineStyle !== 'none' && style.outlineWidth !== '0px'
                || style.boxShadow !== 'none' || style.backgroundColor === 'rgb(255, 221, 0)';
            return {tag: el.tagName.toLowerCase(), text: (el.innerText || '').trim(), id: el.id,
                    href: el.getAttribute('href') || '', parent: el.parentElement ? el.parentElement.id : '',
                    visible: String(shown)};
        }"""
    )


def tab_until(page, wanted, limit: int = 80) -> dict[str, str]:
    """Press Tab until ``wanted(focus)`` holds, checking on the way that every stop shows its focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        focus = active(page)
        if focus["tag"] != "body":
            assert focus["visible"] == "true", f"no visible focus on {focus}"
        if wanted(focus):
            return focus
    raise AssertionError("never reached by keyboard")


def test_open_the_tree_expand_an_item_and_open_an_entry(page) -> None:
    page.goto("/annex/")
    assert page.locator("h1").inner_text().startswith("The Annex")
    bearings = page.locator('#item-3 a[href="/annex/entries/3.A.7/"]')
    assert not bearings.is_visible()

    page.locator("#item-3 > summary").click()
    assert page.locator("#item-3").get_attribute("open") is not None
    assert bearings.is_visible()
    bearings.click()
    page.wait_for_url(re.compile(r"/annex/entries/3\.A\.7/$"))

    heading = page.locator("h1").inner_text()
    assert heading.startswith("3.A.7") and "bearings" in heading.lower()
    assert page.locator(".badge--cat-ii").first.inner_text() == "Category II"
    criteria = page.locator(".criteria").first
    assert criteria.is_visible() and "≥" in criteria.inner_text()

    crumbs = page.get_by_role("navigation", name="Breadcrumb")
    crumbs.get_by_role("link", name=re.compile(r"^Item 3")).click()
    page.wait_for_url(re.compile(r"/annex/\?open=3#item-3$"))
    assert bearings.is_visible()


def test_search_ball_bearings_then_a_cas_number(page) -> None:
    page.goto("/annex/search/")
    page.get_by_label(SEARCH_LABEL).fill("ball bearings")
    page.get_by_role("button", name="Search", exact=True).click()
    page.wait_for_url(re.compile(r"/annex/search/\?q=ball\+bearings$"))
    first = page.locator("#results .result").first
    assert first.get_by_role("link").first.get_attribute("href") == "/annex/entries/3.A.7/"
    assert first.locator("mark").count() >= 2
    assert "title:" in first.locator(".result__why").inner_text()

    page.get_by_label(SEARCH_LABEL).fill("302-01-2")
    page.get_by_label(SEARCH_LABEL).press("Enter")
    page.wait_for_url(re.compile(r"q=302-01-2$"))
    first = page.locator("#results .result").first
    assert first.get_by_role("link").first.get_attribute("href") == "/annex/entries/4.C.2.a/"
    assert "CAS number 302-01-2" in first.inner_text()


def test_results_follow_the_typing(page) -> None:
    page.goto("/annex/search/")
    page.get_by_label(SEARCH_LABEL).press_sequentially("bearings", delay=30)
    page.wait_for_url(re.compile(r"q=bearings$"))  # htmx pushed the address: results can be shared
    first = page.locator("#results .result").first
    first.wait_for()
    assert first.get_by_role("link").first.get_attribute("href") == "/annex/entries/3.A.7/"
    status = page.get_by_role("status")
    assert re.match(r"^\d+ results? for “bearings”$", status.inner_text())  # read out by screen readers


def test_keyboard_only_tree_entry_and_search(page) -> None:
    page.goto("/annex/")
    summary = tab_until(page, lambda f: f["tag"] == "summary" and f["parent"] == "item-3")
    assert summary["text"].startswith("Item 3")
    page.keyboard.press("Enter")
    assert page.locator("#item-3").get_attribute("open") is not None
    tab_until(page, lambda f: f["href"] == "/annex/entries/3.A.7/")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/annex/entries/3\.A\.7/$"))

    tab_until(page, lambda f: f["href"] == "/annex/search/" and f["text"] == "Search")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/annex/search/$"))
    field = tab_until(page, lambda f: f["tag"] == "input")
    assert field["id"] == "id_q"
    page.keyboard.type("ball bearings")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"q=ball\+bearings$"))
    tab_until(page, lambda f: f["href"].startswith("/annex/entries/"))
    assert active(page)["href"] == "/annex/entries/3.A.7/"
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/annex/entries/3\.A\.7/$"))


def test_tree_and_search_work_without_javascript(browser, live_server) -> None:
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False, locale="en-GB")
    try:
        page = context.new_page()
        page.goto("/annex/")
        page.locator("#item-3 > summary").click()
        page.locator('#item-3 a[href="/annex/entries/3.A.7/"]').click()
        page.wait_for_url(re.compile(r"/annex/entries/3\.A\.7/$"))
        page.goto("/annex/search/")
        page.get_by_label(SEARCH_LABEL).fill("ball bearings")
        page.get_by_role("button", name="Search", exact=True).click()
        page.wait_for_url(re.compile(r"q=ball\+bearings$"))
        link = page.locator("#results .result").first.get_by_role("link").first
        assert link.get_attribute("href") == "/annex/entries/3.A.7/"
    finally:
        context.close()
