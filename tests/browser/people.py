"""The people the browser tests act on, built for each test at NAV Grünerløkka through the
services, after the demo's logins are there: a person followed up by the demo's caseworker
with a citizen login of their own and a child; an assessment awaiting approval; a person
whose GP coordinates their individual plan with their consent and an overdue measure."""

from __future__ import annotations

import datetime

from django.utils import timezone

from velferd.core.testing import login_actor
from velferd.demo import DEMO_PASSWORD
from velferd.followup import services
from velferd.followup.models import NeedsAssessment
from velferd.people.models import Consent, Person
from velferd.people.tests.factories import a_child, a_consent, a_person, citizen_of

DAY = datetime.timedelta(days=1)


def today() -> datetime.date:
    return timezone.localdate()


def followed_with_own_login() -> tuple[Person, str]:
    """A person with a child, followed up by Vera for two months, and the username of their
    own citizen login (the demo's password)."""
    person = a_person()
    a_child(person=person)
    login = citizen_of(person)
    assert login.user is not None
    login.user.set_password(DEMO_PASSWORD)
    login.user.save(update_fields=["password"])
    vera = login_actor("veileder")
    services.period_start(
        actor=vera, person=person, caseworker=vera.user, started_on=today() - 60 * DAY
    )
    return person, login.user.username


def awaiting_approval() -> NeedsAssessment:
    """A partially permanent assessment by Vera, awaiting the office's approver."""
    vera = login_actor("veileder")
    person = a_person()
    services.period_start(
        actor=vera, person=person, caseworker=vera.user, started_on=today() - 400 * DAY
    )
    draft = services.assessment_create(
        actor=vera,
        person=person,
        need_group="partially_permanent",
        main_goal="keep_work",
        reasoning="Du kan jobbe halv tid i jobben du har, med tilrettelegging. Det vil vare.",
        sources=["medical", "employer"],
    )
    return services.assessment_submit(actor=vera, assessment=draft, version=draft.version)


def with_plan_coordinated_by_the_gp() -> tuple[Person, Consent]:
    """A person followed up by Vera whose GP coordinates their individual plan, with NAV and
    child welfare as members, a measure past its deadline and the person's consent to the GP."""
    vera = login_actor("veileder")
    person = a_person()
    consent = a_consent(person=person)
    services.period_start(
        actor=vera, person=person, caseworker=vera.user, started_on=today() - 120 * DAY
    )
    plan = services.individual_plan_create(
        actor=vera,
        person=person,
        coordinator="gp",
        members=["nav", "child_welfare"],
        goals="Stabil helse og arbeidstrening på deltid.",
    )
    services.plan_measure_add(
        actor=vera,
        plan=plan,
        text="Vurdere arbeidsevnen",
        responsible_service="gp",
        deadline=today() - 3 * DAY,
    )
    return person, consent
