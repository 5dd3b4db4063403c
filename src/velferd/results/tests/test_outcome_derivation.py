"""Outcomes derived after a participation or a follow-up period ended: each status and the
order between them, horizons not yet reached, idempotence, a later import changing a
status, and a period without a scheme."""

from __future__ import annotations

import datetime
import uuid

import pytest

from velferd.access.actor import system_actor
from velferd.core.testing import login_actor
from velferd.followup.models import ActivityKind, ActivityStatus, BenefitKind
from velferd.followup.tests.factories import a_benefit, a_period, an_activity
from velferd.participants.models import Participation, ParticipationStatus
from velferd.participants.tests.factories import a_participation
from velferd.people.models import Person
from velferd.people.tests.factories import a_person
from velferd.results.models import Outcome, OutcomeOrigin, OutcomeStatus
from velferd.results.services.employment import employment_import
from velferd.results.services.outcomes import add_months, outcomes_derive
from velferd.schemes.models import SchemeType
from velferd.schemes.tests.factories import a_delivery, an_agreement

pytestmark = pytest.mark.django_db

HEADER = "national_id;month;employed;contracted_hours;industry\n"
ENDED = datetime.date(2025, 3, 20)
JUNE, SEPTEMBER, MARCH = (
    datetime.date(2025, 6, 1),
    datetime.date(2025, 9, 1),
    datetime.date(2026, 3, 1),
)


def ended_in(person: Person, code: str = "AVKLARING", on: datetime.date = ENDED) -> Participation:
    scheme = SchemeType.objects.get(code=code)
    delivery = a_delivery(agreement=an_agreement(scheme_type=scheme))
    return a_participation(
        person=person,
        delivery=delivery,
        status=ParticipationStatus.COMPLETED,
        starts_on=on - datetime.timedelta(days=90),
        ends_on=on,
    )


def months_imported(*lines: tuple[Person, datetime.date, bool]) -> None:
    body = "\n".join(f"{p.national_id};{m:%Y-%m};{int(e)};;" for p, m, e in lines)
    employment_import(actor=login_actor("admin"), data=(HEADER + body + "\n").encode())


def derive() -> None:
    outcomes_derive(actor=system_actor("tests"))


def outcomes_of(origin_id: uuid.UUID) -> dict[int, tuple[str, str]]:
    return {
        o.horizon_months: (o.status, o.benefit_kind)
        for o in Outcome.objects.filter(origin_id=origin_id)
    }


@pytest.fixture
def ola() -> Person:
    return a_person()


@pytest.fixture
def filler() -> Person:
    """Someone whose lines make June and September 2025 and March 2026 imported months."""
    return a_person()


def test_in_work_where_employed_and_none_where_nothing_ran(ola: Person, filler: Person) -> None:
    participation = ended_in(ola)
    months_imported((ola, JUNE, True), (ola, SEPTEMBER, False), (filler, MARCH, True))
    derive()
    assert outcomes_of(participation.pk) == {
        3: (OutcomeStatus.IN_WORK, ""),
        6: (OutcomeStatus.NONE, ""),
        12: (OutcomeStatus.NONE, ""),  # not in March's file: not reported employed
    }
    row = Outcome.objects.get(origin_id=participation.pk, horizon_months=3)
    assert (row.origin, row.scheme_type, row.ended_on) == (
        OutcomeOrigin.PARTICIPATION,
        "AVKLARING",
        ENDED,
    )


def test_a_horizon_not_yet_reached_is_not_written(ola: Person) -> None:
    participation = ended_in(ola, on=datetime.date(2026, 10, 5))
    months_imported((ola, datetime.date(2026, 11, 1), True))
    derive()
    assert outcomes_of(participation.pk) == {}
    assert add_months(datetime.date(2026, 10, 5), 3) == datetime.date(2027, 1, 1)


def test_work_comes_before_education_before_a_benefit(ola: Person, filler: Person) -> None:
    participation = ended_in(ola)
    an_activity(
        person=ola,
        kind=ActivityKind.EDUCATION,
        status=ActivityStatus.IN_PROGRESS,
        starts_on=datetime.date(2025, 5, 1),
        ends_on=datetime.date(2025, 12, 31),
    )
    a_benefit(
        person=ola,
        kind=BenefitKind.FINANCIAL_ASSISTANCE,
        starts_on=datetime.date(2025, 4, 1),
        ends_on=None,
    )
    a_benefit(
        person=ola,
        kind=BenefitKind.WORK_ASSESSMENT_ALLOWANCE,
        starts_on=datetime.date(2026, 1, 1),
        ends_on=datetime.date(2026, 3, 1),
    )
    months_imported((ola, JUNE, True), (ola, SEPTEMBER, False), (filler, MARCH, True))
    derive()
    assert outcomes_of(participation.pk) == {
        3: (OutcomeStatus.IN_WORK, ""),  # employed, though in education and on a benefit
        6: (OutcomeStatus.IN_EDUCATION, ""),  # education before the benefit
        12: (OutcomeStatus.ON_BENEFIT, BenefitKind.WORK_ASSESSMENT_ALLOWANCE),
    }


def test_a_scheme_of_an_education_type_counts_as_education(ola: Person, filler: Person) -> None:
    participation = ended_in(ola)
    ended_in(ola, code="ENKELTPLASS_FAG_OG_YRKESOPPLAERING", on=datetime.date(2025, 8, 31))
    months_imported((filler, JUNE, True))
    derive()
    assert outcomes_of(participation.pk)[3] == (OutcomeStatus.IN_EDUCATION, "")


def test_a_benefit_alone_names_its_kind(ola: Person, filler: Person) -> None:
    participation = ended_in(ola)
    a_benefit(
        person=ola,
        kind=BenefitKind.DISABILITY_BENEFIT,
        starts_on=datetime.date(2025, 6, 30),
        ends_on=None,
    )
    months_imported((filler, JUNE, True))
    derive()
    assert outcomes_of(participation.pk)[3] == (
        OutcomeStatus.ON_BENEFIT,
        BenefitKind.DISABILITY_BENEFIT,
    )


def test_a_second_run_changes_nothing_and_a_later_import_changes_a_status(
    ola: Person, filler: Person
) -> None:
    participation = ended_in(ola)
    months_imported((ola, JUNE, False))
    derive()
    first = Outcome.objects.get(origin_id=participation.pk, horizon_months=3)
    assert first.status == OutcomeStatus.NONE
    report = outcomes_derive(actor=system_actor("tests"))
    again = Outcome.objects.get(origin_id=participation.pk, horizon_months=3)
    assert (again.pk, again.status, again.derived_at) == (first.pk, first.status, first.derived_at)
    assert report.created == report.changed == report.removed == 0
    assert report.unchanged > 0
    months_imported((ola, JUNE, True))
    derive()
    assert outcomes_of(participation.pk)[3] == (OutcomeStatus.IN_WORK, "")


def test_an_outcome_goes_when_its_participation_no_longer_ended(ola: Person) -> None:
    participation = ended_in(ola)
    months_imported((ola, JUNE, True))
    derive()
    Participation.objects.filter(pk=participation.pk).update(
        status=ParticipationStatus.PARTICIPATING
    )
    derive()
    assert outcomes_of(participation.pk) == {}


def test_follow_up_periods_are_with_or_without_a_scheme(ola: Person, filler: Person) -> None:
    alone = a_period(person=filler, started_on=datetime.date(2024, 9, 1), ended_on=ENDED)
    with_scheme = a_period(person=ola, started_on=datetime.date(2024, 9, 1), ended_on=ENDED)
    ended_in(ola, code="MIDLERTIDIG_LONNSTILSKUDD", on=datetime.date(2025, 2, 28))
    months_imported((filler, JUNE, True))
    derive()
    rows = Outcome.objects.filter(origin=OutcomeOrigin.FOLLOW_UP_PERIOD, horizon_months=3)
    assert rows.get(origin_id=alone.pk).scheme_type == ""
    assert rows.get(origin_id=alone.pk).status == OutcomeStatus.IN_WORK
    assert rows.get(origin_id=with_scheme.pk).scheme_type == "MIDLERTIDIG_LONNSTILSKUDD"


def test_only_administrators_and_the_system_derive() -> None:
    from velferd.core.errors import DomainError

    with pytest.raises(DomainError) as refused:
        outcomes_derive(actor=login_actor("analytiker"))
    assert refused.value.status == 403
