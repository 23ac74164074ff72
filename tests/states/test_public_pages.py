"""Public pages: home, partners and adherents (today and on a past date), the Guidelines, one state.

Each page is also checked for the structure assistive technology relies on: one h1, a language, a skip link
to the main content, a label for every form control, unique ids and captioned tables.
"""

from __future__ import annotations

from collections import Counter
from html.parser import HTMLParser

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


class Page(HTMLParser):
    """The parts of an HTML page the checks below need."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.h1 = 0
        self.text: list[str] = []
        self._in_h1 = False
        self.h1_text = ""
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))
        if tag == "h1":
            self.h1 += 1
            self._in_h1 = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "h1":
            self._in_h1 = False

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self._in_h1:
            self.h1_text += data

    def all(self, tag: str) -> list[dict[str, str]]:
        return [attrs for name, attrs in self.tags if name == tag]


def check_accessible_structure(html: str) -> Page:
    page = Page(html)
    assert page.h1 == 1, "a page has exactly one h1"
    assert page.all("html")[0].get("lang", "").startswith("en")
    links = page.all("a")
    assert links[0].get("href") == "#main" and "skip-link" in links[0].get("class", ""), (
        "skip link comes first"
    )
    assert any(attrs.get("id") == "main" for _, attrs in page.tags if _ == "main")
    ids = Counter(attrs["id"] for _, attrs in page.tags if attrs.get("id"))
    assert not [i for i, n in ids.items() if n > 1], f"duplicate ids: {ids}"
    labelled = {attrs.get("for") for attrs in page.all("label")}
    for tag in ("input", "select", "textarea"):
        for attrs in page.all(tag):
            if attrs.get("type") in ("hidden", "submit"):
                continue
            assert attrs.get("id") in labelled or attrs.get("aria-label"), f"unlabelled {tag}: {attrs}"
    assert len(page.all("caption")) == len(page.all("table")), "every table has a caption"
    return page


def get(client, name: str, *args: str, status: int = 200, **query: str):
    response = client.get(reverse(name, args=args), query)
    assert response.status_code == status
    assert response["Content-Type"].startswith("text/html")
    return response.content.decode()


@pytest.mark.parametrize(
    ("name", "args"),
    [("public:home", ()), ("public:partners", ()), ("public:guidelines", ()), ("public:state", ("FR",))],
)
def test_every_public_page_is_accessible_in_structure(client, reference_data, name, args):
    check_accessible_structure(get(client, name, *args))


def test_home_says_what_the_regime_is_and_where_to_go(client, reference_data):
    html = get(client, "public:home")
    assert "The Missile Technology Control Regime" in html
    assert "35 partner governments" in html
    for target in ("public:partners", "public:guidelines", "states:login"):
        assert f'href="{reverse(target)}"' in html
    assert "mtcr/site.css" in html and "mtcr/htmx.min.js" in html


def test_partners_lists_the_35_in_order_of_joining_with_their_years(client, reference_data):
    html = get(client, "public:partners")
    assert "35 partners, in order of joining" in html
    assert html.index("Canada") < html.index("Bulgaria") < html.index(">India<")
    assert "27 June 2016" in html and '<time datetime="2016-06-27">' in html
    assert '<time datetime="2004">2004</time> <span class="precision">(year only)</span>' in html
    assert "Estonia" in html  # the adherent recorded today


def test_partners_on_a_past_date(client, reference_data):
    html = get(client, "public:partners", on="2000-01-01")
    assert "32 partners, in order of joining" in html
    assert 'on <time datetime="2000-01-01">1 January 2000</time>' in html
    for absent in (">India<", ">Bulgaria<", ">South Korea<"):
        assert absent not in html
    assert 'value="2000-01-01"' in html
    assert "No adherent with a dated public source is recorded on this date." in html
    html_2010 = get(client, "public:partners", on="2010-01-01")
    assert "1 adherent with a dated public source" in html_2010 and ">India<" in html_2010


def test_partners_before_the_regime_existed(client, reference_data):
    html = get(client, "public:partners", on="1980-05-01")
    assert "There were no partners on this date" in html


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2001-02-30", "Enter a real date, for example 1 January 2000"),
        ("yesterday", "Enter a real date, for example 1 January 2000"),
        ("2999-01-01", "Enter a date no later than today"),
    ],
)
def test_a_bad_date_is_refused_with_a_clear_message(client, reference_data, value, message):
    html = get(client, "public:partners", status=400, on=value)
    page = check_accessible_structure(html)
    assert page.h1_text == "Partners and adherents"
    assert "<title>Error: Partners and adherents" in html
    assert 'role="alert"' in html and message in html
    assert f"You entered “{value}”." in html
    date_input = page.all("input")[0]
    assert date_input["aria-invalid"] == "true" and "on-error" in date_input["aria-describedby"]
    assert "<table" not in html


def test_guidelines_summary(client):
    html = get(client, "public:guidelines")
    for phrase in (
        "Category I",
        "Category II",
        "strong presumption that it will be refused",
        "catch-all",
        "The no-undercut practice",
        "at least 500 kg",
        "at least 300 km",
        "This is not the authoritative text.",
        "https://mtcr.info/guidelines-for-sensitive-missile-relevant-transfers/",
    ):
        assert phrase in html, phrase
    assert [f"<dt>{letter}</dt>" in html for letter in "ABCDEF"] == [True] * 6


def test_a_state_page_shows_codes_standings_and_dated_history(client, reference_data):
    html = get(client, "public:state", "IN")
    assert "<h1>India</h1>" in html
    assert "IND" in html and "356" in html and "Republic of India" in html
    assert "MTCR partner" in html
    assert '<time datetime="2005">2005</time>' in html and "27 June 2016" in html
    assert html.count("<td>Entered</td>") == 2 and html.count("<td>Left</td>") == 1
    assert 'href="https://mtcr.info/author/ldwo/"' in html


def test_a_non_partner_state_and_a_lower_case_code(client, reference_data):
    html = get(client, "public:state", "br")
    assert "<h1>Brazil</h1>" in html  # a partner since 1995, code given in lower case
    html = get(client, "public:state", "MX")
    assert "Not an MTCR partner" in html
    assert "No change of standing is recorded for this state." in html


@pytest.mark.parametrize("code", ["ZZ", "XK", "FRA", "<b>"])
def test_an_unknown_state_is_404(client, reference_data, code):
    html = get(client, "public:state", code, status=404)
    check_accessible_structure(html)
    assert "State not found" in html
    assert "<b>" not in html.split("<main", 1)[1]


def test_public_pages_refuse_writes(client, reference_data):
    assert client.post(reverse("public:partners")).status_code == 405


def test_a_date_can_also_be_typed_in_words(client, reference_data):
    """Browsers without a date picker send what was typed."""
    html = get(client, "public:partners", on="1 January 2000")
    assert "32 partners, in order of joining" in html


def _luminance(hex_colour: str) -> float:
    """WCAG 2.x relative luminance of an sRGB colour written #rrggbb."""
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(foreground: str, background: str) -> float:
    """WCAG 2.x contrast ratio, (L1 + 0.05) / (L2 + 0.05) with L1 the lighter colour."""
    light, dark = sorted((_luminance(foreground), _luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_the_contrast_ratio_formula():
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


def test_every_documented_colour_pair_meets_wcag_aa():
    """The palette in ``:root`` of site.css, and each pair its comments declare (SC 1.4.3 and 1.4.11)."""
    import re
    from pathlib import Path

    import mtcr.regime

    css = (Path(mtcr.regime.__file__).parent / "static" / "mtcr" / "site.css").read_text(encoding="utf-8")
    root = re.search(r":root\s*\{(.*?)\n\}", css, re.S).group(1)
    palette = dict(re.findall(r"(--color-[a-z-]+):\s*(#[0-9a-fA-F]{6})\s*;", root))
    pairs = re.findall(r"@(contrast|contrast-ui)\s+(--color-[a-z-]+)\s+on\s+(--color-[a-z-]+)", root)
    assert len(palette) >= 15 and len(pairs) >= 20
    used = {name for _, fg, bg in pairs for name in (fg, bg)}
    assert used <= set(palette), f"undefined colours: {used - set(palette)}"
    failures = []
    for kind, fg, bg in pairs:
        needed = 4.5 if kind == "contrast" else 3.0
        ratio = contrast_ratio(palette[fg], palette[bg])
        if ratio < needed:
            failures.append(f"{fg} on {bg}: {ratio:.2f} < {needed}")
    assert not failures, failures
    # The palette is the only source of colour on screen: no bare hex colour outside :root (print uses black).
    outside = re.sub(r":root\s*\{.*?\n\}", "", css, count=1, flags=re.S)
    screen = outside.split("@media print", 1)[0]
    assert not re.findall(r"#[0-9a-fA-F]{3,6}\b", screen)
