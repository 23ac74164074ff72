"""The classification page without JavaScript: choose a kind, describe the item, classify, answer, decide."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from mtcr.annex.classifier import classify
from mtcr.annex.loader import load_annex
from mtcr.annex_web.classify_form import form_data, parse_number, read_form
from tests.states.test_public_pages import check_accessible_structure

pytestmark = pytest.mark.django_db
URL = "/annex/classify/"
FIXTURES = sorted((Path(__file__).parents[1] / "annex" / "fixtures").glob("*.yaml"))
MOTOR = {
    "kind": "solid_rocket_motor",
    "name": "Second stage motor",
    "parameters.total_impulse.value": "213,570",
    "parameters.total_impulse.unit": "lbf*s",
}


def html_of(response, status: int = 200) -> str:
    assert response.status_code == status, response.content[:800]
    assert response["Content-Type"].startswith("text/html")
    return response.content.decode()


def hidden_and_checked(html: str) -> dict[str, str]:
    """What a browser would submit from the classification form (radios left unanswered)."""
    start = html.index('id="classify-form"')
    form = html[start : html.index("</form>", start)]
    data = dict(re.findall(r'<input type="(?:hidden|text)" name="([^"]+)"[^>]*?value="([^"]*)"', form))
    for name, body in re.findall(r'<select name="([^"]+)"[^>]*>(.*?)</select>', form, re.S):
        options = re.findall(r'<option value="([^"]*)"( selected)?>', body)
        data[name] = next(
            (value for value, selected in options if selected), options[0][0] if options else ""
        )
    data.pop("csrfmiddlewaretoken", None)
    return {name: value.replace("&#x27;", "'").replace("&amp;", "&") for name, value in data.items()}


@pytest.mark.parametrize(
    "path",
    [
        URL,
        *(
            f"{URL}?kind={kind}&name=A"
            for kind in ("solid_rocket_motor", "complete_uav_system", "metal_powder")
        ),
    ],
)
def test_every_step_is_accessible_in_structure(client, path) -> None:
    html = check_accessible_structure(html_of(client.get(path)))
    assert html.h1_text == "Classify an item"


def test_step_1_offers_every_kind_grouped_by_broad_kind(client) -> None:
    annex = load_annex()
    html = html_of(client.get(URL))
    assert '<label for="f-kind">Kind of item</label>' in html
    assert '<optgroup label="Rocket motor or engine">' in html
    for kind in annex.kinds.values():
        assert f'<option value="{kind.id}">' in html
    assert 'name="parameters.' not in html  # step 2 comes once a kind is chosen
    assert f'href="{URL}"' in html_of(client.get("/annex/"))  # the Annex navigation
    assert f'href="{URL}"' in html_of(client.get("/"))  # and the home page


def test_step_2_asks_for_the_parameters_of_the_kind_in_compatible_units(client) -> None:
    html = html_of(client.get(URL, {"kind": "solid_rocket_motor", "name": "Motor"}))
    assert '<option value="solid_rocket_motor" selected>' in html
    assert '<label for="f-parameters-total_impulse-value">Total impulse capacity</label>' in html
    units = re.search(r'<select name="parameters.total_impulse.unit".*?</select>', html, re.S).group(0)
    assert re.findall(r">([^<]+)</option>", units) == ["N·s", "kN·s", "MN·s", "lbf·s"]
    assert 'name="performance.' not in html

    powder = html_of(client.get(URL, {"kind": "metal_powder"}))
    shape = re.search(r'<select name="parameters.particle_shape".*?</select>', powder, re.S).group(0)
    assert '<option value="spherical">spherical</option>' in shape
    assert 'name="parameters.cas_number"' in powder


def test_complete_systems_are_described_by_payload_and_range(client) -> None:
    html = html_of(client.get(URL, {"kind": "complete_uav_system"}))
    assert 'name="performance.0.payload.value"' in html and 'name="performance.1.distance.value"' in html
    assert '<option value="apogee">Apogee of a vertical flight</option>' in html
    assert 'name="max_payload.value"' in html
    posted = {
        "kind": "complete_uav_system",
        "performance.0.payload.value": "450",
        "performance.0.distance.value": "900",
        "performance.1.payload.value": "600",
        "performance.1.distance.value": "520",
    }
    result = html_of(client.post(URL, posted))
    assert 'href="/annex/entries/1.A.2/"' in result and "Category I</span>" in result
    assert 'name="performance.2.payload.value"' in result  # a row more for another point


def test_a_solid_motor_in_lbf_s_is_classified_once_the_question_is_answered(client) -> None:
    first = html_of(client.post(URL, MOTOR))
    check_accessible_structure(first)
    assert "Not decided yet" in first
    assert 'id="f-answers-usable_in_19a_systems-yes" value="yes"' in first
    assert "<legend>Is the item usable in a complete system of entry 19.A" in first
    assert 'value="213,570"' in first  # what was typed is kept

    answered = {**hidden_and_checked(first), "answers.usable_in_19a_systems": "yes"}
    assert answered["parameters.total_impulse.unit"] == "lbf*s" and answered["name"] == "Second stage motor"
    second = html_of(client.post(URL, answered))
    check_accessible_structure(second)
    verdict = re.search(r'class="verdict__headline">(.*?)</p>', second, re.S).group(1)
    assert verdict.strip() == 'Controlled: <span class="badge badge--cat-ii">Category II</span>'
    assert '<a href="/annex/entries/20.A.1.b.1/"><span class="annex-id">20.A.1.b.1</span>' in second
    reason = r"Total impulse capacity 2.1357e5 lbf·s \(9.5\d*e5 N·s\) is at least 8.41e5 N·s \(20.A.1.b.1\)"
    assert re.search(reason, second)
    assert '<input type="hidden" name="answers.usable_in_19a_systems" value="yes">' in second
    assert "Questions to answer" not in second
    assert "2.A.1.c.1" in second  # why not the other entry for motors: below 1.1e6 N·s

    changed = {**hidden_and_checked(second), "forget": "usable_in_19a_systems"}
    again = html_of(client.post(URL, changed))
    assert "Not decided yet" in again and 'id="f-answers-usable_in_19a_systems-no"' in again


def test_a_number_that_cannot_be_read_is_shown_at_its_field(client) -> None:
    html = html_of(client.post(URL, {**MOTOR, "parameters.total_impulse.value": "about a million"}), 400)
    check_accessible_structure(html)
    assert 'role="alert"' in html and "autofocus" in html
    assert '<a href="#f-parameters-total_impulse-value">Enter total impulse capacity as a number' in html
    error = re.search(r'id="f-parameters-total_impulse-value-error">(.*?)</p>', html).group(1)
    assert "as a number, such as 950000" in error
    assert 'value="about a million"' in html and 'aria-invalid="true"' in html
    assert "Step 3" not in html


def test_a_unit_the_classifier_refuses_is_shown_at_the_unit(client) -> None:
    posted = {**MOTOR, "parameters.total_impulse.unit": "kg"}
    html = html_of(client.post(URL, posted), 400)
    assert '<a href="#f-parameters-total_impulse-unit">&#x27;kg&#x27; does not measure' in html
    assert 'id="f-parameters-total_impulse-unit-error"' in html


def test_a_cas_number_is_checked_at_its_field(client) -> None:
    html = html_of(client.post(URL, {"kind": "metal_powder", "parameters.cas_number": "12-3"}), 400)
    assert '<a href="#f-parameters-cas_number">Enter the CAS registry number as digits-digits-digit' in html
    found = html_of(client.post(URL, {"kind": "chemical", "parameters.cas_number": "302-01-2"}))
    assert 'href="/annex/entries/4.C.2.a/"' in found


def test_an_unknown_or_missing_kind_is_explained(client) -> None:
    html = html_of(client.get(URL, {"kind": "warp_drive"}), 400)
    assert '<a href="#f-kind">&#x27;warp_drive&#x27; is not a kind of item' in html
    assert "Choose the kind of item" in html_of(client.get(URL, {"kind": ""}), 400)


def test_htmx_gets_the_form_and_result_alone_even_with_errors(client) -> None:
    html = html_of(client.post(URL, MOTOR, headers={"HX-Request": "true"}))
    assert "<html" not in html and 'id="result-heading"' in html and "autofocus" in html
    assert 'hx-post="/annex/classify/"' in html and 'hx-target="#classifier"' in html
    posted = {**MOTOR, "parameters.total_impulse.value": "x"}
    bad = html_of(client.post(URL, posted, headers={"HX-Request": "true"}))
    assert 'role="alert"' in bad and "<html" not in bad


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.stem)
def test_the_form_round_trips_every_acceptance_item(path: Path) -> None:
    annex = load_annex()
    item = yaml.safe_load(path.read_text(encoding="utf-8"))
    submitted = read_form(form_data(item, annex), annex)
    assert submitted.errors == []
    assert classify(submitted.item, annex).to_dict() == classify(item, annex).to_dict()


@pytest.mark.parametrize(
    ("text", "value"),
    [
        *[("9.5e5", 9.5e5), ("950 000", 9.5e5), ("950,000", 9.5e5), ("-40", -40.0), (".5", 0.5)],
        *[("1,5", None), ("9.5e5 N*s", None), ("", None)],
    ],
)
def test_numbers_are_read_as_people_type_them(text: str, value: float | None) -> None:
    assert parse_number(text) == value
