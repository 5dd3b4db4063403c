"""Individual plans across services: member services, exactly one coordinator, goals and
measures, each write with its audit event and none with an identity number in it.

The plans are built for each test at NAV Grünerløkka: the followed person's, coordinated
by NAV with their GP as member; and the plan of a person who consented to their GP,
coordinated by the GP, with NAV and child welfare as members and one overdue measure."""

from __future__ import annotations

import json

import pytest
from django.db import IntegrityError, transaction

from velferd.access.actor import Actor
from velferd.audit.models import AuditEvent
from velferd.followup import selectors, services
from velferd.followup.models import IndividualPlan, PlanMeasure, PlanMember
from velferd.people.models import Person

from .writes import (
    DAY,
    TODAY,
    Lookup,
    actions_since,
    audit_mark,
    last_event,
    members_of,
    refused_in_coordination as refused,
    reread,
    row_of,
)

pytestmark = pytest.mark.django_db


class TestIndividualPlanCreate:
    def test_a_caseworker_sets_up_a_plan_with_its_members_and_one_coordinator(
        self, vera: Actor, unfollowed: Person
    ) -> None:
        mark = audit_mark()

        plan = services.individual_plan_create(
            actor=vera,
            person=unfollowed,
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
        assert actions_since(mark) == ["individual_plan.created"]
        assert last_event().after == {
            "members": ["municipal_health_care", "nav", "fact_team"],
            "coordinator": "municipal_health_care",
        }

    def test_the_coordinator_named_among_the_members_is_one_member(
        self, vera: Actor, unfollowed: Person
    ) -> None:
        plan = services.individual_plan_create(
            actor=vera, person=unfollowed, coordinator="nav", members=["school", "nav", "nav"]
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
        self, vera: Actor, coordinator: str, members: list[str], field: str, unfollowed: Person
    ) -> None:
        error = refused(
            lambda: services.individual_plan_create(
                actor=vera, person=unfollowed, coordinator=coordinator, members=members
            )
        )
        assert (error.code, error.status, error.field) == ("unknown_service", 422, field)

    def test_a_second_plan_is_refused_with_409(
        self, vera: Actor, followed: Person, own_plan: IndividualPlan
    ) -> None:
        error = refused(
            lambda: services.individual_plan_create(actor=vera, person=followed, coordinator="gp"),
            own_plan,
        )
        assert (error.code, error.status) == ("plan_exists", 409)

    @pytest.mark.parametrize("login", ["beslutter", "fastlege", "citizen", "admin"])
    def test_only_the_office_sets_up_a_plan(
        self, acting_as: Lookup, login: str, unfollowed: Person
    ) -> None:
        error = refused(
            lambda: services.individual_plan_create(
                actor=acting_as(login), person=unfollowed, coordinator="nav"
            )
        )
        assert error.status == 403

    def test_the_database_refuses_a_second_coordinator(self, gp_plan: IndividualPlan) -> None:
        with pytest.raises(IntegrityError), transaction.atomic():
            PlanMember.objects.filter(plan=gp_plan, service="nav").update(is_coordinator=True)
        assert members_of(gp_plan) == {"gp": True, "nav": False, "child_welfare": False}

    def test_the_database_refuses_a_service_twice(self, gp_plan: IndividualPlan) -> None:
        with pytest.raises(IntegrityError), transaction.atomic():
            PlanMember.objects.create(plan=reread(gp_plan), service="nav")


class TestCoordinator:
    def test_setting_the_coordinator_moves_it_and_there_is_still_exactly_one(
        self, vera: Actor, gp_plan: IndividualPlan
    ) -> None:
        mark = audit_mark()

        moved = services.plan_set_coordinator(
            actor=vera, plan=gp_plan, service="nav", version=gp_plan.version
        )

        assert members_of(gp_plan) == {"gp": False, "nav": True, "child_welfare": False}
        assert moved.version == gp_plan.version + 1
        assert row_of(gp_plan)["version"] == gp_plan.version + 1
        assert actions_since(mark) == ["individual_plan.coordinator_set"]
        assert (last_event().before, last_event().after) == (
            {"coordinator": "gp"},
            {"coordinator": "nav"},
        )

    def test_the_coordinator_must_come_from_a_member_service(
        self, vera: Actor, gp_plan: IndividualPlan
    ) -> None:
        error = refused(
            lambda: services.plan_set_coordinator(
                actor=vera, plan=gp_plan, service="school", version=gp_plan.version
            ),
            gp_plan,
        )
        assert (error.code, error.status, error.field) == ("not_a_member", 422, "coordinator")

    def test_a_stale_version_is_refused_with_409(
        self, vera: Actor, gp_plan: IndividualPlan
    ) -> None:
        services.plan_set_coordinator(
            actor=vera, plan=gp_plan, service="nav", version=gp_plan.version
        )
        stale = reread(gp_plan)

        error = refused(
            lambda: services.plan_set_coordinator(
                actor=vera, plan=stale, service="child_welfare", version=gp_plan.version
            ),
            stale,
        )

        assert (error.code, error.status) == ("stale_version", 409)
        assert members_of(gp_plan)["nav"] is True

    @pytest.mark.parametrize("login", ["fastlege", "beslutter", "citizen"])
    def test_only_the_office_chooses_the_coordinator(
        self, acting_as: Lookup, login: str, gp_plan: IndividualPlan
    ) -> None:
        error = refused(
            lambda: services.plan_set_coordinator(
                actor=acting_as(login), plan=gp_plan, service="nav", version=gp_plan.version
            ),
            gp_plan,
        )
        assert error.status == 403


class TestMembers:
    def test_a_caseworker_adds_a_member_service(self, vera: Actor, gp_plan: IndividualPlan) -> None:
        mark = audit_mark()

        member = services.plan_member_add(
            actor=vera, plan=gp_plan, service="school", contact_name="  Rektor Rud  "
        )

        assert member.contact_name == "Rektor Rud"
        assert members_of(gp_plan)["school"] is False
        assert actions_since(mark) == ["individual_plan.member_added"]
        assert last_event().after == {"service": "school"}

    def test_a_service_already_in_the_plan_is_refused_with_409(
        self, vera: Actor, gp_plan: IndividualPlan
    ) -> None:
        error = refused(
            lambda: services.plan_member_add(actor=vera, plan=reread(gp_plan), service="nav")
        )
        assert (error.code, error.status) == ("already_member", 409)

    @pytest.mark.parametrize("service", ["police", "nav_state"])
    def test_an_unknown_service_is_refused_with_422(
        self, vera: Actor, service: str, gp_plan: IndividualPlan
    ) -> None:
        error = refused(
            lambda: services.plan_member_add(actor=vera, plan=reread(gp_plan), service=service)
        )
        assert (error.code, error.status) == ("unknown_service", 422)

    def test_a_member_leaves_the_plan(self, vera: Actor, gp_plan: IndividualPlan) -> None:

        services.plan_member_remove(actor=vera, plan=gp_plan, service="child_welfare")

        assert members_of(gp_plan) == {"gp": True, "nav": False}
        assert last_event().action == "individual_plan.member_removed"
        assert last_event().before == {"service": "child_welfare"}

    def test_the_coordinators_service_cannot_leave_with_409(
        self, vera: Actor, gp_plan: IndividualPlan
    ) -> None:
        error = refused(
            lambda: services.plan_member_remove(actor=vera, plan=reread(gp_plan), service="gp")
        )
        assert (error.code, error.status) == ("coordinator_cannot_leave", 409)
        assert members_of(reread(gp_plan))["gp"] is True

    def test_once_the_coordinator_has_moved_the_service_may_leave(
        self, vera: Actor, gp_plan: IndividualPlan
    ) -> None:
        services.plan_set_coordinator(
            actor=vera, plan=gp_plan, service="nav", version=gp_plan.version
        )

        services.plan_member_remove(actor=vera, plan=gp_plan, service="gp")

        assert members_of(gp_plan) == {"nav": True, "child_welfare": False}

    def test_a_service_not_in_the_plan_cannot_leave_it_404(
        self, vera: Actor, gp_plan: IndividualPlan
    ) -> None:
        error = refused(
            lambda: services.plan_member_remove(actor=vera, plan=reread(gp_plan), service="school")
        )
        assert (error.code, error.status) == ("not_a_member", 404)

    @pytest.mark.parametrize("login", ["fastlege", "beslutter", "citizen", "admin"])
    def test_only_the_office_changes_the_members(
        self, acting_as: Lookup, login: str, gp_plan: IndividualPlan
    ) -> None:
        actor = acting_as(login)
        add = refused(lambda: services.plan_member_add(actor=actor, plan=gp_plan, service="school"))
        remove = refused(
            lambda: services.plan_member_remove(actor=actor, plan=gp_plan, service="child_welfare")
        )
        assert (add.status, remove.status) == (403, 403)


class TestGoals:
    def test_a_caseworker_updates_the_goals_and_the_version_moves_on(
        self, vera: Actor, gp_plan: IndividualPlan
    ) -> None:
        old_goals = gp_plan.goals
        mark = audit_mark()

        updated = services.plan_goals_update(
            actor=vera, plan=gp_plan, goals="  Arbeidstrening tre dager i uka.  ", version=1
        )

        assert updated.goals == "Arbeidstrening tre dager i uka."
        assert row_of(gp_plan)["version"] == 2
        assert actions_since(mark) == ["individual_plan.goals_updated"]
        assert last_event().before == {"goals": old_goals}
        assert last_event().after == {"goals": "Arbeidstrening tre dager i uka."}

    def test_a_stale_version_is_refused_with_409_and_the_goals_stay(
        self, vera: Actor, gp: Actor, gp_plan: IndividualPlan
    ) -> None:
        services.plan_goals_update(actor=gp, plan=gp_plan, goals="Fastlegens forslag.", version=1)

        error = refused(
            lambda: services.plan_goals_update(
                actor=vera, plan=gp_plan, goals="Veilederens forslag.", version=1
            ),
            gp_plan,
        )

        assert (error.code, error.status, error.field) == ("stale_version", 409, "version")
        assert reread(gp_plan).goals == "Fastlegens forslag."

    def test_the_approver_may_read_the_plan_but_not_change_it(
        self, approver: Actor, gp_plan: IndividualPlan
    ) -> None:
        assert selectors.individual_plan_for(actor=approver, plan_id=gp_plan.pk) == gp_plan
        error = refused(
            lambda: services.plan_goals_update(actor=approver, plan=gp_plan, goals="x", version=1),
            gp_plan,
        )
        assert error.status == 403


class TestMeasures:
    def test_a_measure_has_a_member_service_responsible_and_a_deadline(
        self, vera: Actor, gp_plan: IndividualPlan
    ) -> None:
        mark = audit_mark()

        measure = services.plan_measure_add(
            actor=vera,
            plan=gp_plan,
            text="  Samtale med barnevernet om Sander  ",
            responsible_service="child_welfare",
            deadline=TODAY() + 14 * DAY,
        )

        assert measure.text == "Samtale med barnevernet om Sander"
        assert measure.done_on is None
        assert not measure.is_overdue_on(TODAY() + 14 * DAY)
        assert measure.is_overdue_on(TODAY() + 15 * DAY)
        assert gp_plan.measures.count() == 2
        assert actions_since(mark) == ["individual_plan.measure_added"]
        assert last_event().after == {
            "measure": str(measure.pk),
            "responsible": "child_welfare",
            "deadline": (TODAY() + 14 * DAY).isoformat(),
        }

    def test_the_responsible_service_must_be_in_the_plan(
        self, vera: Actor, gp_plan: IndividualPlan
    ) -> None:
        error = refused(
            lambda: services.plan_measure_add(
                actor=vera,
                plan=reread(gp_plan),
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

    def test_a_measure_must_be_described(self, vera: Actor, gp_plan: IndividualPlan) -> None:
        error = refused(
            lambda: services.plan_measure_add(
                actor=vera,
                plan=reread(gp_plan),
                text="   ",
                responsible_service="nav",
                deadline=TODAY(),
            )
        )
        assert (error.code, error.status, error.field) == ("text_required", 422, "text")

    def test_a_measure_is_done_once(self, vera: Actor, gp_measure: PlanMeasure) -> None:
        assert gp_measure.is_overdue_on(TODAY())
        mark = audit_mark()

        services.plan_measure_done(actor=vera, measure=gp_measure, done_on=TODAY() - DAY)

        stored = PlanMeasure.objects.get(pk=gp_measure.pk)
        assert stored.done_on == TODAY() - DAY
        assert not stored.is_overdue_on(TODAY())
        assert actions_since(mark) == ["individual_plan.measure_done"]
        assert last_event().after == {
            "measure": str(gp_measure.pk),
            "done_on": (TODAY() - DAY).isoformat(),
        }

    def test_done_a_second_time_is_refused_with_409(
        self, vera: Actor, gp_measure: PlanMeasure
    ) -> None:
        services.plan_measure_done(actor=vera, measure=reread(gp_measure), done_on=TODAY() - DAY)
        again = reread(gp_measure)

        error = refused(lambda: services.plan_measure_done(actor=vera, measure=again), again)

        assert (error.code, error.status) == ("already_done", 409)

    def test_done_from_a_copy_loaded_before_someone_else_marked_it_is_refused_with_409(
        self, vera: Actor, gp: Actor, gp_measure: PlanMeasure
    ) -> None:
        veras_copy = reread(gp_measure)
        services.plan_measure_done(actor=gp, measure=reread(gp_measure), done_on=TODAY() - DAY)
        done = reread(gp_measure)

        error = refused(lambda: services.plan_measure_done(actor=vera, measure=veras_copy), done)

        assert (error.code, error.status) == ("already_done", 409)

    @pytest.mark.parametrize("login", ["beslutter", "citizen", "admin", "ia-radgiver"])
    def test_those_outside_the_plan_neither_add_nor_finish_measures(
        self, acting_as: Lookup, login: str, gp_plan: IndividualPlan, gp_measure: PlanMeasure
    ) -> None:
        actor = acting_as(login)
        add = refused(
            lambda: services.plan_measure_add(
                actor=actor,
                plan=reread(gp_plan),
                text="Noe",
                responsible_service="nav",
                deadline=TODAY(),
            )
        )
        done = refused(
            lambda: services.plan_measure_done(actor=actor, measure=gp_measure), gp_measure
        )
        assert (add.status, done.status) == (403, 403)


# The audit trail -----------------------------------------------------------------------------


def test_no_coordination_write_puts_an_identity_number_in_the_audit_trail(
    vera: Actor,
    social: Actor,
    gp: Actor,
    unfollowed: Person,
    on_assistance: Person,
    gp_plan: IndividualPlan,
) -> None:
    consenting = gp_plan.person
    services.benefit_record(
        actor=vera, person=consenting, kind="disability_benefit", starts_on=TODAY(), degree=40
    )
    services.qualification_assessment_record(actor=social, person=on_assistance, outcome="offered")
    plan = services.individual_plan_create(
        actor=vera, person=unfollowed, coordinator="nav", members=["school"]
    )
    services.plan_measure_add(
        actor=gp,
        plan=reread(gp_plan),
        text="Time hos fastlegen",
        responsible_service="gp",
        deadline=TODAY(),
    )
    services.plan_set_coordinator(actor=vera, plan=plan, service="school", version=plan.version)
    services.reminder_note_add(actor=vera, person=consenting, text="Husk barnevernet")
    services.saved_filter_save(actor=vera, name="Mine", query="flag=mine")

    numbers = list(Person.objects.values_list("national_id", flat=True))
    for event in AuditEvent.objects.all():
        text = json.dumps([event.before, event.after, event.target_label], ensure_ascii=False)
        assert not [n for n in numbers if n in text], f"{event} holds an identity number"
