"""The supplier's side of the demo: Kari Hansen takes part in a running delivery of the demo
supplier (`leverandor`, Grorud Arbeid og Inkludering AS), followed up by the demo's
caseworker (`veileder`); the supplier has sent last month's progress report and proposes to
extend her participation by two months, waiting for the caseworker. Loading twice changes
nothing."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone

from velferd.access.actor import Actor
from velferd.access.demo import demo_actor
from velferd.people import selectors as people_selectors
from velferd.schemes import selectors as scheme_selectors, services as scheme_services

from . import services
from .models import Participation, ParticipationStatus, ProposalKind
from .services.plan_sync import sync_plan

PARTICIPANT = "Kari Hansen"
DAY = datetime.timedelta(days=1)


def _running_delivery(supplier: Actor) -> Any:
    return scheme_selectors.deliveries_for(actor=supplier, status="running").first()


def _participation(vera: Actor, supplier: Actor) -> Participation | None:
    person = people_selectors.persons_visible_to(actor=vera, query=PARTICIPANT).first()
    delivery = _running_delivery(supplier)
    if person is None or delivery is None or vera.user is None:
        return None
    if Participation.objects.filter(person=person, delivery=delivery).exists():
        return None
    if not scheme_services.take_place(delivery.pk):
        return None
    today = timezone.localdate()
    participation = Participation.objects.create(
        person=person,
        delivery=delivery,
        status=ParticipationStatus.PARTICIPATING,
        content="Arbeidstrening i kantine og lager, med oppfølging av en jobbspesialist.",
        starts_on=today - 75 * DAY,
        ends_on=today + 45 * DAY,
        percentage=Decimal("80.00"),
        days_per_week=Decimal("4.0"),
        caseworker=vera.user,
    )
    return sync_plan(vera, participation)


@transaction.atomic
def load_demo_supplier_side(*, system: Actor) -> int:
    """Create the demo participant with its report and proposal; returns 1 when created."""
    vera, supplier = demo_actor("veileder"), demo_actor("leverandor")
    participation = _participation(vera, supplier)
    if participation is None:
        return 0
    last_month = (timezone.localdate().replace(day=1) - DAY).replace(day=1)
    services.report_submit(
        actor=supplier,
        participation=participation,
        month=last_month,
        days_planned=16,
        days_attended=14,
        text=(
            "Kari har møtt stabilt og tar mer ansvar på lageret. To dager borte med "
            "sykt barn, meldt på forhånd. Vi foreslår å forlenge for å prøve ut "
            "kassearbeid."
        ),
    )
    assert participation.ends_on is not None
    services.proposal_submit(
        actor=supplier,
        participation=participation,
        kind=ProposalKind.EXTENSION,
        ends_on=participation.ends_on + 61 * DAY,
        explanation="Hun trenger mer tid til å prøve ut kassearbeid før hun søker jobb.",
    )
    return 1
