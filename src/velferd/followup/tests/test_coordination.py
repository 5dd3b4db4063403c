"""Coordination: benefits on record, the qualification programme assessment, individual
plans across services (members, one coordinator, goals, measures), partners' access with
the person's consent, saved filters and private reminder notes.

Every write is checked for what a user would notice and for its audit event; every
refusal for its code and status, and for having written nothing at all.

The demo at NAV Grünerløkka: Ola (the "innbygger" login) has a work assessment allowance
and a plan coordinated by NAV with his GP as member, and no consents; Maria's plan is
coordinated by her GP (the "fastlege" login) with her consent, with NAV and child welfare
as members and one overdue measure; Jonas receives financial assistance."""

from __future__ import annotations

import datetime
import json
from collections.abc import Callable

import pytest
from django.db import IntegrityError, transaction
from django.db.models import Model
from django.utils import timezone

from velferd.access.actor import ANONYMOUS, Actor, system_actor
from velferd.access.models import User
from velferd.access.roles import PartnerService, Role
from velferd.access.selectors import actor_for_user
from velferd.access.services import role_assign
from velferd.audit.models import AccessEvent, AuditEvent
from velferd.core.errors import DomainError
from velferd.followup import selectors, services
from velferd.followup.models import (
    Benefit,
    IndividualPlan,
    PlanMeasure,
    PlanMember,
    QualificationAssessment,
    ReminderNote,
    SavedFilter,
)
from velferd.organisation import selectors as organisation_selectors
from velferd.people.models import Consent, Person
from velferd.people.services import consent_give, consent_withdraw

pytestmark = pytest.mark.django_db

Lookup = Callable[[str], Actor]

TODAY = timezone.localdate
DAY = datetime.timedelta(days=1)


# Helpers -------------------------------------------------------------------------------------


def person(given_name: str) -> Person:
    return Person.objects.get(given_name=given_name)


def user(username: str) -> User:
    return User.objects.get(username=username)


def plan_of(given_name: str) -> IndividualPlan:
    return IndividualPlan.objects.select_related("person").get(person__given_name=given_name)


def measure_of(given_name: str) -> PlanMeasure:
    return PlanMeasure.objects.select_related("plan", "plan__person").get(
        plan__person__given_name=given_name
    )


def measure_of_text(text: str) -> PlanMeasure:
    return PlanMeasure.objects.select_related("plan", "plan__person").get(text=text)


def members_of(plan: IndividualPlan) -> dict[str, bool]:
    """The plan's member services, each with whether it is the coordinator."""
    return dict(PlanMember.objects.filter(plan=plan).values_list("service", "is_coordinator"))


def audit_mark() -> int:
    last = AuditEvent.objects.order_by("-seq").first()
    return last.seq if last else 0


def actions_after(mark: int) -> list[str]:
    return list(AuditEvent.objects.filter(seq__gt=mark).values_list("action", flat=True))


def last_event() -> AuditEvent:
    event = AuditEvent.objects.order_by("-seq").first()
    assert event is not None
    return event


def row_of(record: Model) -> dict[str, object]:
    """The record as it is stored now."""
    stored = type(record)._default_manager.get(pk=record.pk)
    return {f.attname: getattr(stored, f.attname) for f in stored._meta.concrete_fields}


def coordination_rows() -> tuple[object, ...]:
    return (
        *(
            model.objects.count()
            for model in (
                Benefit,
                QualificationAssessment,
                IndividualPlan,
                PlanMeasure,
                SavedFilter,
                ReminderNote,
            )
        ),
        sorted(PlanMember.objects.values_list("plan_id", "service", "is_coordinator")),
    )


def refused(call: Callable[[], object], *records: Model) -> DomainError:
    """Run a write that must be refused; return the refusal, having checked that nothing was
    written: no audit event, no coordination row added, removed or moved, the given
    records unchanged."""
    events, rows = AuditEvent.objects.count(), coordination_rows()
    before = [row_of(r) for r in records]
    with pytest.raises(DomainError) as caught:
        call()
    assert AuditEvent.objects.count() == events, "a refused write left an audit event"
    assert coordination_rows() == rows, "a refused write changed the coordination rows"
    assert [row_of(r) for r in records] == before, "a refused write changed a record"
    return caught.value


def refusal(call: Callable[[], object]) -> DomainError:
    """The refusal of a read."""
    with pytest.raises(DomainError) as caught:
        call()
    return caught.value


def new_user(username: str, role: str, **units: object) -> Actor:
    created = User.objects.create(username=username, full_name=username.title())
    role_assign(actor=system_actor("tests"), user=created, role=role, **units)
    return actor_for_user(created)


def give_consent(
    who: Person,
    service: str,
    starts_on: datetime.date | None = None,
    ends_on: datetime.date | None = None,
) -> Consent:
    return consent_give(
        actor=system_actor("tests"),
        person=who,
        partner_service=service,
        purpose="Samarbeid om individuell plan",
        starts_on=starts_on or TODAY(),
        ends_on=ends_on or TODAY() + 180 * DAY,
    )


def marias_gp_consent() -> Consent:
    return Consent.objects.get(person=person("Maria"), partner_service="gp")


# Actors --------------------------------------------------------------------------------------


@pytest.fixture
def vera(actor_of_login: Lookup) -> Actor:
    """Vera Veileder, state caseworker at NAV Grünerløkka."""
    return actor_of_login("veileder")


@pytest.fixture
def social(actor_of_login: Lookup) -> Actor:
    """Sindre Sosialkonsulent, municipal caseworker at NAV Grünerløkka; Jonas's."""
    return actor_of_login("sosialkonsulent")


@pytest.fixture
def approver(actor_of_login: Lookup) -> Actor:
    return actor_of_login("beslutter")


@pytest.fixture
def gp(actor_of_login: Lookup) -> Actor:
    """Frida Fastlege: a partner from the GP service in Oslo (0301)."""
    return actor_of_login("fastlege")


@pytest.fixture
def ola(actor_of_login: Lookup) -> Actor:
    """The citizen login, which is Ola Nordmann."""
    return actor_of_login("innbygger")


@pytest.fixture
def sagene_caseworker() -> Actor:
    return new_user(
        "sagene-veileder", Role.CASEWORKER_STATE, office=organisation_selectors.office("0320")
    )


# Benefits ------------------------------------------------------------------------------------


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


# Individual plans ----------------------------------------------------------------------------


class TestIndividualPlanCreate:
    def test_a_caseworker_sets_up_a_plan_with_its_members_and_one_coordinator(
        self, vera: Actor
    ) -> None:
        kari = person("Kari")
        mark = audit_mark()

        plan = services.individual_plan_create(
            actor=vera,
            person=kari,
            coordinator="municipal_health_care",
            members=["nav", "fact_team"],
            goals="  Bo i egen leilighet og prøve arbeidstrening.  ",
        )

        assert members_of(plan) == {
            "municipal_health_care": True,
            "nav": False,
            "fact_team": False,
        }
        assert plan.goals == "Bo i egen leilighet og prøve arbeidstrening."
        assert plan.version == 1
        assert actions_after(mark) == ["individual_plan.created"]
        assert last_event().after == {
            "members": ["municipal_health_care", "nav", "fact_team"],
            "coordinator": "municipal_health_care",
        }

    def test_the_coordinator_named_among_the_members_is_one_member(self, vera: Actor) -> None:
        plan = services.individual_plan_create(
            actor=vera, person=person("Kari"), coordinator="nav", members=["school", "nav", "nav"]
        )
        assert members_of(plan) == {"nav": True, "school": False}

    @pytest.mark.parametrize(
        ("coordinator", "members", "field"),
        [
            ("tax_office", [], "coordinator"),
            ("", [], "coordinator"),
            ("nav", ["school", "police"], "members"),
            ("nav_state", [], "coordinator"),
        ],
    )
    def test_an_unknown_service_is_refused_with_422(
        self, vera: Actor, coordinator: str, members: list[str], field: str
    ) -> None:
        error = refused(
            lambda: services.individual_plan_create(
                actor=vera, person=person("Kari"), coordinator=coordinator, members=members
            )
        )
        assert (error.code, error.status, error.field) == ("unknown_service", 422, field)

    def test_a_second_plan_is_refused_with_409(self, vera: Actor) -> None:
        plan = plan_of("Ola")
        error = refused(
            lambda: services.individual_plan_create(
                actor=vera, person=person("Ola"), coordinator="gp"
            ),
            plan,
        )
        assert (error.code, error.status) == ("plan_exists", 409)

    @pytest.mark.parametrize("login", ["beslutter", "fastlege", "innbygger", "admin"])
    def test_only_the_office_sets_up_a_plan(self, actor_of_login: Lookup, login: str) -> None:
        error = refused(
            lambda: services.individual_plan_create(
                actor=actor_of_login(login), person=person("Kari"), coordinator="nav"
            )
        )
        assert error.status == 403

    def test_the_database_refuses_a_second_coordinator(self) -> None:
        plan = plan_of("Maria")
        with pytest.raises(IntegrityError), transaction.atomic():
            PlanMember.objects.filter(plan=plan, service="nav").update(is_coordinator=True)
        assert members_of(plan) == {"gp": True, "nav": False, "child_welfare": False}

    def test_the_database_refuses_a_service_twice(self) -> None:
        with pytest.raises(IntegrityError), transaction.atomic():
            PlanMember.objects.create(plan=plan_of("Maria"), service="nav")


class TestCoordinator:
    def test_setting_the_coordinator_moves_it_and_there_is_still_exactly_one(
        self, vera: Actor
    ) -> None:
        plan = plan_of("Maria")
        mark = audit_mark()

        moved = services.plan_set_coordinator(
            actor=vera, plan=plan, service="nav", version=plan.version
        )

        assert members_of(plan) == {"gp": False, "nav": True, "child_welfare": False}
        assert moved.version == plan.version + 1
        assert row_of(plan)["version"] == plan.version + 1
        assert actions_after(mark) == ["individual_plan.coordinator_set"]
        assert (last_event().before, last_event().after) == (
            {"coordinator": "gp"},
            {"coordinator": "nav"},
        )

    def test_the_coordinator_must_come_from_a_member_service(self, vera: Actor) -> None:
        plan = plan_of("Maria")
        error = refused(
            lambda: services.plan_set_coordinator(
                actor=vera, plan=plan, service="school", version=plan.version
            ),
            plan,
        )
        assert (error.code, error.status, error.field) == ("not_a_member", 422, "coordinator")

    def test_a_stale_version_is_refused_with_409(self, vera: Actor) -> None:
        plan = plan_of("Maria")
        services.plan_set_coordinator(actor=vera, plan=plan, service="nav", version=plan.version)
        stale = plan_of("Maria")

        error = refused(
            lambda: services.plan_set_coordinator(
                actor=vera, plan=stale, service="child_welfare", version=plan.version
            ),
            stale,
        )

        assert (error.code, error.status) == ("stale_version", 409)
        assert members_of(plan)["nav"] is True

    @pytest.mark.parametrize("login", ["fastlege", "beslutter", "innbygger"])
    def test_only_the_office_chooses_the_coordinator(
        self, actor_of_login: Lookup, login: str
    ) -> None:
        plan = plan_of("Maria")
        error = refused(
            lambda: services.plan_set_coordinator(
                actor=actor_of_login(login), plan=plan, service="nav", version=plan.version
            ),
            plan,
        )
        assert error.status == 403


class TestMembers:
    def test_a_caseworker_adds_a_member_service(self, vera: Actor) -> None:
        plan = plan_of("Maria")
        mark = audit_mark()

        member = services.plan_member_add(
            actor=vera, plan=plan, service="school", contact_name="  Rektor Rud  "
        )

        assert member.contact_name == "Rektor Rud"
        assert members_of(plan)["school"] is False
        assert actions_after(mark) == ["individual_plan.member_added"]
        assert last_event().after == {"service": "school"}

    def test_a_service_already_in_the_plan_is_refused_with_409(self, vera: Actor) -> None:
        error = refused(
            lambda: services.plan_member_add(actor=vera, plan=plan_of("Maria"), service="nav")
        )
        assert (error.code, error.status) == ("already_member", 409)

    @pytest.mark.parametrize("service", ["police", "nav_state"])
    def test_an_unknown_service_is_refused_with_422(self, vera: Actor, service: str) -> None:
        error = refused(
            lambda: services.plan_member_add(actor=vera, plan=plan_of("Maria"), service=service)
        )
        assert (error.code, error.status) == ("unknown_service", 422)

    def test_a_member_leaves_the_plan(self, vera: Actor) -> None:
        plan = plan_of("Maria")

        services.plan_member_remove(actor=vera, plan=plan, service="child_welfare")

        assert members_of(plan) == {"gp": True, "nav": False}
        assert last_event().action == "individual_plan.member_removed"
        assert last_event().before == {"service": "child_welfare"}

    def test_the_coordinators_service_cannot_leave_with_409(self, vera: Actor) -> None:
        error = refused(
            lambda: services.plan_member_remove(actor=vera, plan=plan_of("Maria"), service="gp")
        )
        assert (error.code, error.status) == ("coordinator_cannot_leave", 409)
        assert members_of(plan_of("Maria"))["gp"] is True

    def test_once_the_coordinator_has_moved_the_service_may_leave(self, vera: Actor) -> None:
        plan = plan_of("Maria")
        services.plan_set_coordinator(actor=vera, plan=plan, service="nav", version=plan.version)

        services.plan_member_remove(actor=vera, plan=plan, service="gp")

        assert members_of(plan) == {"nav": True, "child_welfare": False}

    def test_a_service_not_in_the_plan_cannot_leave_it_404(self, vera: Actor) -> None:
        error = refused(
            lambda: services.plan_member_remove(actor=vera, plan=plan_of("Maria"), service="school")
        )
        assert (error.code, error.status) == ("not_a_member", 404)

    @pytest.mark.parametrize("login", ["fastlege", "beslutter", "innbygger", "admin"])
    def test_only_the_office_changes_the_members(self, actor_of_login: Lookup, login: str) -> None:
        actor = actor_of_login(login)
        plan = plan_of("Maria")
        add = refused(lambda: services.plan_member_add(actor=actor, plan=plan, service="school"))
        remove = refused(
            lambda: services.plan_member_remove(actor=actor, plan=plan, service="child_welfare")
        )
        assert (add.status, remove.status) == (403, 403)


class TestGoals:
    def test_a_caseworker_updates_the_goals_and_the_version_moves_on(self, vera: Actor) -> None:
        plan = plan_of("Maria")
        old_goals = plan.goals
        mark = audit_mark()

        updated = services.plan_goals_update(
            actor=vera, plan=plan, goals="  Arbeidstrening tre dager i uka.  ", version=1
        )

        assert updated.goals == "Arbeidstrening tre dager i uka."
        assert row_of(plan)["version"] == 2
        assert actions_after(mark) == ["individual_plan.goals_updated"]
        assert last_event().before == {"goals": old_goals}
        assert last_event().after == {"goals": "Arbeidstrening tre dager i uka."}

    def test_a_stale_version_is_refused_with_409_and_the_goals_stay(
        self, vera: Actor, gp: Actor
    ) -> None:
        plan = plan_of("Maria")
        services.plan_goals_update(actor=gp, plan=plan, goals="Fastlegens forslag.", version=1)

        error = refused(
            lambda: services.plan_goals_update(
                actor=vera, plan=plan, goals="Veilederens forslag.", version=1
            ),
            plan,
        )

        assert (error.code, error.status, error.field) == ("stale_version", 409, "version")
        assert plan_of("Maria").goals == "Fastlegens forslag."

    def test_the_approver_may_read_the_plan_but_not_change_it(self, approver: Actor) -> None:
        plan = plan_of("Maria")
        assert selectors.individual_plan_for(actor=approver, plan_id=plan.pk) == plan
        error = refused(
            lambda: services.plan_goals_update(actor=approver, plan=plan, goals="x", version=1),
            plan,
        )
        assert error.status == 403


class TestMeasures:
    def test_a_measure_has_a_member_service_responsible_and_a_deadline(self, vera: Actor) -> None:
        plan = plan_of("Maria")
        mark = audit_mark()

        measure = services.plan_measure_add(
            actor=vera,
            plan=plan,
            text="  Samtale med barnevernet om Sander  ",
            responsible_service="child_welfare",
            deadline=TODAY() + 14 * DAY,
        )

        assert measure.text == "Samtale med barnevernet om Sander"
        assert measure.done_on is None
        assert not measure.is_overdue_on(TODAY() + 14 * DAY)
        assert measure.is_overdue_on(TODAY() + 15 * DAY)
        assert plan.measures.count() == 2
        assert actions_after(mark) == ["individual_plan.measure_added"]
        assert last_event().after == {
            "measure": str(measure.pk),
            "responsible": "child_welfare",
            "deadline": (TODAY() + 14 * DAY).isoformat(),
        }

    def test_the_responsible_service_must_be_in_the_plan(self, vera: Actor) -> None:
        error = refused(
            lambda: services.plan_measure_add(
                actor=vera,
                plan=plan_of("Maria"),
                text="Kartlegge skolegang",
                responsible_service="school",
                deadline=TODAY(),
            )
        )
        assert (error.code, error.status, error.field) == (
            "not_a_member",
            422,
            "responsible_service",
        )

    def test_a_measure_must_be_described(self, vera: Actor) -> None:
        error = refused(
            lambda: services.plan_measure_add(
                actor=vera,
                plan=plan_of("Maria"),
                text="   ",
                responsible_service="nav",
                deadline=TODAY(),
            )
        )
        assert (error.code, error.status, error.field) == ("text_required", 422, "text")

    def test_a_measure_is_done_once(self, vera: Actor) -> None:
        measure = measure_of("Maria")
        assert measure.is_overdue_on(TODAY())
        mark = audit_mark()

        services.plan_measure_done(actor=vera, measure=measure, done_on=TODAY() - DAY)

        stored = PlanMeasure.objects.get(pk=measure.pk)
        assert stored.done_on == TODAY() - DAY
        assert not stored.is_overdue_on(TODAY())
        assert actions_after(mark) == ["individual_plan.measure_done"]
        assert last_event().after == {
            "measure": str(measure.pk),
            "done_on": (TODAY() - DAY).isoformat(),
        }

    def test_done_a_second_time_is_refused_with_409(self, vera: Actor) -> None:
        services.plan_measure_done(actor=vera, measure=measure_of("Maria"), done_on=TODAY() - DAY)
        again = measure_of("Maria")

        error = refused(lambda: services.plan_measure_done(actor=vera, measure=again), again)

        assert (error.code, error.status) == ("already_done", 409)

    def test_done_from_a_copy_loaded_before_someone_else_marked_it_is_refused_with_409(
        self, vera: Actor, gp: Actor
    ) -> None:
        veras_copy = measure_of("Maria")
        services.plan_measure_done(actor=gp, measure=measure_of("Maria"), done_on=TODAY() - DAY)
        done = measure_of("Maria")

        error = refused(lambda: services.plan_measure_done(actor=vera, measure=veras_copy), done)

        assert (error.code, error.status) == ("already_done", 409)

    @pytest.mark.parametrize("login", ["beslutter", "innbygger", "admin", "ia-radgiver"])
    def test_those_outside_the_plan_neither_add_nor_finish_measures(
        self, actor_of_login: Lookup, login: str
    ) -> None:
        actor = actor_of_login(login)
        measure = measure_of("Maria")
        add = refused(
            lambda: services.plan_measure_add(
                actor=actor,
                plan=plan_of("Maria"),
                text="Noe",
                responsible_service="nav",
                deadline=TODAY(),
            )
        )
        done = refused(lambda: services.plan_measure_done(actor=actor, measure=measure), measure)
        assert (add.status, done.status) == (403, 403)


# Partners through the person's consent -------------------------------------------------------


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


# Saved filters -------------------------------------------------------------------------------


class TestSavedFilters:
    def test_a_caseworker_saves_a_filter_and_sees_it(self, vera: Actor) -> None:
        mark = audit_mark()

        saved = services.saved_filter_save(
            actor=vera, name="  Unge uten aktivitet  ", query="flag=activity_requirement"
        )

        assert saved.name == "Unge uten aktivitet"
        assert list(selectors.saved_filters_of(actor=vera)) == [saved]
        assert actions_after(mark) == ["saved_filter.saved"]
        assert last_event().after == {
            "name": "Unge uten aktivitet",
            "query": "flag=activity_requirement",
        }

    def test_saving_under_the_same_name_replaces_the_query(self, vera: Actor) -> None:
        first = services.saved_filter_save(actor=vera, name="Mine", query="flag=mine")
        second = services.saved_filter_save(actor=vera, name="Mine", query="flag=mine&sort=age")

        assert second.pk == first.pk
        assert [(s.name, s.query) for s in selectors.saved_filters_of(actor=vera)] == [
            ("Mine", "flag=mine&sort=age")
        ]

    def test_each_owner_has_their_own_filters(self, vera: Actor, social: Actor) -> None:
        veras = services.saved_filter_save(actor=vera, name="Mine", query="flag=mine")
        sindres = services.saved_filter_save(actor=social, name="Mine", query="flag=new")
        services.saved_filter_save(actor=social, name="Andre", query="flag=unassigned")

        assert list(selectors.saved_filters_of(actor=vera)) == [veras]
        assert [s.name for s in selectors.saved_filters_of(actor=social)] == ["Andre", "Mine"]
        assert selectors.saved_filter_for(actor=social, filter_id=sindres.pk) == sindres
        error = refusal(lambda: selectors.saved_filter_for(actor=social, filter_id=veras.pk))
        assert (error.code, error.status) == ("not_found", 404)

    def test_only_the_owner_deletes_a_filter(self, vera: Actor, social: Actor) -> None:
        saved = services.saved_filter_save(actor=vera, name="Mine", query="flag=mine")

        error = refused(lambda: services.saved_filter_delete(actor=social, saved=saved), saved)
        assert error.status == 403

        services.saved_filter_delete(actor=vera, saved=saved)
        assert not SavedFilter.objects.filter(pk=saved.pk).exists()
        assert last_event().action == "saved_filter.deleted"

    @pytest.mark.parametrize("name", ["", "   ", "x" * 101])
    def test_a_filter_needs_a_name_of_1_to_100_characters(self, vera: Actor, name: str) -> None:
        error = refused(lambda: services.saved_filter_save(actor=vera, name=name, query="a=b"))
        assert (error.code, error.status, error.field) == ("invalid_name", 422, "name")

    def test_anonymous_has_no_filters_and_saves_none(self) -> None:
        assert list(selectors.saved_filters_of(actor=ANONYMOUS)) == []
        error = refused(lambda: services.saved_filter_save(actor=ANONYMOUS, name="A", query=""))
        assert error.status == 401


# Reminder notes ------------------------------------------------------------------------------


class TestReminderNotes:
    def test_a_caseworker_writes_a_note_about_a_person(self, vera: Actor) -> None:
        ola_person = person("Ola")
        mark = audit_mark()

        note = services.reminder_note_add(
            actor=vera, person=ola_person, text="  Ring etter kurset  ", remind_on=TODAY() + DAY
        )

        assert note.text == "Ring etter kurset"
        assert list(selectors.reminder_notes(actor=vera, person=ola_person)) == [note]
        assert actions_after(mark) == ["reminder_note.added"]
        assert last_event().after == {
            "person": str(ola_person.pk),
            "remind_on": (TODAY() + DAY).isoformat(),
        }

    def test_a_note_is_private_to_its_author(self, vera: Actor, social: Actor) -> None:
        ola_person = person("Ola")
        veras = services.reminder_note_add(actor=vera, person=ola_person, text="Vera sin")
        sindres = services.reminder_note_add(actor=social, person=ola_person, text="Sindre sin")

        assert list(selectors.reminder_notes(actor=vera, person=ola_person)) == [veras]
        assert list(selectors.reminder_notes(actor=social, person=ola_person)) == [sindres]
        assert selectors.reminder_note_for(actor=vera, note_id=veras.pk) == veras
        error = refusal(lambda: selectors.reminder_note_for(actor=social, note_id=veras.pk))
        assert (error.code, error.status) == ("not_found", 404)

    @pytest.mark.parametrize("login", ["kontorleder", "admin", "innbygger"])
    def test_nobody_else_reads_it_not_even_the_manager_or_the_person(
        self, vera: Actor, actor_of_login: Lookup, login: str
    ) -> None:
        note = services.reminder_note_add(actor=vera, person=person("Ola"), text="Vera sin")
        actor = actor_of_login(login)

        assert list(selectors.reminder_notes(actor=actor, person=person("Ola"))) == []
        assert (
            refusal(lambda: selectors.reminder_note_for(actor=actor, note_id=note.pk)).status == 404
        )

    def test_the_notes_text_is_not_copied_into_the_audit_trail(self, vera: Actor) -> None:
        text = "Virker deprimert, spør om fastlegen"
        note = services.reminder_note_add(actor=vera, person=person("Ola"), text=text)
        services.reminder_note_delete(actor=vera, note=note)

        for event in AuditEvent.objects.filter(action__startswith="reminder_note."):
            written = json.dumps([event.before, event.after, event.target_label])
            assert "deprimert" not in written

    def test_only_the_author_deletes_a_note(self, vera: Actor, social: Actor) -> None:
        note = services.reminder_note_add(actor=vera, person=person("Ola"), text="Vera sin")

        error = refused(lambda: services.reminder_note_delete(actor=social, note=note), note)
        assert error.status == 403

        services.reminder_note_delete(actor=vera, note=note)
        assert not ReminderNote.objects.filter(pk=note.pk).exists()
        assert last_event().action == "reminder_note.deleted"

    def test_an_empty_note_is_refused_with_422(self, vera: Actor) -> None:
        error = refused(
            lambda: services.reminder_note_add(actor=vera, person=person("Ola"), text="  ")
        )
        assert (error.code, error.status, error.field) == ("text_required", 422, "text")

    @pytest.mark.parametrize("login", ["beslutter", "fastlege", "innbygger"])
    def test_only_those_who_follow_the_person_up_write_notes(
        self, actor_of_login: Lookup, login: str
    ) -> None:
        error = refused(
            lambda: services.reminder_note_add(
                actor=actor_of_login(login), person=person("Ola"), text="Hei"
            )
        )
        assert error.status == 403


# The audit trail -----------------------------------------------------------------------------


def test_no_coordination_write_puts_an_identity_number_in_the_audit_trail(
    vera: Actor, social: Actor, gp: Actor
) -> None:
    maria, jonas = person("Maria"), person("Jonas")
    services.benefit_record(
        actor=vera, person=maria, kind="disability_benefit", starts_on=TODAY(), degree=40
    )
    services.qualification_assessment_record(actor=social, person=jonas, outcome="offered")
    plan = services.individual_plan_create(
        actor=vera, person=person("Kari"), coordinator="nav", members=["school"]
    )
    services.plan_measure_add(
        actor=gp,
        plan=plan_of("Maria"),
        text="Time hos fastlegen",
        responsible_service="gp",
        deadline=TODAY(),
    )
    services.plan_set_coordinator(actor=vera, plan=plan, service="school", version=plan.version)
    services.reminder_note_add(actor=vera, person=maria, text="Husk barnevernet")
    services.saved_filter_save(actor=vera, name="Mine", query="flag=mine")

    numbers = list(Person.objects.values_list("national_id", flat=True))
    for event in AuditEvent.objects.all():
        text = json.dumps([event.before, event.after, event.target_label], ensure_ascii=False)
        assert not [n for n in numbers if n in text], f"{event} holds an identity number"


def test_each_plan_in_the_partners_list_is_a_logged_read(actor_of_login: Lookup) -> None:
    """The list gives the plans whole (goals, measures): each is a read of the person."""
    plans = selectors.plans_for_partner(actor=actor_of_login("fastlege"))
    assert plans
    reads = AccessEvent.objects.filter(actor=user("fastlege"), what="individual_plan")
    assert sorted(r.subject_id for r in reads) == sorted(str(p.person_id) for p in plans)
    assert {r.purpose for r in reads} == {"coordination"}
