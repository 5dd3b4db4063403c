"""Who sees and works on an individual plan: partners through the person's consent, which
holds or not on the day and is checked at every request, and the person's own plan.

The demo at NAV Grünerløkka: Ola (the "innbygger" login) has a plan coordinated by NAV
with his GP as member, and no consents; Maria's plan is coordinated by her GP (the
"fastlege" login) with her consent."""

from __future__ import annotations

import pytest

from velferd.access.actor import ANONYMOUS, Actor
from velferd.access.roles import PartnerService, Role
from velferd.audit.models import AccessEvent
from velferd.followup import selectors, services
from velferd.followup.models import PlanMeasure
from velferd.organisation import selectors as organisation_selectors
from velferd.people.models import Consent
from velferd.people.services import consent_withdraw

from .writes import (
    DAY,
    TODAY,
    Lookup,
    give_consent,
    last_event,
    marias_gp_consent,
    measure_of,
    measure_of_text,
    members_of,
    new_user,
    person,
    plan_of,
    refusal,
    user,
)
from .writes import refused_in_coordination as refused

pytestmark = pytest.mark.django_db


class TestPartnerAccess:
    def test_the_gp_sees_marias_plan_while_her_consent_holds_and_the_read_is_logged(
        self, gp: Actor
    ) -> None:
        plan = plan_of("Maria")

        found = selectors.individual_plan_for(actor=gp, plan_id=plan.pk)

        assert found == plan
        assert [m.text for m in found.measures.all()] == ["Vurdere arbeidsevnen"]
        logged = AccessEvent.objects.filter(actor=user("fastlege")).get()
        assert (logged.subject_id, logged.what, logged.purpose, logged.actor_role) == (
            str(person("Maria").pk),
            "individual_plan",
            "coordination",
            "partner",
        )

    def test_the_gp_works_on_marias_plan(self, gp: Actor) -> None:
        plan = plan_of("Maria")

        services.plan_goals_update(actor=gp, plan=plan, goals="Ny vurdering i mars.", version=1)
        added = services.plan_measure_add(
            actor=gp,
            plan=plan,
            text="Henvise til fysioterapeut",
            responsible_service="gp",
            deadline=TODAY() + 30 * DAY,
        )
        services.plan_measure_done(actor=gp, measure=measure_of_text("Vurdere arbeidsevnen"))

        assert plan_of("Maria").goals == "Ny vurdering i mars."
        assert selectors.measure_for(actor=gp, measure_id=added.pk) == added
        assert last_event().actor_label == "Frida Fastlege"

    def test_the_gp_does_not_see_olas_plan_without_his_consent(self, gp: Actor) -> None:
        plan = plan_of("Ola")
        assert "gp" in members_of(plan)

        error = refusal(lambda: selectors.individual_plan_for(actor=gp, plan_id=plan.pk))

        assert (error.code, error.status) == ("forbidden", 403)
        olas_measure = plan.measures.get()
        assert (
            refusal(lambda: selectors.measure_for(actor=gp, measure_id=olas_measure.pk)).status
            == 403
        )
        assert not AccessEvent.objects.filter(actor=user("fastlege")).exists()

    def test_the_gp_may_not_change_olas_plan(self, gp: Actor) -> None:
        plan = plan_of("Ola")
        error = refused(
            lambda: services.plan_goals_update(actor=gp, plan=plan, goals="x", version=1), plan
        )
        assert error.status == 403

    def test_a_withdrawn_consent_takes_the_plan_away_at_once(self, vera: Actor, gp: Actor) -> None:
        plan = plan_of("Maria")
        assert selectors.plans_for_partner(actor=gp) == [plan]

        consent_withdraw(actor=vera, consent=marias_gp_consent())

        assert selectors.plans_for_partner(actor=gp) == []
        assert (
            refusal(lambda: selectors.individual_plan_for(actor=gp, plan_id=plan.pk)).status == 403
        )
        measure = measure_of("Maria")
        assert refusal(lambda: selectors.measure_for(actor=gp, measure_id=measure.pk)).status == 403
        error = refused(lambda: services.plan_measure_done(actor=gp, measure=measure), measure)
        assert error.status == 403

    def test_an_expired_consent_no_longer_holds(self, gp: Actor) -> None:
        Consent.objects.filter(pk=marias_gp_consent().pk).update(
            starts_on=TODAY() - 400 * DAY, ends_on=TODAY() - DAY
        )
        plan = plan_of("Maria")

        assert selectors.plans_for_partner(actor=gp) == []
        assert (
            refusal(lambda: selectors.individual_plan_for(actor=gp, plan_id=plan.pk)).status == 403
        )

    def test_a_consent_ending_today_still_holds(self, gp: Actor) -> None:
        Consent.objects.filter(pk=marias_gp_consent().pk).update(ends_on=TODAY())
        assert selectors.plans_for_partner(actor=gp) == [plan_of("Maria")]

    def test_a_consent_that_has_not_started_does_not_hold_yet(self, vera: Actor, gp: Actor) -> None:
        consent_withdraw(actor=vera, consent=marias_gp_consent())
        give_consent(person("Maria"), PartnerService.GP, starts_on=TODAY() + DAY)
        plan = plan_of("Maria")

        assert selectors.plans_for_partner(actor=gp) == []
        assert (
            refusal(lambda: selectors.individual_plan_for(actor=gp, plan_id=plan.pk)).status == 403
        )

    def test_a_consent_for_another_service_does_not_let_the_gp_in(
        self, vera: Actor, gp: Actor
    ) -> None:
        consent_withdraw(actor=vera, consent=marias_gp_consent())
        give_consent(person("Maria"), PartnerService.CHILD_WELFARE)

        assert selectors.plans_for_partner(actor=gp) == []

    def test_the_partners_list_holds_only_consented_plans(self, gp: Actor) -> None:
        assert selectors.plans_for_partner(actor=gp) == [plan_of("Maria")]

        give_consent(person("Ola"), PartnerService.GP)

        found = selectors.plans_for_partner(actor=gp)
        assert sorted(p.person.given_name for p in found) == ["Maria", "Ola"]

    def test_a_gp_in_another_municipality_lists_nothing(self) -> None:
        bergen = new_user(
            "fastlege-bergen",
            Role.PARTNER,
            municipality=organisation_selectors.municipality("4601"),
            partner_service=PartnerService.GP,
        )
        plan = plan_of("Maria")
        assert selectors.plans_for_partner(actor=bergen) == []
        assert (
            refusal(lambda: selectors.individual_plan_for(actor=bergen, plan_id=plan.pk)).status
            == 403
        )

    @pytest.mark.parametrize("login", ["veileder", "admin", "innbygger"])
    def test_those_who_are_no_partners_list_nothing(
        self, actor_of_login: Lookup, login: str
    ) -> None:
        assert selectors.plans_for_partner(actor=actor_of_login(login)) == []

    def test_anonymous_is_told_to_log_in(self) -> None:
        plan = plan_of("Maria")
        error = refusal(lambda: selectors.individual_plan_for(actor=ANONYMOUS, plan_id=plan.pk))
        assert (error.code, error.status) == ("not_authenticated", 401)

    @pytest.mark.parametrize("plan_id", ["not-a-uuid", "00000000-0000-0000-0000-000000000000"])
    def test_an_unknown_plan_is_404(self, vera: Actor, plan_id: str) -> None:
        error = refusal(lambda: selectors.individual_plan_for(actor=vera, plan_id=plan_id))
        assert (error.code, error.status) == ("not_found", 404)


# The person's own plan -----------------------------------------------------------------------


class TestThePersonsOwnPlan:
    def test_ola_sees_his_own_plan_and_his_own_read_is_not_logged(self, ola: Actor) -> None:
        plan = plan_of("Ola")

        found = selectors.individual_plan_for(actor=ola, plan_id=plan.pk)

        assert found == plan
        assert members_of(found) == {"nav": True, "gp": False}
        assert not AccessEvent.objects.filter(actor=user("innbygger")).exists()

    def test_ola_edits_the_goals_and_measures_of_his_plan(self, ola: Actor) -> None:
        plan = plan_of("Ola")

        services.plan_goals_update(
            actor=ola, plan=plan, goals="Jobb som kokk, helst på dagtid.", version=1
        )
        measure = services.plan_measure_add(
            actor=ola,
            plan=plan,
            text="Snakke med fastlegen om kneet",
            responsible_service="gp",
            deadline=TODAY() + 7 * DAY,
        )
        services.plan_measure_done(actor=ola, measure=measure)

        assert plan_of("Ola").goals == "Jobb som kokk, helst på dagtid."
        assert PlanMeasure.objects.get(pk=measure.pk).done_on == TODAY()
        assert last_event().actor_label == "Ola Nordmann"

    def test_ola_does_not_choose_the_members(self, ola: Actor) -> None:
        plan = plan_of("Ola")
        assert (
            refused(lambda: services.plan_member_add(actor=ola, plan=plan, service="school")).status
            == 403
        )
        assert (
            refused(
                lambda: services.plan_set_coordinator(
                    actor=ola, plan=plan, service="gp", version=1
                ),
                plan,
            ).status
            == 403
        )

    def test_ola_does_not_see_marias_plan(self, ola: Actor) -> None:
        plan = plan_of("Maria")
        assert (
            refusal(lambda: selectors.individual_plan_for(actor=ola, plan_id=plan.pk)).status == 403
        )
        error = refused(
            lambda: services.plan_goals_update(actor=ola, plan=plan, goals="x", version=1), plan
        )
        assert error.status == 403


def test_each_plan_in_the_partners_list_is_a_logged_read(actor_of_login: Lookup) -> None:
    """The list gives the plans whole (goals, measures): each is a read of the person."""
    plans = selectors.plans_for_partner(actor=actor_of_login("fastlege"))
    assert plans
    reads = AccessEvent.objects.filter(actor=user("fastlege"), what="individual_plan")
    assert sorted(r.subject_id for r in reads) == sorted(str(p.person_id) for p in plans)
    assert {r.purpose for r in reads} == {"coordination"}
