"""``mtcr states list | show | record`` (cli_states.py)."""

from __future__ import annotations

import json
from datetime import date

import pytest
from typer.testing import CliRunner

from mtcr.audit.models import AuditEntry
from mtcr.states.cli_states import states_app
from mtcr.states.models import StandingChange
from mtcr.states.roles import RoleCode
from tests import factories

pytestmark = pytest.mark.django_db
runner = CliRunner()
WIDE = {"COLUMNS": "200"}
SOURCE = "https://www.mtcr.info/en/partners"


@pytest.fixture
def states():
    """France a partner since 1990 (with its chair), Austria also subscribing to the HCoC, India neither."""
    factories.official("FR", RoleCode.REGIME_CHAIR, username="fr-chair")
    factories.official("FR", RoleCode.LICENSING_OFFICER, username="fr-officer")
    factories.government("AT", partner_since=1998, hcoc_since=2002)
    return factories.government("IN")


def invoke(*args: str):
    return runner.invoke(states_app, list(args), env=WIDE)


def record(*extra: str, code: str = "IN", change: str = "--enter", on: str = "2016-06-27"):
    """``mtcr states record CODE --standing mtcr_partner --enter --on ON --source SOURCE EXTRA...``."""
    return invoke(
        "record", code, "--standing", "mtcr_partner", change, "--on", on, "--source", SOURCE, *extra
    )


def written() -> tuple[int, int]:
    return StandingChange.objects.count(), AuditEntry.objects.count()


def assert_refused(result, *words: str) -> None:
    assert result.exit_code == 2, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error"), result.output
    for word in words:
        assert word in lines[0]


def test_list_partners_on_a_date_as_json(states) -> None:
    result = invoke("list", "--standing", "mtcr_partner", "--on", "2000-01-01", "--format", "json")
    assert result.exit_code == 0, result.output
    listed = json.loads(result.output)
    assert (listed["on"], listed["standing"]) == ("2000-01-01", "mtcr_partner")
    assert [s["code"] for s in listed["states"]] == ["FR", "AT"]
    assert listed["states"][1]["standings"] == {"mtcr_partner": {"since": "1998-01-01", "precision": "year"}}


def test_list_non_partners_is_derived(states) -> None:
    result = invoke("list", "--standing", "non_partner", "--on", "1995-01-01", "--format", "json")
    assert result.exit_code == 0, result.output
    assert {s["code"] for s in json.loads(result.output)["states"]} == {"AT", "IN"}


def test_list_every_state_as_a_table(states) -> None:
    result = invoke("list")
    assert result.exit_code == 0, result.output
    assert "3 states on" in result.output
    assert "hcoc_subscriber (2002), mtcr_partner (1998)" in result.output
    assert "India" in result.output and "non_partner" in result.output


@pytest.mark.parametrize(
    ("args", "option"),
    [
        (("--standing", "partner"), "--standing"),
        (("--on", "2000-13-01"), "--on"),
        (("--on", "yesterday"), "--on"),
        (("--format", "xml"), "--format"),
    ],
)
def test_list_refuses_bad_options(states, args, option) -> None:
    assert_refused(invoke("list", *args), option)


def test_show_prints_current_standings_and_history(states) -> None:
    record("--as", "fr-chair")
    result = invoke("show", "in")
    assert result.exit_code == 0, result.output
    assert "India (IN, IND)" in result.output
    assert "Standings today: mtcr_partner" in result.output
    assert "27 June 2016" in result.output and SOURCE in result.output


def test_show_an_unknown_state_exits_2(states) -> None:
    assert_refused(invoke("show", "ZZ"), "'ZZ'")


def test_record_as_the_chair(states) -> None:
    result = record("--as", "fr-chair", "--evidence", "Admitted as the 35th partner.")
    assert result.exit_code == 0, result.output
    assert "Recorded: India (IN) entered mtcr_partner on 27 June 2016." in result.output
    change = StandingChange.objects.get(government_id="IN")
    assert (change.effective_on, change.entered, change.evidence) == (
        date(2016, 6, 27),
        True,
        "Admitted as the 35th partner.",
    )
    assert AuditEntry.objects.get(verb="standing_changed").actor_label == "fr-chair"


def test_record_with_the_year_only(states) -> None:
    source = ("--source", "Statement to the Plenary, 2008")
    result = record(
        "--standing", "unilateral_adherent", "--year-only", *source, "--as", "fr-chair", on="2008"
    )
    assert result.exit_code == 0, result.output
    change = StandingChange.objects.get(government_id="IN")
    assert (change.effective_on, change.precision) == (date(2008, 1, 1), "year")


def test_record_leaving(states) -> None:
    result = record("--as", "fr-chair", code="AT", change="--leave", on="2020-01-01")
    assert result.exit_code == 0, result.output
    assert "Recorded: Austria (AT) left mtcr_partner on 1 January 2020." in result.output


@pytest.mark.parametrize(
    ("args", "words"),
    [
        pytest.param((), ("--as USERNAME",), id="without-as"),
        pytest.param(("--as", "nobody"), ("--as", "'nobody'"), id="unknown-user"),
        pytest.param(("--as", "fr-officer"), ("--as", "regime chair"), id="not-allowed"),
        pytest.param(("--as", "fr-chair", "--year-only"), ("--on", "1 January"), id="year-not-1-january"),
        pytest.param(("--as", "fr-chair", "--source", "ftp://x.org/a"), ("--source",), id="bad-source"),
        pytest.param(("--as", "fr-chair", "--standing", "partner"), ("--standing",), id="bad-standing"),
    ],
)
def test_record_refusals_print_one_line_and_write_nothing(states, args, words) -> None:
    before = written()
    assert_refused(record(*args), *words)
    assert written() == before


def test_record_without_enter_or_leave_and_with_a_bad_date(states) -> None:
    before = written()
    neither = ("record", "IN", "--standing", "mtcr_partner", "--on", "2016-06-27", "--source", SOURCE)
    assert_refused(invoke(*neither, "--as", "fr-chair"), "--enter/--leave")
    assert_refused(record("--as", "fr-chair", on="2016-02-30"), "--on", "calendar")
    assert written() == before


def test_recording_what_is_already_held_exits_2(states) -> None:
    assert record("--as", "fr-chair").exit_code == 0
    before = written()
    assert_refused(record("--as", "fr-chair", on="2017-01-01"), "--enter/--leave", "already holds")
    assert written() == before
