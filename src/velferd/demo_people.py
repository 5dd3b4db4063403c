"""Demo people at NAV Grünerløkka: a citizen with a plan, a decision and a conversation,
new and unassigned people, protected addresses, and a decision waiting for an approver.
All identity numbers are synthetic (month + 80)."""

from __future__ import annotations

import datetime

from django.utils import timezone

from velferd.access.actor import Actor
from velferd.access.models import User
from velferd.access.selectors import actor_for_user
from velferd.core.identifiers import synthetic_national_id
from velferd.followup import services as followup
from velferd.people import services as people
from velferd.people.models import Person


def _login(username: str) -> Actor:
    return actor_for_user(User.objects.get(username=username))


def _person(
    actor: Actor,
    born: datetime.date,
    serial: int,
    given: str,
    family: str,
    district: str = "Grünerløkka",
    **extra: object,
) -> Person:
    return people.person_register(
        actor=actor,
        national_id=synthetic_national_id(born, serial),
        given_name=given,
        family_name=family,
        municipality_number="0301",
        district=district,
        **extra,  # type: ignore[arg-type]
    )


def load_demo_people(*, system: Actor) -> int:
    """Create the demo people unless they are there; returns how many were created."""
    if Person.objects.exists():
        return 0
    vera, ola_login, kari_manager = _login("veileder"), _login("innbygger"), _login("kontorleder")
    today = timezone.localdate()

    ola = _person(
        vera,
        datetime.date(1996, 3, 14),
        1,
        "Ola",
        "Nordmann",
        address_line="Thorvald Meyers gate 10",
        postal_code="0555",
        postal_town="Oslo",
        children=[("Emma", datetime.date(2019, 6, 2))],
    )
    people.link_user(actor=system, person=ola, user=ola_login.user)
    ola.refresh_from_db()
    followup.period_start(
        actor=vera, person=ola, caseworker=vera.user, started_on=today - datetime.timedelta(days=60)
    )
    decision = followup.assessment_create(
        actor=vera,
        person=ola,
        need_group="situation_specific",
        main_goal="get_work",
        reasoning="Du har fagbrev som kokk og vil tilbake i jobb. Etter en skade trenger du "
        "hjelp til å finne en jobb der du ikke står hele dagen.",
        evidence="Samtale med deg 3. september. Legeerklæring fra fastlegen din.",
    )
    followup.assessment_send(actor=vera, assessment=decision, version=decision.version)
    followup.activity_create(
        actor=vera,
        person=ola,
        kind="job_application",
        title="Søk fire jobber i uka",
        agreed_with_office=True,
        starts_on=today - datetime.timedelta(days=30),
        ends_on=today + datetime.timedelta(days=60),
    )
    course = followup.activity_create(
        actor=vera,
        person=ola,
        kind="scheme",
        title="Jobbsøkerkurs",
        agreed_with_office=True,
        starts_on=today - datetime.timedelta(days=14),
        ends_on=today + datetime.timedelta(days=14),
    )
    followup.activity_transition(
        actor=vera, activity=course, status="in_progress", version=course.version
    )
    followup.activity_create(
        actor=ola_login,
        person=ola,
        kind="own_activity",
        title="Trene tre ganger i uka",
        description="For å bygge opp igjen kneet.",
    )
    followup.activity_create(
        actor=vera,
        person=ola,
        kind="meeting",
        title="Oppfølgingsmøte",
        meeting_at=timezone.now() + datetime.timedelta(days=7),
    )
    followup.thread_start(
        actor=ola_login,
        person=ola,
        subject="Spørsmål om jobbsøkerkurset",
        text="Hei! Må jeg ha med meg noe til kurset på mandag?",
    )

    _person(vera, datetime.date(1999, 11, 2), 2, "Kari", "Hansen")
    _coordination(vera, ola, today)
    ahmed = _person(
        vera, datetime.date(2001, 1, 20), 3, "Ahmed", "Ali", language="ar", needs_interpreter=True
    )
    followup.period_start(actor=vera, person=ahmed)
    _person(
        vera,
        datetime.date(1988, 8, 8),
        4,
        "Sofie",
        "Berg",
        address_protection="confidential",
        address_line="Hemmelig vei 1",
    )
    _person(
        vera,
        datetime.date(1975, 4, 30),
        5,
        "Per",
        "Skjult",
        address_protection="strictly_confidential",
    )
    _person(vera, datetime.date(1980, 2, 12), 6, "Nina", "Ansatt", is_office_employee=True)
    lars = _person(vera, datetime.date(1968, 9, 9), 7, "Lars", "Larsen")
    followup.period_start(
        actor=kari_manager,
        person=lars,
        caseworker=vera.user,
        started_on=today - datetime.timedelta(days=400),
    )
    waiting = followup.assessment_create(
        actor=vera,
        person=lars,
        need_group="partially_permanent",
        main_goal="keep_work",
        reasoning="Du kan jobbe halv tid i jobben du har, med tilrettelegging. Det vil vare.",
        evidence="Uttalelse fra spesialist og arbeidsgiver.",
    )
    followup.assessment_submit(actor=vera, assessment=waiting, version=waiting.version)
    return Person.objects.count()


def _coordination(vera: Actor, ola: Person, today: datetime.date) -> None:
    """Ola's benefit and individual plan; Maria, whose GP coordinates her plan with her
    consent and has a measure overdue; Jonas, under 30 on financial assistance without an
    agreed activity."""
    followup.benefit_record(
        actor=vera,
        person=ola,
        kind="work_assessment_allowance",
        starts_on=today - datetime.timedelta(days=90),
    )
    olas_plan = followup.individual_plan_create(
        actor=vera,
        person=ola,
        coordinator="nav",
        members=["gp"],
        goals="Tilbake i jobb som kokk innen ett år, i en jobb der Ola ikke står hele dagen.",
    )
    followup.plan_measure_add(
        actor=vera,
        plan=olas_plan,
        text="Avklare arbeidstrening på kjøkken",
        responsible_service="nav",
        deadline=today + datetime.timedelta(days=21),
    )

    maria = _person(
        vera,
        datetime.date(1985, 6, 12),
        8,
        "Maria",
        "Olsen",
        children=[("Sander", datetime.date(2014, 2, 3))],
    )
    followup.period_start(
        actor=vera,
        person=maria,
        caseworker=vera.user,
        started_on=today - datetime.timedelta(days=120),
    )
    people.consent_give(
        actor=vera,
        person=maria,
        partner_service="gp",
        purpose="Individuell plan",
        starts_on=today - datetime.timedelta(days=60),
        ends_on=today + datetime.timedelta(days=300),
    )
    plan = followup.individual_plan_create(
        actor=vera,
        person=maria,
        coordinator="gp",
        members=["nav", "child_welfare"],
        goals="Stabil helse og arbeidstrening på deltid.",
    )
    followup.plan_measure_add(
        actor=vera,
        plan=plan,
        text="Vurdere arbeidsevnen",
        responsible_service="gp",
        deadline=today - datetime.timedelta(days=3),
    )

    social = _login("sosialkonsulent")
    jonas = _person(vera, datetime.date(2002, 4, 8), 9, "Jonas", "Lie")
    followup.period_start(
        actor=social,
        person=jonas,
        caseworker=social.user,
        started_on=today - datetime.timedelta(days=40),
    )
    followup.benefit_record(
        actor=social,
        person=jonas,
        kind="financial_assistance",
        starts_on=today - datetime.timedelta(days=200),
    )
