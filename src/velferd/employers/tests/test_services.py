"""Writes for enterprises and their IW support: each with its audit event, each refusal
with its code and status and nothing written."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from django.utils import timezone, translation

from velferd.access.actor import Actor
from velferd.access.models import User
from velferd.audit.models import AuditEvent
from velferd.core.errors import DomainError
from velferd.employers import selectors, services
from velferd.employers.models import (
    Cooperation,
    CooperationEvent,
    Delivery,
    Enterprise,
    Subsidy,
    SubsidyBudget,
    SubTheme,
    Survey,
    SurveyResponse,
)
from velferd.organisation.selectors import county

from .factories import an_enterprise

pytestmark = pytest.mark.django_db

Lookup = Callable[[str], Actor]
TODAY = timezone.localdate
DAY = datetime.timedelta(days=1)
NEEDS = ["partnership", "follow_up", "adaptation", "workload", "knowledge", "belonging"]


def mark() -> int:
    last = AuditEvent.objects.order_by("-seq").first()
    return last.seq if last else 0


def actions_since(seq: int) -> list[str]:
    return list(
        AuditEvent.objects.filter(seq__gt=seq).order_by("seq").values_list("action", flat=True)
    )


COUNTED = (
    Enterprise,
    Cooperation,
    CooperationEvent,
    SubTheme,
    Delivery,
    Survey,
    SurveyResponse,
    Subsidy,
    SubsidyBudget,
)


def refused(call: Callable[[], Any]) -> DomainError:
    """The call is refused and writes nothing: no audit event, no new rows."""
    seq, counts = mark(), [m.objects.count() for m in COUNTED]
    with pytest.raises(DomainError) as caught:
        call()
    assert actions_since(seq) == []
    assert [m.objects.count() for m in COUNTED] == counts
    return caught.value


@pytest.fixture
def advisor(actor_of_login: Lookup) -> Actor:
    return actor_of_login("ia-radgiver")


@pytest.fixture
def enterprise() -> Enterprise:
    return an_enterprise()


@pytest.fixture
def cooperation(advisor: Actor, enterprise: Enterprise) -> Cooperation:
    return services.cooperation_start(actor=advisor, enterprise=enterprise)


def moved(advisor: Actor, cooperation: Cooperation, *moves: str, **extra: Any) -> Cooperation:
    for move in moves:
        cooperation = services.TRANSITIONS[move](  # type: ignore[operator]
            actor=advisor,
            cooperation=cooperation,
            version=cooperation.version,
            **(extra if move in services.NEEDS_REASON else {}),
        )
    return cooperation


# Enterprises ---------------------------------------------------------------------------------


class TestEnterpriseRegister:
    def register(self, actor: Actor, **changes: Any) -> Enterprise:
        fields: dict[str, Any] = {
            "organisation_number": "889640782",
            "name": " Hordaland Trafikk AS ",
            "municipality_number": "4601",
            "industry_code": "49.310",
            "sector": "private",
            "employees": 75,
        }
        return services.enterprise_register(actor=actor, **{**fields, **changes})

    def test_an_advisor_registers_an_enterprise_in_its_municipalitys_county(
        self, advisor: Actor
    ) -> None:
        seq = mark()
        enterprise = self.register(advisor)
        assert (enterprise.name, enterprise.county_id) == ("Hordaland Trafikk AS", "46")
        assert actions_since(seq) == ["enterprise.registered"]

    def test_a_bad_organisation_number_is_refused_with_a_clear_message(
        self, advisor: Actor
    ) -> None:
        error = refused(lambda: self.register(advisor, organisation_number="889640783"))
        assert (error.code, error.field, error.status) == (
            "invalid_organisation_number",
            "organisation_number",
            422,
        )
        assert "889640783" in error.message_nb and "kontrollsiffer" in error.message_nb

    def test_a_known_enterprise_is_a_conflict(self, advisor: Actor) -> None:
        error = refused(lambda: self.register(advisor, organisation_number="987654309"))
        assert (error.code, error.status) == ("enterprise_exists", 409)

    @pytest.mark.parametrize(
        ("field", "value", "code"),
        [
            ("industry_code", "86", "invalid_industry_code"),
            ("sector", "church", "invalid_sector"),
            ("employees", -1, "invalid_employees"),
            ("name", " ", "name_required"),
        ],
    )
    def test_bad_facts_are_refused_beside_their_field(
        self, advisor: Actor, field: str, value: object, code: str
    ) -> None:
        error = refused(lambda: self.register(advisor, **{field: value}))
        assert (error.code, error.field, error.status) == (code, field, 422)

    def test_an_employer_may_not_register_enterprises(self, actor_of_login: Lookup) -> None:
        error = refused(lambda: self.register(actor_of_login("arbeidsgiver")))
        assert error.status == 403


class TestEnterpriseChange:
    def test_the_change_is_versioned_and_audited(
        self, advisor: Actor, enterprise: Enterprise
    ) -> None:
        seq = mark()
        changed = services.enterprise_change(
            actor=advisor, enterprise=enterprise, version=enterprise.version, employees=61
        )
        assert (changed.employees, changed.version) == (61, enterprise.version + 1)
        assert actions_since(seq) == ["enterprise.changed"]
        event = AuditEvent.objects.get(seq=seq + 1)
        assert event.before is not None and event.after is not None
        assert (event.before["employees"], event.after["employees"]) == (50, 61)

    def test_a_stale_version_is_refused_with_409(
        self, advisor: Actor, enterprise: Enterprise
    ) -> None:
        error = refused(
            lambda: services.enterprise_change(
                actor=advisor, enterprise=enterprise, version=enterprise.version - 1, name="X"
            )
        )
        assert (error.code, error.status) == ("stale_version", 409)

    def test_an_advisor_of_another_county_may_not_change_it(
        self, actor_of_login: Lookup, enterprise: Enterprise
    ) -> None:
        error = refused(
            lambda: services.enterprise_change(
                actor=actor_of_login("ia-03"), enterprise=enterprise, version=1, name="X"
            )
        )
        assert error.status == 403


class TestContactPerson:
    def test_the_county_centre_assigns_one_of_its_advisors(
        self, advisor: Actor, enterprise: Enterprise
    ) -> None:
        other = User.objects.get(username="ia-46")
        seq = mark()
        enterprise = services.enterprise_assign_contact_person(
            actor=advisor, enterprise=enterprise, contact_person=other, version=enterprise.version
        )
        assert enterprise.contact_person == other
        assert actions_since(seq) == ["enterprise.contact_person_assigned"]

    def test_an_advisor_of_another_centre_cannot_be_the_contact_person(
        self, advisor: Actor, enterprise: Enterprise
    ) -> None:
        oslo = User.objects.get(username="ia-03")
        error = refused(
            lambda: services.enterprise_assign_contact_person(
                actor=advisor, enterprise=enterprise, contact_person=oslo, version=1
            )
        )
        assert (error.code, error.field) == ("not_an_advisor_here", "contact_person")
        assert "Vestland" in error.message_nb or "IA-rådgiver" in error.message_nb

    def test_an_employer_cannot_assign_one(
        self, actor_of_login: Lookup, enterprise: Enterprise
    ) -> None:
        error = refused(
            lambda: services.enterprise_assign_contact_person(
                actor=actor_of_login("arbeidsgiver"),
                enterprise=Enterprise.objects.get(organisation_number="987654309"),
                contact_person=User.objects.get(username="ia-46"),
                version=1,
            )
        )
        assert error.status == 403


# The cooperation's lifecycle -----------------------------------------------------------------


class TestCooperation:
    def test_starting_writes_the_first_event_and_owns_it_by_the_advisor(
        self, advisor: Actor, enterprise: Enterprise
    ) -> None:
        seq = mark()
        cooperation = services.cooperation_start(actor=advisor, enterprise=enterprise)
        assert (cooperation.status, cooperation.owner) == ("to_assess", advisor.user)
        assert actions_since(seq) == ["cooperation.started"]
        event = cooperation.events.get()
        assert (event.from_status, event.to_status, event.actor) == ("", "to_assess", advisor.user)

    def test_a_second_open_cooperation_is_refused_with_409(
        self, advisor: Actor, cooperation: Cooperation
    ) -> None:
        error = refused(
            lambda: services.cooperation_start(actor=advisor, enterprise=cooperation.enterprise)
        )
        assert (error.code, error.status) == ("cooperation_already_open", 409)

    def test_a_new_one_may_start_when_the_last_is_closed(
        self, advisor: Actor, cooperation: Cooperation
    ) -> None:
        moved(advisor, cooperation, "assess", "skip", reason="no_capacity_now")
        again = services.cooperation_start(actor=advisor, enterprise=cooperation.enterprise)
        assert again.is_open and again.pk != cooperation.pk

    @pytest.mark.parametrize(
        ("moves", "action"),
        [
            (["assess"], "cooperation.assessing"),
            (["assess", "activate"], "cooperation.activated"),
        ],
    )
    def test_each_move_writes_its_event_and_audit(
        self, advisor: Actor, cooperation: Cooperation, moves: list[str], action: str
    ) -> None:
        before = moved(advisor, cooperation, *moves[:-1])
        seq = mark()
        after = services.TRANSITIONS[moves[-1]](  # type: ignore[operator]
            actor=advisor, cooperation=before, version=before.version, comment="Avtalt i møte"
        )
        assert actions_since(seq) == [action]
        event = after.events.all()[0]
        assert (event.from_status, event.to_status, event.comment) == (
            before.status,
            after.status,
            "Avtalt i møte",
        )
        assert after.version == before.version + 1

    def test_skipping_needs_a_coded_reason(self, advisor: Actor, cooperation: Cooperation) -> None:
        assessing = moved(advisor, cooperation, "assess")
        for reason, code in [("", "reason_required"), ("goals_reached", "invalid_reason")]:

            def skip(reason: str = reason) -> Cooperation:
                return services.cooperation_skip(
                    actor=advisor, cooperation=assessing, version=assessing.version, reason=reason
                )

            error = refused(skip)
            assert (error.code, error.field, error.status) == (code, "reason", 422)
        seq = mark()
        skipped = services.cooperation_skip(
            actor=advisor,
            cooperation=assessing,
            version=assessing.version,
            reason="too_few_lost_workdays",
        )
        assert (skipped.status, skipped.is_open, skipped.reason) == (
            "not_relevant",
            False,
            "too_few_lost_workdays",
        )
        assert actions_since(seq) == ["cooperation.skipped"]
        assert skipped.events.all()[0].reason == "too_few_lost_workdays"

    def test_cancelling_needs_a_reason_and_closes_it(
        self, advisor: Actor, cooperation: Cooperation
    ) -> None:
        active = moved(advisor, cooperation, "assess", "activate")
        error = refused(
            lambda: services.cooperation_cancel(
                actor=advisor, cooperation=active, version=active.version, reason=""
            )
        )
        assert error.field == "reason"
        seq = mark()
        cancelled = services.cooperation_cancel(
            actor=advisor, cooperation=active, version=active.version, reason="enterprise_withdrew"
        )
        assert (cancelled.status, cancelled.is_open) == ("cancelled", False)
        assert actions_since(seq) == ["cooperation.cancelled"]

    def test_a_forbidden_move_is_an_invalid_transition(
        self, advisor: Actor, cooperation: Cooperation
    ) -> None:
        error = refused(
            lambda: services.cooperation_activate(
                actor=advisor, cooperation=cooperation, version=cooperation.version
            )
        )
        assert (error.code, error.status) == ("invalid_transition", 409)
        assert "Til vurdering" in error.message_nb or "To assess" in error.message_en

    def test_a_stale_version_is_refused(self, advisor: Actor, cooperation: Cooperation) -> None:
        error = refused(
            lambda: services.cooperation_assess(
                actor=advisor, cooperation=cooperation, version=cooperation.version + 1
            )
        )
        assert (error.code, error.status) == ("stale_version", 409)

    def test_the_employer_cannot_move_it(
        self, actor_of_login: Lookup, cooperation: Cooperation
    ) -> None:
        own = Cooperation.objects.get(enterprise__organisation_number="987654309", is_open=True)
        error = refused(
            lambda: services.cooperation_activate(
                actor=actor_of_login("arbeidsgiver"), cooperation=own, version=own.version
            )
        )
        assert error.status == 403

    def test_the_owner_must_be_an_advisor_of_the_county(
        self, advisor: Actor, cooperation: Cooperation
    ) -> None:
        error = refused(
            lambda: services.cooperation_set_owner(
                actor=advisor,
                cooperation=cooperation,
                owner=User.objects.get(username="veileder"),
                version=cooperation.version,
            )
        )
        assert (error.code, error.field) == ("not_an_advisor_here", "owner")
        seq = mark()
        changed = services.cooperation_set_owner(
            actor=advisor,
            cooperation=cooperation,
            owner=User.objects.get(username="ia-46"),
            version=cooperation.version,
        )
        assert changed.owner is not None and changed.owner.username == "ia-46"
        assert actions_since(seq) == ["cooperation.owner_changed"]


class TestCompletion:
    """A cooperation is unfinished while no needs assessment survey is closed (or one is
    still open), the plan has no sub-theme or one still planned or ongoing, or a delivery is
    still planned."""

    def complete(self, advisor: Actor, cooperation: Cooperation) -> Cooperation:
        cooperation.refresh_from_db()
        return services.cooperation_complete(
            actor=advisor,
            cooperation=cooperation,
            version=cooperation.version,
            reason="goals_reached",
        )

    def test_an_unfinished_cooperation_cannot_be_completed_and_says_why(
        self, advisor: Actor, cooperation: Cooperation
    ) -> None:
        active = moved(advisor, cooperation, "assess", "activate")
        error = refused(lambda: self.complete(advisor, active))
        assert (error.code, error.status) == ("cooperation_unfinished", 409)
        with translation.override("en"):
            assert "no needs assessment survey has been closed" in error.message
            assert "the plan has no sub-themes" in error.message

    def test_it_completes_once_the_assessment_and_the_plan_are_done(
        self, advisor: Actor, cooperation: Cooperation
    ) -> None:
        active = moved(advisor, cooperation, "assess", "activate")
        survey = services.survey_open(actor=advisor, cooperation=active, kind="needs_assessment")
        sub_theme = services.sub_theme_add(
            actor=advisor,
            cooperation=active,
            theme="sick_leave",
            title="Rutiner",
            goal="Tidlig dialog",
            starts_on=TODAY(),
            ends_on=TODAY() + DAY,
        )
        error = refused(lambda: self.complete(advisor, active))
        assert "still open" in error.message_en and "planned or ongoing" in error.message_en
        services.survey_close(actor=advisor, survey=survey)
        services.sub_theme_change(
            actor=advisor, sub_theme=sub_theme, version=sub_theme.version, status="done"
        )
        seq = mark()
        completed = self.complete(advisor, active)
        assert (completed.status, completed.is_open, completed.reason) == (
            "completed",
            False,
            "goals_reached",
        )
        assert actions_since(seq) == ["cooperation.completed"]


# The plan ------------------------------------------------------------------------------------


class TestPlan:
    def add(self, advisor: Actor, cooperation: Cooperation, **changes: Any) -> SubTheme:
        fields: dict[str, Any] = {
            "theme": "working_environment",
            "title": "Bedre turnus",
            "goal": "Færre korte fravær",
            "starts_on": TODAY(),
            "ends_on": TODAY() + 30 * DAY,
        }
        return services.sub_theme_add(
            actor=advisor, cooperation=cooperation, **{**fields, **changes}
        )

    def test_a_sub_theme_is_added_planned_and_audited(
        self, advisor: Actor, cooperation: Cooperation
    ) -> None:
        seq = mark()
        sub_theme = self.add(advisor, cooperation)
        assert sub_theme.status == "planned"
        assert actions_since(seq) == ["sub_theme.added"]
        plan = selectors.plan_of(cooperation)
        assert [t.theme for t in plan] == ["partnership", "sick_leave", "working_environment"]
        assert plan[2].sub_themes == [sub_theme]

    def test_the_end_cannot_come_before_the_start(
        self, advisor: Actor, cooperation: Cooperation
    ) -> None:
        error = refused(lambda: self.add(advisor, cooperation, ends_on=TODAY() - DAY))
        assert (error.code, error.field, error.status) == ("ends_before_start", "ends_on", 422)
        same_day = self.add(advisor, cooperation, ends_on=TODAY())
        assert same_day.ends_on == same_day.starts_on

    def test_a_status_change_follows_the_table(
        self, advisor: Actor, cooperation: Cooperation
    ) -> None:
        sub_theme = self.add(advisor, cooperation)
        cancelled = services.sub_theme_change(
            actor=advisor, sub_theme=sub_theme, version=sub_theme.version, status="cancelled"
        )
        error = refused(
            lambda: services.sub_theme_change(
                actor=advisor, sub_theme=cancelled, version=cancelled.version, status="done"
            )
        )
        assert (error.code, error.status) == ("invalid_transition", 409)

    def test_nothing_is_added_to_a_closed_cooperation(
        self, advisor: Actor, cooperation: Cooperation
    ) -> None:
        closed = moved(advisor, cooperation, "assess", "skip", reason="enterprise_declined")
        error = refused(lambda: self.add(advisor, closed))
        assert (error.code, error.status) == ("cooperation_closed", 409)

    def test_a_delivery_is_overdue_after_its_deadline_until_delivered(
        self, advisor: Actor, cooperation: Cooperation
    ) -> None:
        seq = mark()
        delivery = services.delivery_add(
            actor=advisor,
            cooperation=cooperation,
            kind="labour_inspection",
            deadline=TODAY() - DAY,
        )
        assert delivery.is_overdue
        delivered = services.delivery_change(
            actor=advisor, delivery=delivery, version=delivery.version, status="delivered"
        )
        assert (delivered.is_overdue, delivered.delivered_on) == (False, TODAY())
        assert actions_since(seq) == ["delivery.added", "delivery.changed"]

    def test_a_delivery_needs_a_known_kind_and_a_deadline(
        self, advisor: Actor, cooperation: Cooperation
    ) -> None:
        error = refused(
            lambda: services.delivery_add(
                actor=advisor, cooperation=cooperation, kind="party", deadline=TODAY()
            )
        )
        assert error.field == "kind"
        error = refused(
            lambda: services.delivery_add(
                actor=advisor, cooperation=cooperation, kind="training", deadline=None
            )
        )
        assert error.field == "deadline"


# Surveys -------------------------------------------------------------------------------------


def answer_all(token: str, group: str, value: object) -> SurveyResponse:
    return services.survey_answer(token=token, group=group, answers=dict.fromkeys(NEEDS, value))


class TestSurveys:
    def test_opening_gives_an_unguessable_link_and_is_audited(
        self, advisor: Actor, cooperation: Cooperation
    ) -> None:
        seq = mark()
        survey = services.survey_open(
            actor=advisor, cooperation=cooperation, kind="needs_assessment"
        )
        other = services.survey_open(actor=advisor, cooperation=cooperation, kind="evaluation")
        assert len(survey.token) >= 32 and survey.token != other.token
        assert actions_since(seq) == ["survey.opened", "survey.opened"]
        assert survey.token not in str(AuditEvent.objects.get(seq=seq + 1).after)

    def test_only_one_survey_of_a_kind_is_open_at_a_time(
        self, advisor: Actor, cooperation: Cooperation
    ) -> None:
        services.survey_open(actor=advisor, cooperation=cooperation, kind="needs_assessment")
        error = refused(
            lambda: services.survey_open(
                actor=advisor, cooperation=cooperation, kind="needs_assessment"
            )
        )
        assert (error.code, error.status) == ("survey_already_open", 409)

    def test_an_anonymous_answer_keeps_only_the_group(
        self, advisor: Actor, cooperation: Cooperation
    ) -> None:
        survey = services.survey_open(
            actor=advisor, cooperation=cooperation, kind="needs_assessment"
        )
        seq = mark()
        response = services.survey_answer(
            token=survey.token,
            group="manager",
            answers={**dict.fromkeys(NEEDS, "4"), "knowledge": "dont_know"},
        )
        assert actions_since(seq) == ["survey.answered"]
        assert AuditEvent.objects.get(seq=seq + 1).actor is None
        values = dict(response.answers.values_list("question", "value"))
        assert values == {**dict.fromkeys(NEEDS, 4), "knowledge": None}

    @pytest.mark.parametrize(
        ("answers", "field", "code"),
        [
            ({"partnership": 3}, "follow_up", "answer_required"),
            ({**dict.fromkeys(NEEDS, 3), "workload": 6}, "workload", "invalid_answer"),
            ({**dict.fromkeys(NEEDS, 3), "salary": 3}, "salary", "unknown_question"),
        ],
    )
    def test_an_incomplete_or_bad_answer_is_refused(
        self,
        advisor: Actor,
        cooperation: Cooperation,
        answers: dict[str, object],
        field: str,
        code: str,
    ) -> None:
        survey = services.survey_open(
            actor=advisor, cooperation=cooperation, kind="needs_assessment"
        )
        error = refused(
            lambda: services.survey_answer(token=survey.token, group="employee", answers=answers)
        )
        assert (error.code, error.field, error.status) == (code, field, 422)

    def test_a_closed_survey_takes_no_answers_and_a_bad_link_is_404(
        self, advisor: Actor, cooperation: Cooperation
    ) -> None:
        survey = services.survey_open(
            actor=advisor, cooperation=cooperation, kind="needs_assessment"
        )
        seq = mark()
        services.survey_close(actor=advisor, survey=survey)
        assert actions_since(seq) == ["survey.closed"]
        error = refused(lambda: answer_all(survey.token, "employee", 3))
        assert (error.code, error.status) == ("survey_closed", 409)
        assert refused(lambda: answer_all("nope", "employee", 3)).status == 404
        assert refused(lambda: services.survey_close(actor=advisor, survey=survey)).status == 409


# Subsidies and the budget ---------------------------------------------------------------------


def applied(actor: Actor, enterprise: Enterprise, amount: str = "10000.00") -> Subsidy:
    return services.subsidy_apply(
        actor=actor, enterprise=enterprise, purpose="Tilrettelegging", amount=amount
    )


def under_assessment(advisor: Actor, subsidy: Subsidy) -> Subsidy:
    return services.subsidy_assess(actor=advisor, subsidy=subsidy, version=subsidy.version)


class TestSubsidies:
    def test_the_employer_applies_for_their_own_enterprise(self, actor_of_login: Lookup) -> None:
        own = Enterprise.objects.get(organisation_number="987654309")
        seq = mark()
        subsidy = applied(actor_of_login("arbeidsgiver"), own, "12500.50")
        assert (subsidy.amount_applied, subsidy.status) == (Decimal("12500.50"), "applied")
        assert actions_since(seq) == ["subsidy.applied"]

    def test_the_employer_cannot_apply_for_another_enterprise(
        self, actor_of_login: Lookup, enterprise: Enterprise
    ) -> None:
        assert refused(lambda: applied(actor_of_login("arbeidsgiver"), enterprise)).status == 403

    @pytest.mark.parametrize("amount", ["0", "-5", "12.345", "tusen", "NaN", "Infinity"])
    def test_the_amount_must_be_positive_kroner_and_ore(
        self, advisor: Actor, enterprise: Enterprise, amount: str
    ) -> None:
        error = refused(lambda: applied(advisor, enterprise, amount))
        assert (error.code, error.field, error.status) == ("invalid_amount", "amount", 422)

    def test_grant_partly_refuse_and_pay_follow_the_table(
        self, advisor: Actor, enterprise: Enterprise
    ) -> None:
        subsidy = under_assessment(advisor, applied(advisor, enterprise, "1000.00"))
        error = refused(
            lambda: services.subsidy_grant(
                actor=advisor, subsidy=subsidy, version=subsidy.version, amount="1000.01"
            )
        )
        assert (error.code, error.field) == ("more_than_applied", "amount")
        seq = mark()
        partly = services.subsidy_grant(
            actor=advisor, subsidy=subsidy, version=subsidy.version, amount="999.99"
        )
        assert (partly.status, partly.amount_granted) == ("partly_granted", Decimal("999.99"))
        paid = services.subsidy_pay(actor=advisor, subsidy=partly, version=partly.version)
        assert paid.status == "paid"
        assert actions_since(seq) == ["subsidy.partly_granted", "subsidy.paid"]

        full = under_assessment(advisor, applied(advisor, enterprise, "500.00"))
        assert (
            services.subsidy_grant(actor=advisor, subsidy=full, version=full.version).status
            == "granted"
        )

    def test_a_refusal_needs_a_reason_and_a_refused_subsidy_is_never_paid(
        self, advisor: Actor, enterprise: Enterprise
    ) -> None:
        subsidy = under_assessment(advisor, applied(advisor, enterprise))
        error = refused(
            lambda: services.subsidy_refuse(
                actor=advisor, subsidy=subsidy, version=subsidy.version, reason=" "
            )
        )
        assert error.field == "reason"
        seq = mark()
        refusal = services.subsidy_refuse(
            actor=advisor, subsidy=subsidy, version=subsidy.version, reason="Utenfor ordningen"
        )
        assert actions_since(seq) == ["subsidy.refused"]
        error = refused(
            lambda: services.subsidy_pay(actor=advisor, subsidy=refusal, version=refusal.version)
        )
        assert (error.code, error.status) == ("invalid_transition", 409)

    def test_an_application_cannot_be_granted_before_it_is_assessed(
        self, advisor: Actor, enterprise: Enterprise
    ) -> None:
        subsidy = applied(advisor, enterprise)
        error = refused(
            lambda: services.subsidy_grant(actor=advisor, subsidy=subsidy, version=subsidy.version)
        )
        assert error.code == "invalid_transition"

    def test_the_employer_cannot_decide(self, actor_of_login: Lookup) -> None:
        own = Subsidy.objects.filter(enterprise__organisation_number="987654309").first()
        assert own is not None
        error = refused(
            lambda: services.subsidy_assess(
                actor=actor_of_login("arbeidsgiver"), subsidy=own, version=own.version
            )
        )
        assert error.status == 403


class TestBudget:
    def test_exactly_the_remaining_amount_is_granted_one_ore_more_is_refused(
        self, advisor: Actor, enterprise: Enterprise
    ) -> None:
        year = TODAY().year
        line = selectors.budget_line(actor=advisor, county_number="46", year=year)
        budget = services.budget_set(
            actor=advisor,
            county_number="46",
            year=year,
            amount=line.granted + Decimal("2500.00"),
            version=line.budget.version if line.budget else None,
        )
        remaining = budget.amount - selectors.granted_total("46", year)
        assert remaining == Decimal("2500.00")

        too_much = under_assessment(advisor, applied(advisor, enterprise, "2500.01"))
        error = refused(
            lambda: services.subsidy_grant(
                actor=advisor, subsidy=too_much, version=too_much.version
            )
        )
        assert (error.code, error.status) == ("budget_exceeded", 409)
        assert "2 500,00 kr igjen" in error.message_nb
        assert "2,500.00 NOK remain" in error.message_en

        exact = under_assessment(advisor, applied(advisor, enterprise, "2500.00"))
        granted = services.subsidy_grant(actor=advisor, subsidy=exact, version=exact.version)
        assert granted.status == "granted"
        line = selectors.budget_line(actor=advisor, county_number="46", year=year)
        assert line.remaining == Decimal("0.00")

    def test_setting_a_budget_is_audited_and_versioned(self, advisor: Actor) -> None:
        seq = mark()
        budget = services.budget_set(
            actor=advisor, county_number="46", year=2031, amount="1000000.00"
        )
        assert actions_since(seq) == ["budget.set"]
        error = refused(
            lambda: services.budget_set(
                actor=advisor, county_number="46", year=2031, amount="5.00", version=None
            )
        )
        assert (error.code, error.status) == ("budget_exists", 409)
        assert "already has a budget for 2031" in error.message_en
        changed = services.budget_set(
            actor=advisor, county_number="46", year=2031, amount="900000", version=budget.version
        )
        assert changed.amount == Decimal("900000.00")

    def test_creating_a_budget_another_session_just_created_is_409_and_the_rest_goes_on(
        self, advisor: Actor
    ) -> None:
        """The second of two creates that both found no budget: the unique constraint
        refuses it in a savepoint, so its transaction can still answer."""
        services.budget_set(actor=advisor, county_number="46", year=2033, amount="10.00")

        error = refused(lambda: services._budget_create(county("46"), 2033, Decimal("20.00")))

        assert (error.code, error.status, error.field) == ("budget_exists", 409, "version")
        assert "har allerede et budsjett for 2033" in error.message_nb
        assert SubsidyBudget.objects.get(county_id="46", year=2033).amount == Decimal("10.00")

    def test_a_budget_cannot_go_below_what_is_granted(self, advisor: Actor) -> None:
        line = selectors.budget_line(actor=advisor, county_number="46", year=TODAY().year)
        assert line.granted > 0
        error = refused(
            lambda: services.budget_set(
                actor=advisor,
                county_number="46",
                year=TODAY().year,
                amount=line.granted - Decimal("0.01"),
                version=line.budget.version if line.budget else None,
            )
        )
        assert (error.code, error.field) == ("below_granted", "amount")

    def test_only_the_county_centre_or_an_administrator_sets_it(
        self, actor_of_login: Lookup
    ) -> None:
        error = refused(
            lambda: services.budget_set(
                actor=actor_of_login("ia-03"), county_number="46", year=2032, amount="1.00"
            )
        )
        assert error.status == 403
        assert services.budget_set(
            actor=actor_of_login("admin"), county_number="46", year=2032, amount="1.00"
        ).amount == Decimal("1.00")
