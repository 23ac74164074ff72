"""The Annex HTTP API: versions, entries, one entry, search, differences; public, one error body."""

from __future__ import annotations

import pytest

from mtcr.annex.loader import load_annex

pytestmark = pytest.mark.django_db
API = "/api/v1/annex"


def test_versions(client, synthetic_data) -> None:
    data = client.get(f"{API}/versions").json()
    assert [(v["id"], v["current"]) for v in data] == [("2022-10", False), ("2024-04", True)]
    assert {"adopted_by", "adopted_on", "in_force_on", "follows"} <= set(data[0])


def test_entries_of_the_version_in_force(client) -> None:
    annex = load_annex()
    data = client.get(f"{API}/entries").json()
    assert [row["id"] for row in data] == list(annex.entries)
    first = annex.entries[data[0]["id"]]
    assert data[0] == {
        "id": first.id,
        "category": first.category,
        "parent": first.parent,
        "title": first.title,
        "item": first.item,
        "group": first.group,
        "depth": first.depth,
    }


def test_entries_of_another_version(client, synthetic_data) -> None:
    data = client.get(f"{API}/entries", {"version": "2022-10"}).json()
    assert "3.A.6" in [row["id"] for row in data]


def test_one_entry_with_criteria_as_data_and_in_words(client, synthetic_data) -> None:
    data = client.get(f"{API}/entries/2.A.1.c.1").json()
    assert data["criteria"] == {"parameter": "total_impulse", "op": ">=", "value": 1100000.0, "unit": "N*s"}
    assert data["criteria_in_words"].startswith("total impulse capacity at least 1.1 ")
    assert data["thresholds"][0]["comparison"].startswith("≥ 1.1 ")
    assert data["ancestors"] == ["2.A.1", "2.A.1.c"] and data["related"] == ["3.A.3"]
    assert data["equivalents"] == {"eu": ["9A007.a", "9A009.a"], "us": [], "other": []}
    assert client.get(f"{API}/entries/1.A.1").json()["definitions"] == [
        {"id": "range", "term": "Range"},
        {"id": "payload", "term": "Payload"},
    ]


def test_a_missing_entry_or_version_is_not_found_and_a_malformed_id_invalid(client, synthetic_data) -> None:
    missing = client.get(f"{API}/entries/3.A.99")
    assert missing.status_code == 404
    assert missing.json()["error"] == {
        "code": "not_found",
        "message": "No entry 3.A.99 in Annex version 2024-04.",
        "field": "entry_id",
    }
    version = client.get(f"{API}/entries", {"version": "1999-01"})
    assert version.status_code == 404 and version.json()["error"]["field"] == "version"
    malformed = client.get(f"{API}/entries/not-an-id")
    assert malformed.status_code == 422 and malformed.json()["error"]["field"] == "entry_id"


def test_search(client) -> None:
    data = client.get(f"{API}/search", {"q": "ball bearings", "limit": 5}).json()
    assert data["version"] == load_annex().version.id and data["query"] == "ball bearings"
    assert data["hits"][0]["id"] == "3.A.7" and len(data["hits"]) <= 5
    assert {"field": "title", "words": ["ball", "bearings"]} in data["hits"][0]["matched"]
    cas = client.get(f"{API}/search", {"q": "302-01-2"}).json()["hits"][0]
    assert (cas["id"], cas["exact"]) == ("4.C.2.a", "cas")


@pytest.mark.parametrize("query", [{}, {"q": ""}, {"q": "x", "limit": 0}, {"q": "x", "limit": 101}])
def test_bad_search_parameters_are_invalid(client, query) -> None:
    response = client.get(f"{API}/search", query)
    assert response.status_code == 422 and response.json()["error"]["code"] == "invalid"


def test_diff(client, synthetic_data) -> None:
    data = client.get(f"{API}/diff", {"from": "2022-10", "to": "2024-04"}).json()
    assert (data["from"], data["to"]) == ("2022-10", "2024-04")
    assert [e["id"] for e in data["added"]] == ["2.A.1.c.2"]
    assert [e["id"] for e in data["removed"]] == ["3.A.6"]
    guidance = data["changed"][0]
    assert guidance["id"] == "2.A.1.d"
    assert guidance["thresholds"][0]["before"]["value"] == 3.5
    unknown = client.get(f"{API}/diff", {"from": "2022-10", "to": "2031-01"})
    assert unknown.status_code == 404 and unknown.json()["error"]["field"] == "to"
    assert client.get(f"{API}/diff", {"from": "2022-10"}).status_code == 422


def test_the_annex_api_is_public_and_documented(client) -> None:
    schema = client.get("/api/v1/openapi.json").json()
    for path in ("/versions", "/entries", "/entries/{entry_id}", "/search", "/diff"):
        operation = schema["paths"][f"/api/v1/annex{path}"]["get"]
        assert operation["tags"] == ["public"] and "security" not in operation
