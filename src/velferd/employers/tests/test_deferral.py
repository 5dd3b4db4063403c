""" "No capacity now" defers a cooperation to a date instead of closing it, and "no dialogue
between the parties" closes one: the IA agreement 2019–2024 (and its extension 2025–2028)
rests on the tripartite cooperation of employer, employees and NAV, and its IW centres
(NAV arbeidslivssenter) keep the enterprises they cannot serve yet."""

from __future__ import annotations

import pytest
from django.utils import translation

from velferd.access.actor import Actor
from velferd.core.testing import nb, refusal
from velferd.employers import selectors, services
from velferd.employers.models import Cooperation, CooperationEvent

from .deferrals import DAY, come_due, deferred, started, today, vestland_advisor
from .writes import Lookup, actions_since, audit_mark, counts

pytestmark = pytest.mark.django_db


@pytest.fixture
def advisor() -> Actor:
    return vestland_advisor()


def defer(advisor: Actor, cooperation: Cooperation, until: object) -> Cooperation:
    return services.cooperation_defer(
        actor=advisor, cooperation=cooperation, version=cooperation.version, deferred_until=until
    )


@pytest.mark.parametrize("moves", [(), ("assess",), ("assess", "activate")])
def test_no_capacity_now_defers_an_open_cooperation_to_a_date_and_keeps_it_open(
    advisor: Actor, moves: tuple[str, ...]
) -> None:
    """IA agreement 2019–2024: a cooperation to assess, being assessed or active is
    deferred, not closed."""
    cooperation = started(advisor, *moves)
    seq = audit_mark()
    cooperation = defer(advisor, cooperation, today() + 45 * DAY)
    assert (cooperation.status, cooperation.is_open) == ("deferred", True)
    assert cooperation.deferred_until == today() + 45 * DAY
    assert cooperation.reason == "no_capacity_now"
    assert actions_since(seq) == ["cooperation.deferred"]
    event = cooperation.events.first()
    assert event is not None
    assert (event.to_status, event.reason) == ("deferred", "no_capacity_now")
    assert event.deferred_until == today() + 45 * DAY


@pytest.mark.parametrize(
    ("until", "code"),
    [
        ("", "deferred_until_required"),
        (None, "deferred_until_required"),
        ("i morgen", "invalid_date"),
        ("today", "invalid_date"),
    ],
)
def test_a_deferral_needs_a_date(advisor: Actor, until: object, code: str) -> None:
    cooperation = started(advisor, "assess")
    before = counts()
    error = refusal(lambda: defer(advisor, cooperation, until))
    assert (error.code, error.field, error.status) == (code, "deferred_until", 422)
    assert counts() == before


@pytest.mark.parametrize("days", [0, -1, -400])
def test_a_deferral_date_is_after_today(advisor: Actor, days: int) -> None:
    cooperation = started(advisor, "assess")
    error = refusal(lambda: defer(advisor, cooperation, (today() + days * DAY).isoformat()))
    assert error.code == "deferred_until_not_future"
    assert "etter i dag" in error.message_nb and "after today" in error.message_en
    cooperation.refresh_from_db()
    assert cooperation.status == "assessing"


def test_a_closed_cooperation_cannot_be_deferred_409(advisor: Actor) -> None:
    cooperation = started(advisor, "assess")
    cooperation = services.cooperation_skip(
        actor=advisor,
        cooperation=cooperation,
        version=cooperation.version,
        reason="enterprise_declined",
    )
    error = refusal(lambda: defer(advisor, cooperation, today() + 10 * DAY))
    assert (error.code, error.status) == ("invalid_transition", 409)


def test_a_stale_version_is_refused_and_nothing_changes(advisor: Actor) -> None:
    cooperation = started(advisor, "assess")
    stale = cooperation.version - 1
    error = refusal(
        lambda: services.cooperation_defer(
            actor=advisor,
            cooperation=cooperation,
            version=stale,
            deferred_until=today() + 5 * DAY,
        )
    )
    assert error.status == 409
    cooperation.refresh_from_db()
    assert (cooperation.status, cooperation.deferred_until) == ("assessing", None)


def test_deferring_again_moves_the_date(advisor: Actor) -> None:
    cooperation = deferred(advisor, 10, "assess")
    cooperation = defer(advisor, cooperation, today() + 60 * DAY)
    assert cooperation.deferred_until == today() + 60 * DAY
    assert cooperation.events.filter(to_status="deferred").count() == 2


def test_resuming_brings_it_back_to_assess_and_clears_the_date(advisor: Actor) -> None:
    cooperation = deferred(advisor, 10, "assess")
    seq = audit_mark()
    cooperation = services.cooperation_resume(
        actor=advisor, cooperation=cooperation, version=cooperation.version, comment="Kapasitet"
    )
    assert (cooperation.status, cooperation.deferred_until, cooperation.reason) == (
        "to_assess",
        None,
        "",
    )
    assert actions_since(seq) == ["cooperation.resumed"]
    cooperation = services.cooperation_assess(
        actor=advisor, cooperation=cooperation, version=cooperation.version
    )
    assert cooperation.status == "assessing"


def test_only_a_deferred_cooperation_is_resumed(advisor: Actor) -> None:
    cooperation = started(advisor, "assess")
    error = refusal(
        lambda: services.cooperation_resume(
            actor=advisor, cooperation=cooperation, version=cooperation.version
        )
    )
    assert (error.code, error.status) == ("invalid_transition", 409)


def test_an_advisor_of_another_county_cannot_defer(advisor: Actor, actor_of_login: Lookup) -> None:
    cooperation = started(advisor, "assess")
    error = refusal(lambda: defer(actor_of_login("ia-03"), cooperation, today() + 9 * DAY))
    assert error.status == 403


def test_the_deferred_come_back_for_assessment_when_their_date_is_reached(
    advisor: Actor,
) -> None:
    later = deferred(advisor, 20)
    due_today = come_due(deferred(advisor, 5, "assess"))
    overdue = come_due(deferred(advisor, 5, "assess", "activate"), days_ago=3)
    assert not later.deferral_due and due_today.deferral_due and overdue.deferral_due
    built = {later, due_today, overdue}
    listed = [c for c in selectors.deferred_cooperations(actor=advisor) if c in built]
    assert listed == [overdue, due_today, later]
    due = [c for c in selectors.deferred_cooperations(actor=advisor, due=True) if c in built]
    assert due == [overdue, due_today]


def test_the_deferred_list_is_the_advisors_counties_only(
    advisor: Actor,
    actor_of_login: Lookup,
) -> None:
    mine = deferred(advisor, 7)
    assert mine in selectors.deferred_cooperations(actor=advisor)
    assert mine not in selectors.deferred_cooperations(actor=actor_of_login("ia-03"))


class TestClosingReasons:
    """IA agreement 2019–2024: no capacity is no longer a reason to close; no dialogue
    between the parties is."""

    @pytest.mark.parametrize(
        ("moves", "move"), [(("assess",), "skip"), (("assess", "activate"), "cancel")]
    )
    def test_no_capacity_now_no_longer_closes(
        self, advisor: Actor, moves: tuple[str, ...], move: str
    ) -> None:
        cooperation = started(advisor, *moves)
        error = refusal(
            lambda: services.TRANSITIONS[move](  # type: ignore[operator]
                actor=advisor,
                cooperation=cooperation,
                version=cooperation.version,
                reason="no_capacity_now",
            )
        )
        assert (error.code, error.field) == ("invalid_reason", "reason")
        cooperation.refresh_from_db()
        assert cooperation.is_open

    @pytest.mark.parametrize(
        ("moves", "move", "status"),
        [(("assess",), "skip", "not_relevant"), (("assess", "activate"), "cancel", "cancelled")],
    )
    def test_no_dialogue_between_the_parties_closes(
        self, advisor: Actor, moves: tuple[str, ...], move: str, status: str
    ) -> None:
        cooperation = started(advisor, *moves)
        cooperation = services.TRANSITIONS[move](  # type: ignore[operator]
            actor=advisor,
            cooperation=cooperation,
            version=cooperation.version,
            reason="no_dialogue_between_parties",
        )
        assert (cooperation.status, cooperation.is_open) == (status, False)
        assert cooperation.reason == "no_dialogue_between_parties"

    def test_a_cooperation_closed_for_no_capacity_before_stays_as_it_was(
        self, advisor: Actor
    ) -> None:
        cooperation = started(advisor, "assess")
        Cooperation.objects.filter(pk=cooperation.pk).update(
            status="not_relevant", is_open=False, reason="no_capacity_now"
        )
        CooperationEvent.objects.create(
            cooperation=cooperation,
            actor_label="IA-rådgiver",
            from_status="assessing",
            to_status="not_relevant",
            reason="no_capacity_now",
        )
        closed = selectors.current_cooperation(cooperation.enterprise)
        assert closed is not None
        assert (closed.status, closed.reason, closed.is_open) == (
            "not_relevant",
            "no_capacity_now",
            False,
        )
        event = closed.events.first()
        assert event is not None
        with translation.override("nb"):
            assert event.get_reason_display() == nb("The IW centre has no capacity now")
