"""Reference data: every ISO state, the 35 partners with their years, adherents; a loader that only adds."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pycountry
import pytest

from mtcr.states import selectors
from mtcr.states.models import Government, Role, StandingChange
from mtcr.states.models.standing import DatePrecision, Standing
from mtcr.states.reference import DATA_DIR, ReferenceDataError, load_reference_data
from mtcr.states.roles import RoleCode

G7 = {"CA", "FR", "DE", "IT", "JP", "GB", "US"}

pytestmark = pytest.mark.django_db


def joined(code: str) -> StandingChange:
    return StandingChange.objects.get(government_id=code, standing=Standing.MTCR_PARTNER, entered=True)


def test_every_iso_state_is_loaded_with_its_codes(reference_data):
    assert Government.objects.count() == len(pycountry.countries) == 249
    france = Government.objects.get(code="FR")
    assert (france.alpha3, france.numeric, france.name) == ("FRA", "250", "France")
    assert france.official_name == "French Republic"
    assert Government.objects.get(code="KR").name == "South Korea"  # the common name where ISO has one
    assert not Government.objects.filter(code="XK").exists()


def test_the_35_partners_with_their_join_years(reference_data):
    partners = selectors.partners()
    assert len(partners) == 35
    years = {government.code: change.effective_on.year for government, change in partners}
    assert {code: years[code] for code in G7} == dict.fromkeys(G7, 1987)
    assert years["BG"] == 2004
    assert years["IN"] == 2016
    assert years["KR"] == 2001
    assert years["PL"] == 1998
    assert [g.code for g, _ in partners][-3:] == ["KR", "BG", "IN"]  # in order of joining


def test_join_dates_keep_their_precision(reference_data):
    assert (joined("IN").effective_on, joined("IN").precision) == (date(2016, 6, 27), DatePrecision.DAY)
    assert (joined("FR").effective_on, joined("FR").precision) == (date(1987, 4, 16), DatePrecision.DAY)
    assert (joined("AU").effective_on, joined("AU").precision) == (date(1990, 1, 1), DatePrecision.YEAR)
    assert joined("AU").effective_label == "1990"
    assert joined("IN").effective_label == "27 June 2016"
    assert joined("PL").source.startswith("https://mtcr.info/")
    assert "[verified-with-conflict]" in joined("PL").evidence


def test_partners_on_a_past_date(reference_data):
    on_2000 = {government.code for government, _ in selectors.partners(date(2000, 1, 1))}
    assert len(on_2000) == 32
    assert not on_2000 & {"IN", "BG", "KR"}
    assert selectors.partners(date(1987, 4, 15)) == []


def test_adherents_and_hcoc_subscribers_only_where_dated(reference_data):
    assert [g.code for g, _ in selectors.adherents(date(2010, 1, 1))] == ["IN"]
    assert [g.code for g, _ in selectors.adherents()] == ["EE"]  # India left on becoming a partner
    assert Standing.HCOC_SUBSCRIBER in selectors.current_standings("QA")
    assert selectors.current_standings("FR") == frozenset({Standing.MTCR_PARTNER})
    assert selectors.current_standings("BR", date(1990, 1, 1)) == frozenset()  # a non-partner then


def test_every_role_exists_with_a_description(reference_data):
    roles = {role.code: role.description for role in Role.objects.all()}
    assert set(roles) == set(RoleCode.values)
    assert all(roles.values())


def test_a_second_run_adds_nothing(reference_data):
    assert reference_data.governments_created == 249
    assert reference_data.standing_changes_created == 40
    before = StandingChange.objects.count()
    again = load_reference_data()
    assert not again.changed
    assert (again.governments_created, again.roles_created, again.standing_changes_created) == (0, 0, 0)
    assert again.standing_changes_present == 40
    assert StandingChange.objects.count() == before


def test_existing_records_are_never_changed_or_removed(reference_data):
    """A correction recorded by hand stays, and an identical change is not appended twice."""
    correction = StandingChange.objects.create(
        government_id="PL",
        standing=Standing.MTCR_PARTNER,
        entered=True,
        effective_on=date(1997, 1, 1),
        precision=DatePrecision.YEAR,
        evidence="hand correction",
        source="https://example.org/",
    )
    india = joined("IN")
    StandingChange.objects.filter(pk=india.pk).update(evidence="edited elsewhere")
    load_reference_data()
    assert StandingChange.objects.filter(pk=correction.pk).exists()
    assert StandingChange.objects.get(pk=india.pk).evidence == "edited elsewhere"
    assert StandingChange.objects.filter(government_id="IN", standing=Standing.MTCR_PARTNER).count() == 1


def test_a_state_renamed_in_iso_3166_follows_on_the_next_run(reference_data):
    Government.objects.filter(code="TR").update(name="Turkey", official_name="Republic of Turkey")
    report = load_reference_data()
    assert report.governments_updated == 1 and report.changed
    assert Government.objects.get(code="TR").name == "Türkiye"


def test_progress_is_reported(db):
    messages: list[str] = []
    load_reference_data(progress=messages.append)
    assert any("standing changes: 40 added" in m for m in messages)


def _corrupt(tmp_path: Path, file: str, line: int, old: str, new: str) -> Path:
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    path = data / file
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    assert old in lines[line - 1], lines[line - 1]
    lines[line - 1] = lines[line - 1].replace(old, new, 1)
    path.write_text("".join(lines), encoding="utf-8")
    return data


@pytest.mark.parametrize(
    ("file", "line", "old", "new", "field", "message"),
    [
        ("partners.csv", 10, ",1990,year,", ",1990,decade,", "precision", "use one of: day, year"),
        ("partners.csv", 10, ",1990,year,", ",1990,day,", "on", "form YYYY-MM-DD"),
        ("partners.csv", 36, "2016-06-27", "2016-02-30", "on", "not a calendar date"),
        ("partners.csv", 36, "2016-06-27", "2999-01-01", "on", "in the future"),
        ("partners.csv", 2, "CA,", "XX,", "code", "not an ISO 3166-1 alpha-2 code"),
        ("partners.csv", 2, "CA,", "ca,", "code", "not an ISO 3166-1 alpha-2 code"),
        ("partners.csv", 3, ",verified,", ",rumour,", "status", "use one of: verified"),
        ("partners.csv", 3, "https://www.nti.org/", "www.nti.org/", "source", "not a web address"),
        (
            "partners.csv",
            3,
            ",founding G7 partner; regime announced by the G7 on 16 April 1987,",
            ",,",
            "evidence",
            "is empty",
        ),
        ("adherents.csv", 2, ",entered,", ",joined,", "change", "use one of: entered, left"),
        ("adherents.csv", 4, "EE,Estonia,entered", "EE,Estonia,left", "change", "must have 'entered' here"),
        ("hcoc_subscribers.csv", 3, "2024-03-11,day", "2024-03-11", "", "expected 8 fields"),
        ("partners.csv", 1, "code,country", "iso,country", "", "the header must be exactly"),
    ],
)
def test_a_malformed_data_file_is_refused_precisely_and_nothing_is_written(
    db, tmp_path, file, line, old, new, field, message
):
    data = _corrupt(tmp_path, file, line, old, new)
    with pytest.raises(ReferenceDataError) as refused:
        load_reference_data(data_dir=data)
    error = refused.value
    assert (error.file, error.line, error.field or "") == (file, line, field)
    assert message in str(error)
    assert str(error).startswith(f"{file}, line {line}")
    assert Government.objects.count() == 0
    assert StandingChange.objects.count() == 0
    assert Role.objects.count() == 0


def test_a_missing_data_file_is_refused(db, tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    (data / "adherents.csv").unlink()
    with pytest.raises(ReferenceDataError, match=r"^adherents.csv: the file is missing"):
        load_reference_data(data_dir=data)
    assert Government.objects.count() == 0


def test_one_audit_entry_per_run_that_changed_something(reference_data):
    from mtcr.audit.models import AuditEntry

    entries = list(AuditEntry.objects.filter(verb="reference_loaded"))
    assert len(entries) == 1
    assert entries[0].actor_label == "system"
    assert entries[0].after["standing_changes_created"] == 40
    assert entries[0].after["governments_created"] == 249
    load_reference_data()
    assert AuditEntry.objects.filter(verb="reference_loaded").count() == 1
