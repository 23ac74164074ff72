"""End to end in headless Chromium: choose an example, assess it, read the verdict and see the plot."""

from __future__ import annotations

import re

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_choose_an_example_assess_and_see_the_verdict_and_plot(page) -> None:
    page.goto("/")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Capability").click()
    page.wait_for_url(re.compile(r"/capability/$"))
    assert page.locator("h1").inner_text().startswith("Capability")

    page.get_by_label("Load an example").select_option(label="Shahed-136")
    page.get_by_role("button", name="Load example").click()
    page.wait_for_url(re.compile(r"example=shahed-136"))
    assert "bsfc_kg_per_kw_h" in page.get_by_label("The system, in YAML or JSON").input_value()

    page.get_by_role("button", name="Assess").click()
    verdict = page.locator("#verdict")
    verdict.wait_for()
    assert verdict.inner_text() == "Category II (19.A.2)"
    plot = page.get_by_role(
        "img", name=re.compile(r"^Range against payload, and the trajectory, of Shahed-136")
    )
    assert plot.is_visible() and plot.bounding_box()["width"] > 300
    page.get_by_text("The curve as a table").click()
    assert page.get_by_role("table", name="Range against payload").is_visible()


def test_a_bad_field_is_shown_in_the_error_summary(page) -> None:
    page.goto("/capability/")
    system = page.get_by_label("The system, in YAML or JSON")
    system.fill(system.input_value().replace("propellant_mass_kg: 3699", "propellant_mass_kg: 9000"))
    page.get_by_role("button", name="Assess").click()
    summary = page.get_by_role("alert")
    summary.wait_for()
    assert "stages.0.propellant_mass_kg: must be less than gross_mass_kg" in summary.inner_text()
    summary.get_by_role("link").first.click()
    assert page.evaluate("document.activeElement.id") == "id_system"
