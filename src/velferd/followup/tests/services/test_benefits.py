"""Benefits on record and the qualification programme assessment: who records which, the
municipality's records kept from the state side without the person's consent.

Every write is checked for what a user would notice and for its audit event; every
refusal for its code and status, and for having written nothing at all."""

from __future__ import annotations

import pytest

from velferd.access.actor import Actor
from velferd.access.roles import PartnerService
from velferd.followup import selectors, services
from velferd.followup.models import Benefit

from .writes import (
    DAY,
    TODAY,
    Lookup,
    actions_after,
    audit_mark,
    give_consent,
    last_event,
    person,
    refusal,
    row_of,
)
from .writes import refused_in_coordination as refused

pytestmark = pytest.mark.django_db


class TestBenefitRecord:
    def test_a_caseworker_records_a_benefit_which_the_office_then_sees(self, vera: Actor) -> None:
        kari = person("Kari")
        mark = audit_mark()

        benefit = services.benefit_record(
            actor=vera,
            person=kari,
            kind="sickness_benefit",
            starts_on=TODAY() - 30 * DAY,
            ends_on=TODAY() + 30 * DAY,
        )

        assert selectors.benefits_visible(actor=vera, person=kari) == [benefit]
        assert benefit.runs_on(TODAY())
        assert not benefit.is_municipal
        assert actions_after(mark) == ["benefit.recorded"]
        assert last_event().target_id == str(benefit.pk)
        assert last_event().after == {
            "kind": "sickness_benefit",
            "starts_on": (TODAY() - 30 * DAY).isoformat(),
            "ends_on": (TODAY() + 30 * DAY).isoformat(),
            "degree": None,
        }

    @pytest.mark.parametrize("degree", [1, 50, 100])
    def test_disability_benefit_has_a_degree_from_1_to_100(self, vera: Actor, degree: int) -> None:
        benefit = services.benefit_record(
            actor=vera,
            person=person("Kari"),
            kind="disability_benefit",
            starts_on=TODAY(),
            degree=degree,
        )
        assert row_of(benefit)["degree"] == degree
        assert last_event().after["degree"] == degree  # type: ignore[index]

    @pytest.mark.parametrize("degree", [None, 0, 101, -5])
    def test_disability_benefit_without_a_degree_from_1_to_100_is_refused_with_422(
        self, vera: Actor, degree: int | None
    ) -> None:
        error = refused(
            lambda: services.benefit_record(
                actor=vera,
                person=person("Kari"),
                kind="disability_benefit",
                starts_on=TODAY(),
                degree=degree,
            )
        )
        assert (error.code, error.status, error.field) == ("degree_required", 422, "degree")

    @pytest.mark.parametrize("kind", ["sickness_benefit", "work_assessment_allowance"])
    def test_only_disability_benefit_has_a_degree(self, vera: Actor, kind: str) -> None:
        error = refused(
            lambda: services.benefit_record(
                actor=vera, person=person("Kari"), kind=kind, starts_on=TODAY(), degree=50
            )
        )
        assert (error.code, error.status, error.field) == ("degree_not_applicable", 422, "degree")

    def test_an_end_before_the_start_is_refused_with_422(self, vera: Actor) -> None:
        error = refused(
            lambda: services.benefit_record(
                actor=vera,
                person=person("Kari"),
                kind="sickness_benefit",
                starts_on=TODAY(),
                ends_on=TODAY() - DAY,
            )
        )
        assert (error.code, error.status, error.field) == ("ends_before_start", 422, "ends_on")

    def test_a_period_of_one_day_is_allowed(self, vera: Actor) -> None:
        benefit = services.benefit_record(
            actor=vera,
            person=person("Kari"),
            kind="sickness_benefit",
            starts_on=TODAY(),
            ends_on=TODAY(),
        )
        assert benefit.runs_on(TODAY())
        assert not benefit.runs_on(TODAY() + DAY)

    def test_an_unknown_kind_is_refused_with_422(self, vera: Actor) -> None:
        error = refused(
            lambda: services.benefit_record(
                actor=vera, person=person("Kari"), kind="lottery_win", starts_on=TODAY()
            )
        )
        assert (error.code, error.status, error.field) == ("unknown_benefit", 422, "kind")

    @pytest.mark.parametrize("kind", ["financial_assistance", "qualification_benefit"])
    def test_the_municipal_caseworker_records_the_municipalitys_benefits(
        self, social: Actor, kind: str
    ) -> None:
        benefit = services.benefit_record(
            actor=social, person=person("Kari"), kind=kind, starts_on=TODAY()
        )
        assert benefit.is_municipal
        assert last_event().action == "benefit.recorded"
        assert last_event().actor_label == "Sindre Sosialkonsulent"

    @pytest.mark.parametrize("login", ["veileder", "kontorleder"])
    @pytest.mark.parametrize("kind", ["financial_assistance", "qualification_benefit"])
    def test_the_state_side_may_not_record_municipal_benefits_without_consent(
        self, actor_of_login: Lookup, login: str, kind: str
    ) -> None:
        error = refused(
            lambda: services.benefit_record(
                actor=actor_of_login(login), person=person("Kari"), kind=kind, starts_on=TODAY()
            )
        )
        assert (error.code, error.status) == ("forbidden", 403)

    def test_with_the_persons_consent_the_state_caseworker_may(self, vera: Actor) -> None:
        give_consent(person("Kari"), PartnerService.NAV_STATE)

        benefit = services.benefit_record(
            actor=vera, person=person("Kari"), kind="financial_assistance", starts_on=TODAY()
        )

        assert selectors.benefits_visible(actor=vera, person=person("Kari")) == [benefit]

    @pytest.mark.parametrize("login", ["beslutter", "fastlege", "innbygger", "admin"])
    def test_those_who_do_not_follow_the_person_up_may_record_nothing(
        self, actor_of_login: Lookup, login: str
    ) -> None:
        error = refused(
            lambda: services.benefit_record(
                actor=actor_of_login(login),
                person=person("Ola"),
                kind="sickness_benefit",
                starts_on=TODAY(),
            )
        )
        assert error.status == 403

    def test_a_caseworker_at_another_office_may_record_nothing(
        self, sagene_caseworker: Actor
    ) -> None:
        error = refused(
            lambda: services.benefit_record(
                actor=sagene_caseworker,
                person=person("Ola"),
                kind="sickness_benefit",
                starts_on=TODAY(),
            )
        )
        assert error.status == 403


class TestBenefitEnd:
    def test_a_caseworker_ends_a_benefit_and_it_stops_running(self, vera: Actor) -> None:
        benefit = person("Ola").benefits.get()
        mark = audit_mark()

        services.benefit_end(actor=vera, benefit=benefit, ends_on=TODAY() - DAY)

        stored = Benefit.objects.get(pk=benefit.pk)
        assert stored.ends_on == TODAY() - DAY
        assert not stored.runs_on(TODAY())
        assert actions_after(mark) == ["benefit.ended"]
        assert last_event().before == {"ends_on": None}
        assert last_event().after == {"ends_on": (TODAY() - DAY).isoformat()}

    def test_an_end_before_the_start_is_refused_with_422(self, vera: Actor) -> None:
        benefit = person("Ola").benefits.get()
        error = refused(
            lambda: services.benefit_end(
                actor=vera, benefit=benefit, ends_on=benefit.starts_on - DAY
            ),
            benefit,
        )
        assert (error.code, error.status, error.field) == ("ends_before_start", 422, "ends_on")

    def test_the_state_caseworker_may_not_end_financial_assistance(
        self, vera: Actor, social: Actor
    ) -> None:
        assistance = person("Jonas").benefits.get()

        error = refused(
            lambda: services.benefit_end(actor=vera, benefit=assistance, ends_on=TODAY()),
            assistance,
        )

        assert error.status == 403
        services.benefit_end(actor=social, benefit=assistance, ends_on=TODAY())
        assert Benefit.objects.get(pk=assistance.pk).ends_on == TODAY()


class TestBenefitsVisible:
    def test_the_state_caseworker_does_not_see_financial_assistance(
        self, vera: Actor, social: Actor
    ) -> None:
        jonas = person("Jonas")
        assistance = jonas.benefits.get()

        assert selectors.benefits_visible(actor=vera, person=jonas) == []
        assert selectors.benefits_visible(actor=social, person=jonas) == [assistance]
        assert (
            refusal(lambda: selectors.benefit_for(actor=vera, benefit_id=assistance.pk)).status
            == 403
        )
        assert selectors.benefit_for(actor=social, benefit_id=assistance.pk) == assistance

    def test_the_person_sees_all_their_own_benefits(self, ola: Actor, social: Actor) -> None:
        services.benefit_record(
            actor=social, person=person("Ola"), kind="financial_assistance", starts_on=TODAY()
        )
        kinds = {b.kind for b in selectors.benefits_visible(actor=ola, person=person("Ola"))}
        assert kinds == {"work_assessment_allowance", "financial_assistance"}

    def test_a_partner_does_not_get_the_persons_benefits(self, vera: Actor, gp: Actor) -> None:
        benefit = services.benefit_record(
            actor=vera, person=person("Maria"), kind="sickness_benefit", starts_on=TODAY()
        )
        assert refusal(lambda: selectors.benefit_for(actor=gp, benefit_id=benefit.pk)).status == 403

    def test_an_unknown_benefit_is_404(self, vera: Actor) -> None:
        assert refusal(lambda: selectors.benefit_for(actor=vera, benefit_id="nope")).status == 404


# The qualification programme -----------------------------------------------------------------


class TestQualificationAssessment:
    def test_the_municipal_caseworker_records_the_assessment(self, social: Actor) -> None:
        jonas = person("Jonas")
        mark = audit_mark()

        assessment = services.qualification_assessment_record(
            actor=social, person=jonas, outcome="offered", note="  Starter i januar.  "
        )

        assert list(jonas.qualification_assessments.all()) == [assessment]
        assert assessment.assessed_on == TODAY()
        assert assessment.note == "Starter i januar."
        assert actions_after(mark) == ["qualification.assessed"]
        assert last_event().after == {"outcome": "offered", "assessed_on": TODAY().isoformat()}

    def test_the_date_of_the_assessment_can_be_given(self, social: Actor) -> None:
        assessment = services.qualification_assessment_record(
            actor=social, person=person("Jonas"), outcome="declined", assessed_on=TODAY() - 7 * DAY
        )
        assert assessment.assessed_on == TODAY() - 7 * DAY

    @pytest.mark.parametrize(
        "login", ["veileder", "kontorleder", "beslutter", "fastlege", "innbygger", "admin"]
    )
    def test_nobody_but_the_municipal_caseworker_records_it(
        self, actor_of_login: Lookup, login: str
    ) -> None:
        error = refused(
            lambda: services.qualification_assessment_record(
                actor=actor_of_login(login), person=person("Jonas"), outcome="offered"
            )
        )
        assert (error.code, error.status) == ("forbidden", 403)

    @pytest.mark.parametrize("login", ["veileder", "kontorleder"])
    def test_the_persons_consent_to_see_the_records_does_not_make_the_state_side_record_it(
        self, actor_of_login: Lookup, login: str
    ) -> None:
        give_consent(person("Jonas"), PartnerService.NAV_STATE)

        error = refused(
            lambda: services.qualification_assessment_record(
                actor=actor_of_login(login), person=person("Jonas"), outcome="offered"
            )
        )

        assert error.status == 403

    def test_an_unknown_outcome_is_refused_with_422(self, social: Actor) -> None:
        error = refused(
            lambda: services.qualification_assessment_record(
                actor=social, person=person("Jonas"), outcome="maybe"
            )
        )
        assert (error.code, error.status, error.field) == ("unknown_outcome", 422, "outcome")
