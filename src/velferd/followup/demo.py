"""Demo follow-up at NAV Grünerløkka, for the demo people (`velferd.people.demo`): Ola with
a plan, a decision (with its sources) he has appealed on his own pages, activities, a
conversation, a benefit and an individual plan; Maria, whose GP coordinates her plan with
her consent and has a measure overdue; Jonas, under 30 on financial assistance without an
agreed activity; Ahmed new and unassigned; Lars with a decision waiting for an approver."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING

from django.utils import timezone

from velferd.access.actor import Actor
from velferd.access.demo import demo_actor

from . import services

if TYPE_CHECKING:
    from velferd.people.models import Person


def load_demo_followup(*, people: Mapping[str, Person]) -> None:
    """Follow up the demo people just created (none when they were there already)."""
    if not people:
        return
    vera, ola_login, kari_manager = (
        demo_actor("veileder"),
        demo_actor("innbygger"),
        demo_actor("kontorleder"),
    )
    today = timezone.localdate()

    ola = people["Ola"]
    services.period_start(
        actor=vera, person=ola, caseworker=vera.user, started_on=today - datetime.timedelta(days=60)
    )
    decision = services.assessment_create(
        actor=vera,
        person=ola,
        need_group="situation_specific",
        main_goal="get_work",
        reasoning="Du har fagbrev som kokk og vil tilbake i jobb. Etter en skade trenger du "
        "hjelp til å finne en jobb der du ikke står hele dagen.",
        sources=["self_assessment", "dialogue", "medical"],
        evidence="Samtale med deg 3. september. Legeerklæring fra fastlegen din.",
    )
    decision = services.assessment_send(actor=vera, assessment=decision, version=decision.version)
    services.appeal_register(
        actor=ola_login,
        decision=decision,
        grounds="Jeg mener jeg trenger tettere oppfølging. Kneet gjør at jeg ikke kan søke "
        "de fleste kokkejobbene alene.",
    )
    services.activity_create(
        actor=vera,
        person=ola,
        kind="job_application",
        title="Søk fire jobber i uka",
        agreed_with_office=True,
        starts_on=today - datetime.timedelta(days=30),
        ends_on=today + datetime.timedelta(days=60),
    )
    course = services.activity_create(
        actor=vera,
        person=ola,
        kind="scheme",
        title="Jobbsøkerkurs",
        agreed_with_office=True,
        starts_on=today - datetime.timedelta(days=14),
        ends_on=today + datetime.timedelta(days=14),
    )
    services.activity_transition(
        actor=vera, activity=course, status="in_progress", version=course.version
    )
    services.activity_create(
        actor=ola_login,
        person=ola,
        kind="own_activity",
        title="Trene tre ganger i uka",
        description="For å bygge opp igjen kneet.",
    )
    services.activity_create(
        actor=vera,
        person=ola,
        kind="meeting",
        title="Oppfølgingsmøte",
        meeting_at=timezone.now() + datetime.timedelta(days=7),
    )
    services.thread_start(
        actor=ola_login,
        person=ola,
        subject="Spørsmål om jobbsøkerkurset",
        text="Hei! Må jeg ha med meg noe til kurset på mandag?",
    )

    _coordination(vera, people, today)
    services.period_start(actor=vera, person=people["Ahmed"])
    services.period_start(
        actor=kari_manager,
        person=people["Lars"],
        caseworker=vera.user,
        started_on=today - datetime.timedelta(days=400),
    )
    waiting = services.assessment_create(
        actor=vera,
        person=people["Lars"],
        need_group="partially_permanent",
        main_goal="keep_work",
        reasoning="Du kan jobbe halv tid i jobben du har, med tilrettelegging. Det vil vare.",
        sources=["medical", "employer", "work_capacity"],
        evidence="Uttalelse fra spesialist og arbeidsgiver.",
    )
    services.assessment_submit(actor=vera, assessment=waiting, version=waiting.version)


def _coordination(vera: Actor, people: Mapping[str, Person], today: datetime.date) -> None:
    """Ola's benefit and individual plan; Maria's plan, coordinated by her GP; Jonas on
    financial assistance; Ahmed on financial assistance with a condition of activity."""
    ola = people["Ola"]
    services.benefit_record(
        actor=vera,
        person=ola,
        kind="work_assessment_allowance",
        starts_on=today - datetime.timedelta(days=90),
    )
    olas_plan = services.individual_plan_create(
        actor=vera,
        person=ola,
        coordinator="nav",
        members=["gp"],
        goals="Tilbake i jobb som kokk innen ett år, i en jobb der Ola ikke står hele dagen.",
    )
    services.plan_measure_add(
        actor=vera,
        plan=olas_plan,
        text="Avklare arbeidstrening på kjøkken",
        responsible_service="nav",
        deadline=today + datetime.timedelta(days=21),
    )

    maria = people["Maria"]
    services.period_start(
        actor=vera,
        person=maria,
        caseworker=vera.user,
        started_on=today - datetime.timedelta(days=120),
    )
    plan = services.individual_plan_create(
        actor=vera,
        person=maria,
        coordinator="gp",
        members=["nav", "child_welfare"],
        goals="Stabil helse og arbeidstrening på deltid.",
    )
    services.plan_measure_add(
        actor=vera,
        plan=plan,
        text="Vurdere arbeidsevnen",
        responsible_service="gp",
        deadline=today - datetime.timedelta(days=3),
    )

    social = demo_actor("sosialkonsulent")
    jonas = people["Jonas"]
    services.period_start(
        actor=social,
        person=jonas,
        caseworker=social.user,
        started_on=today - datetime.timedelta(days=40),
    )
    services.benefit_record(
        actor=social,
        person=jonas,
        kind="financial_assistance",
        starts_on=today - datetime.timedelta(days=200),
    )

    # Ahmed is under 30 and on financial assistance too: the municipality set the condition
    # of activity (Social Services Act § 20 a) when it granted it. Jonas has no such record,
    # so the portfolio flags him.
    ahmed = people["Ahmed"]
    services.benefit_record(
        actor=social,
        person=ahmed,
        kind="financial_assistance",
        starts_on=today - datetime.timedelta(days=60),
    )
    services.activity_requirement_record(
        actor=social,
        person=ahmed,
        outcome="condition_set",
        decided_on=today - datetime.timedelta(days=60),
        activity="Norskopplæring og jobbsøking tre dager i uka",
    )
