"""Benefits on record and the qualification programme assessment: who records which, the
municipality's records kept from the state side without the person's consent.

Every write is checked for what a user would notice and for its audit event; every
refusal for its code and status, and for having written nothing at all."""

from __future__ import annotations

import pytest

from velferd.access.actor import Actor
from velferd.access.roles import PartnerService
from velferd.core.testing import refusal
from velferd.followup import selectors, services
from velferd.followup.models import Benefit
from velferd.people.models import Consent, Person

from .writes import (
    DAY,
    TODAY,
    Lookup,
    actions_since,
    audit_mark,
    give_consent,
    last_event,
    refused_in_coordination as refused,
    row_of,
)

pytestmark = pytest.mark.django_db


class TestBenefitRecord:
    def test_a_caseworker_records_a_benefit_which_the_office_then_sees(
        self, vera: Actor, unfollowed: Person
    ) -> None:
        mark = audit_mark()

        benefit = services.benefit_record(
            actor=vera,
            person=unfollowed,
            kind="sickness_benefit",
            starts_on=TODAY() - 30 * DAY,
            ends_on=TODAY() + 30 * DAY,
        )

        assert selectors.benefits_visible(actor=vera, person=unfollowed) == [benefit]
        assert benefit.runs_on(TODAY())
        assert not benefit.is_municipal
        assert actions_since(mark) == ["benefit.recorded"]
        assert last_event().target_id == str(benefit.pk)
        assert last_event().after == {
            "kind": "sickness_benefit",
            "starts_on": (TODAY() - 30 * DAY).isoformat(),
            "ends_on": (TODAY() + 30 * DAY).isoformat(),
            "degree": None,
        }

    @pytest.mark.parametrize("degree", [1, 50, 100])
    def test_disability_benefit_has_a_degree_from_1_to_100(
        self, vera: Actor, degree: int, unfollowed: Person
    ) -> None:
        benefit = services.benefit_record(
            actor=vera,
            person=unfollowed,
            kind="disability_benefit",
            starts_on=TODAY(),
            degree=degree,
        )
        assert row_of(benefit)["degree"] == degree
        assert last_event().after["degree"] == degree  # type: ignore[index]

    @pytest.mark.parametrize("degree", [None, 0, 101, -5])
    def test_disability_benefit_without_a_degree_from_1_to_100_is_refused_with_422(
        self, vera: Actor, degree: int | None, unfollowed: Person
    ) -> None:
        error = refused(
            lambda: services.benefit_record(
                actor=vera,
                person=unfollowed,
                kind="disability_benefit",
                starts_on=TODAY(),
                degree=degree,
            )
        )
        assert (error.code, error.status, error.field) == ("degree_required", 422, "degree")

    @pytest.mark.parametrize("kind", ["sickness_benefit", "work_assessment_allowance"])
    def test_only_disability_benefit_has_a_degree(
        self, vera: Actor, kind: str, unfollowed: Person
    ) -> None:
        error = refused(
            lambda: services.benefit_record(
                actor=vera, person=unfollowed, kind=kind, starts_on=TODAY(), degree=50
            )
        )
        assert (error.code, error.status, error.field) == ("degree_not_applicable", 422, "degree")

    def test_an_end_before_the_start_is_refused_with_422(
        self, vera: Actor, unfollowed: Person
    ) -> None:
        error = refused(
            lambda: services.benefit_record(
                actor=vera,
                person=unfollowed,
                kind="sickness_benefit",
                starts_on=TODAY(),
                ends_on=TODAY() - DAY,
            )
        )
        assert (error.code, error.status, error.field) == ("ends_before_start", 422, "ends_on")

    def test_a_period_of_one_day_is_allowed(self, vera: Actor, unfollowed: Person) -> None:
        benefit = services.benefit_record(
            actor=vera,
            person=unfollowed,
            kind="sickness_benefit",
            starts_on=TODAY(),
            ends_on=TODAY(),
        )
        assert benefit.runs_on(TODAY())
        assert not benefit.runs_on(TODAY() + DAY)

    def test_an_unknown_kind_is_refused_with_422(self, vera: Actor, unfollowed: Person) -> None:
        error = refused(
            lambda: services.benefit_record(
                actor=vera, person=unfollowed, kind="lottery_win", starts_on=TODAY()
            )
        )
        assert (error.code, error.status, error.field) == ("unknown_benefit", 422, "kind")

    @pytest.mark.parametrize("kind", ["financial_assistance", "qualification_benefit"])
    def test_the_municipal_caseworker_records_the_municipalitys_benefits(
        self, social: Actor, kind: str, unfollowed: Person
    ) -> None:
        benefit = services.benefit_record(
            actor=social, person=unfollowed, kind=kind, starts_on=TODAY()
        )
        assert benefit.is_municipal
        assert last_event().action == "benefit.recorded"
        assert last_event().actor_label == "Sindre Sosialkonsulent"

    @pytest.mark.parametrize("login", ["veileder", "kontorleder"])
    @pytest.mark.parametrize("kind", ["financial_assistance", "qualification_benefit"])
    def test_the_state_side_may_not_record_municipal_benefits_without_consent(
        self, acting_as: Lookup, login: str, kind: str, unfollowed: Person
    ) -> None:
        error = refused(
            lambda: services.benefit_record(
                actor=acting_as(login), person=unfollowed, kind=kind, starts_on=TODAY()
            )
        )
        assert (error.code, error.status) == ("forbidden", 403)

    def test_with_the_persons_consent_the_state_caseworker_may(
        self, vera: Actor, unfollowed: Person
    ) -> None:
        give_consent(unfollowed, PartnerService.NAV_STATE)

        benefit = services.benefit_record(
            actor=vera, person=unfollowed, kind="financial_assistance", starts_on=TODAY()
        )

        assert selectors.benefits_visible(actor=vera, person=unfollowed) == [benefit]

    @pytest.mark.parametrize("login", ["beslutter", "fastlege", "citizen", "admin"])
    def test_those_who_do_not_follow_the_person_up_may_record_nothing(
        self, acting_as: Lookup, login: str, followed: Person
    ) -> None:
        error = refused(
            lambda: services.benefit_record(
                actor=acting_as(login),
                person=followed,
                kind="sickness_benefit",
                starts_on=TODAY(),
            )
        )
        assert error.status == 403

    def test_a_caseworker_at_another_office_may_record_nothing(
        self, sagene_caseworker: Actor, followed: Person
    ) -> None:
        error = refused(
            lambda: services.benefit_record(
                actor=sagene_caseworker,
                person=followed,
                kind="sickness_benefit",
                starts_on=TODAY(),
            )
        )
        assert error.status == 403


class TestBenefitEnd:
    def test_a_caseworker_ends_a_benefit_and_it_stops_running(
        self, vera: Actor, allowance: Benefit
    ) -> None:
        mark = audit_mark()

        services.benefit_end(actor=vera, benefit=allowance, ends_on=TODAY() - DAY)

        stored = Benefit.objects.get(pk=allowance.pk)
        assert stored.ends_on == TODAY() - DAY
        assert not stored.runs_on(TODAY())
        assert actions_since(mark) == ["benefit.ended"]
        assert last_event().before == {"ends_on": None}
        assert last_event().after == {"ends_on": (TODAY() - DAY).isoformat()}

    def test_an_end_before_the_start_is_refused_with_422(
        self, vera: Actor, allowance: Benefit
    ) -> None:
        error = refused(
            lambda: services.benefit_end(
                actor=vera, benefit=allowance, ends_on=allowance.starts_on - DAY
            ),
            allowance,
        )
        assert (error.code, error.status, error.field) == ("ends_before_start", 422, "ends_on")

    def test_the_state_caseworker_may_not_end_financial_assistance(
        self, vera: Actor, social: Actor, on_assistance: Person
    ) -> None:
        assistance = on_assistance.benefits.get()

        error = refused(
            lambda: services.benefit_end(actor=vera, benefit=assistance, ends_on=TODAY()),
            assistance,
        )

        assert error.status == 403
        services.benefit_end(actor=social, benefit=assistance, ends_on=TODAY())
        assert Benefit.objects.get(pk=assistance.pk).ends_on == TODAY()


class TestBenefitChange:
    def test_a_caseworker_moves_a_period_and_it_runs_on_the_new_days(
        self, vera: Actor, allowance: Benefit
    ) -> None:
        mark = audit_mark()
        starts_on, ends_on = TODAY() + DAY, TODAY() + 30 * DAY

        services.benefit_change(actor=vera, benefit=allowance, starts_on=starts_on, ends_on=ends_on)

        stored = Benefit.objects.get(pk=allowance.pk)
        assert (stored.starts_on, stored.ends_on) == (starts_on, ends_on)
        assert not stored.runs_on(TODAY())
        assert actions_since(mark) == ["benefit.changed"]
        assert (last_event().before or {})["starts_on"] == allowance.starts_on.isoformat()
        assert last_event().after == {
            "starts_on": starts_on.isoformat(),
            "ends_on": ends_on.isoformat(),
        }

    def test_an_end_before_the_start_is_refused_with_422(
        self, vera: Actor, allowance: Benefit
    ) -> None:
        error = refused(
            lambda: services.benefit_change(
                actor=vera, benefit=allowance, starts_on=TODAY(), ends_on=TODAY() - DAY
            ),
            allowance,
        )
        assert (error.code, error.status, error.field) == ("ends_before_start", 422, "ends_on")

    def test_the_state_caseworker_may_not_change_financial_assistance(
        self, vera: Actor, on_assistance: Person
    ) -> None:
        assistance = on_assistance.benefits.get()
        error = refused(
            lambda: services.benefit_change(
                actor=vera, benefit=assistance, starts_on=TODAY(), ends_on=None
            ),
            assistance,
        )
        assert error.status == 403


class TestBenefitDelete:
    def test_a_period_taken_off_the_record_is_gone_and_its_days_are_in_the_audit_trail(
        self, vera: Actor, allowance: Benefit
    ) -> None:
        mark = audit_mark()

        services.benefit_delete(actor=vera, benefit=allowance)

        assert not Benefit.objects.filter(pk=allowance.pk).exists()
        assert actions_since(mark) == ["benefit.deleted"]
        before = last_event().before or {}
        assert (before["starts_on"], before["kind"]) == (
            allowance.starts_on.isoformat(),
            allowance.kind,
        )

    def test_the_state_caseworker_may_not_delete_financial_assistance(
        self, vera: Actor, social: Actor, on_assistance: Person
    ) -> None:
        assistance = on_assistance.benefits.get()
        error = refused(lambda: services.benefit_delete(actor=vera, benefit=assistance), assistance)
        assert error.status == 403
        assert Benefit.objects.filter(pk=assistance.pk).exists()
        services.benefit_delete(actor=social, benefit=assistance)
        assert not Benefit.objects.filter(pk=assistance.pk).exists()


class TestBenefitsVisible:
    def test_the_state_caseworker_does_not_see_financial_assistance(
        self, vera: Actor, social: Actor, on_assistance: Person
    ) -> None:
        assistance = on_assistance.benefits.get()

        assert selectors.benefits_visible(actor=vera, person=on_assistance) == []
        assert selectors.benefits_visible(actor=social, person=on_assistance) == [assistance]
        assert (
            refusal(lambda: selectors.benefit_for(actor=vera, benefit_id=assistance.pk)).status
            == 403
        )
        assert selectors.benefit_for(actor=social, benefit_id=assistance.pk) == assistance

    def test_the_person_sees_all_their_own_benefits(
        self, citizen: Actor, social: Actor, followed: Person, allowance: Benefit
    ) -> None:
        services.benefit_record(
            actor=social, person=followed, kind="financial_assistance", starts_on=TODAY()
        )
        kinds = {b.kind for b in selectors.benefits_visible(actor=citizen, person=followed)}
        assert kinds == {"work_assessment_allowance", "financial_assistance"}

    def test_a_partner_does_not_get_the_persons_benefits(
        self, vera: Actor, gp: Actor, gp_consent: Consent
    ) -> None:
        benefit = services.benefit_record(
            actor=vera, person=gp_consent.person, kind="sickness_benefit", starts_on=TODAY()
        )
        assert refusal(lambda: selectors.benefit_for(actor=gp, benefit_id=benefit.pk)).status == 403

    def test_an_unknown_benefit_is_404(self, vera: Actor) -> None:
        assert refusal(lambda: selectors.benefit_for(actor=vera, benefit_id="nope")).status == 404


# The qualification programme -----------------------------------------------------------------


class TestQualificationAssessment:
    def test_the_municipal_caseworker_records_the_assessment(
        self, social: Actor, on_assistance: Person
    ) -> None:
        mark = audit_mark()

        assessment = services.qualification_assessment_record(
            actor=social, person=on_assistance, outcome="offered", note="  Starter i januar.  "
        )

        assert list(on_assistance.qualification_assessments.all()) == [assessment]
        assert assessment.assessed_on == TODAY()
        assert assessment.note == "Starter i januar."
        assert actions_since(mark) == ["qualification.assessed"]
        assert last_event().after == {"outcome": "offered", "assessed_on": TODAY().isoformat()}

    def test_the_date_of_the_assessment_can_be_given(
        self, social: Actor, on_assistance: Person
    ) -> None:
        assessment = services.qualification_assessment_record(
            actor=social, person=on_assistance, outcome="declined", assessed_on=TODAY() - 7 * DAY
        )
        assert assessment.assessed_on == TODAY() - 7 * DAY

    @pytest.mark.parametrize(
        "login", ["veileder", "kontorleder", "beslutter", "fastlege", "citizen", "admin"]
    )
    def test_nobody_but_the_municipal_caseworker_records_it(
        self, acting_as: Lookup, login: str, on_assistance: Person
    ) -> None:
        error = refused(
            lambda: services.qualification_assessment_record(
                actor=acting_as(login), person=on_assistance, outcome="offered"
            )
        )
        assert (error.code, error.status) == ("forbidden", 403)

    @pytest.mark.parametrize("login", ["veileder", "kontorleder"])
    def test_the_persons_consent_to_see_the_records_does_not_make_the_state_side_record_it(
        self, acting_as: Lookup, login: str, on_assistance: Person
    ) -> None:
        give_consent(on_assistance, PartnerService.NAV_STATE)

        error = refused(
            lambda: services.qualification_assessment_record(
                actor=acting_as(login), person=on_assistance, outcome="offered"
            )
        )

        assert error.status == 403

    def test_an_unknown_outcome_is_refused_with_422(
        self, social: Actor, on_assistance: Person
    ) -> None:
        error = refused(
            lambda: services.qualification_assessment_record(
                actor=social, person=on_assistance, outcome="maybe"
            )
        )
        assert (error.code, error.status, error.field) == ("unknown_outcome", 422, "outcome")
