"""The capability page: examples load, a POST shows the verdict and the plot, a bad field is named (400)."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from mtcr.capability_web.submission import MAX_BYTES, examples

pytestmark = pytest.mark.django_db
URL = reverse("capability:assess")


def assess(client, text: str, **extra):
    return client.post(URL, {"system": text, "samples": "0", **extra})


def test_the_page_holds_the_default_example_and_lists_every_example(client) -> None:
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("<h1") == 1 and 'aria-current="page">Capability</a>' in html
    assert "Scud-B (R-17), Forden inputs" in html and "gross_mass_kg: 4897" in html
    for example in examples().values():
        assert f'value="{example.id}"' in html


def test_choosing_an_example_loads_it(client) -> None:
    response = client.get(URL, {"example": "shahed-136"})
    html = response.content.decode()
    assert "bsfc_kg_per_kw_h: 0.36" in html and '<option value="shahed-136" selected>' in html
    assert "gross_mass_kg: 4897" in client.get(URL, {"example": "nonsense"}).content.decode()


def test_scud_b_is_category_i_with_plot_reasons_and_curve_table(client) -> None:
    response = assess(client, examples()["scud-b-forden"].text)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Category I (1.A.1)" in html and 'href="/annex/entries/1.A.1/"' in html
    assert '<svg role="img" aria-label="Range against payload' in html and "<?xml" not in html
    assert "<details>" in html and '<th scope="col">Payload (kg)</th>' in html
    assert "Range with 500 kg" in html and "Largest payload to 300 km" in html and "Margin" in html
    assert "Not Category I" not in html and "Assumptions" in html and "Uncertainty</h3>" not in html


def test_samples_show_the_uncertainty(client) -> None:
    html = assess(client, examples()["iskander-e"].text, samples="4").content.decode()
    assert "Uncertainty</h3>" in html and "Probability of Category I" in html and "4 valid of 4" in html


def test_the_apogee_screen_says_it_is_not_a_verdict(client) -> None:
    html = assess(client, examples()["vsb-30-apogee"].text).content.decode()
    assert "Screen only, not a verdict" in html


def test_json_text_is_read_too(client) -> None:
    text = '{"name": "VSB", "type": "sounding_rocket", "payload_kg": 400, "apogee_km": 250}'
    assert assess(client, text).status_code == 200


def test_a_bad_field_is_named_beside_the_text_with_400(client) -> None:
    text = examples()["scud-b-forden"].text.replace("propellant_mass_kg: 3699", "propellant_mass_kg: 9000")
    response = assess(client, text)
    assert response.status_code == 400
    html = response.content.decode()
    assert 'class="error-summary"' in html and 'href="#id_system"' in html
    assert "stages.0.propellant_mass_kg: must be less than gross_mass_kg" in html
    assert 'aria-invalid="true"' in html and "propellant_mass_kg: 9000" in html
    assert "<svg" not in html


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("", "is empty"),
        ("name: [unclosed", "is not valid YAML"),
        ("- a list", "must be a mapping"),
        ("name: x\ntype: ballistic\n", "did you mean ballistic_missile?"),
    ],
)
def test_unreadable_text_is_refused(client, text: str, words: str) -> None:
    response = assess(client, text)
    assert response.status_code == 400 and words in response.content.decode()


def test_samples_out_of_range_are_refused(client) -> None:
    response = assess(client, examples()["scud-b-forden"].text, samples="65")
    assert response.status_code == 400
    assert "Uncertainty samples: Ensure this value is less than or equal to 64." in response.content.decode()


def test_an_uploaded_file_is_assessed_and_shown(client) -> None:
    upload = SimpleUploadedFile("shahed.yaml", examples()["shahed-136"].text.encode(), "application/x-yaml")
    response = client.post(URL, {"system": "", "samples": "0", "upload": upload})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Category II (19.A.2)" in html and "bsfc_kg_per_kw_h: 0.36" in html


def test_an_uploaded_json_file_with_a_bad_field_is_named(client) -> None:
    upload = SimpleUploadedFile(
        "x.json", b'{"name": "x", "type": "uav", "payload_kg": -1}', "application/json"
    )
    response = client.post(URL, {"samples": "0", "upload": upload})
    assert response.status_code == 400 and "payload_kg: must be at least 0" in response.content.decode()


def test_an_upload_too_large_or_not_text_is_refused(client) -> None:
    big = SimpleUploadedFile("big.yaml", b"#" * (MAX_BYTES + 1))
    response = client.post(URL, {"samples": "0", "upload": big})
    assert response.status_code == 400 and "the limit is 256 KB" in response.content.decode()
    binary = SimpleUploadedFile("bin.yaml", b"\xff\xfe\x00garbage")
    response = client.post(URL, {"samples": "0", "upload": binary})
    assert response.status_code == 400 and "is not UTF-8 text" in response.content.decode()


def test_a_name_with_dollar_signs_or_markup_does_not_break_the_plot(client) -> None:
    text = (
        "name: a $\\frac$ b $x^$ <script>x</script>\ntype: sounding_rocket\npayload_kg: 400\napogee_km: 250\n"
    )
    response = assess(client, text)
    assert response.status_code == 200 and "<script>x" not in response.content.decode()
