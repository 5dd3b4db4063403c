"""The activity plan: the office plans and agrees, the person proposes and keeps their own;
lifecycle moves, locked activities, comments and the activity's history."""

from __future__ import annotations

from typing import Any

import pytest

from velferd.access.actor import Actor
from velferd.audit.models import AuditEvent
from velferd.followup import selectors, services
from velferd.followup.models import Activity
from velferd.people.models import Person

from .writes import DAY, TODAY, Lookup, actions_since, audit_mark, last_event, refused, row_of

pytestmark = pytest.mark.django_db


def office_activity(
    actor: Actor,
    person: Person,
    *,
    kind: str = "education",
    title: str = "Kurs i norsk",
    **extra: Any,
) -> Activity:
    return services.activity_create(actor=actor, person=person, kind=kind, title=title, **extra)


@pytest.fixture(params=["job_hunt", "meeting"])
def from_office(request: pytest.FixtureRequest) -> Activity:
    """An activity the office planned: the job hunt agreed with the person, the meeting not."""
    return request.getfixturevalue(request.param)


def moved(actor: Actor, record: Activity, status: str) -> Activity:
    return services.activity_transition(
        actor=actor, activity=record, status=status, version=record.version
    )


class TestActivityCreate:
    def test_the_office_plans_an_activity(self, vera: Actor, followed: Person) -> None:
        mark = audit_mark()
        planned = office_activity(
            vera,
            followed,
            kind="job_application",
            title="  Søk på lagerjobben  ",
            starts_on=TODAY(),
            ends_on=TODAY() + 7 * DAY,
            agreed_with_office=True,
        )

        assert planned.status == "planned"
        assert planned.title == "Søk på lagerjobben"
        assert planned.agreed_with_office and not planned.proposed_by_person
        assert planned.created_by == vera.user
        assert planned in selectors.activities_of(followed)
        assert actions_since(mark) == ["activity.created"]
        (change,) = selectors.history_of(planned)
        assert (change.what, change.changed_by_label, change.by_person) == (
            "created",
            "Vera Veileder",
            False,
        )

    def test_the_person_proposes_an_activity_of_their_own(
        self, citizen: Actor, followed: Person
    ) -> None:
        mark = audit_mark()
        proposal = services.activity_create(
            actor=citizen, person=followed, kind="own_activity", title="Gå tur hver dag"
        )

        assert proposal.status == "proposed"
        assert proposal.proposed_by_person and not proposal.agreed_with_office
        assert proposal.created_by == citizen.user
        assert actions_since(mark) == ["activity.created"]
        (change,) = selectors.history_of(proposal)
        assert (change.what, change.changed_by_label, change.by_person) == (
            "created",
            followed.full_name,
            True,
        )

    def test_the_person_cannot_agree_an_activity(self, citizen: Actor, followed: Person) -> None:
        error = refused(
            lambda: services.activity_create(
                actor=citizen,
                person=followed,
                kind="own_activity",
                title="Gå tur",
                agreed_with_office=True,
            )
        )
        assert (error.code, error.status, error.field) == (
            "only_office_agrees",
            403,
            "agreed_with_office",
        )

    def test_the_person_cannot_add_to_someone_elses_plan(
        self, citizen: Actor, unfollowed: Person
    ) -> None:
        error = refused(
            lambda: services.activity_create(
                actor=citizen, person=unfollowed, kind="own_activity", title="Gå tur"
            )
        )
        assert error.status == 403

    def test_a_caseworker_at_another_office_cannot_plan(
        self, sagene_caseworker: Actor, followed: Person
    ) -> None:
        error = refused(lambda: office_activity(sagene_caseworker, followed))
        assert (error.code, error.status) == ("forbidden", 403)

    def test_an_unknown_kind_is_refused_with_422(self, vera: Actor, followed: Person) -> None:
        error = refused(lambda: office_activity(vera, followed, kind="holiday"))
        assert (error.code, error.status, error.field) == ("unknown_activity_kind", 422, "kind")

    def test_ending_before_it_starts_is_refused_with_422(
        self, vera: Actor, followed: Person
    ) -> None:
        error = refused(
            lambda: office_activity(vera, followed, starts_on=TODAY(), ends_on=TODAY() - DAY)
        )
        assert (error.code, error.status, error.field) == ("ends_before_start", 422, "ends_on")

    def test_a_title_is_required(self, vera: Actor, followed: Person) -> None:
        error = refused(lambda: office_activity(vera, followed, title="   "))
        assert (error.code, error.status) == ("title_required", 422)


class TestActivityUpdate:
    def test_the_office_edits_an_activity_and_the_history_shows_it(
        self, vera: Actor, meeting: Activity
    ) -> None:
        mark = audit_mark()

        edited = services.activity_update(
            actor=vera,
            activity=meeting,
            version=meeting.version,
            title="Oppfølgingsmøte på kontoret",
            agreed_with_office=True,
        )

        assert edited.title == "Oppfølgingsmøte på kontoret"
        assert edited.agreed_with_office
        assert edited.version == meeting.version + 1
        assert actions_since(mark) == ["activity.updated"]
        latest = selectors.history_of(meeting).first()
        assert latest is not None
        assert (latest.what, latest.changed_by_label, latest.by_person) == (
            "updated",
            "Vera Veileder",
            False,
        )
        assert latest.before is not None and latest.after is not None
        assert (latest.before["title"], latest.after["title"]) == (
            "Oppfølgingsmøte",
            "Oppfølgingsmøte på kontoret",
        )

    def test_the_person_edits_their_own_activity(
        self, citizen: Actor, followed: Person, own_proposal: Activity
    ) -> None:
        mark = audit_mark()

        edited = services.activity_update(
            actor=citizen,
            activity=own_proposal,
            version=own_proposal.version,
            description="To ganger i uka holder.",
        )

        assert edited.description == "To ganger i uka holder."
        assert actions_since(mark) == ["activity.updated"]
        latest = selectors.history_of(own_proposal).first()
        assert latest is not None
        assert (latest.what, latest.changed_by_label, latest.by_person) == (
            "updated",
            followed.full_name,
            True,
        )

    def test_the_person_cannot_edit_an_activity_from_the_office(
        self, citizen: Actor, from_office: Activity
    ) -> None:
        error = refused(
            lambda: services.activity_update(
                actor=citizen, activity=from_office, version=from_office.version, title="Søk to"
            ),
            from_office,
        )
        assert (error.code, error.status) == ("only_office_changes", 403)

    def test_the_person_cannot_edit_their_own_once_agreed(
        self, vera: Actor, citizen: Actor, own_proposal: Activity
    ) -> None:
        agreed = services.activity_update(
            actor=vera, activity=own_proposal, version=own_proposal.version, agreed_with_office=True
        )
        error = refused(
            lambda: services.activity_update(
                actor=citizen, activity=agreed, version=agreed.version, title="Trene én gang"
            ),
            agreed,
        )
        assert (error.code, error.status) == ("only_office_changes", 403)

    @pytest.mark.parametrize("agreed", [True, False])
    def test_the_person_cannot_set_agreed_with_office(
        self, citizen: Actor, agreed: bool, own_proposal: Activity
    ) -> None:
        error = refused(
            lambda: services.activity_update(
                actor=citizen,
                activity=own_proposal,
                version=own_proposal.version,
                agreed_with_office=agreed,
            ),
            own_proposal,
        )
        assert (error.code, error.status) == ("only_office_changes", 403)

    def test_a_stale_version_is_refused_with_409(self, vera: Actor, meeting: Activity) -> None:
        services.activity_update(actor=vera, activity=meeting, version=meeting.version, title="A")
        error = refused(
            lambda: services.activity_update(
                actor=vera, activity=meeting, version=meeting.version, title="B"
            ),
            meeting,
        )
        assert (error.code, error.status) == ("stale_version", 409)
        assert row_of(meeting)["title"] == "A"

    def test_an_unknown_kind_is_refused_with_422(self, vera: Actor, meeting: Activity) -> None:
        error = refused(
            lambda: services.activity_update(
                actor=vera, activity=meeting, version=meeting.version, kind="party"
            ),
            meeting,
        )
        assert (error.code, error.status) == ("unknown_activity_kind", 422)

    def test_moving_the_end_before_the_start_is_refused_with_422(
        self, vera: Actor, job_hunt: Activity
    ) -> None:
        starts = job_hunt.starts_on
        assert starts is not None
        error = refused(
            lambda: services.activity_update(
                actor=vera, activity=job_hunt, version=job_hunt.version, ends_on=starts - DAY
            ),
            job_hunt,
        )
        assert (error.code, error.status) == ("ends_before_start", 422)


class TestActivityTransition:
    def test_the_office_moves_an_activity_along(self, vera: Actor, job_hunt: Activity) -> None:
        mark = audit_mark()

        started = moved(vera, job_hunt, "in_progress")

        assert started.status == "in_progress"
        assert started.version == job_hunt.version + 1
        assert actions_since(mark) == ["activity.status_changed"]
        latest = selectors.history_of(job_hunt).first()
        assert latest is not None
        assert (latest.what, latest.before, latest.after, latest.changed_by_label) == (
            "status_changed",
            {"status": "planned"},
            {"status": "in_progress"},
            "Vera Veileder",
        )

    def test_a_transition_the_lifecycle_does_not_allow_is_refused_with_409(
        self, vera: Actor, meeting: Activity
    ) -> None:
        error = refused(lambda: moved(vera, meeting, "proposed"), meeting)
        assert (error.code, error.status, error.field) == ("invalid_transition", 409, "status")
        assert error.message_en == "Cannot go from “Planned” to “Proposed”."

    def test_an_unknown_status_is_refused_with_422(self, vera: Actor, meeting: Activity) -> None:
        error = refused(lambda: moved(vera, meeting, "paused"), meeting)
        assert (error.code, error.status) == ("unknown_status", 422)

    def test_a_stale_version_is_refused_with_409(self, vera: Actor, meeting: Activity) -> None:
        error = refused(
            lambda: services.activity_transition(
                actor=vera, activity=meeting, status="in_progress", version=meeting.version - 1
            ),
            meeting,
        )
        assert (error.code, error.status) == ("stale_version", 409)

    def test_the_person_completes_their_own_activity_once_planned(
        self, vera: Actor, citizen: Actor, followed: Person, own_proposal: Activity
    ) -> None:
        planned = moved(vera, own_proposal, "planned")
        mark = audit_mark()

        done = moved(citizen, planned, "completed")

        assert done.status == "completed" and done.is_locked
        assert actions_since(mark) == ["activity.status_changed"]
        latest = selectors.history_of(own_proposal).first()
        assert latest is not None
        assert (latest.changed_by_label, latest.by_person) == (followed.full_name, True)

    def test_the_person_withdraws_their_own_proposal(
        self, citizen: Actor, own_proposal: Activity
    ) -> None:
        assert moved(citizen, own_proposal, "cancelled").status == "cancelled"

    def test_the_person_cannot_accept_their_own_proposal(
        self, citizen: Actor, own_proposal: Activity
    ) -> None:
        error = refused(lambda: moved(citizen, own_proposal, "planned"), own_proposal)
        assert (error.code, error.status) == ("forbidden", 403)

    def test_the_person_cannot_move_an_activity_from_the_office(
        self, citizen: Actor, from_office: Activity
    ) -> None:
        error = refused(lambda: moved(citizen, from_office, "completed"), from_office)
        assert (error.code, error.status) == ("forbidden", 403)


class TestLockedActivity:
    @pytest.fixture(params=["completed", "cancelled"])
    def closed(
        self, request: pytest.FixtureRequest, vera: Actor, own_proposal: Activity
    ) -> Activity:
        """The person's own proposal, accepted by the office and then completed or cancelled."""
        planned = moved(vera, own_proposal, "planned")
        return moved(vera, planned, request.param)

    @pytest.mark.parametrize("login", ["veileder", "citizen"])
    def test_cannot_be_edited(self, acting_as: Lookup, closed: Activity, login: str) -> None:
        error = refused(
            lambda: services.activity_update(
                actor=acting_as(login), activity=closed, version=closed.version, title="Ny"
            ),
            closed,
        )
        assert (error.code, error.status) == ("activity_locked", 409)

    @pytest.mark.parametrize("login", ["veileder", "citizen"])
    @pytest.mark.parametrize("target", ["planned", "in_progress", "completed", "cancelled"])
    def test_cannot_be_moved(
        self, acting_as: Lookup, closed: Activity, login: str, target: str
    ) -> None:
        error = refused(lambda: moved(acting_as(login), closed, target), closed)
        assert (error.code, error.status) == ("activity_locked", 409)

    @pytest.mark.parametrize(("login", "by_person"), [("veileder", False), ("citizen", True)])
    def test_can_still_be_commented_on(
        self, acting_as: Lookup, closed: Activity, login: str, by_person: bool
    ) -> None:
        mark = audit_mark()
        comment = services.activity_comment(
            actor=acting_as(login), activity=closed, text="Bra jobba!"
        )
        assert list(closed.comments.all()) == [comment]
        assert comment.by_person is by_person
        assert actions_since(mark) == ["activity.commented"]


class TestActivityComment:
    @pytest.mark.parametrize(("login", "by_person"), [("veileder", False), ("citizen", True)])
    def test_both_the_person_and_the_office_comment(
        self, acting_as: Lookup, login: str, by_person: bool, job_hunt: Activity
    ) -> None:
        mark = audit_mark()

        comment = services.activity_comment(
            actor=acting_as(login), activity=job_hunt, text="  Hvordan går det?  "
        )

        assert comment.text == "Hvordan går det?"
        assert comment.author == acting_as(login).user
        assert comment.by_person is by_person
        assert actions_since(mark) == ["activity.commented"]
        assert last_event().after == {"comment": comment.pk, "by_person": by_person}
        assert row_of(job_hunt)["version"] == job_hunt.version

    def test_an_empty_comment_is_refused(self, citizen: Actor, job_hunt: Activity) -> None:
        error = refused(
            lambda: services.activity_comment(actor=citizen, activity=job_hunt, text=" "), job_hunt
        )
        assert (error.code, error.status) == ("text_required", 422)

    def test_the_approver_does_not_comment(self, approver: Actor, job_hunt: Activity) -> None:
        error = refused(
            lambda: services.activity_comment(actor=approver, activity=job_hunt, text="Hei")
        )
        assert error.status == 403


class TestActivityHistory:
    def test_every_change_is_listed_newest_first_with_who_and_what(
        self, vera: Actor, citizen: Actor, followed: Person
    ) -> None:
        proposal = services.activity_create(
            actor=citizen, person=followed, kind="education", title="Ta truckførerbevis"
        )
        edited = services.activity_update(
            actor=citizen, activity=proposal, version=proposal.version, ends_on=TODAY() + 30 * DAY
        )
        planned = moved(vera, edited, "planned")
        started = moved(citizen, planned, "in_progress")
        moved(citizen, started, "completed")

        history = [
            (c.what, c.changed_by_label, c.by_person, c.after)
            for c in selectors.history_of(proposal)
        ]
        assert [h[:3] for h in history] == [
            ("status_changed", followed.full_name, True),
            ("status_changed", followed.full_name, True),
            ("status_changed", "Vera Veileder", False),
            ("updated", followed.full_name, True),
            ("created", followed.full_name, True),
        ]
        assert [h[3]["status"] for h in history if h[3]] == [
            "completed",
            "in_progress",
            "planned",
            "proposed",
            "proposed",
        ]
        audited = AuditEvent.objects.filter(target_id=str(proposal.pk)).values_list(
            "action", flat=True
        )
        assert list(audited) == [
            "activity.created",
            "activity.updated",
            "activity.status_changed",
            "activity.status_changed",
            "activity.status_changed",
        ]
