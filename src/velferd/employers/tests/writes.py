"""What the tests of writes share: the audit events written since a mark, a refusal that
writes nothing, and moving a cooperation along its lifecycle."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from functools import partial
from typing import Any

from django.utils import timezone

from velferd.access.actor import Actor
from velferd.audit.models import AuditEvent
from velferd.core import testing
from velferd.employers import lifecycles, services
from velferd.employers.models import (
    Cooperation,
    CooperationEvent,
    Delivery,
    Enterprise,
    Subsidy,
    SubsidyBudget,
    SubTheme,
    Survey,
    SurveyResponse,
)

Lookup = Callable[[str], Actor]
TODAY = timezone.localdate
DAY = datetime.timedelta(days=1)
NEEDS = ["partnership", "follow_up", "adaptation", "workload", "knowledge", "belonging"]


def mark() -> int:
    last = AuditEvent.objects.order_by("-seq").first()
    return last.seq if last else 0


def actions_since(seq: int) -> list[str]:
    return list(
        AuditEvent.objects.filter(seq__gt=seq).order_by("seq").values_list("action", flat=True)
    )


COUNTED = (
    AuditEvent,
    Enterprise,
    Cooperation,
    CooperationEvent,
    SubTheme,
    Delivery,
    Survey,
    SurveyResponse,
    Subsidy,
    SubsidyBudget,
)


def counts() -> list[int]:
    return [m.objects.count() for m in COUNTED]


# A call that is refused and writes nothing: no audit event, no new rows.
refused = partial(testing.refusal, unchanged=counts)


def moved(advisor: Actor, cooperation: Cooperation, *moves: str, **extra: Any) -> Cooperation:
    for move in moves:
        cooperation = services.TRANSITIONS[move](  # type: ignore[operator]
            actor=advisor,
            cooperation=cooperation,
            version=cooperation.version,
            **(extra if lifecycles.COOPERATION.move(move).reasons else {}),
        )
    return cooperation
