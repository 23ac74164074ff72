"""The Annex pages: the tree, an entry, search, versions, differences and the introduction."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from mtcr.annex.describe import definitions_used
from mtcr.annex.loader import load_annex
from tests.states.test_public_pages import check_accessible_structure

pytestmark = pytest.mark.django_db


def get(client, path: str, status: int = 200, **headers: str) -> str:
    response = client.get(path, headers=headers)
    assert response.status_code == status, response.content[:500]
    assert response["Content-Type"].startswith("text/html")
    return response.content.decode()


@pytest.mark.parametrize(
    "path",
    [
        "/annex/",
        "/annex/?open=all",
        "/annex/entries/3.A.7/",
        "/annex/entries/1.A.1/",
        "/annex/entries/4.C.2.a/",
        "/annex/search/",
        "/annex/search/?q=ball+bearings",
        "/annex/versions/",
        "/annex/diff/",
        "/annex/introduction/",
    ],
)
def test_every_annex_page_is_accessible_in_structure(client, path) -> None:
    html = check_accessible_structure(get(client, path))
    assert "annex/annex.css" in "".join(a.get("href", "") for a in html.all("link"))


def test_the_tree_lists_every_item_collapsed_and_opens_one_or_all_without_javascript(client) -> None:
    annex = load_annex()
    html = get(client, "/annex/")
    for number in annex.items:
        assert f'<details id="item-{number}">' in html
    assert '<a href="/annex/?open=all">Open every Item</a>' in html
    assert 'href="/annex/entries/3.A.7/"' in html
    opened = get(client, "/annex/?open=3")
    assert '<details id="item-3" open>' in opened and '<details id="item-2">' in opened
    everything = get(client, "/annex/?open=all")
    assert everything.count(" open>") == len(annex.items)
    assert reverse("annex:tree") in get(client, "/")  # the home page and the navigation link here


def test_an_entry_page(client) -> None:
    annex = load_annex()
    entry = annex.entries["3.A.7"]
    html = get(client, "/annex/entries/3.A.7/")
    page = check_accessible_structure(html)
    assert entry.title in page.h1_text and "3.A.7" in page.h1_text
    assert 'class="badge badge--cat-ii">Category II</span>' in html
    assert 'aria-label="Breadcrumb"' in html and 'href="/annex/?open=3#item-3"' in html
    assert '<code class="comparison" title="Exact comparison">≥ ' in html
    for note in entry.notes:
        assert note.split()[0] in html
    for code in entry.equivalents.eu:
        assert code in html
    for related in entry.related:
        assert f"/annex/entries/{related}/" in html or f"q={related}" in html


def test_an_entry_shows_the_definitions_it_uses_and_links_them(client) -> None:
    annex = load_annex()
    entry = next(e for e in annex.entries.values() if definitions_used(annex, e))
    html = get(client, f"/annex/entries/{entry.id}/")
    for definition in definitions_used(annex, entry):
        assert f'href="/annex/introduction/#def-{definition.id}"' in html
    assert f'id="def-{definitions_used(annex, entry)[0].id}"' in get(client, "/annex/introduction/")


def test_an_entry_with_sub_entries_lists_them(client) -> None:
    html = get(client, "/annex/entries/2.A.1/")
    assert "Entries within 2.A.1" in html and 'href="/annex/entries/2.A.1.c/"' in html


def test_an_unknown_entry_or_version_is_a_404_that_helps(client) -> None:
    html = get(client, "/annex/entries/3.A.77/", status=404)
    assert check_accessible_structure(html).h1_text == "No entry 3.A.77"
    assert "Perhaps you meant" in html
    missing = get(client, "/annex/?version=1999-01", status=404)
    assert "No version 1999-01 of the Annex" in missing


def test_search_ranks_marks_and_explains(client) -> None:
    html = get(client, "/annex/search/?q=ball+bearings")
    first = re.search(r'<li class="result">.*?href="/annex/entries/([^/]+)/"', html, re.S)
    assert first and first.group(1) == "3.A.7"
    assert "<mark>ball</mark>" in html.lower() or "<mark>Ball</mark>" in html
    assert "Why: title:" in html
    assert 'value="ball bearings"' in html
    cas = get(client, "/annex/search/?q=302-01-2")
    assert "CAS number 302-01-2" in cas and 'href="/annex/entries/4.C.2.a/"' in cas
    assert "No entry of version" in get(client, "/annex/search/?q=xyzzyplugh")


def test_search_answers_htmx_with_the_results_alone(client) -> None:
    html = get(client, "/annex/search/?q=ball+bearings", HX_Request="true")
    assert "<html" not in html and 'href="/annex/entries/3.A.7/"' in html
    assert 'id="results-status" class="visually-hidden" role="status" hx-swap-oob="true">' in html


def test_a_search_too_long_is_explained(client) -> None:
    html = get(client, "/annex/search/?q=" + "x" * 201, status=400)
    assert 'role="alert"' in html and "Enter at most 200 characters." in html
    assert 'aria-invalid="true"' in html


def test_versions_say_which_is_in_force_and_what_it_follows(client) -> None:
    annex = load_annex()
    html = get(client, "/annex/versions/")
    assert f">{annex.version.id}</a> <strong>(in force)</strong>" in html
    assert annex.version.follows.split(".")[0] in html
    assert annex.version.adopted_by in html


def test_two_versions_compared(client, synthetic_data) -> None:
    html = get(client, "/annex/diff/?from=2022-10&to=2024-04")
    check_accessible_structure(html)
    assert "From 2022-10 to 2024-04" in html
    assert 'href="/annex/entries/2.A.1.c.2/?version=2024-04">2.A.1.c.2</a>' in html
    assert 'href="/annex/entries/3.A.6/?version=2022-10">3.A.6</a>' in html
    assert "Threshold changed: system accuracy as a share of range" in html
    assert (
        '<code class="comparison">≤ 3.5%</code>' in html and '<code class="comparison">≤ 3.33%</code>' in html
    )
    assert "Threshold added: bearing width" in html
    assert "From 2022-10 to 2024-04" in get(client, "/annex/diff/")  # the last two versions by default


def test_an_unknown_version_to_compare_is_explained(client, synthetic_data) -> None:
    html = get(client, "/annex/diff/?from=1999-01&to=2024-04", status=400)
    assert 'role="alert"' in html and "1999-01 is not one of them" in html


def test_an_older_version_can_be_read(client, synthetic_data) -> None:
    html = get(client, "/annex/entries/3.A.6/?version=2022-10")
    assert "not the version in force" in html and "Hybrid rocket motors" in html
    get(client, "/annex/entries/3.A.6/", status=404)
    tree = get(client, "/annex/?version=2022-10")
    assert 'href="/annex/entries/3.A.6/?version=2022-10"' in tree


def test_the_introduction_lists_rules_and_definitions(client, synthetic_data) -> None:
    html = get(client, "/annex/introduction/")
    assert '<h3 id="rule-categories">Category I and Category II</h3>' in html
    assert '<dt id="def-payload" tabindex="-1">Payload</dt>' in html
