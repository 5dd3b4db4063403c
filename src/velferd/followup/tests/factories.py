"""Factories for the follow-up domain's tests (factory_boy), on the people factories' person
at NAV Grünerløkka. They write the rows through the models, with no audit event: the model
saves send the signals that keep the portfolio's state rows (portfolio_state) right, as the
services' writes do. For tests of who may see and do what, not of the services' writes."""

from __future__ import annotations

import datetime
from typing import cast

import factory
from django.utils import timezone

from velferd.access.models import User
from velferd.followup.models import (
    NAV_SERVICE,
    Activity,
    ActivityKind,
    ActivityStatus,
    AssessmentStatus,
    Benefit,
    BenefitKind,
    FollowUpPeriod,
    IndividualPlan,
    MainGoal,
    Message,
    NeedGroup,
    NeedsAssessment,
    PlanMeasure,
    PlanMember,
    Thread,
    Waiting,
)
from velferd.people.tests.factories import PersonFactory

# The demo's caseworker at NAV Grünerløkka: the author and the caseworker of the records.
CASEWORKER = "veileder"


def caseworker() -> User:
    return User.objects.get(username=CASEWORKER)


def days_ago(days: int) -> datetime.date:
    return timezone.localdate() - datetime.timedelta(days=days)


class FollowUpPeriodFactory(factory.django.DjangoModelFactory):
    """An open period at the person's office, started a month ago, unassigned."""

    class Meta:
        model = FollowUpPeriod

    person = factory.SubFactory(PersonFactory)
    office = factory.LazyAttribute(lambda o: o.person.office)
    caseworker = None
    started_on = factory.LazyFunction(lambda: days_ago(30))


class NeedsAssessmentFactory(factory.django.DjangoModelFactory):
    """A draft §14a assessment (standard needs, get work) in the person's open period, by the
    demo's caseworker."""

    class Meta:
        model = NeedsAssessment

    period = factory.SubFactory(FollowUpPeriodFactory)
    person = factory.LazyAttribute(lambda o: o.period.person)
    need_group = NeedGroup.STANDARD
    main_goal = MainGoal.GET_WORK
    reasoning = "Ønsker arbeid og står nær arbeidslivet."
    status = AssessmentStatus.DRAFT
    author = factory.LazyFunction(caseworker)


class ActivityFactory(factory.django.DjangoModelFactory):
    """A planned job application in the activity plan, running for a fortnight from today."""

    class Meta:
        model = Activity

    person = factory.SubFactory(PersonFactory)
    kind = ActivityKind.JOB_APPLICATION
    title = factory.Sequence(lambda n: f"Søknad {n}")
    status = ActivityStatus.PLANNED
    starts_on = factory.LazyFunction(timezone.localdate)
    ends_on = factory.LazyAttribute(lambda o: o.starts_on + datetime.timedelta(days=14))
    created_by = factory.LazyFunction(caseworker)


class ThreadFactory(factory.django.DjangoModelFactory):
    """A dialogue thread with nobody waiting; MessageFactory gives it its messages."""

    class Meta:
        model = Thread

    person = factory.SubFactory(PersonFactory)
    subject = factory.Sequence(lambda n: f"Spørsmål {n}")
    waiting_for = Waiting.NOBODY
    last_message_at = factory.LazyFunction(timezone.now)


class MessageFactory(factory.django.DjangoModelFactory):
    """A message from the office (the demo's caseworker), sent now."""

    class Meta:
        model = Message

    thread = factory.SubFactory(ThreadFactory)
    author = factory.LazyFunction(caseworker)
    author_label = factory.LazyAttribute(lambda o: o.author.full_name)
    from_office = True
    text = "Hei! Vi har sett på saken din."
    sent_at = factory.LazyFunction(timezone.now)


class BenefitFactory(factory.django.DjangoModelFactory):
    """Work assessment allowance from two months ago, open-ended."""

    class Meta:
        model = Benefit

    person = factory.SubFactory(PersonFactory)
    kind = BenefitKind.WORK_ASSESSMENT_ALLOWANCE
    starts_on = factory.LazyFunction(lambda: days_ago(60))
    ends_on = None


class IndividualPlanFactory(factory.django.DjangoModelFactory):
    """An individual plan with NAV as its coordinating member."""

    class Meta:
        model = IndividualPlan
        skip_postgeneration_save = True

    person = factory.SubFactory(PersonFactory)
    goals = "Komme i arbeid med tilrettelegging."
    coordinator = factory.RelatedFactory(
        "velferd.followup.tests.factories.PlanMemberFactory",
        factory_related_name="plan",
        service=NAV_SERVICE,
        is_coordinator=True,
    )


class PlanMemberFactory(factory.django.DjangoModelFactory):
    """A member service of a plan (the GP), not coordinating."""

    class Meta:
        model = PlanMember

    plan = factory.SubFactory(IndividualPlanFactory)
    service = "gp"
    is_coordinator = False


class PlanMeasureFactory(factory.django.DjangoModelFactory):
    """A measure NAV is responsible for, due in a month."""

    class Meta:
        model = PlanMeasure

    plan = factory.SubFactory(IndividualPlanFactory)
    text = "Kartlegge arbeidsevne"
    responsible_service = NAV_SERVICE
    deadline = factory.LazyFunction(lambda: days_ago(-30))


def a_period(**fields: object) -> FollowUpPeriod:
    return cast(FollowUpPeriod, FollowUpPeriodFactory(**fields))


def an_assessment(**fields: object) -> NeedsAssessment:
    return cast(NeedsAssessment, NeedsAssessmentFactory(**fields))


def an_activity(**fields: object) -> Activity:
    return cast(Activity, ActivityFactory(**fields))


def a_thread(**fields: object) -> Thread:
    return cast(Thread, ThreadFactory(**fields))


def a_message(**fields: object) -> Message:
    return cast(Message, MessageFactory(**fields))


def a_benefit(**fields: object) -> Benefit:
    return cast(Benefit, BenefitFactory(**fields))


def a_plan(**fields: object) -> IndividualPlan:
    return cast(IndividualPlan, IndividualPlanFactory(**fields))


def a_measure(**fields: object) -> PlanMeasure:
    return cast(PlanMeasure, PlanMeasureFactory(**fields))
