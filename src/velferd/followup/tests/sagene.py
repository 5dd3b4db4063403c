"""NAV Sagene (0320), where the demo has nobody: a state caseworker, a municipal caseworker
and an approver work there, and the portfolio tests build their people through the
services. Every rule is tested at its edges on a fixed day, `D`, passed to the portfolio
as `today`."""

from __future__ import annotations

import datetime
import itertools
from collections.abc import Iterable
from dataclasses import dataclass

from django.utils import timezone

from velferd.access.actor import Actor
from velferd.access.roles import PartnerService, Role
from velferd.core.identifiers import synthetic_national_id
from velferd.core.testing import (  # the portfolio tests take these from here
    Lookup as Lookup,
    new_user,
    refusal as refusal,
)
from velferd.followup import portfolio, services as followup
from velferd.followup.models import (
    WITHOUT_MAIN_GOAL,
    Activity,
    FollowUpPeriod,
    IndividualPlan,
    Source,
)
from velferd.followup.portfolio import Portfolio, PortfolioQuery
from velferd.organisation.selectors import office
from velferd.people.models import Consent, Person
from velferd.people.services import consent_give, person_register

# A fixed day for every rule; nothing in it is a 29 February.
D = datetime.date(2025, 9, 17)
DAY = datetime.timedelta(days=1)
REASONING = "Du trenger hjelp til å komme i jobb, og vi har snakket om hva som skal til."
# Serials from 100 to 199: the demo's people have smaller ones, so nobody born on a demo
# person's day gets their identity number (and the registration is not refused as theirs).
SERIALS = (100 + n % 100 for n in itertools.count())


def years_before(years: int, day: datetime.date = D) -> datetime.date:
    return day.replace(year=day.year - years)


def at(day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
    """A moment on a day, in the office's time zone."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


# The office and its staff --------------------------------------------------------------------


@dataclass(frozen=True)
class Sagene:
    state: Actor  # a state caseworker (veileder)
    municipal: Actor  # a municipal caseworker (social services)
    approver: Actor

    def register(
        self,
        given: str,
        family: str,
        born: datetime.date,
        *,
        children: Iterable[datetime.date] = (),
        **extra: object,
    ) -> Person:
        return person_register(
            actor=self.state,
            national_id=synthetic_national_id(born, next(SERIALS)),
            given_name=given,
            family_name=family,
            municipality_number="0301",
            district="Sagene",
            children=[("Barn", b) for b in children],
            **extra,  # type: ignore[arg-type]
        )

    def follow(
        self, who: Person, *, by: Actor | None = None, started_on: datetime.date = D - 60 * DAY
    ) -> FollowUpPeriod:
        """Start the follow-up with `by` as the caseworker; unassigned without one."""
        return followup.period_start(
            actor=by or self.state,
            person=who,
            caseworker=by.user if by else None,
            started_on=started_on,
        )

    def person(
        self,
        given: str,
        family: str = "Sagen",
        born: datetime.date = datetime.date(1990, 1, 10),
        *,
        by: Actor | None = None,
        started_on: datetime.date = D - 60 * DAY,
        **extra: object,
    ) -> Person:
        """A person in follow-up at Sagene."""
        who = self.register(given, family, born, **extra)  # type: ignore[arg-type]
        self.follow(who, by=by or self.state, started_on=started_on)
        return who

    def assistance(
        self, who: Person, since: datetime.date, until: datetime.date | None = None
    ) -> None:
        """Financial assistance, recorded by the municipal caseworker."""
        followup.benefit_record(
            actor=self.municipal,
            person=who,
            kind="financial_assistance",
            starts_on=since,
            ends_on=until,
        )

    def benefit(
        self, who: Person, kind: str, since: datetime.date, until: datetime.date | None = None
    ) -> None:
        followup.benefit_record(
            actor=self.municipal, person=who, kind=kind, starts_on=since, ends_on=until
        )

    def decide(
        self, who: Person, need_group: str, main_goal: str | None = None, send: bool = True
    ) -> None:
        """A §14a decision resting on the person's registration, approved by the approver
        where the group needs it, and sent. Its main goal is "get work" unless told, or none
        where the group has none."""
        if main_goal is None:
            main_goal = "" if need_group in WITHOUT_MAIN_GOAL else "get_work"
        assessment = followup.assessment_create(
            actor=self.state,
            person=who,
            need_group=need_group,
            main_goal=main_goal,
            reasoning=REASONING,
            sources=[Source.REGISTRATION],
        )
        if not send:
            return
        if assessment.needs_approval:
            assessment = followup.assessment_submit(
                actor=self.state, assessment=assessment, version=assessment.version
            )
            assessment = followup.assessment_approve(
                actor=self.approver, assessment=assessment, version=assessment.version
            )
        followup.assessment_send(
            actor=self.state, assessment=assessment, version=assessment.version
        )

    def activity(
        self,
        who: Person,
        ends_on: datetime.date | None,
        status: str = "planned",
        agreed: bool = True,
        kind: str = "scheme",
    ) -> Activity:
        activity = followup.activity_create(
            actor=self.state,
            person=who,
            kind=kind,
            title="Arbeidstrening",
            agreed_with_office=agreed,
            starts_on=D - 30 * DAY,
            ends_on=ends_on,
        )
        if status != "planned":
            activity = followup.activity_transition(
                actor=self.state, activity=activity, status=status, version=activity.version
            )
        return activity

    def meeting(self, who: Person, when: datetime.datetime, cancelled: bool = False) -> None:
        meeting = followup.activity_create(
            actor=self.state, person=who, kind="meeting", title="Oppfølgingsmøte", meeting_at=when
        )
        if cancelled:
            followup.activity_transition(
                actor=self.state, activity=meeting, status="cancelled", version=meeting.version
            )

    def plan(self, who: Person, *deadlines: datetime.date, done: int = 0) -> IndividualPlan:
        """An individual plan with a measure per deadline; the first `done` are done."""
        plan = followup.individual_plan_create(
            actor=self.state, person=who, coordinator="nav", members=["gp"]
        )
        for number, deadline in enumerate(deadlines):
            measure = followup.plan_measure_add(
                actor=self.state,
                plan=plan,
                text=f"Tiltak {number + 1}",
                responsible_service="nav",
                deadline=deadline,
            )
            if number < done:
                followup.plan_measure_done(actor=self.state, measure=measure, done_on=D - 5 * DAY)
        return plan

    def consent_for_nav(self, who: Person, starts_on: datetime.date = D - 30 * DAY) -> Consent:
        """The person lets NAV's state side see the social services' records; the
        municipal caseworker records it with the signed form."""
        return consent_give(
            actor=self.municipal,
            person=who,
            partner_service=PartnerService.NAV_STATE,
            purpose="Samarbeid om oppfølging",
            starts_on=starts_on,
            ends_on=timezone.localdate() + 365 * DAY,
            document="Signert samtykkeskjema",
        )


def staff(username: str, full_name: str, role: str) -> Actor:
    return new_user(username, role, full_name=full_name, office=office("0320"))


def sagene_office(system: Actor) -> Sagene:
    """NAV Sagene with its state caseworker, municipal caseworker and approver."""
    return Sagene(
        state=staff("sagene-veileder", "Silje Sagene", Role.CASEWORKER_STATE),
        municipal=staff("sagene-sosial", "Mons Sosial", Role.CASEWORKER_MUNICIPAL),
        approver=staff("sagene-beslutter", "Bjørn Beslutter", Role.APPROVER),
    )


# Reading the portfolio -----------------------------------------------------------------------


def look(
    actor: Actor,
    *flags: str,
    today: datetime.date = D,
    page: int = 1,
    page_size: int = 200,
    **query: str,
) -> Portfolio:
    return portfolio.portfolio(
        actor=actor,
        query=PortfolioQuery(flags=set(flags), **query),  # type: ignore[arg-type]
        page=page,
        page_size=page_size,
        today=today,
    )


def names(actor: Actor, *flags: str, today: datetime.date = D, **query: str) -> list[str]:
    """The given names of the rows, in the portfolio's order."""
    found = look(actor, *flags, today=today, **query)  # type: ignore[arg-type]
    return [row.person.given_name for row in found.rows]


def flagged(actor: Actor, flag: str, today: datetime.date = D) -> list[str]:
    return sorted(names(actor, flag, today=today))
