"""Reads: who sees which enterprises, the advisor's filters, the contact person, and the
survey results with their anonymity rules (closed surveys only, at least 3 answers)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from velferd.access.actor import Actor
from velferd.access.models import User
from velferd.access.selectors import actor_for_user
from velferd.core.errors import DomainError
from velferd.core.testing import Lookup
from velferd.employers import selectors, services
from velferd.employers.models import Enterprise, Survey, SurveyStatus

from .deferrals import applied
from .factories import (
    CooperationFactory,
    a_representative,
    an_enterprise,
    being_assessed,
    in_municipality,
    this_years_budget,
)
from .services.test_surveys import NEEDS, answer_all
from .writes import moved

pytestmark = pytest.mark.django_db


def numbers(found: object) -> set[str]:
    return {e.organisation_number for e in found}  # type: ignore[attr-defined]


def among(found: object, *built: Enterprise) -> set[str]:
    """The numbers of the enterprises built in the test that are in what was found."""
    return numbers(found) & numbers(built)


def with_status(advisor: Actor, enterprise: Enterprise, *moves: str) -> Enterprise:
    cooperation = services.cooperation_start(actor=advisor, enterprise=enterprise)
    moved(advisor, cooperation, *moves, reason="too_few_lost_workdays")
    return enterprise


class TestEnterprisesVisible:
    def test_an_advisor_sees_the_enterprises_of_their_county(self, actor_of_login: Lookup) -> None:
        bergen, oslo = an_enterprise(), in_municipality("0301")
        vestland = selectors.enterprises_visible_to(actor=actor_of_login("ia-radgiver"))
        assert among(vestland, bergen, oslo) == {bergen.organisation_number}
        assert {e.county_id for e in vestland} == {"46"}
        oslo_list = selectors.enterprises_visible_to(actor=actor_of_login("ia-03"))
        assert among(oslo_list, bergen, oslo) == {oslo.organisation_number}

    def test_an_employer_sees_only_their_own(self) -> None:
        own = an_enterprise()
        an_enterprise()
        found = selectors.enterprises_visible_to(actor=a_representative(own))
        assert numbers(found) == {own.organisation_number}

    @pytest.mark.parametrize("login", ["analytiker", "veileder", "innbygger", "departement"])
    def test_others_get_no_list_at_all(self, actor_of_login: Lookup, login: str) -> None:
        with pytest.raises(DomainError) as caught:
            selectors.enterprises_visible_to(actor=actor_of_login(login))
        assert caught.value.status == 403

    def test_the_filters_narrow_the_list(self, actor_of_login: Lookup) -> None:
        advisor = actor_of_login("ia-radgiver")
        assessing = with_status(advisor, an_enterprise(name="Fjellbekk Omsorg AS"), "assess")
        state = with_status(advisor, an_enterprise(sector="state"))
        askoy = with_status(advisor, in_municipality("4627"))
        without = an_enterprise(has_iw_agreement=False)
        built = (assessing, state, askoy, without)

        def found(**filters: Any) -> set[str]:
            return among(selectors.enterprises_visible_to(actor=advisor, **filters), *built)

        assert found(query="fjellbekk") == {assessing.organisation_number}
        assert found(query=assessing.organisation_number[:8]) == {assessing.organisation_number}
        assert found(sector="state") == {state.organisation_number}
        assert found(status="assessing") == {assessing.organisation_number}
        assert found(status="none") == {without.organisation_number}
        assert found(municipality="4627") == {askoy.organisation_number}
        assert without.organisation_number not in found(iw_agreement=True)

    def test_the_list_shows_the_current_cooperation_status(self, actor_of_login: Lookup) -> None:
        advisor = actor_of_login("ia-radgiver")
        assessing = with_status(advisor, an_enterprise(), "assess")
        completed = an_enterprise()
        CooperationFactory(enterprise=completed, status="completed", is_open=False)
        skipped = with_status(advisor, an_enterprise(), "assess", "skip")
        found = selectors.enterprises_visible_to(actor=advisor)
        statuses = {e.organisation_number: getattr(e, "cooperation_status", None) for e in found}
        assert statuses[assessing.organisation_number] == "assessing"
        assert statuses[completed.organisation_number] == "completed"
        assert statuses[skipped.organisation_number] == "not_relevant"

    def test_a_detail_outside_the_county_answers_as_an_unknown_one(
        self, actor_of_login: Lookup
    ) -> None:
        advisor = actor_of_login("ia-radgiver")
        oslo = in_municipality("0301")
        with pytest.raises(DomainError) as outside:
            selectors.enterprise_for(actor=advisor, organisation_number=oslo.organisation_number)
        with pytest.raises(DomainError) as unknown:
            selectors.enterprise_for(actor=advisor, organisation_number="889640782")
        assert (outside.value.status, outside.value.code) == (404, "not_found")
        assert (unknown.value.status, unknown.value.code) == (404, "not_found")

    def test_an_enterprise_knows_its_contact_person_an_advisor_of_its_county(
        self, actor_of_login: Lookup
    ) -> None:
        bergen, oslo = an_enterprise(), in_municipality("0301")
        for enterprise, login in ((bergen, "ia-radgiver"), (oslo, "ia-03")):
            advisor = actor_of_login(login)
            services.enterprise_assign_contact_person(
                actor=advisor,
                enterprise=enterprise,
                contact_person=advisor.user,  # type: ignore[arg-type]
                version=enterprise.version,
            )
            enterprise.refresh_from_db()
            assert enterprise.contact_person in selectors.iw_advisors_of(enterprise.county_id)
        assert bergen.contact_person is not None and oslo.contact_person is not None
        assert (bergen.contact_person.username, oslo.contact_person.username) == (
            "ia-radgiver",
            "ia-03",
        )


class TestAnAssessmentUnderWay:
    def test_the_enterprise_is_being_assessed_with_a_survey_and_an_application(
        self, actor_of_login: Lookup
    ) -> None:
        cooperation = being_assessed(actor_of_login("ia-radgiver"))
        assert cooperation.owner is not None
        assert (cooperation.status, cooperation.owner.username) == ("assessing", "ia-radgiver")
        survey = cooperation.surveys.get(kind="needs_assessment")
        assert survey.status == "open"
        assert survey.responses.count() == 6
        results = {r.question.code: r for r in selectors.survey_results(closed(survey))}
        assert results["partnership"].total.shown
        assert not results["knowledge"].total.shown
        assert cooperation.enterprise.subsidies.filter(status="applied").exists()


@pytest.fixture
def survey(actor_of_login: Lookup) -> Survey:
    advisor = actor_of_login("ia-radgiver")
    cooperation = services.cooperation_start(actor=advisor, enterprise=an_enterprise())
    return services.survey_open(actor=advisor, cooperation=cooperation, kind="needs_assessment")


def closed(survey: Survey) -> Survey:
    """The survey, closed as its advisor would close it (results are shown only then)."""
    survey.refresh_from_db()
    if survey.status == SurveyStatus.OPEN:
        advisor = actor_for_user(User.objects.get(username="ia-radgiver"))
        survey = services.survey_close(actor=advisor, survey=survey)
    return survey


def result(survey: Survey, code: str = "workload") -> selectors.QuestionResult:
    return next(r for r in selectors.survey_results(closed(survey)) if r.question.code == code)


class TestMasking:
    """A result is shown only once the survey is closed, and only for at least 3 answers on
    the scale."""

    def test_an_open_survey_shows_no_result_only_the_number_of_answers(
        self, survey: Survey
    ) -> None:
        """Reading the results before and after one answer would give that answer."""
        for value in (4, 2, 3, 5):
            answer_all(survey.token, "employee", value)
        before = selectors.survey_results(survey)
        answer_all(survey.token, "manager", 1)
        after = selectors.survey_results(survey)
        for found in (*before, *after):
            cells = [found.total, *found.groups.values()]
            assert all(c.reason == "survey_open" and c.as_dict()["answers"] is None
                       for c in cells)  # fmt: skip
        assert [r.total.as_dict() for r in before] == [r.total.as_dict() for r in after]
        assert selectors.response_count(survey) == 5
        assert not selectors.results_shown(survey)
        assert selectors.results_shown(closed(survey))
        assert result(survey).total.answers == 5

    def test_two_answers_show_only_that_there_are_fewer_than_three(self, survey: Survey) -> None:
        answer_all(survey.token, "employee", 4)
        answer_all(survey.token, "employee", 2)
        found = result(survey)
        assert not found.total.shown
        assert found.total.as_dict() == {
            "shown": False,
            "reason": "few_answers",
            "answers": None,
            "mean": None,
            "counts": None,
            "dont_know": None,
        }

    def test_three_answers_show_the_mean_and_the_spread(self, survey: Survey) -> None:
        for value in (4, 2, 3):
            answer_all(survey.token, "employee", value)
        found = result(survey)
        assert found.total.shown
        assert (found.total.answers, str(found.total.mean)) == (3, "3.0")
        assert found.total.counts == {1: 0, 2: 1, 3: 1, 4: 1, 5: 0}
        assert found.groups["employee"].shown

    def test_dont_know_does_not_count_towards_the_three(self, survey: Survey) -> None:
        for value in (4, 2, "dont_know"):
            answer_all(survey.token, "employee", value)
        assert not result(survey).total.shown

    def test_a_small_group_hides_every_group_but_not_the_total(self, survey: Survey) -> None:
        """With 3 employees and 1 manager, the manager's answer would follow from the total
        minus the employees, so neither group is shown."""
        for value in (4, 2, 3):
            answer_all(survey.token, "employee", value)
        answer_all(survey.token, "manager", 5)
        found = result(survey)
        assert found.total.shown and found.total.answers == 4
        assert found.groups["employee"].reason == "small_group"
        assert found.groups["manager"].reason == "few_answers"

    def test_both_groups_are_shown_at_three_each(self, survey: Survey) -> None:
        for value in (4, 2, 3):
            answer_all(survey.token, "employee", value)
            answer_all(survey.token, "manager", 5)
        found = result(survey)
        assert found.groups["manager"].shown and str(found.groups["manager"].mean) == "5.0"

    def test_every_question_is_judged_on_its_own(self, survey: Survey) -> None:
        for value in (4, 2, 3):
            services.survey_answer(
                token=survey.token,
                group="employee",
                answers={**dict.fromkeys(NEEDS, value), "knowledge": "dont_know"},
            )
        assert result(survey, "workload").total.shown
        assert not result(survey, "knowledge").total.shown


class TestBudgets:
    def test_an_advisor_sees_their_countys_budget_an_administrator_all(
        self, actor_of_login: Lookup
    ) -> None:
        year = selectors.this_year()
        granted(actor_of_login("ia-radgiver"), an_enterprise())
        own = selectors.budget_lines(actor=actor_of_login("ia-radgiver"), year=year)
        assert [line.county.number for line in own] == ["46"]
        assert own[0].granted > 0 and own[0].remaining == own[0].amount - own[0].granted
        assert len(selectors.budget_lines(actor=actor_of_login("admin"), year=year)) == 15

    def test_an_employer_sees_no_budget(self) -> None:
        with pytest.raises(DomainError) as caught:
            selectors.budget_lines(actor=a_representative(an_enterprise()), year=2026)
        assert caught.value.status == 403


def granted(advisor: Actor, enterprise: Enterprise) -> None:
    """Expert assistance of 5 000 kr granted this year from the county's budget for it, with
    room made for it."""
    year = selectors.this_year()
    room = selectors.granted_total(enterprise.county_id, year) + Decimal("100000.00")
    this_years_budget(advisor, enterprise.county_id, str(room))
    application = applied(a_representative(enterprise, "budsjett-arbeidsgiver"), enterprise)
    services.expert_assistance_grant(
        actor=advisor, application=application, version=application.version, amount="5000.00"
    )
