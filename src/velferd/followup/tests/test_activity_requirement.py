"""The activity requirement under 30 (Social Services Act § 20 a): the municipality's caseworker
records that the condition of activity was set, or that weighty reasons exempt the person, with
history; the state side neither records it nor, without the person's consent, sees it. Every
write is audited; every refusal writes nothing. People are built with the factories at NAV
Sagene, whose staff come from the portfolio tests' Sagene."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from velferd.access import policies
from velferd.access.actor import Actor
from velferd.audit.models import AuditEvent
from velferd.core.testing import filter_disagreements, refusal
from velferd.followup import selectors, services
from velferd.followup.models import ActivityRequirement, PortfolioState
from velferd.followup.tests.factories import a_benefit, a_period
from velferd.people.models import Person
from velferd.people.tests.factories import a_person, at_sagene

from .sagene import Sagene, sagene_office

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)


def today() -> datetime.date:
    return timezone.localdate()


def years_ago(years: int) -> datetime.date:
    day = today()
    return day.replace(year=day.year - years, day=min(day.day, 28))


@pytest.fixture
def sagene(system: Actor) -> Sagene:
    return sagene_office(system)


@pytest.fixture
def young() -> Person:
    """Twenty-four, in follow-up at NAV Sagene and on financial assistance."""
    person = at_sagene(given_name="Ung", birth_date=years_ago(24) - 40 * DAY)
    a_period(person=person)
    a_benefit(person=person, kind="financial_assistance", starts_on=today() - 60 * DAY)
    return person


def counts() -> tuple[int, int]:
    return ActivityRequirement.objects.count(), AuditEvent.objects.count()


def set_condition(actor: Actor, person: Person, **fields: object) -> ActivityRequirement:
    values: dict[str, object] = {
        "outcome": "condition_set",
        "decided_on": today() - 10 * DAY,
        "activity": "Jobbsøking to dager i uka og norskkurs",
        **fields,
    }
    return services.activity_requirement_record(actor=actor, person=person, **values)  # type: ignore[arg-type]


class TestRecording:
    def test_s20a_the_municipal_caseworker_records_the_condition_and_it_is_audited(
        self, sagene: Sagene, young: Person
    ) -> None:
        record = set_condition(sagene.municipal, young)

        event = AuditEvent.objects.order_by("seq").last()
        assert event is not None
        assert (event.action, event.target_id) == ("activity_requirement.recorded", str(record.pk))
        assert event.after == {
            "outcome": "condition_set",
            "decided_on": (today() - 10 * DAY).isoformat(),
            "activity": "Jobbsøking to dager i uka og norskkurs",
        }
        assert record.recorded_by == sagene.municipal.user
        assert PortfolioState.objects.get(person=young).activity_requirement_recorded

    def test_s20a_an_exemption_names_its_coded_reason(self, sagene: Sagene, young: Person) -> None:
        record = services.activity_requirement_record(
            actor=sagene.municipal,
            person=young,
            outcome="exempt",
            exemption_reason="care_responsibilities",
        )

        assert record.decided_on == today()
        assert record.is_exempt
        assert record.reason_label == "Omsorg for barn eller pårørende"

    def test_s20a_another_weighty_reason_is_written_out(
        self, sagene: Sagene, young: Person
    ) -> None:
        record = services.activity_requirement_record(
            actor=sagene.municipal,
            person=young,
            outcome="exempt",
            exemption_reason="other",
            exemption_other="  Venter på behandlingsplass  ",
        )

        assert record.reason_label == "Venter på behandlingsplass"

    def test_s20a_a_new_decision_is_a_new_record_and_the_history_stays(
        self, sagene: Sagene, young: Person
    ) -> None:
        first = set_condition(sagene.municipal, young, decided_on=today() - 50 * DAY)
        later = services.activity_requirement_record(
            actor=sagene.municipal,
            person=young,
            outcome="exempt",
            decided_on=today() - 5 * DAY,
            exemption_reason="health",
        )

        history = selectors.activity_requirements_for(actor=sagene.municipal, person=young)
        assert history == [later, first]


class TestRefusals:
    @pytest.mark.parametrize(
        ("fields", "code", "field"),
        [
            pytest.param({"activity": "  "}, "activity_required", "activity", id="no-activity"),
            pytest.param(
                {"outcome": "exempt", "activity": ""},
                "exemption_reason_required",
                "exemption_reason",
                id="no-reason",
            ),
            pytest.param(
                {"outcome": "exempt", "activity": "", "exemption_reason": "other"},
                "exemption_other_required",
                "exemption_other",
                id="other-without-text",
            ),
            pytest.param({"outcome": "maybe"}, "unknown_outcome", "outcome", id="unknown"),
            pytest.param(
                {"decided_on": timezone.localdate() + DAY},
                "decided_in_future",
                "decided_on",
                id="tomorrow",
            ),
        ],
    )
    def test_an_incomplete_decision_is_422_and_writes_nothing(
        self, sagene: Sagene, young: Person, fields: dict[str, object], code: str, field: str
    ) -> None:
        error = refusal(lambda: set_condition(sagene.municipal, young, **fields), unchanged=counts)

        assert (error.code, error.field, error.status) == (code, field, 422)

    def test_s20a_applies_under_30_so_a_person_of_30_is_refused(self, sagene: Sagene) -> None:
        older = at_sagene(given_name="Tretti", birth_date=years_ago(30) - DAY)
        a_period(person=older)

        error = refusal(
            lambda: set_condition(sagene.municipal, older, decided_on=today()), unchanged=counts
        )
        set_condition(sagene.municipal, older, decided_on=today() - 2 * DAY)  # 29 that day

        assert (error.code, error.status) == ("not_under_30", 422)
        assert "§ 20 a" in error.message_nb

    def test_the_state_caseworker_may_not_record_it_even_with_consent(
        self, sagene: Sagene, young: Person
    ) -> None:
        sagene.consent_for_nav(young, starts_on=today() - DAY)

        error = refusal(lambda: set_condition(sagene.state, young), unchanged=counts)

        assert error.status == 403

    def test_a_municipal_caseworker_at_another_office_may_not_record_it(
        self, sagene: Sagene
    ) -> None:
        elsewhere = a_person(given_name="Løkka", birth_date=years_ago(22))

        error = refusal(lambda: set_condition(sagene.municipal, elsewhere), unchanged=counts)

        assert error.status == 403


class TestWhoSeesIt:
    def test_the_state_side_sees_it_only_with_the_persons_consent(
        self, sagene: Sagene, young: Person
    ) -> None:
        record = set_condition(sagene.municipal, young)

        refused = refusal(
            lambda: selectors.activity_requirements_for(actor=sagene.state, person=young)
        )
        assert selectors.activity_requirements_shown(actor=sagene.state, person=young) is None
        sagene.consent_for_nav(young, starts_on=today() - DAY)

        assert refused.status == 403
        assert selectors.activity_requirements_for(actor=sagene.state, person=young) == [record]

    def test_each_list_filter_agrees_with_its_predicate(
        self, sagene: Sagene, young: Person
    ) -> None:
        with_consent = at_sagene(given_name="Samtykke", birth_date=years_ago(21))
        sagene.consent_for_nav(with_consent, starts_on=today() - DAY)
        people = Person.objects.filter(pk__in=[young.pk, with_consent.pk, a_person().pk])
        actors = [sagene.state, sagene.municipal, sagene.approver]

        assert (
            filter_disagreements(
                people,
                policies.can_view_activity_requirement,
                policies.activity_requirements_visible,
                actors,
            )
            == []
        )
        assert (
            filter_disagreements(
                people,
                policies.can_record_activity_requirement,
                policies.persons_activity_requirement_recordable,
                actors,
            )
            == []
        )
        assert policies.can_record_activity_requirement(sagene.municipal, young)
        assert not policies.can_record_activity_requirement(sagene.state, with_consent)
        assert policies.can_view_activity_requirement(sagene.state, with_consent)
