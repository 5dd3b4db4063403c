"""The demo's employment months and outcomes: the demo people's past participations and
follow-up periods, the employers' reports for them from January 2025 to November 2026 (one
file, imported as any other), and the outcomes derived from them.

The histories: Ola Nordmann found work after a follow-up scheme, lost it and is back on work
assessment allowance; Maria Olsen got work after hers; Kari Hansen did not, and went on to
work preparatory training; Lars Larsen was in work three months after his; Ahmed Ali found
work after a follow-up period without a scheme; Jonas Lie did not, and now has financial
assistance. Sofie Berg and Nina Ansatt are in work throughout. Too few people for any figure
to pass disclosure control: the figures page shows them hidden, as it would for a county
with few.
"""

from __future__ import annotations

import datetime

from velferd.access.actor import Actor
from velferd.followup.demo_history import record_past_periods
from velferd.participants.demo_history import COMPLETED, ENDED, record_past_participations

from .models import EmploymentImport
from .services.employment import employment_import
from .services.outcomes import add_months, outcomes_derive

DEMO_FILE = "demo-a-ordningen-2025-2026.csv"
FIRST, LAST = datetime.date(2025, 1, 1), datetime.date(2026, 11, 1)
D = datetime.date

OLA, KARI, MARIA, LARS = "14839600284", "02919900256", "12868501020", "09896800962"
AHMED, JONAS, SOFIE, NINA = "20810150395", "08840251110", "08888800566", "12828000797"

PARTICIPATIONS = [
    (OLA, "OPPFOLGING", D(2025, 12, 15), D(2026, 4, 30), ENDED, "got_job"),
    (KARI, "OPPFOLGING", D(2025, 12, 15), D(2026, 3, 31), COMPLETED, ""),
    (MARIA, "OPPFOLGING", D(2026, 1, 5), D(2026, 5, 29), COMPLETED, ""),
    (LARS, "OPPFOLGING", D(2026, 1, 12), D(2026, 8, 20), ENDED, "got_job"),
]
PERIODS = [
    (OLA, D(2025, 11, 3), D(2026, 5, 15)),
    (AHMED, D(2025, 6, 2), D(2026, 2, 27)),
    (JONAS, D(2025, 3, 3), D(2025, 12, 31)),
]
# The months each person was in work, as (first, last) spans, with hours and industry.
WORK: dict[str, tuple[tuple[datetime.date, datetime.date, str, str], ...]] = {
    OLA: ((D(2026, 5, 1), D(2026, 8, 1), "37,5", "47.111"),),
    MARIA: ((D(2026, 6, 1), LAST, "30", "88.101"),),
    LARS: ((D(2026, 9, 1), LAST, "37,5", "43.210"),),
    AHMED: ((D(2026, 4, 1), LAST, "20", "56.101"),),
    SOFIE: ((FIRST, LAST, "37,5", "84.110"),),
    NINA: ((FIRST, LAST, "37,5", "84.120"),),
}


def _months() -> list[datetime.date]:
    months, month = [], FIRST
    while month <= LAST:
        months.append(month)
        month = add_months(month, 1)
    return months


def _line(national_id: str, month: datetime.date) -> str:
    for first, last, hours, industry in WORK.get(national_id, ()):
        if first <= month <= last:
            return f"{national_id};{month:%Y-%m};1;{hours};{industry}"
    return f"{national_id};{month:%Y-%m};0;;"


def demo_file() -> bytes:
    people = [OLA, KARI, MARIA, LARS, AHMED, JONAS, SOFIE, NINA]
    lines = [_line(n, m) for m in _months() for n in people]
    return ("national_id;month;employed;contracted_hours;industry\n" + "\n".join(lines)).encode()


def load_demo_outcomes(*, system: Actor) -> int:
    """The demo's past, its employment months and its outcomes; returns the number of
    employment months imported (none when they were there already)."""
    if EmploymentImport.objects.filter(file_name=DEMO_FILE).exists():
        return 0
    record_past_participations(PARTICIPATIONS)
    record_past_periods(PERIODS)
    report = employment_import(actor=system, data=demo_file(), filename=DEMO_FILE)
    outcomes_derive(actor=system)
    return report.rows
