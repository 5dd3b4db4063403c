"""Follow-up periods: starting, assigning, ending; each write checked for what the
caseworker would notice and its audit event, each refusal for writing nothing."""

from __future__ import annotations

import pytest

from velferd.access.actor import Actor
from velferd.access.models import User
from velferd.followup import selectors, services
from velferd.people.models import Person

from .writes import DAY, TODAY, Lookup, actions_since, audit_mark, last_event, refused, row_of, user

pytestmark = pytest.mark.django_db


class TestPeriodStart:
    def test_a_caseworker_starts_follow_up_unassigned_at_the_persons_office(
        self, vera: Actor, unfollowed: Person
    ) -> None:
        mark = audit_mark()

        period = services.period_start(actor=vera, person=unfollowed)

        assert period.is_open
        assert period.office == unfollowed.office
        assert period.caseworker is None
        assert period.started_on == TODAY()
        assert selectors.open_period(unfollowed) == period
        assert actions_since(mark) == ["period.started"]
        assert last_event().target_id == str(period.pk)

    def test_the_start_date_can_be_given(self, vera: Actor, unfollowed: Person) -> None:
        started = TODAY() - 10 * DAY
        period = services.period_start(actor=vera, person=unfollowed, started_on=started)
        assert period.started_on == started

    def test_a_caseworker_may_take_the_person_themself(
        self, vera: Actor, unfollowed: Person
    ) -> None:
        period = services.period_start(actor=vera, person=unfollowed, caseworker=vera.user)
        assert period.caseworker == vera.user
        assert last_event().after == {
            "person": str(unfollowed.pk),
            "office": str(unfollowed.office_id),
            "caseworker": str(user("veileder").pk),
            "started_on": TODAY().isoformat(),
        }

    def test_a_second_open_period_is_refused_with_409(self, vera: Actor, newcomer: Person) -> None:
        open_one = selectors.open_period(newcomer)
        assert open_one is not None

        error = refused(lambda: services.period_start(actor=vera, person=newcomer), open_one)

        assert (error.code, error.status) == ("period_already_open", 409)

    def test_a_caseworker_at_another_office_is_refused_with_403(
        self, sagene_caseworker: Actor, unfollowed: Person
    ) -> None:
        error = refused(lambda: services.period_start(actor=sagene_caseworker, person=unfollowed))
        assert (error.code, error.status) == ("forbidden", 403)
        assert selectors.open_period(unfollowed) is None

    @pytest.mark.parametrize("login", ["beslutter", "citizen", "admin", "ia-radgiver"])
    def test_only_caseworkers_and_the_office_manager_start_follow_up(
        self, acting_as: Lookup, login: str, unfollowed: Person
    ) -> None:
        error = refused(lambda: services.period_start(actor=acting_as(login), person=unfollowed))
        assert error.status == 403

    def test_the_named_caseworker_must_work_at_the_persons_office(
        self, manager: Actor, unfollowed: Person, sagene_caseworker: Actor
    ) -> None:
        elsewhere = user("sagene-veileder")
        error = refused(
            lambda: services.period_start(actor=manager, person=unfollowed, caseworker=elsewhere)
        )
        assert (error.code, error.status, error.field) == (
            "not_a_caseworker_here",
            422,
            "caseworker",
        )

    def test_a_caseworker_cannot_assign_a_colleague_when_starting(
        self, vera: Actor, unfollowed: Person
    ) -> None:
        error = refused(
            lambda: services.period_start(
                actor=vera, person=unfollowed, caseworker=user("sosialkonsulent")
            )
        )
        assert error.status == 403


class TestPeriodAssign:
    def test_the_office_manager_assigns_a_caseworker(
        self, manager: Actor, newcomer: Person
    ) -> None:
        period = selectors.open_period(newcomer)
        assert period is not None and period.caseworker is None
        mark = audit_mark()

        assigned = services.period_assign(
            actor=manager, period=period, caseworker=user("sosialkonsulent"), version=period.version
        )

        assert assigned.caseworker == user("sosialkonsulent")
        assert assigned.version == period.version + 1
        assert actions_since(mark) == ["period.assigned"]
        event = last_event()
        assert event.before == {"caseworker": None}
        assert event.after == {"caseworker": str(user("sosialkonsulent").pk)}

    def test_the_office_manager_reassigns_to_another_caseworker(
        self, manager: Actor, followed: Person
    ) -> None:
        period = selectors.open_period(followed)
        assert period is not None and period.caseworker == user("veileder")
        assigned = services.period_assign(
            actor=manager, period=period, caseworker=user("sosialkonsulent"), version=period.version
        )
        assert selectors.open_period(followed) == assigned
        assert assigned.caseworker == user("sosialkonsulent")

    @pytest.mark.parametrize("login", ["veileder", "sosialkonsulent", "beslutter", "citizen"])
    def test_only_the_office_manager_assigns(
        self, acting_as: Lookup, login: str, newcomer: Person
    ) -> None:
        period = selectors.open_period(newcomer)
        assert period is not None
        error = refused(
            lambda: services.period_assign(
                actor=acting_as(login),
                period=period,
                caseworker=user("veileder"),
                version=period.version,
            ),
            period,
        )
        assert (error.code, error.status) == ("forbidden", 403)

    def test_an_approver_is_not_a_caseworker_to_assign(
        self, manager: Actor, newcomer: Person
    ) -> None:
        period = selectors.open_period(newcomer)
        assert period is not None
        error = refused(
            lambda: services.period_assign(
                actor=manager, period=period, caseworker=user("beslutter"), version=period.version
            ),
            period,
        )
        assert (error.code, error.status) == ("not_a_caseworker_here", 422)

    def test_a_caseworker_at_another_office_cannot_be_assigned(
        self, manager: Actor, newcomer: Person, sagene_caseworker: Actor
    ) -> None:
        elsewhere = user("sagene-veileder")
        period = selectors.open_period(newcomer)
        assert period is not None
        error = refused(
            lambda: services.period_assign(
                actor=manager, period=period, caseworker=elsewhere, version=period.version
            ),
            period,
        )
        assert (error.code, error.status) == ("not_a_caseworker_here", 422)

    def test_a_deactivated_caseworker_cannot_be_assigned(
        self, manager: Actor, newcomer: Person
    ) -> None:
        User.objects.filter(username="sosialkonsulent").update(is_active=False)
        period = selectors.open_period(newcomer)
        assert period is not None
        error = refused(
            lambda: services.period_assign(
                actor=manager,
                period=period,
                caseworker=user("sosialkonsulent"),
                version=period.version,
            ),
            period,
        )
        assert error.code == "not_a_caseworker_here"

    def test_a_stale_version_is_refused_with_409(self, manager: Actor, newcomer: Person) -> None:
        period = selectors.open_period(newcomer)
        assert period is not None
        services.period_assign(
            actor=manager, period=period, caseworker=user("veileder"), version=period.version
        )
        error = refused(
            lambda: services.period_assign(
                actor=manager,
                period=period,
                caseworker=user("sosialkonsulent"),
                version=period.version,
            ),
            period,
        )
        assert (error.code, error.status) == ("stale_version", 409)
        assert row_of(period)["caseworker_id"] == user("veileder").pk

    def test_an_ended_period_cannot_be_assigned(
        self, vera: Actor, manager: Actor, newcomer: Person
    ) -> None:
        period = selectors.open_period(newcomer)
        assert period is not None
        ended = services.period_end(
            actor=vera, period=period, version=period.version, reason="Fikk jobb"
        )
        error = refused(
            lambda: services.period_assign(
                actor=manager, period=ended, caseworker=user("veileder"), version=ended.version
            ),
            ended,
        )
        assert (error.code, error.status) == ("period_ended", 409)


class TestPeriodEnd:
    def test_a_caseworker_ends_the_follow_up_with_a_reason(
        self, vera: Actor, newcomer: Person
    ) -> None:
        period = selectors.open_period(newcomer)
        assert period is not None
        mark = audit_mark()

        ended = services.period_end(
            actor=vera, period=period, version=period.version, reason="  Har fått fast jobb  "
        )

        assert not ended.is_open
        assert ended.ended_on == TODAY()
        assert ended.end_reason == "Har fått fast jobb"
        assert selectors.open_period(newcomer) is None
        assert actions_since(mark) == ["period.ended"]
        assert last_event().after == {
            "ended_on": TODAY().isoformat(),
            "end_reason": ended.end_reason,
        }

    def test_after_the_end_a_new_follow_up_can_start(self, vera: Actor, newcomer: Person) -> None:
        period = selectors.open_period(newcomer)
        assert period is not None
        services.period_end(actor=vera, period=period, version=period.version, reason="Flyttet")
        again = services.period_start(actor=vera, person=newcomer)
        assert again.is_open and again.pk != period.pk

    def test_the_reason_is_required(self, vera: Actor, newcomer: Person) -> None:
        period = selectors.open_period(newcomer)
        assert period is not None
        error = refused(
            lambda: services.period_end(
                actor=vera, period=period, version=period.version, reason="   "
            ),
            period,
        )
        assert (error.code, error.status, error.field) == ("reason_required", 422, "reason")

    def test_ending_before_the_start_is_refused(self, vera: Actor, followed: Person) -> None:
        period = selectors.open_period(followed)
        assert period is not None
        error = refused(
            lambda: services.period_end(
                actor=vera,
                period=period,
                version=period.version,
                reason="Feilregistrert",
                ended_on=period.started_on - DAY,
            ),
            period,
        )
        assert (error.code, error.status, error.field) == ("ends_before_start", 422, "ended_on")

    def test_ending_on_the_first_day_is_allowed(self, vera: Actor, followed: Person) -> None:
        period = selectors.open_period(followed)
        assert period is not None
        ended = services.period_end(
            actor=vera,
            period=period,
            version=period.version,
            reason="Feilregistrert",
            ended_on=period.started_on,
        )
        assert ended.ended_on == period.started_on

    def test_an_ended_period_cannot_end_again(self, vera: Actor, newcomer: Person) -> None:
        period = selectors.open_period(newcomer)
        assert period is not None
        ended = services.period_end(
            actor=vera, period=period, version=period.version, reason="Flyttet"
        )
        error = refused(
            lambda: services.period_end(
                actor=vera, period=ended, version=ended.version, reason="Igjen"
            ),
            ended,
        )
        assert (error.code, error.status) == ("period_ended", 409)

    def test_a_stale_version_is_refused_with_409(self, vera: Actor, newcomer: Person) -> None:
        period = selectors.open_period(newcomer)
        assert period is not None
        error = refused(
            lambda: services.period_end(
                actor=vera, period=period, version=period.version - 1, reason="Flyttet"
            ),
            period,
        )
        assert (error.code, error.status) == ("stale_version", 409)

    def test_the_approver_cannot_end_a_follow_up(self, approver: Actor, newcomer: Person) -> None:
        period = selectors.open_period(newcomer)
        assert period is not None
        error = refused(
            lambda: services.period_end(
                actor=approver, period=period, version=period.version, reason="Flyttet"
            ),
            period,
        )
        assert error.status == 403
