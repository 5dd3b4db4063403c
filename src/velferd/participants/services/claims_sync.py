"""The schemes' month-works from the participations in velferd: every write that changes a
participation's status, dates or percentage calls `keep_claims_in_step`, which keeps the
funding domain's participation rows for it in step (funding.services.participation_keep),
so the month's claims are calculated from them as from the participation file.

The rules (docs/architecture.md, "Month-works from participations"):

- Awaiting start and participating hold a place and give month-works, from the start date
  to the end date (an open end runs on). Awaiting start counts: the place is the person's
  from the agreed start date, as in NAV's participant systems, where the status turns to
  participating on that day by itself.
- Ended and completed keep the month-works they gave, up to the end date or the day the
  participation was closed, whichever is earlier.
- Any other status gives none: not (yet) admitted, or closed without having taken part
  (not relevant, draft withdrawn, registered in error).
- The percentage is the participation percentage; where only days a week are given, days a
  week ÷ 5 × 100 (at most 100); with neither, 100 (a whole place).
- A new percentage holds from the day it is approved (or from the start, if that is later):
  the periods before it keep theirs. New dates move the first period's start and the last
  period's end.
- The participant is the participation's id, a pseudonymous id that names no person."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.utils import timezone

from velferd.funding import services as funding

from ..models import HOLDS_A_PLACE, Participation, ParticipationStatus

S = ParticipationStatus
TOOK_PART = frozenset({S.ENDED, S.COMPLETED})
FULL_WEEK_DAYS = Decimal(5)
WHOLE = Decimal(100)
ONE_DAY = datetime.timedelta(days=1)


def participant_ref(participation: Participation) -> str:
    return str(participation.pk)


def month_work_percentage(participation: Participation) -> Decimal:
    """The percentage month-works are counted at (see the module's rules)."""
    if participation.percentage is not None:
        return Decimal(participation.percentage)
    if participation.days_per_week is not None:
        share = Decimal(participation.days_per_week) / FULL_WEEK_DAYS * WHOLE
        return min(share, WHOLE).quantize(Decimal("0.01"))
    return WHOLE


def last_day(participation: Participation) -> datetime.date | None:
    """The end date; for a closed participation not after the day it was closed."""
    end = participation.ends_on
    if participation.status in TOOK_PART and participation.ended_at is not None:
        closed = timezone.localdate(participation.ended_at)
        end = closed if end is None else min(end, closed)
    return end


def _change_points(
    kept: list[funding.Share], percentage: Decimal, effective: datetime.date
) -> list[tuple[datetime.date, Decimal]]:
    """Where the percentage changes: the kept history, and the current percentage from
    `effective` when it differs from the last one kept."""
    points = [(share.from_date, share.percentage) for share in kept]
    if not points or points[-1][1] != percentage:
        points = [point for point in points if point[0] < effective]
        points.append((effective, percentage))
    return points


def _periods_between(
    points: list[tuple[datetime.date, Decimal]], start: datetime.date, end: datetime.date | None
) -> list[funding.Share]:
    """The change points clamped to [start, end], each running to the day before the next."""
    before = [point for point in points if point[0] <= start]
    first = before[-1][1] if before else points[0][1]
    inside = [point for point in points if start < point[0] and (end is None or point[0] <= end)]
    clamped = [(start, first), *inside]
    periods = []
    for index, (from_date, percentage) in enumerate(clamped):
        following = clamped[index + 1][0] - ONE_DAY if index + 1 < len(clamped) else end
        periods.append(funding.Share(from_date, following, percentage))
    return periods


def claim_periods(
    participation: Participation, kept: list[funding.Share], today: datetime.date
) -> list[funding.Share]:
    """The periods and percentages the participation gives month-works for."""
    start = participation.starts_on
    if start is None or participation.status not in HOLDS_A_PLACE | TOOK_PART:
        return []
    end = last_day(participation)
    if end is not None and end < start:
        return []
    percentage = month_work_percentage(participation)
    points = _change_points(kept, percentage, max(today, start))
    return _periods_between(points, start, end)


def _today() -> datetime.date:
    return timezone.localdate()


def keep_claims_in_step(participation: Participation) -> None:
    """Bring the funding rows of the participation in step with it. Call it inside the
    write's transaction, after the participation is changed."""
    participant = participant_ref(participation)
    kept = funding.kept_periods(participation.delivery_id, participant)
    periods = claim_periods(participation, kept, _today())
    funding.participation_keep(
        delivery_id=participation.delivery_id, participant=participant, periods=periods
    )
