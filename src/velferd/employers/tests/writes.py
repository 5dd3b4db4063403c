"""What the tests of writes share: a refusal that writes nothing and moving a cooperation
along its lifecycle. The audit trail since a mark and the logins' actors are core.testing's,
taken from here too."""

from __future__ import annotations

import datetime
from functools import partial
from typing import Any

from django.utils import timezone

from velferd.access.actor import Actor
from velferd.audit.models import AuditEvent
from velferd.core import testing
from velferd.core.testing import (
    Lookup as Lookup,
    actions_since as actions_since,
    audit_mark as audit_mark,
)
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

TODAY = timezone.localdate
DAY = datetime.timedelta(days=1)
NEEDS = ["partnership", "follow_up", "adaptation", "workload", "knowledge", "belonging"]


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
