"""The one error body of the HTTP API: ``{"error": {"code", "message", "field"}}``."""

from __future__ import annotations

import uuid

import pytest

from tests import factories


def _error(response) -> dict:
    body = response.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"code", "message", "field"}
    return body["error"]


@pytest.mark.django_db
def test_unknown_state_is_not_found(client) -> None:
    response = client.get("/api/v1/governments/QQ")
    assert response.status_code == 404
    assert _error(response)["code"] == "not_found"


@pytest.mark.django_db
def test_malformed_code_names_the_field(client) -> None:
    response = client.get("/api/v1/governments/FRA")
    assert response.status_code == 422
    error = _error(response)
    assert error["code"] == "invalid"
    assert error["field"] == "code"


@pytest.mark.django_db
def test_bad_date_names_the_field(client) -> None:
    response = client.get("/api/v1/partners?on=2020-13-45")
    assert response.status_code == 422
    assert _error(response)["field"] == "on"


@pytest.mark.django_db
def test_private_endpoint_without_credentials_is_unauthenticated(client) -> None:
    response = client.get("/api/v1/me")
    assert response.status_code == 401
    assert _error(response)["code"] == "unauthenticated"


@pytest.mark.django_db
def test_invalid_token_is_refused_even_on_public_endpoints(client) -> None:
    response = client.get("/api/v1/partners", headers={"Authorization": "Bearer mtcr_not-a-token"})
    assert response.status_code == 401


@pytest.mark.django_db
def test_missing_organisation_is_not_found(client_for) -> None:
    client = client_for(factories.official("FR"))
    response = client.get(f"/api/v1/organisations/{uuid.uuid4()}")
    assert response.status_code == 404
    assert _error(response) == {"code": "not_found", "message": "No such object.", "field": None}


@pytest.mark.django_db
def test_invalid_registration_names_the_field_and_writes_nothing(client_for) -> None:
    from mtcr.states.models import ExporterOrganisation

    client = client_for(factories.official("FR"))
    response = client.post(
        "/api/v1/organisations",
        {"name": "Acme", "registration_number": "!!"},
        content_type="application/json",
    )
    assert response.status_code == 422
    assert _error(response)["field"] == "registration_number"
    assert not ExporterOrganisation.objects.exists()


@pytest.mark.django_db
def test_duplicate_registration_is_a_conflict(client_for) -> None:
    client = client_for(factories.official("FR"))
    payload = {"name": "Acme", "registration_number": "FR-1"}
    assert client.post("/api/v1/organisations", payload, content_type="application/json").status_code == 201
    again = client.post("/api/v1/organisations", payload, content_type="application/json")
    assert again.status_code == 409
    assert _error(again)["field"] == "registration_number"


@pytest.mark.django_db
def test_exporter_may_not_register_organisations(client_for) -> None:
    org = factories.organisation("FR")
    client = client_for(factories.exporter(org))
    response = client.post(
        "/api/v1/organisations",
        {"name": "Acme", "registration_number": "FR-9"},
        content_type="application/json",
    )
    assert response.status_code == 403
    assert _error(response)["code"] == "forbidden"
