"""The expert assistance subsidy (tilskudd til ekspertbistand), the IA agreement's subsidy
since 2019 (IA agreement 2019–2024 and its extension 2025–2028), as NAV's published rules
for it say (nav.no/arbeidsgiver/ekspertbistand): the employer applies, with the employee
agreeing, for an employee with long or frequent sick leave; the expert is independent of
the enterprise and its own occupational health service; NAV covers the cost up to the
year's maximum rate (24 900 kr in 2026) and decides within the county's budget for it.
The prevention and facilitation subsidies of the IA agreement 2014–2018 take no new
application."""

from __future__ import annotations

from decimal import Decimal
from functools import partial

import pytest

from velferd.access.actor import Actor
from velferd.audit.models import AccessEvent
from velferd.core.testing import refusal
from velferd.employers import selectors, services
from velferd.employers.models import Enterprise, ExpertAssistance, max_rate

from .deferrals import DAY, applied, expert_budget, today, vestland_advisor
from .factories import a_representative, an_enterprise
from .writes import Lookup, actions_since, audit_mark

pytestmark = pytest.mark.django_db


@pytest.fixture
def advisor() -> Actor:
    return vestland_advisor()


@pytest.fixture
def employer() -> Actor:
    return a_representative(an_enterprise(name="Ekspertbedrift AS"), "ekspert-arbeidsgiver")


def enterprise_of(employer: Actor) -> Enterprise:
    return selectors.own_enterprises(actor=employer).get()


def count() -> int:
    return ExpertAssistance.objects.count()


class TestApplying:
    def test_the_employer_applies_with_the_employees_agreement_recorded(
        self, employer: Actor
    ) -> None:
        seq = audit_mark()
        application = applied(employer, enterprise_of(employer))
        assert application.status == "applied"
        assert application.employee_agreed_on == today() - 7 * DAY
        assert application.amount_applied == Decimal("15000.00")
        assert application.max_amount == max_rate(today().year)
        assert actions_since(seq) == ["expert_assistance.applied"]

    def test_without_the_employees_agreement_there_is_no_application(self, employer: Actor) -> None:
        before = count()
        error = refusal(lambda: applied(employer, enterprise_of(employer), employee_agreed=False))
        assert (error.code, error.field) == ("employee_agreement_required", "employee_agreed")
        assert count() == before

    def test_the_agreement_is_dated_today_or_earlier(self, employer: Actor) -> None:
        error = refusal(
            lambda: applied(employer, enterprise_of(employer), employee_agreed_on=today() + 2 * DAY)
        )
        assert error.field == "employee_agreed_on"

    @pytest.mark.parametrize("pattern", ["", "short", "none"])
    def test_the_sick_leave_is_long_or_frequent(self, employer: Actor, pattern: str) -> None:
        error = refusal(lambda: applied(employer, enterprise_of(employer), sick_leave=pattern))
        assert error.field == "sick_leave"

    def test_the_expert_is_independent_of_the_enterprise(self, employer: Actor) -> None:
        enterprise = enterprise_of(employer)
        dependent = refusal(lambda: applied(employer, enterprise, expert_independent=False))
        assert dependent.code == "expert_not_independent"
        assert "bedriftshelsetjeneste" in dependent.message_nb
        own_staff = refusal(
            lambda: applied(
                employer, enterprise, expert_organisation_number=enterprise.organisation_number
            )
        )
        assert own_staff.code == "expert_not_independent"

    def test_the_cost_is_at_most_the_years_rate(self, employer: Actor) -> None:
        rate = max_rate(today().year)
        error = refusal(
            lambda: applied(employer, enterprise_of(employer), amount=str(rate + Decimal("0.01")))
        )
        assert (error.code, error.field) == ("above_max_rate", "amount")
        assert applied(employer, enterprise_of(employer), amount=str(rate)).amount_applied == rate

    def test_the_rate_follows_nav_s_published_figures(self) -> None:
        assert max_rate(2023) == Decimal("22300.00")
        assert max_rate(2024) == Decimal("23100.00")
        assert max_rate(2026) == Decimal("24900.00")
        assert max_rate(2030) == Decimal("24900.00")

    def test_nav_does_not_apply_for_the_employer(self, advisor: Actor, employer: Actor) -> None:
        error = refusal(lambda: applied(advisor, enterprise_of(employer)))
        assert error.status == 403

    def test_the_old_prevention_subsidy_takes_no_application_after_2018(
        self, employer: Actor
    ) -> None:
        """IA agreement 2014–2018: prevention and facilitation subsidies ended with it."""
        error = refusal(
            lambda: services.subsidy_apply(
                actor=employer, enterprise=enterprise_of(employer), purpose="Kurs", amount="1000"
            )
        )
        assert (error.code, error.status) == ("subsidy_scheme_ended", 409)
        assert "ekspertbistand" in error.message_nb


class TestDeciding:
    def test_nav_grants_within_the_countys_budget_and_the_employer_sees_it(
        self, advisor: Actor, employer: Actor
    ) -> None:
        expert_budget(advisor, "2000000.00")
        before = selectors.budget_line(actor=advisor, county_number="46", year=today().year)
        application = applied(employer, enterprise_of(employer))
        seq = audit_mark()
        granted = services.expert_assistance_grant(
            actor=advisor, application=application, version=application.version
        )
        assert (granted.status, granted.amount_granted) == ("granted", Decimal("15000.00"))
        assert (granted.budget_year, granted.decided_by) == (today().year, advisor.user)
        assert actions_since(seq) == ["expert_assistance.granted"]
        after = selectors.budget_line(actor=advisor, county_number="46", year=today().year)
        assert after.remaining == before.remaining - Decimal("15000.00")
        assert after.scheme == "expert_assistance"
        seen = selectors.expert_assistance_for(actor=employer, application_id=granted.pk)
        assert seen.status == "granted"

    def test_a_grant_beyond_the_budget_is_refused_naming_what_remains(
        self, advisor: Actor, employer: Actor
    ) -> None:
        spent = selectors.granted_total("46", today().year)
        expert_budget(advisor, str(spent + Decimal("10000.00")))
        application = applied(employer, enterprise_of(employer))
        error = refusal(
            lambda: services.expert_assistance_grant(
                actor=advisor, application=application, version=application.version
            )
        )
        assert (error.code, error.status) == ("budget_exceeded", 409)
        assert "10 000,00 kr" in error.message_nb
        application.refresh_from_db()
        assert application.status == "applied"

    def test_no_more_than_applied_for(self, advisor: Actor, employer: Actor) -> None:
        expert_budget(advisor, "2000000.00")
        application = applied(employer, enterprise_of(employer))
        error = refusal(
            lambda: services.expert_assistance_grant(
                actor=advisor,
                application=application,
                version=application.version,
                amount="15000.01",
            )
        )
        assert (error.code, error.field) == ("more_than_applied", "amount")

    def test_a_refusal_needs_its_reasons(self, advisor: Actor, employer: Actor) -> None:
        application = applied(employer, enterprise_of(employer))
        error = refusal(
            lambda: services.expert_assistance_refuse(
                actor=advisor, application=application, version=application.version, reason=" "
            )
        )
        assert error.field == "reason"
        seq = audit_mark()
        refused = services.expert_assistance_refuse(
            actor=advisor,
            application=application,
            version=application.version,
            reason="Bedriftshelsetjenesten er ikke prøvd.",
        )
        assert (refused.status, refused.decision_reason) == (
            "refused",
            "Bedriftshelsetjenesten er ikke prøvd.",
        )
        assert actions_since(seq) == ["expert_assistance.refused"]

    def test_a_decided_application_is_not_decided_again_409(
        self, advisor: Actor, employer: Actor
    ) -> None:
        expert_budget(advisor, "2000000.00")
        application = applied(employer, enterprise_of(employer))
        granted = services.expert_assistance_grant(
            actor=advisor, application=application, version=application.version
        )
        error = refusal(
            lambda: services.expert_assistance_refuse(
                actor=advisor, application=granted, version=granted.version, reason="Nei"
            )
        )
        assert (error.code, error.status) == ("invalid_transition", 409)

    def test_only_the_countys_advisors_decide(
        self,
        employer: Actor,
        actor_of_login: Lookup,
    ) -> None:
        application = applied(employer, enterprise_of(employer))
        for outsider in (employer, actor_of_login("ia-03"), actor_of_login("admin")):
            error = refusal(
                partial(
                    services.expert_assistance_refuse,
                    actor=outsider,
                    application=application,
                    version=application.version,
                    reason="x",
                )
            )
            assert error.status == 403


class TestReading:
    def test_the_employer_and_the_countys_advisors_read_it_and_the_read_is_logged(
        self,
        advisor: Actor,
        employer: Actor,
        actor_of_login: Lookup,
    ) -> None:
        application = applied(employer, enterprise_of(employer))
        for reader in (employer, advisor):
            assert selectors.expert_assistance_for(actor=reader, application_id=application.pk)
        logged = AccessEvent.objects.filter(
            subject_type="employers.expertassistance", subject_id=str(application.pk)
        )
        assert {e.actor_id for e in logged} == {employer.user.pk, advisor.user.pk}  # type: ignore[union-attr]
        for outsider in (actor_of_login("ia-03"), actor_of_login("admin")):
            error = refusal(
                partial(
                    selectors.expert_assistance_for, actor=outsider, application_id=application.pk
                )
            )
            assert error.status == 404

    def test_lists_hold_what_the_detail_shows(
        self,
        advisor: Actor,
        employer: Actor,
        actor_of_login: Lookup,
    ) -> None:
        application = applied(employer, enterprise_of(employer))
        other = a_representative(an_enterprise(), "annen-arbeidsgiver")
        assert application in selectors.expert_assistance_visible_to(actor=employer)
        assert application in selectors.expert_assistance_visible_to(actor=advisor)
        assert application not in selectors.expert_assistance_visible_to(actor=other)
        assert application not in selectors.expert_assistance_visible_to(
            actor=actor_of_login("ia-03")
        )
        refused = refusal(
            partial(selectors.expert_assistance_visible_to, actor=actor_of_login("admin"))
        )
        assert refused.status == 403
