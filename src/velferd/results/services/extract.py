"""The pseudonymised extract an effect run estimates on: one row per outcome at the run's
horizon, as numbers, with no identity number or name in it.

Rows and the control:

- a **treated** row is the outcome of a scheme participation that ended; its treatment is
  the scheme type's code, and its start is the participation's start;
- a row of the control `none` is the outcome of a follow-up period that ended without the
  person taking part in any scheme during it (no started participation whose span touches
  the period's); its start is the period's start. Periods with a participation in them are
  left out: their people are counted under the scheme;
- when the control is a scheme type, its participations are the controls and follow-up
  periods are left out.

The outcome is 1 when the status at the horizon is the run's outcome (in work, say), else 0.
The covariates are what velferd records at the start (see `COVARIATES`); the subgroups an
analyst may choose are labelled values (`SUBGROUPS`). Each row carries only a pseudonym, the
keyed hash of the identity number (`people.extract_selectors.pseudonym`, key
`VELFERD_PSEUDONYM_KEY`). Every read is one query over the whole set, whatever its size.
"""

from __future__ import annotations

import datetime
import hashlib
import hmac
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import numpy as np
from django.conf import settings
from django.db.models import QuerySet

from velferd.followup import extract_selectors as followup_extract
from velferd.participants.selectors import extract as participants_extract
from velferd.people import extract_selectors as people_extract

from ..models import EmploymentMonth, Outcome, OutcomeOrigin

NO_SCHEME = "none"
TREATMENT, OUTCOME = "treatment", "outcome"
NEED_GROUPS = (
    "standard",
    "situation_specific",
    "specially_adapted",
    "partially_permanent",
    "permanent",
)
BENEFIT_KINDS = (
    "sickness_benefit",
    "work_assessment_allowance",
    "disability_benefit",
    "unemployment_benefit",
    "financial_assistance",
    "qualification_benefit",
    "introduction_benefit",
    "transitional_benefit",
)
# The numeric covariates, before the county's one-hot columns (`county_<number>`).
BASE_COVARIATES = (
    "age",
    "female",
    "gender_unknown",
    *(f"need_{group}" for group in NEED_GROUPS),
    "months_employed_before",
    *(f"benefit_{kind}" for kind in BENEFIT_KINDS),
    "needs_interpreter",
    "months_in_follow_up",
)
SUBGROUPS = (
    "age_band",
    "gender",
    "need_group",
    "county",
    "prior_employment",
    "interpreter",
    "benefit_at_start",
)


@dataclass(frozen=True)
class Extract:
    """The rows of one question: pseudonyms and columns of equal length."""

    pseudonyms: tuple[str, ...]
    columns: dict[str, np.ndarray]
    covariates: tuple[str, ...]

    @property
    def rows(self) -> int:
        return len(self.pseudonyms)


@dataclass
class _Row:
    person_id: Any
    origin: str
    origin_id: Any
    treatment: str
    ended_on: datetime.date
    status: str
    start: datetime.date | None = None


def pseudonym_key() -> bytes:
    """The key of the pseudonyms: `VELFERD_PSEUDONYM_KEY`, which production requires; in
    development and tests one derived from the secret key, so that it is stable there."""
    configured = getattr(settings, "VELFERD_PSEUDONYM_KEY", "")
    if configured:
        return str(configured).encode()
    return hmac.new(settings.SECRET_KEY.encode(), b"velferd-pseudonym", hashlib.sha256).digest()


def _outcomes(horizon: int, control: str) -> QuerySet[Outcome]:
    found = Outcome.objects.filter(horizon_months=horizon)
    if control == NO_SCHEME:
        return found
    return found.filter(origin=OutcomeOrigin.PARTICIPATION)


def _months_between(start: datetime.date, end: datetime.date) -> int:
    return max(0, (end.year - start.year) * 12 + end.month - start.month)


def _overlaps(
    spans: Iterable[tuple[datetime.date, datetime.date | None]],
    start: datetime.date,
    end: datetime.date,
) -> bool:
    return any(s <= end and (e is None or e >= start) for s, e in spans)


def _rows(outcomes: QuerySet[Outcome]) -> list[_Row]:
    found = outcomes.exclude(origin=OutcomeOrigin.PARTICIPATION, scheme_type="").values_list(
        "person_id", "origin", "origin_id", "scheme_type", "ended_on", "status"
    )
    return [
        _Row(
            person_id=person_id,
            origin=origin,
            origin_id=origin_id,
            treatment=scheme if origin == OutcomeOrigin.PARTICIPATION else NO_SCHEME,
            ended_on=ended_on,
            status=status,
        )
        for person_id, origin, origin_id, scheme, ended_on, status in found
    ]


def _starts(rows: list[_Row], outcomes: QuerySet[Outcome]) -> None:
    """Each row's start; a follow-up row with a participation in its period is dropped
    (its start stays None)."""
    participation_ids = outcomes.filter(origin=OutcomeOrigin.PARTICIPATION).values("origin_id")
    period_ids = outcomes.filter(origin=OutcomeOrigin.FOLLOW_UP_PERIOD).values("origin_id")
    starts = participants_extract.participation_starts(participation_ids)
    periods = followup_extract.period_spans(period_ids)
    took_part: dict[Any, list[tuple[datetime.date, datetime.date | None]]] = defaultdict(list)
    if periods:
        person_ids = outcomes.filter(origin=OutcomeOrigin.FOLLOW_UP_PERIOD).values("person_id")
        for person_id, start, end in participants_extract.participation_spans_of(person_ids):
            took_part[person_id].append((start, end))
    for row in rows:
        if row.origin == OutcomeOrigin.PARTICIPATION:
            row.start = starts.get(row.origin_id)
            continue
        span = periods.get(row.origin_id)
        if span is None:
            continue
        end = span[1] or row.ended_on
        if not _overlaps(took_part[row.person_id], span[0], end):
            row.start = span[0]


def _employed_months(person_ids: Any) -> dict[Any, set[datetime.date]]:
    months: dict[Any, set[datetime.date]] = defaultdict(set)
    found = EmploymentMonth.objects.filter(person_id__in=person_ids, employed=True)
    for person_id, month in found.values_list("person_id", "month"):
        months[person_id].add(month)
    return months


def _months_before(start: datetime.date, count: int = 12) -> list[datetime.date]:
    first = start.replace(day=1)
    months = []
    for back in range(1, count + 1):
        index = first.year * 12 + first.month - 1 - back
        months.append(datetime.date(index // 12, index % 12 + 1, 1))
    return months


def _latest_before(events: list[tuple[Any, str]], moment: datetime.date) -> str:
    """The value of the last event (time, value) on or before the day, or ''."""
    chosen = ""
    for when, value in sorted(events, key=lambda event: event[0]):
        day = when.date() if isinstance(when, datetime.datetime) else when
        if day <= moment:
            chosen = value
    return chosen


class _Context:
    """Everything the rows' covariates are read from, each fetched in one query."""

    def __init__(self, person_ids: Any) -> None:
        self.people = people_extract.facts_for_extract(person_ids, key=pseudonym_key())
        self.employed = _employed_months(person_ids)
        self.need_groups: dict[Any, list[tuple[Any, str]]] = defaultdict(list)
        for person_id, sent_at, group in followup_extract.need_groups_sent_of(person_ids):
            self.need_groups[person_id].append((sent_at, group))
        self.benefits: dict[Any, list[tuple[str, datetime.date, datetime.date | None]]] = (
            defaultdict(list)
        )
        for person_id, kind, start, end in followup_extract.benefits_of(person_ids):
            self.benefits[person_id].append((kind, start, end))
        self.periods: dict[Any, list[tuple[datetime.date, datetime.date | None]]] = defaultdict(
            list
        )
        for person_id, start, end in followup_extract.period_spans_of(person_ids):
            self.periods[person_id].append((start, end))

    def benefits_at(self, person_id: Any, day: datetime.date) -> list[str]:
        return sorted(
            kind
            for kind, start, end in self.benefits[person_id]
            if start <= day and (end is None or end >= day)
        )

    def follow_up_start(self, person_id: Any, day: datetime.date) -> datetime.date:
        """The start of the follow-up period open on the day (the day itself if none was)."""
        for start, end in self.periods[person_id]:
            if start <= day and (end is None or end >= day):
                return start
        return day


def _age(born: datetime.date, on: datetime.date) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def age_band(age: int) -> str:
    if age < 30:
        return "under_30"
    return "30_49" if age < 50 else "50_plus"


def prior_employment_band(months: int) -> str:
    if months == 0:
        return "none"
    return "some" if months <= 6 else "most"


def _describe(row: _Row, context: _Context) -> tuple[dict[str, float], dict[str, str]]:
    """The row's covariates (numbers) and subgroup values (codes with labels)."""
    assert row.start is not None
    facts = context.people[row.person_id]
    age = _age(facts.birth_date, row.ended_on)
    window = _months_before(row.start)
    employed = sum(1 for month in window if month in context.employed[row.person_id])
    need = _latest_before(context.need_groups[row.person_id], row.start)
    benefits = context.benefits_at(row.person_id, row.start)
    in_follow_up = _months_between(context.follow_up_start(row.person_id, row.start), row.ended_on)
    numbers: dict[str, float] = {
        "age": age,
        "female": float(facts.gender == people_extract.FEMALE),
        "gender_unknown": float(facts.gender == people_extract.UNKNOWN),
        "months_employed_before": employed,
        "needs_interpreter": float(facts.needs_interpreter),
        "months_in_follow_up": in_follow_up,
        f"county_{facts.county}": 1.0,
    }
    numbers.update({f"need_{group}": float(group == need) for group in NEED_GROUPS})
    numbers.update({f"benefit_{kind}": float(kind in benefits) for kind in BENEFIT_KINDS})
    groups = {
        "age_band": age_band(age),
        "gender": facts.gender,
        "need_group": need or "none",
        "county": facts.county,
        "prior_employment": prior_employment_band(employed),
        "interpreter": "yes" if facts.needs_interpreter else "no",
        "benefit_at_start": benefits[0] if benefits else "none",
    }
    return numbers, groups


def _varying(columns: dict[str, np.ndarray], names: Iterable[str]) -> tuple[str, ...]:
    """The covariates that vary: a constant column tells the models nothing."""
    return tuple(name for name in names if len(columns[name]) and np.ptp(columns[name]) > 0)


def build_extract(*, horizon: int, outcome: str, control: str) -> Extract:
    """The rows for a question with this horizon, outcome status and control."""
    outcomes = _outcomes(horizon, control)
    rows = _rows(outcomes)
    _starts(rows, outcomes)
    rows = [row for row in rows if row.start is not None]
    context = _Context(outcomes.values("person_id"))
    rows = [row for row in rows if row.person_id in context.people]
    described = [_describe(row, context) for row in rows]
    counties = sorted({f"county_{context.people[row.person_id].county}" for row in rows})
    names = (*BASE_COVARIATES, *counties)
    columns: dict[str, np.ndarray] = {
        TREATMENT: np.array([row.treatment for row in rows], dtype=object),
        OUTCOME: np.array([float(row.status == outcome) for row in rows]),
    }
    for name in names:
        columns[name] = np.array([numbers.get(name, 0.0) for numbers, _ in described], dtype=float)
    for name in SUBGROUPS:
        columns[name] = np.array([groups[name] for _, groups in described], dtype=object)
    pseudonyms = tuple(context.people[row.person_id].pseudonym for row in rows)
    return Extract(pseudonyms=pseudonyms, columns=columns, covariates=_varying(columns, names))
