"""Test builders for enrolment: a person in follow-up at NAV Grünerløkka with a sent §14a
decision, and a delivery of a scheme type the office may enrol in."""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from velferd.followup.models import AssessmentStatus
from velferd.followup.tests.factories import a_period, an_assessment
from velferd.people.models import Person
from velferd.people.tests.factories import a_person
from velferd.schemes.models import Delivery
from velferd.schemes.tests.factories import a_delivery, a_scheme_type, an_agreement

VTA = "VARIG_TILRETTELAGT_ARBEID_SKJERMET"
AFT = "ARBEIDSFORBEREDENDE_TRENING"
OPEN_TYPE = "JOBBKLUBB"


def in_follow_up(need_group: str | None = "specially_adapted", **fields: Any) -> Person:
    """A person in an open follow-up period, with a sent decision in `need_group` (None:
    no decision)."""
    person = a_person(**fields)
    period = a_period(person=person)
    if need_group is not None:
        an_assessment(
            period=period,
            need_group=need_group,
            main_goal="" if need_group == "permanent" else "get_work",
            status=AssessmentStatus.SENT,
            sent_at=timezone.now(),
        )
    return person


def delivery_of(code: str = OPEN_TYPE, places: int = 10, **fields: Any) -> Delivery:
    scheme_type = a_scheme_type(code=code)
    return a_delivery(agreement=an_agreement(scheme_type=scheme_type), places=places, **fields)
