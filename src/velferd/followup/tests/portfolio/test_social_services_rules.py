"""The portfolio's flags as the Social Services Act has them, on people and benefits built with
the factories at NAV Sagene:

- the qualification programme's target group (§ 29 and the qualification programme
  regulation): no or very limited state benefits for a living, so a person on work assessment
  allowance, disability benefit or unemployment benefit is not flagged; the law sets no
  length of financial assistance, and six months (182 days) is only an office's own setting;
- the activity requirement under 30 (§ 20 a): flagged while neither the condition of activity
  nor an exemption for weighty reasons is on record."""

from __future__ import annotations

import datetime

import pytest
from django.conf import settings
from django.test import override_settings
from django.utils import timezone

from velferd.followup import services as followup
from velferd.followup.models import AssessmentStatus, NeedGroup
from velferd.followup.tests.factories import a_benefit, a_period, an_assessment
from velferd.people.models import Person
from velferd.people.tests.factories import at_sagene

from ..sagene import DAY, D, Sagene, flagged, years_before

pytestmark = pytest.mark.django_db

QUALIFICATION = "qualification_not_assessed"
REQUIREMENT = "activity_requirement"


def followed_up(given: str, born: datetime.date) -> Person:
    """A person at NAV Sagene in an open follow-up period."""
    person = at_sagene(given_name=given, birth_date=born)
    a_period(person=person, started_on=D - 300 * DAY)
    return person


def decided(person: Person, need_group: str = NeedGroup.SPECIALLY_ADAPTED) -> None:
    """A §14a decision sent: the need group in the current decision."""
    an_assessment(
        period=person.periods.get(),
        need_group=need_group,
        main_goal="get_work",
        status=AssessmentStatus.SENT,
        sent_at=timezone.now(),
    )


def on_assistance(person: Person, since: datetime.date) -> None:
    a_benefit(person=person, kind="financial_assistance", starts_on=since)


@pytest.fixture
def target(sagene: Sagene) -> Person:
    """Forty, a considerably reduced ability to work (specially adapted), on financial
    assistance for 30 days, not assessed for the programme."""
    person = followed_up("Kvalifisert", years_before(40) - 11 * DAY)
    decided(person)
    on_assistance(person, D - 30 * DAY)
    return person


class TestQualificationProgrammeTargetGroup:
    def test_s29_sets_no_length_of_financial_assistance_so_30_days_is_flagged(
        self, sagene: Sagene, target: Person
    ) -> None:
        assert flagged(sagene.municipal, QUALIFICATION) == ["Kvalifisert"]

    @pytest.mark.parametrize(
        "kind",
        [
            pytest.param("work_assessment_allowance", id="aap"),
            pytest.param("disability_benefit", id="uforetrygd"),
            pytest.param("unemployment_benefit", id="dagpenger"),
        ],
    )
    def test_s29_a_person_with_a_state_benefit_for_a_living_is_not_in_the_target_group(
        self, sagene: Sagene, target: Person, kind: str
    ) -> None:
        degree = 50 if kind == "disability_benefit" else None
        a_benefit(person=target, kind=kind, starts_on=D - 100 * DAY, degree=degree)

        assert flagged(sagene.municipal, QUALIFICATION) == []

    def test_s29_a_state_benefit_that_ended_no_longer_keeps_the_person_out(
        self, sagene: Sagene, target: Person
    ) -> None:
        a_benefit(
            person=target,
            kind="work_assessment_allowance",
            starts_on=D - 400 * DAY,
            ends_on=D - DAY,
        )

        assert flagged(sagene.municipal, QUALIFICATION) == ["Kvalifisert"]

    def test_s29_the_municipal_benefits_do_not_keep_the_person_out(
        self, sagene: Sagene, target: Person
    ) -> None:
        a_benefit(person=target, kind="introduction_benefit", starts_on=D - 10 * DAY)

        assert flagged(sagene.municipal, QUALIFICATION) == ["Kvalifisert"]

    def test_s29_a_person_not_on_financial_assistance_is_not_flagged(self, sagene: Sagene) -> None:
        person = followed_up("Uten", years_before(40))
        decided(person)

        assert flagged(sagene.municipal, QUALIFICATION) == []

    def test_s29_standard_needs_are_not_a_considerably_reduced_ability_to_work(
        self, sagene: Sagene
    ) -> None:
        person = followed_up("Standard", years_before(40))
        decided(person, NeedGroup.STANDARD)
        on_assistance(person, D - 300 * DAY)

        assert flagged(sagene.municipal, QUALIFICATION) == []


class TestTheOfficesOwnWaitingTime:
    """Six months of financial assistance is not in the law: an office that waits that long
    before considering the programme sets VELFERD_QUALIFICATION_FLAG_AFTER_ASSISTANCE_DAYS."""

    @override_settings(VELFERD_QUALIFICATION_FLAG_AFTER_ASSISTANCE_DAYS=182)
    def test_with_the_local_setting_of_182_days_30_days_is_not_flagged(
        self, sagene: Sagene, target: Person
    ) -> None:
        assert flagged(sagene.municipal, QUALIFICATION) == []

    @override_settings(VELFERD_QUALIFICATION_FLAG_AFTER_ASSISTANCE_DAYS=182)
    def test_with_the_local_setting_182_days_of_assistance_is_flagged(self, sagene: Sagene) -> None:
        person = followed_up("Lenge", years_before(45))
        decided(person, NeedGroup.PARTIALLY_PERMANENT)
        on_assistance(person, D - 182 * DAY)
        short = followed_up("Kort", years_before(45))
        decided(short, NeedGroup.PARTIALLY_PERMANENT)
        on_assistance(short, D - 181 * DAY)

        assert flagged(sagene.municipal, QUALIFICATION) == ["Lenge"]

    def test_the_setting_is_off_by_default(self) -> None:
        assert settings.VELFERD_QUALIFICATION_FLAG_AFTER_ASSISTANCE_DAYS == 0


class TestActivityRequirementUnder30:
    @pytest.fixture
    def young(self, sagene: Sagene) -> Person:
        person = followed_up("Ung", years_before(24) - 5 * DAY)
        on_assistance(person, D - 100 * DAY)
        return person

    def test_s20a_under_30_on_financial_assistance_with_nothing_recorded_is_flagged(
        self, sagene: Sagene, young: Person
    ) -> None:
        assert flagged(sagene.municipal, REQUIREMENT) == ["Ung"]

    def test_s20a_a_condition_of_activity_set_clears_the_flag(
        self, sagene: Sagene, young: Person
    ) -> None:
        followup.activity_requirement_record(
            actor=sagene.municipal,
            person=young,
            outcome="condition_set",
            decided_on=D - 90 * DAY,
            activity="Jobbsøking og norskkurs",
        )

        assert flagged(sagene.municipal, REQUIREMENT) == []

    def test_s20a_an_exemption_for_weighty_reasons_clears_the_flag(
        self, sagene: Sagene, young: Person
    ) -> None:
        followup.activity_requirement_record(
            actor=sagene.municipal,
            person=young,
            outcome="exempt",
            decided_on=D - 90 * DAY,
            exemption_reason="health",
        )

        assert flagged(sagene.municipal, REQUIREMENT) == []

    def test_s20a_an_agreed_activity_is_not_the_condition_on_record(
        self, sagene: Sagene, young: Person
    ) -> None:
        sagene.activity(young, D + 30 * DAY)

        assert flagged(sagene.municipal, REQUIREMENT) == ["Ung"]

    def test_s20a_applies_to_those_under_30_only(self, sagene: Sagene) -> None:
        older = followed_up("Eldre", years_before(30))
        on_assistance(older, D - 100 * DAY)

        assert flagged(sagene.municipal, REQUIREMENT) == []

    def test_s20a_applies_to_recipients_of_financial_assistance_only(self, sagene: Sagene) -> None:
        person = followed_up("Arbeidsledig", years_before(25))
        a_benefit(person=person, kind="unemployment_benefit", starts_on=D - 100 * DAY)

        assert flagged(sagene.municipal, REQUIREMENT) == []

    def test_s20a_the_flag_stays_from_the_state_side_without_consent(
        self, sagene: Sagene, young: Person
    ) -> None:
        assert flagged(sagene.state, REQUIREMENT) == []
