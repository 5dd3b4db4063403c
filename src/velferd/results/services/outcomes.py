"""Outcomes: each person's status 3, 6, 12 and 24 months after a scheme participation or a
follow-up period ended, from the employment months imported and what else is on record.

The status in the month the horizon falls in (the end's month plus the horizon), in this
order of precedence (docs/glossary.md, "Outcome"):

1. **in work**: the employers reported the person employed that month;
2. **in education**: an education activity in the plan (planned, in progress or completed),
   or a scheme of an education type (`EDUCATION_SCHEME_TYPES`), ran some day of the month;
3. **on a benefit**: a benefit ran some day of the month; where several did, the first in
   `BENEFIT_ORDER` is the one named;
4. **none** of these.

Only months the employers' reports cover are read (a month imported for anyone): a horizon
not yet reached, or before the first month imported, is not written. A person without a line
in a month imported was not reported employed. Derivation is set-based (a few reads per
thousand persons, bulk writes) and idempotent: a row is written only when its status or its
benefit changed, and rows whose participation or period no longer ended are removed.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone

from velferd.access import policies
from velferd.access.actor import Actor
from velferd.followup import outcome_selectors as followup_reads
from velferd.participants.selectors import outcomes as participant_reads

from ..models import OUTCOME_HORIZONS, EmploymentMonth, Outcome, OutcomeOrigin, OutcomeStatus

PERSONS_AT_ONCE = 800

# Scheme types that are education: labour market training and vocational training, in a
# group or a single place, and higher education (schemes/data/scheme_types.json).
EDUCATION_SCHEME_TYPES = frozenset(
    {
        "GRUPPE_ARBEIDSMARKEDSOPPLAERING",
        "ENKELTPLASS_ARBEIDSMARKEDSOPPLAERING",
        "GRUPPE_FAG_OG_YRKESOPPLAERING",
        "ENKELTPLASS_FAG_OG_YRKESOPPLAERING",
        "HOYERE_UTDANNING",
    }
)
# Which benefit is named when several ran in the month: first the benefits of people
# expected back in work (unemployment, sickness, work assessment allowance), then the
# programmes' benefits, then the lasting ones, and financial assistance (a supplement) last.
BENEFIT_ORDER = (
    "unemployment_benefit",
    "sickness_benefit",
    "work_assessment_allowance",
    "qualification_benefit",
    "introduction_benefit",
    "transitional_benefit",
    "disability_benefit",
    "financial_assistance",
)

Key = tuple[str, Any, int]
Span = tuple[Any, str, datetime.date | None, datetime.date | None]


@dataclass(frozen=True)
class Ended:
    """A participation or a follow-up period that ended."""

    origin: str
    origin_id: Any
    person_id: Any
    scheme_type: str
    ended_on: datetime.date


@dataclass(frozen=True)
class DeriveReport:
    created: int
    changed: int
    unchanged: int
    removed: int

    @property
    def written(self) -> int:
        return self.created + self.changed


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The first day of the month `months` after `day`'s."""
    index = day.year * 12 + day.month - 1 + months
    return datetime.date(index // 12, index % 12 + 1, 1)


def month_end(first: datetime.date) -> datetime.date:
    return add_months(first, 1) - datetime.timedelta(days=1)


def runs_in(span: Span, first: datetime.date) -> bool:
    _person, _code, starts, ends = span
    return (starts is None or starts <= month_end(first)) and (ends is None or ends >= first)


@transaction.atomic
def outcomes_derive(*, actor: Actor) -> DeriveReport:
    """Derive every outcome the imported months allow; change only what changed."""
    policies.require(actor, policies.can_import_employment)
    months = set(EmploymentMonth.objects.values_list("month", flat=True).distinct())
    by_person: dict[Any, list[Ended]] = defaultdict(list)
    for ended in _ended():
        by_person[ended.person_id].append(ended)
    persons = set(by_person) | set(Outcome.objects.values_list("person_id", flat=True))
    totals = [0, 0, 0, 0]
    for chunk in _chunks(sorted(persons, key=str)):
        counts = _derive_for(chunk, {p: by_person.get(p, []) for p in chunk}, months)
        totals = [a + b for a, b in zip(totals, counts, strict=True)]
    return DeriveReport(*totals)


def _chunks(values: list[Any]) -> Iterator[list[Any]]:
    for start in range(0, len(values), PERSONS_AT_ONCE):
        yield values[start : start + PERSONS_AT_ONCE]


def _ended() -> Iterator[Ended]:
    for pk, person, code, ended_on in participant_reads.ended_participations():
        if ended_on is not None:
            yield Ended(OutcomeOrigin.PARTICIPATION, pk, person, code or "", ended_on)
    periods = [p for p in followup_reads.ended_periods() if p[3] is not None]
    schemes: dict[Any, list[Span]] = defaultdict(list)
    for span in participant_reads.scheme_spans({person for _pk, person, _s, _e in periods}):
        schemes[span[0]].append(span)
    for pk, person, started_on, ended_on in periods:
        assert ended_on is not None
        code = _last_scheme(schemes[person], started_on, ended_on)
        yield Ended(OutcomeOrigin.FOLLOW_UP_PERIOD, pk, person, code, ended_on)


def _last_scheme(spans: list[Span], started_on: datetime.date, ended_on: datetime.date) -> str:
    """The scheme type of the last participation that started within the period ("" for a
    period without a scheme)."""
    within = [s for s in spans if s[2] is not None and started_on <= s[2] <= ended_on]
    return max(within, key=lambda s: s[2] or started_on)[1] if within else ""


def _derive_for(
    persons: list[Any], ended: dict[Any, list[Ended]], months: set[datetime.date]
) -> tuple[int, int, int, int]:
    targets = {
        (e, h): add_months(e.ended_on, h)
        for items in ended.values()
        for e in items
        for h in OUTCOME_HORIZONS
        if add_months(e.ended_on, h) in months
    }
    wanted = {e.person_id for (e, _h) in targets}
    status = _Statuses(wanted, set(targets.values()))
    now = timezone.now()
    desired = {
        (e.origin, e.origin_id, h): Outcome(
            person_id=e.person_id,
            origin=e.origin,
            origin_id=e.origin_id,
            scheme_type=e.scheme_type,
            ended_on=e.ended_on,
            horizon_months=h,
            derived_at=now,
            **status.of(e.person_id, month),
        )
        for (e, h), month in targets.items()
    }
    return _write(persons, desired)


class _Statuses:
    """What the persons were doing in the months asked for, read once for all of them."""

    def __init__(self, persons: set[Any], months: set[datetime.date]) -> None:
        self.employed: set[tuple[Any, datetime.date]] = set()
        if persons and months:
            rows = EmploymentMonth.objects.filter(
                person_id__in=list(persons), month__in=sorted(months), employed=True
            )
            self.employed = set(rows.values_list("person_id", "month"))
        self.education = _by_person(
            [
                *followup_reads.education_spans(persons),
                *(
                    s
                    for s in participant_reads.scheme_spans(persons)
                    if s[1] in EDUCATION_SCHEME_TYPES
                ),
            ]
        )
        self.benefits = _by_person(followup_reads.benefit_spans(persons))

    def of(self, person: Any, month: datetime.date) -> dict[str, str]:
        if (person, month) in self.employed:
            return {"status": OutcomeStatus.IN_WORK, "benefit_kind": ""}
        if any(runs_in(s, month) for s in self.education.get(person, [])):
            return {"status": OutcomeStatus.IN_EDUCATION, "benefit_kind": ""}
        running = {s[1] for s in self.benefits.get(person, []) if runs_in(s, month)}
        if running:
            kind = min(running, key=_benefit_rank)
            return {"status": OutcomeStatus.ON_BENEFIT, "benefit_kind": kind}
        return {"status": OutcomeStatus.NONE, "benefit_kind": ""}


def _benefit_rank(kind: str) -> tuple[int, str]:
    return (BENEFIT_ORDER.index(kind) if kind in BENEFIT_ORDER else len(BENEFIT_ORDER), kind)


def _by_person(spans: Iterable[Span]) -> dict[Any, list[Span]]:
    found: dict[Any, list[Span]] = defaultdict(list)
    for span in spans:
        found[span[0]].append(span)
    return found


FIELDS = ("person_id", "scheme_type", "ended_on", "status", "benefit_kind")


def _write(persons: list[Any], desired: dict[Key, Outcome]) -> tuple[int, int, int, int]:
    existing = {
        (o.origin, o.origin_id, o.horizon_months): o
        for o in Outcome.objects.filter(person_id__in=persons)
    }
    changed: list[Outcome] = []
    unchanged = 0
    for key, outcome in desired.items():
        current = existing.get(key)
        if current is None:
            continue
        if all(getattr(current, f) == getattr(outcome, f) for f in FIELDS):
            unchanged += 1
            continue
        for name in (*FIELDS, "derived_at"):
            setattr(current, name, getattr(outcome, name))
        changed.append(current)
    created = [o for key, o in desired.items() if key not in existing]
    stale = [o.pk for key, o in existing.items() if key not in desired]
    Outcome.objects.bulk_create(created, batch_size=2000)
    Outcome.objects.bulk_update(changed, [*FIELDS, "derived_at"], batch_size=1000)
    Outcome.objects.filter(pk__in=stale).delete()
    return len(created), len(changed), unchanged, len(stale)
