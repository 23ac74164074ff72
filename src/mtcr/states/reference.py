"""Reference data: every ISO 3166-1 state, the roles, and the dated standings of ``data/*.csv``.

The loader only ever adds (the issue: standings are "dated records, never overwrites"): a state is created
once, a standing change is appended only when no identical change (government, standing, entered,
effective_on) exists, and nothing is deleted. Bad data files are refused with the file, line and field at
fault before anything is written (DESIGN.md: "Bad input gets a clear, specific error and changes nothing").
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path

import pycountry
from django.db import transaction
from django.utils import timezone

from mtcr.states.models import Government, Role, StandingChange
from mtcr.states.models.standing import DatePrecision, Standing
from mtcr.states.roles import RoleCode

DATA_DIR = Path(__file__).resolve().parent / "data"

#: One file per standing; the file decides the standing of its rows.
STANDING_FILES: dict[str, str] = {
    "partners.csv": Standing.MTCR_PARTNER,
    "adherents.csv": Standing.UNILATERAL_ADHERENT,
    "hcoc_subscribers.csv": Standing.HCOC_SUBSCRIBER,
}
COLUMNS = ("code", "country", "change", "on", "precision", "status", "evidence", "source")
CHANGES = {"entered": True, "left": False}
STATUSES = ("verified", "verified-with-conflict", "partly-verified", "secondary", "inference")
#: Codes pycountry may carry that are not ISO 3166-1 states (Kosovo's user-assigned XK).
NOT_ISO = frozenset({"XK"})

ROLE_DESCRIPTIONS: dict[str, str] = {
    RoleCode.EXPORTER: "Applies to its own government for export licences for its organisation.",
    RoleCode.LICENSING_OFFICER: "Assesses export applications for its government.",
    RoleCode.TECHNICAL_EXPERT: "Gives technical advice on classification and capability in licensing cases.",
    RoleCode.SENIOR_LICENSING_OFFICER: "Countersigns licensing decisions for its government.",
    RoleCode.POC_OFFICER: "Works at the Point of Contact: circulates documents among the partners.",
    RoleCode.REGIME_CHAIR: "Chairs the regime from one Plenary to the next.",
    RoleCode.HCOC_CENTRAL_CONTACT: "Works at the Hague Code of Conduct Immediate Central Contact.",
    RoleCode.HCOC_NATIONAL_CONTACT: "Sends its state's Hague Code of Conduct notifications and declarations.",
    RoleCode.SYSTEM_ADMINISTRATOR: "Manages people, roles and tokens of its government.",
}

Progress = Callable[[str], None]


class ReferenceDataError(ValueError):
    """A data file breaks a rule: names the file, the line, the field and what is allowed."""

    def __init__(self, file: str, line: int, field: str | None, message: str) -> None:
        where = file + (f", line {line}" if line else "") + (f", field '{field}'" if field else "")
        super().__init__(f"{where}: {message}")
        self.file, self.line, self.field = file, line, field


@dataclass(frozen=True)
class LoadReport:
    """What one run added (and found already there)."""

    governments_created: int = 0
    governments_updated: int = 0
    roles_created: int = 0
    standing_changes_created: int = 0
    standing_changes_present: int = 0

    @property
    def changed(self) -> bool:
        """True when the run wrote anything (the present count is not a change)."""
        written = (self.governments_created, self.governments_updated, self.roles_created)
        return any(written) or self.standing_changes_created > 0

    def as_dict(self) -> dict[str, int]:
        return asdict(self)

    def __str__(self) -> str:
        return (
            f"{self.governments_created} states added, {self.governments_updated} renamed, "
            f"{self.roles_created} roles added, {self.standing_changes_created} standing changes added "
            f"({self.standing_changes_present} already present)"
        )


@dataclass(frozen=True)
class Row:
    """One validated line of a standings file."""

    code: str
    standing: str
    entered: bool
    effective_on: date
    precision: str
    evidence: str
    source: str

    @property
    def key(self) -> tuple[str, str, bool, date]:
        return (self.code, self.standing, self.entered, self.effective_on)


def iso_states() -> dict[str, dict[str, str]]:
    """Every ISO 3166-1 state by alpha-2 code, as the fields of :class:`Government`."""
    states = {}
    for country in pycountry.countries:
        if country.alpha_2 in NOT_ISO:
            continue
        states[country.alpha_2] = {
            "alpha3": country.alpha_3,
            "numeric": country.numeric,
            "name": getattr(country, "common_name", None) or country.name,
            "official_name": getattr(country, "official_name", "") or "",
        }
    return states


def _parse_date(file: str, line: int, value: str, precision: str) -> date:
    """``YYYY`` for year precision (1 January), ``YYYY-MM-DD`` for day precision; never in the future."""
    shapes = {DatePrecision.YEAR: (r"\d{4}", "YYYY"), DatePrecision.DAY: (r"\d{4}-\d{2}-\d{2}", "YYYY-MM-DD")}
    pattern, shape = shapes[precision]
    if not re.fullmatch(pattern, value):
        raise ReferenceDataError(
            file, line, "on", f"'{value}' is not a date of the form {shape} ({precision} precision)"
        )
    try:
        parsed = date(int(value), 1, 1) if precision == DatePrecision.YEAR else date.fromisoformat(value)
    except ValueError:
        raise ReferenceDataError(file, line, "on", f"'{value}' is not a calendar date") from None
    if parsed > timezone.localdate():
        raise ReferenceDataError(
            file, line, "on", f"'{value}' is in the future; only past changes are recorded"
        )
    return parsed


def _parse_row(file: str, line: int, raw: dict[str, str], standing: str, states: Iterable[str]) -> Row:
    def field(name: str, allowed: Iterable[str] | None = None, what: str | None = None) -> str:
        value = (raw.get(name) or "").strip()
        if not value:
            raise ReferenceDataError(
                file, line, name, f"is empty; expected {what or ', '.join(allowed or ())}"
            )
        if allowed is not None and value not in allowed:
            raise ReferenceDataError(
                file, line, name, f"'{value}' is not allowed; use one of: {', '.join(allowed)}"
            )
        return value

    code = field("code", what="an ISO 3166-1 alpha-2 code such as FR")
    if code not in states:
        raise ReferenceDataError(
            file, line, "code", f"'{code}' is not an ISO 3166-1 alpha-2 code (upper case, e.g. FR)"
        )
    field("country", what="the state's name as the source gives it")
    change = field("change", CHANGES)
    precision = field("precision", DatePrecision.values)
    on = _parse_date(file, line, field("on", what="YYYY or YYYY-MM-DD"), precision)
    status = field("status", STATUSES)
    evidence = field("evidence", what="a few words on what the source says")
    source = field("source", what="the public web address of the source")
    if not re.fullmatch(r"https?://\S+", source):
        raise ReferenceDataError(
            file, line, "source", f"'{source}' is not a web address (http:// or https://)"
        )
    stored_evidence = f"{evidence} [{status}]"
    for name, value in (("evidence", stored_evidence), ("source", source)):
        if len(value) > 500:
            raise ReferenceDataError(
                file, line, name, f"is {len(value)} characters long (with the status); at most 500"
            )
    return Row(code, standing, CHANGES[change], on, precision, stored_evidence, source)


def _check_sequence(file: str, rows: list[tuple[int, Row]]) -> None:
    """Per state, changes alternate, starting with ``entered``; no two rows on the same day."""
    by_state: dict[str, list[tuple[int, Row]]] = {}
    for line, row in rows:
        by_state.setdefault(row.code, []).append((line, row))
    for changes in by_state.values():
        previous: Row | None = None
        for line, row in sorted(changes, key=lambda pair: pair[1].effective_on):
            if previous is not None and previous.effective_on == row.effective_on:
                raise ReferenceDataError(
                    file, line, "on", f"{row.code} already has a change on {row.effective_on}"
                )
            expected = previous is None or not previous.entered
            if row.entered != expected:
                wanted = "entered" if expected else "left"
                raise ReferenceDataError(
                    file,
                    line,
                    "change",
                    f"{row.code} must have '{wanted}' here (changes alternate, first 'entered')",
                )
            previous = row


def read_standings(data_dir: Path = DATA_DIR, states: Iterable[str] | None = None) -> list[Row]:
    """Every row of every standings file, validated; raises :class:`ReferenceDataError` on the first fault."""
    known = frozenset(states if states is not None else iso_states())
    rows: list[Row] = []
    for file, standing in STANDING_FILES.items():
        path = data_dir / file
        if not path.exists():
            raise ReferenceDataError(file, 0, None, "the file is missing")
        with path.open(newline="", encoding="utf-8") as handle:
            reader = csv.DictReader(handle)
            if tuple(reader.fieldnames or ()) != COLUMNS:
                raise ReferenceDataError(file, 1, None, f"the header must be exactly: {','.join(COLUMNS)}")
            parsed = []
            for raw in reader:
                line = reader.line_num
                if None in raw or None in raw.values():
                    raise ReferenceDataError(
                        file, line, None, f"expected {len(COLUMNS)} fields ({','.join(COLUMNS)})"
                    )
                parsed.append((line, _parse_row(file, line, raw, standing, known)))
        _check_sequence(file, parsed)
        rows.extend(row for _, row in parsed)
    return rows


def _load_states(states: dict[str, dict[str, str]]) -> tuple[int, int]:
    existing = {g.code: g for g in Government.objects.all()}
    missing = [Government(code=code, **fields) for code, fields in states.items() if code not in existing]
    Government.objects.bulk_create(missing)
    updated = 0
    for code, fields in states.items():
        government = existing.get(code)
        if government and any(getattr(government, name) != value for name, value in fields.items()):
            for name, value in fields.items():
                setattr(government, name, value)
            government.save()
            updated += 1
    return len(missing), updated


def _load_roles() -> int:
    existing = set(Role.objects.values_list("code", flat=True))
    missing = [
        Role(code=c, description=ROLE_DESCRIPTIONS.get(c, "")) for c in RoleCode.values if c not in existing
    ]
    Role.objects.bulk_create(missing)
    return len(missing)


def _load_standings(rows: list[Row]) -> tuple[int, int]:
    present = set(
        StandingChange.objects.filter(standing__in=STANDING_FILES.values()).values_list(
            "government_id", "standing", "entered", "effective_on"
        )
    )
    new = [row for row in rows if row.key not in present]
    StandingChange.objects.bulk_create(
        StandingChange(
            government_id=row.code,
            standing=row.standing,
            entered=row.entered,
            effective_on=row.effective_on,
            precision=row.precision,
            evidence=row.evidence,
            source=row.source,
        )
        for row in new
    )
    return len(new), len(rows) - len(new)


def _audit(report: LoadReport) -> None:
    """One audit entry for a run that changed something."""
    from mtcr.audit.services import SYSTEM, record

    record(actor=SYSTEM, verb="reference_loaded", target=None, after=report.as_dict())


def load_reference_data(progress: Progress | None = None, *, data_dir: Path = DATA_DIR) -> LoadReport:
    """Create the states and roles and append the standings of the data files; idempotent, all-or-nothing.

    Every file is validated before the first write (else :class:`ReferenceDataError`, nothing written).
    The writes and, when anything changed, one ``reference_loaded`` audit entry by the system share one
    transaction. ``progress`` receives a short message after each step.
    """
    say = progress or (lambda message: None)
    states = iso_states()
    rows = read_standings(data_dir, states)
    say(f"{len(states)} states and {len(rows)} standing changes read")
    with transaction.atomic():
        created, updated = _load_states(states)
        say(f"states: {created} added, {updated} renamed")
        roles = _load_roles()
        say(f"roles: {roles} added")
        added, present = _load_standings(rows)
        say(f"standing changes: {added} added, {present} already present")
        report = LoadReport(created, updated, roles, added, present)
        if report.changed:
            _audit(report)
    return report
