"""Who sees and works on an individual plan: partners through the person's consent, which
holds or not on the day and is checked at every request, and the person's own plan.

The plans are built for each test at NAV Grünerløkka: the followed person, with a citizen
login of their own, has a plan coordinated by NAV with their GP as member, and no consents;
another person's plan is coordinated by their GP (the "fastlege" login) with their consent.
The partner's list also holds plans the tests did not build, so the tests look at the
plans they built in it."""

from __future__ import annotations

import pytest

from velferd.access.actor import ANONYMOUS, Actor
from velferd.access.roles import PartnerService, Role
from velferd.audit.models import AccessEvent
from velferd.core.testing import new_user, refusal
from velferd.followup import selectors, services
from velferd.followup.models import IndividualPlan, PlanMeasure
from velferd.organisation import selectors as organisation_selectors
from velferd.people.models import Consent, Person
from velferd.people.services import consent_withdraw

from .writes import (
    DAY,
    TODAY,
    Lookup,
    give_consent,
    last_event,
    members_of,
    refused_in_coordination as refused,
    reread,
    user,
)

pytestmark = pytest.mark.django_db


def listed(partner: Actor, *built: IndividualPlan) -> list[IndividualPlan]:
    """Those of the plans built in the test that the partner's list holds, in its order."""
    return [plan for plan in selectors.plans_for_partner(actor=partner) if plan in built]


class TestPartnerAccess:
    def test_the_gp_sees_the_plan_while_the_persons_consent_holds_and_the_read_is_logged(
        self, gp: Actor, gp_plan: IndividualPlan
    ) -> None:

        found = selectors.individual_plan_for(actor=gp, plan_id=gp_plan.pk)

        assert found == gp_plan
        assert [m.text for m in found.measures.all()] == ["Vurdere arbeidsevnen"]
        logged = AccessEvent.objects.filter(actor=user("fastlege")).get()
        assert (logged.subject_id, logged.what, logged.purpose, logged.actor_role) == (
            str(gp_plan.person_id),
            "individual_plan",
            "coordination",
            "partner",
        )

    def test_the_gp_works_on_the_plan_of_a_person_who_consented(
        self, gp: Actor, gp_plan: IndividualPlan, gp_measure: PlanMeasure
    ) -> None:

        services.plan_goals_update(actor=gp, plan=gp_plan, goals="Ny vurdering i mars.", version=1)
        added = services.plan_measure_add(
            actor=gp,
            plan=gp_plan,
            text="Henvise til fysioterapeut",
            responsible_service="gp",
            deadline=TODAY() + 30 * DAY,
        )
        services.plan_measure_done(actor=gp, measure=gp_measure)

        assert reread(gp_plan).goals == "Ny vurdering i mars."
        assert selectors.measure_for(actor=gp, measure_id=added.pk) == added
        assert last_event().actor_label == "Frida Fastlege"

    def test_the_gp_does_not_see_a_plan_without_the_persons_consent(
        self, gp: Actor, own_plan: IndividualPlan
    ) -> None:
        assert "gp" in members_of(own_plan)

        error = refusal(lambda: selectors.individual_plan_for(actor=gp, plan_id=own_plan.pk))

        assert (error.code, error.status) == ("forbidden", 403)
        measure = own_plan.measures.get()
        assert refusal(lambda: selectors.measure_for(actor=gp, measure_id=measure.pk)).status == 403
        assert not AccessEvent.objects.filter(actor=user("fastlege")).exists()

    def test_the_gp_may_not_change_a_plan_without_the_persons_consent(
        self, gp: Actor, own_plan: IndividualPlan
    ) -> None:
        error = refused(
            lambda: services.plan_goals_update(actor=gp, plan=own_plan, goals="x", version=1),
            own_plan,
        )
        assert error.status == 403

    def test_a_withdrawn_consent_takes_the_plan_away_at_once(
        self,
        vera: Actor,
        gp: Actor,
        gp_plan: IndividualPlan,
        gp_consent: Consent,
        gp_measure: PlanMeasure,
    ) -> None:
        assert listed(gp, gp_plan) == [gp_plan]

        consent_withdraw(actor=vera, consent=gp_consent)

        assert listed(gp, gp_plan) == []
        assert (
            refusal(lambda: selectors.individual_plan_for(actor=gp, plan_id=gp_plan.pk)).status
            == 403
        )
        assert (
            refusal(lambda: selectors.measure_for(actor=gp, measure_id=gp_measure.pk)).status == 403
        )
        error = refused(
            lambda: services.plan_measure_done(actor=gp, measure=gp_measure), gp_measure
        )
        assert error.status == 403

    def test_an_expired_consent_no_longer_holds(
        self, gp: Actor, gp_plan: IndividualPlan, gp_consent: Consent
    ) -> None:
        Consent.objects.filter(pk=gp_consent.pk).update(
            starts_on=TODAY() - 400 * DAY, ends_on=TODAY() - DAY
        )

        assert listed(gp, gp_plan) == []
        assert (
            refusal(lambda: selectors.individual_plan_for(actor=gp, plan_id=gp_plan.pk)).status
            == 403
        )

    def test_a_consent_ending_today_still_holds(
        self, gp: Actor, gp_plan: IndividualPlan, gp_consent: Consent
    ) -> None:
        Consent.objects.filter(pk=gp_consent.pk).update(ends_on=TODAY())
        assert listed(gp, gp_plan) == [gp_plan]

    def test_a_consent_that_has_not_started_does_not_hold_yet(
        self, vera: Actor, gp: Actor, gp_plan: IndividualPlan, gp_consent: Consent
    ) -> None:
        consent_withdraw(actor=vera, consent=gp_consent)
        give_consent(gp_consent.person, PartnerService.GP, starts_on=TODAY() + DAY)

        assert listed(gp, gp_plan) == []
        assert (
            refusal(lambda: selectors.individual_plan_for(actor=gp, plan_id=gp_plan.pk)).status
            == 403
        )

    def test_a_consent_for_another_service_does_not_let_the_gp_in(
        self, vera: Actor, gp: Actor, gp_plan: IndividualPlan, gp_consent: Consent
    ) -> None:
        consent_withdraw(actor=vera, consent=gp_consent)
        give_consent(gp_consent.person, PartnerService.CHILD_WELFARE)

        assert listed(gp, gp_plan) == []

    def test_the_partners_list_holds_only_consented_plans(
        self, gp: Actor, followed: Person, own_plan: IndividualPlan, gp_plan: IndividualPlan
    ) -> None:
        assert listed(gp, gp_plan, own_plan) == [gp_plan]

        give_consent(followed, PartnerService.GP)

        found = listed(gp, gp_plan, own_plan)
        assert sorted(p.pk for p in found) == sorted([gp_plan.pk, own_plan.pk])

    def test_a_gp_in_another_municipality_lists_nothing(self, gp_plan: IndividualPlan) -> None:
        bergen = new_user(
            "fastlege-bergen",
            Role.PARTNER,
            municipality=organisation_selectors.municipality("4601"),
            partner_service=PartnerService.GP,
        )
        assert selectors.plans_for_partner(actor=bergen) == []
        assert (
            refusal(lambda: selectors.individual_plan_for(actor=bergen, plan_id=gp_plan.pk)).status
            == 403
        )

    @pytest.mark.parametrize("login", ["veileder", "admin", "citizen"])
    def test_those_who_are_no_partners_list_nothing(self, acting_as: Lookup, login: str) -> None:
        assert selectors.plans_for_partner(actor=acting_as(login)) == []

    def test_anonymous_is_told_to_log_in(self, gp_plan: IndividualPlan) -> None:
        error = refusal(lambda: selectors.individual_plan_for(actor=ANONYMOUS, plan_id=gp_plan.pk))
        assert (error.code, error.status) == ("not_authenticated", 401)

    @pytest.mark.parametrize("plan_id", ["not-a-uuid", "00000000-0000-0000-0000-000000000000"])
    def test_an_unknown_plan_is_404(self, vera: Actor, plan_id: str) -> None:
        error = refusal(lambda: selectors.individual_plan_for(actor=vera, plan_id=plan_id))
        assert (error.code, error.status) == ("not_found", 404)


# The person's own plan -----------------------------------------------------------------------


class TestThePersonsOwnPlan:
    def test_the_person_sees_their_own_plan_and_their_own_read_is_not_logged(
        self, citizen: Actor, own_plan: IndividualPlan
    ) -> None:

        found = selectors.individual_plan_for(actor=citizen, plan_id=own_plan.pk)

        assert found == own_plan
        assert members_of(found) == {"nav": True, "gp": False}
        assert not AccessEvent.objects.filter(actor=citizen.user).exists()

    def test_the_person_edits_the_goals_and_measures_of_their_plan(
        self, citizen: Actor, followed: Person, own_plan: IndividualPlan
    ) -> None:

        services.plan_goals_update(
            actor=citizen, plan=own_plan, goals="Jobb som kokk, helst på dagtid.", version=1
        )
        measure = services.plan_measure_add(
            actor=citizen,
            plan=own_plan,
            text="Snakke med fastlegen om kneet",
            responsible_service="gp",
            deadline=TODAY() + 7 * DAY,
        )
        services.plan_measure_done(actor=citizen, measure=measure)

        assert reread(own_plan).goals == "Jobb som kokk, helst på dagtid."
        assert PlanMeasure.objects.get(pk=measure.pk).done_on == TODAY()
        assert last_event().actor_label == followed.full_name

    def test_the_person_does_not_choose_the_members(
        self, citizen: Actor, own_plan: IndividualPlan
    ) -> None:
        assert (
            refused(
                lambda: services.plan_member_add(actor=citizen, plan=own_plan, service="school")
            ).status
            == 403
        )
        assert (
            refused(
                lambda: services.plan_set_coordinator(
                    actor=citizen, plan=own_plan, service="gp", version=1
                ),
                own_plan,
            ).status
            == 403
        )

    def test_the_person_does_not_see_someone_elses_plan(
        self, citizen: Actor, gp_plan: IndividualPlan
    ) -> None:
        assert (
            refusal(lambda: selectors.individual_plan_for(actor=citizen, plan_id=gp_plan.pk)).status
            == 403
        )
        error = refused(
            lambda: services.plan_goals_update(actor=citizen, plan=gp_plan, goals="x", version=1),
            gp_plan,
        )
        assert error.status == 403


def test_each_plan_in_the_partners_list_is_a_logged_read(
    actor_of_login: Lookup, gp_plan: IndividualPlan
) -> None:
    """The list gives the plans whole (goals, measures): each is a read of the person."""
    plans = selectors.plans_for_partner(actor=actor_of_login("fastlege"))
    assert gp_plan in plans
    reads = AccessEvent.objects.filter(actor=user("fastlege"), what="individual_plan")
    assert sorted(r.subject_id for r in reads) == sorted(str(p.person_id) for p in plans)
    assert {r.purpose for r in reads} == {"coordination"}
