"""``/api/v1/governments/{code}/standings``: POST records a change of standing; GET reads them on a date."""

from __future__ import annotations

import pytest
from django.test import Client

from mtcr.audit.models import AuditEntry
from mtcr.states.models import StandingChange
from mtcr.states.roles import RoleCode
from tests import factories

pytestmark = pytest.mark.django_db

INDIA = "/api/v1/governments/IN/standings"
ADMISSION = {
    "standing": "mtcr_partner",
    "entered": True,
    "effective_on": "2016-06-27",
    "source": "https://www.mtcr.info/en/partners",
    "evidence": "Admitted as the 35th partner.",
}


@pytest.fixture
def india():
    return factories.government("IN")


@pytest.fixture
def chair(client_for, india) -> Client:
    return client_for(factories.official("FR", RoleCode.REGIME_CHAIR))


def post(client: Client, body: dict, url: str = INDIA):
    return client.post(url, body, content_type="application/json")


def written() -> tuple[int, int]:
    return StandingChange.objects.count(), AuditEntry.objects.count()


def test_the_chair_records_an_admission_201(chair) -> None:
    response = post(chair, ADMISSION)
    assert response.status_code == 201, response.content
    body = response.json()
    assert {k: body[k] for k in ("government", "standing", "entered", "effective_on", "precision")} == {
        "government": "IN",
        "standing": "mtcr_partner",
        "entered": True,
        "effective_on": "2016-06-27",
        "precision": "day",
    }
    assert body["source"] == ADMISSION["source"] and body["recorded_at"]
    assert StandingChange.objects.filter(government_id="IN", standing="mtcr_partner").count() == 1


def test_a_lower_case_code_is_the_same_state(chair) -> None:
    assert post(chair, ADMISSION, "/api/v1/governments/in/standings").status_code == 201


def test_a_licensing_officer_is_forbidden_403(client_for, india) -> None:
    client = client_for(factories.official("FR", RoleCode.LICENSING_OFFICER))
    before = written()
    response = post(client, ADMISSION)
    assert response.status_code == 403
    error = response.json()["error"]
    assert (error["code"], error["field"]) == ("forbidden", None)
    assert "regime chair or Point of Contact officer" in error["message"]
    assert written() == before


def test_nobody_signed_in_is_401(client: Client, india) -> None:
    response = post(client, ADMISSION)
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "unauthenticated"


def test_an_unknown_state_is_404(chair) -> None:
    response = post(chair, ADMISSION, "/api/v1/governments/ZZ/standings")
    assert response.status_code == 404
    assert response.json() == {"error": {"code": "not_found", "message": "No such object.", "field": None}}


@pytest.mark.parametrize(
    ("change", "field"),
    [
        pytest.param({"effective_on": "27/06/2016"}, "effective_on", id="not-iso"),
        pytest.param({"effective_on": 0}, "effective_on", id="a-number-is-no-date"),
        pytest.param({"entered": "yes"}, "entered", id="not-a-boolean"),
        pytest.param({"standing": "non_partner"}, "standing", id="unknown-standing"),
        pytest.param({"precision": "year"}, "effective_on", id="year-not-1-january"),
        pytest.param({"source": ""}, "source", id="no-source"),
        pytest.param({"entered": False}, "entered", id="leaving-what-is-not-held"),
    ],
)
def test_invalid_input_is_422_naming_the_field_and_writes_nothing(chair, change, field) -> None:
    before = written()
    response = post(chair, {**ADMISSION, **change})
    assert response.status_code == 422, response.content
    error = response.json()["error"]
    assert (error["code"], error["field"]) == ("invalid", field)
    assert error["message"].startswith(f"{field}: ")
    assert written() == before


def test_entering_twice_is_422(chair) -> None:
    assert post(chair, ADMISSION).status_code == 201
    again = post(chair, {**ADMISSION, "effective_on": "2017-01-01"})
    assert again.status_code == 422
    assert again.json()["error"]["field"] == "entered"


def test_the_public_reads_standings_on_a_date_with_the_history(chair, client: Client) -> None:
    post(chair, ADMISSION)
    before = client.get(INDIA, {"on": "2016-06-26"}).json()
    on = client.get(INDIA, {"on": "2016-06-27"}).json()
    assert (before["standings"], before["non_partner"]) == ([], True)
    assert (on["code"], on["name"], on["on"]) == ("IN", "India", "2016-06-27")
    assert (on["standings"], on["non_partner"]) == (["mtcr_partner"], False)
    assert [c["effective_on"] for c in on["history"]] == ["2016-06-27"]
    assert before["history"] == on["history"]


def test_public_read_errors(client: Client, india) -> None:
    assert client.get("/api/v1/governments/ZZ/standings").status_code == 404
    bad = client.get(INDIA, {"on": "2016-6-27"})
    assert bad.status_code == 422
    assert bad.json()["error"]["field"] == "on"
