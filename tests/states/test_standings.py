"""Recording a change of a state's standing (standings.py): who may, what is refused, what is written."""

from __future__ import annotations

import threading
from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection, connections
from django.utils import timezone

from mtcr.audit.models import AuditEntry
from mtcr.audit.selectors import history_for
from mtcr.audit.services import SYSTEM
from mtcr.audit.verbs import Verb
from mtcr.regime.errors import ApiError
from mtcr.states.actor import Actor, actor_for_user
from mtcr.states.models import Role, StandingChange, User
from mtcr.states.models.standing import Standing
from mtcr.states.roles import RoleCode
from mtcr.states.selectors import current_standings
from mtcr.states.standings import record_standing_change
from tests import factories

pytestmark = pytest.mark.django_db

JOINED = date(2016, 6, 27)  # India's admission to the MTCR
SOURCE = "https://www.mtcr.info/en/partners"


def person(code: str, *roles: str) -> Actor:
    """An official of ``code`` as it stands in the factories' data (a non-partner unless made one)."""
    factories.government(code)
    user = User.objects.create_user(username=f"{code.lower()}-{'-'.join(roles)}", government_id=code)
    user.roles.set([Role.objects.get_or_create(code=r)[0] for r in roles])
    return actor_for_user(user)


def official(code: str, *roles: str) -> Actor:
    """An official of ``code``, a partner since 1990 (factories.official)."""
    return actor_for_user(factories.official(code, *roles))


@pytest.fixture
def chair() -> Actor:
    return official("FR", RoleCode.REGIME_CHAIR)


@pytest.fixture
def india():
    return factories.government("IN")


def admit(actor: Actor, **overrides) -> StandingChange:
    fields = {
        "government_code": "IN",
        "standing": Standing.MTCR_PARTNER,
        "entered": True,
        "effective_on": JOINED,
        "source": SOURCE,
        "evidence": "Admitted as the 35th partner.",
        **overrides,
    }
    return record_standing_change(actor=actor, **fields)


def written() -> tuple[int, int]:
    return StandingChange.objects.count(), AuditEntry.objects.count()


# Who may


def test_the_chair_of_a_partner_records_an_admission(chair, india) -> None:
    change = admit(chair)
    assert (change.government_id, change.standing, change.entered) == ("IN", "mtcr_partner", True)
    assert (change.effective_on, change.precision, change.source) == (JOINED, "day", SOURCE)


def test_a_point_of_contact_officer_of_a_partner_records_adherence(india) -> None:
    change = admit(official("FR", RoleCode.POC_OFFICER), standing=Standing.UNILATERAL_ADHERENT)
    assert change.standing == Standing.UNILATERAL_ADHERENT


def test_the_system_actor_may_record(india) -> None:
    assert admit(SYSTEM).pk is not None


@pytest.mark.parametrize(
    "make_actor",
    [
        pytest.param(lambda: official("FR", RoleCode.LICENSING_OFFICER), id="licensing-officer-of-a-partner"),
        pytest.param(lambda: official("FR", RoleCode.SYSTEM_ADMINISTRATOR), id="administrator-of-a-partner"),
        pytest.param(lambda: person("IL", RoleCode.REGIME_CHAIR), id="chair-of-a-non-partner"),
        pytest.param(lambda: person("PK", RoleCode.POC_OFFICER), id="poc-officer-of-a-non-partner"),
    ],
)
def test_others_may_not_record_partner_standing(india, make_actor) -> None:
    actor = make_actor()
    before = written()
    with pytest.raises(PermissionDenied, match="regime chair or Point of Contact officer"):
        admit(actor)
    assert written() == before


def test_a_chair_whose_state_has_left_may_no_longer_record(india) -> None:
    user = factories.official("FR", RoleCode.REGIME_CHAIR)
    admit(SYSTEM, government_code="FR", entered=False, effective_on=date(2020, 1, 1))
    with pytest.raises(PermissionDenied):
        admit(actor_for_user(user))


def test_only_the_hcoc_central_contact_records_hcoc_subscription(chair, india) -> None:
    factories.government("AT", hcoc_since=2002)
    contact = official("AT", RoleCode.HCOC_CENTRAL_CONTACT)
    assert admit(contact, standing=Standing.HCOC_SUBSCRIBER).standing == Standing.HCOC_SUBSCRIBER
    with pytest.raises(PermissionDenied, match="HCoC Immediate Central Contact"):
        admit(
            chair, standing=Standing.HCOC_SUBSCRIBER, effective_on=JOINED + timedelta(days=1), entered=False
        )
    with pytest.raises(PermissionDenied, match="regime chair or Point of Contact officer"):
        admit(contact)


def test_a_central_contact_of_a_state_that_does_not_subscribe_may_not(india) -> None:
    with pytest.raises(PermissionDenied, match="HCoC Immediate Central Contact"):
        admit(person("AT", RoleCode.HCOC_CENTRAL_CONTACT), standing=Standing.HCOC_SUBSCRIBER)


# What is refused


def _in_a_year_and_a_week() -> date:
    return timezone.localdate() + timedelta(days=373)


INVALID = [
    ("unknown-state", {"government_code": "ZZ"}, "government_code"),
    ("not-a-code", {"government_code": "IND"}, "government_code"),
    ("unknown-standing", {"standing": "non_partner"}, "standing"),
    ("unknown-precision", {"precision": "month"}, "precision"),
    ("year-not-1-january", {"precision": "year"}, "effective_on"),
    ("far-future", {"effective_on": None}, "effective_on"),
    ("a-datetime", {"effective_on": timezone.now()}, "effective_on"),
    ("no-source", {"source": "  "}, "source"),
    ("not-http", {"source": "ftp://example.org/list"}, "source"),
    ("script", {"source": "javascript: alert(1)"}, "source"),
    ("url-with-space", {"source": "https://example.org/a b"}, "source"),
    ("two-lines", {"source": "POC note\n2016/17"}, "source"),
    ("long-source", {"source": "https://example.org/" + "a" * 490}, "source"),
    ("long-evidence", {"evidence": "e" * 501}, "evidence"),
    ("leave-what-is-not-held", {"entered": False}, "entered"),
    ("entered-not-a-boolean", {"entered": "false"}, "entered"),
]


@pytest.mark.parametrize(("overrides", "field"), [pytest.param(o, f, id=i) for i, o, f in INVALID])
def test_invalid_input_names_its_field_and_writes_nothing(chair, india, overrides, field) -> None:
    if overrides.get("effective_on", date.min) is None:
        overrides = {**overrides, "effective_on": _in_a_year_and_a_week()}
    before = written()
    with pytest.raises(ApiError) as refused:
        admit(chair, **overrides)
    assert (refused.value.status, refused.value.code, refused.value.field) == (422, "invalid", field)
    assert refused.value.message.startswith(f"{field}: ")
    assert written() == before


def test_unknown_standing_lists_the_allowed_ones(chair, india) -> None:
    with pytest.raises(ApiError) as refused:
        admit(chair, standing="partner")
    assert "mtcr_partner, unilateral_adherent, hcoc_subscriber" in refused.value.message


@pytest.mark.parametrize(
    ("overrides", "field", "says"),
    [
        pytest.param({"effective_on": date(2017, 1, 1)}, "entered", "already holds", id="enter-what-is-held"),
        pytest.param(
            {"effective_on": date(2016, 1, 1), "entered": False}, "effective_on", "after", id="before"
        ),
        pytest.param({"entered": False}, "effective_on", "after", id="same-day-as-the-latest"),
    ],
)
def test_changes_are_appended_in_order_and_alternate(chair, india, overrides, field, says) -> None:
    admit(chair)
    before = written()
    with pytest.raises(ApiError) as refused:
        admit(chair, **overrides)
    assert refused.value.field == field and says in refused.value.message
    assert written() == before


def test_a_change_may_be_announced_up_to_a_year_ahead(chair, india) -> None:
    ahead = timezone.localdate() + timedelta(days=300)
    assert admit(chair, effective_on=ahead).effective_on == ahead
    assert "mtcr_partner" not in current_standings("IN")
    assert "mtcr_partner" in current_standings("IN", ahead)


def test_a_document_reference_is_a_source_and_year_precision_is_1_january(chair, india) -> None:
    change = admit(
        chair, source="Plenary Chair's statement: Busan 2016", effective_on=date(2016, 1, 1), precision="year"
    )
    assert (change.source, change.effective_label) == ("Plenary Chair's statement: Busan 2016", "2016")


# What is written


def test_entering_then_leaving_changes_current_standings_on_the_right_days(chair, india) -> None:
    left = date(2024, 3, 1)
    admit(chair)
    admit(chair, entered=False, effective_on=left, evidence="Left the regime.")
    assert Standing.MTCR_PARTNER not in current_standings("IN", JOINED - timedelta(days=1))
    assert Standing.MTCR_PARTNER in current_standings("IN", JOINED)
    assert Standing.MTCR_PARTNER in current_standings("IN", left - timedelta(days=1))
    assert Standing.MTCR_PARTNER not in current_standings("IN", left)
    assert [c.entered for c in StandingChange.objects.filter(government_id="IN")] == [True, False]


def test_the_change_is_audited_with_before_and_after(chair, india) -> None:
    factories.government("IN", hcoc_since=2002)
    change = admit(chair)
    entry = history_for(india).last()
    assert entry.verb == Verb.STANDING_CHANGED
    assert (entry.actor_label, entry.government_code) == (chair.label, "FR")
    assert entry.before == {"standings": ["hcoc_subscriber"]}
    assert entry.after == {
        "standings": ["hcoc_subscriber", "mtcr_partner"],
        "standing": "mtcr_partner",
        "entered": True,
        "effective_on": "2016-06-27",
        "precision": "day",
        "source": SOURCE,
        "evidence": change.evidence,
    }


def test_leaving_takes_the_regime_space_from_the_states_officials(chair) -> None:
    indian_chair = factories.official("IN", RoleCode.REGIME_CHAIR)  # India a partner since 1990 here
    admit(chair, entered=False, effective_on=date(2020, 1, 1))
    with pytest.raises(PermissionDenied):
        admit(
            actor_for_user(indian_chair), government_code="FR", entered=False, effective_on=date(2021, 1, 1)
        )


@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs concurrent writers (PostgreSQL)")
@pytest.mark.django_db(transaction=True)
def test_concurrent_admissions_of_one_state_record_one_change() -> None:
    factories.government("IN")
    actor = official("FR", RoleCode.REGIME_CHAIR)
    writers = 4
    start = threading.Barrier(writers)
    outcomes: list[object] = []

    def writer() -> None:
        try:
            start.wait()
            outcomes.append(admit(actor))
        except BaseException as exc:  # counted below
            outcomes.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=writer) for _ in range(writers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    refused = [o for o in outcomes if isinstance(o, ApiError)]
    assert len(refused) == writers - 1 and {r.field for r in refused} == {"effective_on"}
    assert StandingChange.objects.filter(government_id="IN").count() == 1
    assert AuditEntry.objects.filter(verb=Verb.STANDING_CHANGED).count() == 1
