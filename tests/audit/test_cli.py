"""``mtcr audit verify`` and ``mtcr audit show``."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from mtcr.audit.cli import audit_app
from tests.audit.helpers import erase, tamper

pytestmark = pytest.mark.django_db
runner = CliRunner()


def test_verify_an_intact_trail_exits_0(append):
    entries = append(3)
    result = runner.invoke(audit_app, ["verify"])
    assert result.exit_code == 0, result.output
    assert "audit trail intact: 3 entries" in result.output
    assert entries[-1].entry_hash in result.output


def test_verify_a_tampered_trail_names_the_entry_and_exits_1(append):
    append(4)
    tamper(2, "target_label", "Nowhere")
    result = runner.invoke(audit_app, ["verify"])
    assert result.exit_code == 1
    assert "audit trail broken: entry 2: stored hash does not match its content" in result.output
    assert "first broken entry: 2; the 1 before it are intact" in result.output


def test_verify_a_trail_with_a_removed_entry_exits_1(append):
    append(3)
    erase(2)
    result = runner.invoke(audit_app, ["verify", "--chunk-size", "1"])
    assert result.exit_code == 1
    assert "sequence gap after 1: entry 2 is missing" in result.output


def test_show_prints_the_last_entries(append):
    append(3)
    result = runner.invoke(audit_app, ["show", "--last", "2"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "last 2 entries" in result.output
    assert "France 2 → France 3" in result.output
    assert "France 1 → France 2" in result.output
    assert "France → France 1" not in result.output
