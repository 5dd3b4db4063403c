"""The lifecycles of activities and needs assessments, driven through random sequences of
service calls and checked against the tables in followup.lifecycles.

A move is accepted exactly when the table allows it (and, for assessments, the service's own
precondition holds); a refused move is a 409 that changes nothing and writes nothing; a
completed or cancelled activity and a sent decision never move again.

The activities are those of a person with a citizen login of their own, the assessments
those of another person in follow-up, both built for each test. Every hypothesis example
runs inside a savepoint that is rolled back at its end, so the examples share the people of
the test's transaction but not each other's writes."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, ClassVar

import pytest
from django.db import transaction
from django.db.models import Model
from hypothesis import HealthCheck, settings, strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    rule,
    run_state_machine_as_test,
)

from velferd.access.actor import Actor
from velferd.core.errors import DomainError
from velferd.core.testing import (
    actions_since,
    audit_mark,
    login_actor,
    refusal,
    stored_fields as row_of,
)
from velferd.followup import lifecycles, selectors, services
from velferd.followup.models import (
    PERMANENT_GROUPS,
    WITHOUT_MAIN_GOAL,
    Activity,
    ActivityStatus,
    AssessmentStatus,
    NeedGroup,
    NeedsAssessment,
    Source,
)
from velferd.letters.models import Letter
from velferd.people.models import Person
from velferd.people.tests.factories import citizen_of

from .factories import a_period

pytestmark = pytest.mark.django_db

MACHINE_SETTINGS = settings(
    max_examples=30,
    stateful_step_count=10,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
ACTIVITY_STATUSES: list[str] = list(ActivityStatus.values)
NEED_GROUPS: list[str] = list(NeedGroup.values)
LOCKED = {ActivityStatus.COMPLETED, ActivityStatus.CANCELLED}


def untouched(record: Model) -> Callable[[], object]:
    """What a refused call must leave as it was: the audit trail, the record, the letters."""
    return lambda: (audit_mark(), row_of(record), Letter.objects.count())


def refused(call: Callable[[], object], record: Model) -> DomainError:
    """A call that must be refused without writing anything or changing the record."""
    return refusal(call, unchanged=untouched(record))


@dataclass(frozen=True)
class Citizen:
    person: Person
    login: Actor


@pytest.fixture
def citizen() -> Citizen:
    """A person in follow-up at NAV Grünerløkka with a citizen login of their own."""
    person = a_period(caseworker=login_actor("veileder").user).person
    return Citizen(person, citizen_of(person))


@pytest.fixture
def assessed() -> Person:
    """A person in follow-up at NAV Grünerløkka, unassigned, with no assessment yet."""
    return a_period().person


class InSavepoint(RuleBasedStateMachine):
    """A state machine whose example is rolled back when it ends."""

    def __init__(self) -> None:
        super().__init__()
        self._savepoint = transaction.atomic()
        self._savepoint.__enter__()

    def teardown(self) -> None:
        transaction.set_rollback(True)
        self._savepoint.__exit__(None, None, None)


# Activities ----------------------------------------------------------------------------------


class ActivityLifecycle(InSavepoint):
    """The office moves one activity (its own, or one the person proposed) to random statuses."""

    citizen: ClassVar[Citizen]

    def __init__(self) -> None:
        super().__init__()
        self.office = login_actor("veileder")
        self.activity: Activity | None = None
        self.closed_as: str | None = None

    @initialize(proposed_by_person=st.booleans())
    def create(self, proposed_by_person: bool) -> None:
        self.activity = services.activity_create(
            actor=self.citizen.login if proposed_by_person else self.office,
            person=self.citizen.person,
            kind="own_activity" if proposed_by_person else "work_trial",
            title="Arbeidstrening",
        )
        assert self.activity.status == ("proposed" if proposed_by_person else "planned")

    def stored(self) -> Activity:
        assert self.activity is not None
        return Activity.objects.get(pk=self.activity.pk)

    @rule(status=st.sampled_from(ACTIVITY_STATUSES))
    def move(self, status: str) -> None:
        current = self.stored()
        history = selectors.history_of(current).count()
        if status in lifecycles.ACTIVITY[current.status]:
            mark = audit_mark()
            moved = services.activity_transition(
                actor=self.office, activity=current, status=status, version=current.version
            )
            assert (moved.status, moved.version) == (status, current.version + 1)
            assert self.stored().status == status
            assert actions_since(mark) == ["activity.status_changed"]
            latest = selectors.history_of(current).first()
            assert latest is not None
            assert (latest.before, latest.after) == ({"status": current.status}, {"status": status})
            if status in LOCKED:
                self.closed_as = status
        else:
            error = refused(
                lambda: services.activity_transition(
                    actor=self.office, activity=current, status=status, version=current.version
                ),
                current,
            )
            # A closed activity is refused as locked before the table is consulted.
            expected = "activity_locked" if current.is_locked else "invalid_transition"
            assert (error.code, error.status) == (expected, 409)
            assert selectors.history_of(current).count() == history

    @rule()
    def edit(self) -> None:
        current = self.stored()

        def call() -> Activity:
            return services.activity_update(
                actor=self.office, activity=current, version=current.version, description="Endret"
            )

        if current.is_locked:
            assert refused(call, current).code == "activity_locked"
        else:
            assert call().version == current.version + 1

    @rule()
    def comment(self) -> None:
        """Comments are welcome whatever the status, locked or not."""
        comment = services.activity_comment(actor=self.office, activity=self.stored(), text="Ok")
        assert comment.pk is not None

    @invariant()
    def a_closed_activity_never_moves(self) -> None:
        if self.activity is not None and self.closed_as is not None:
            assert self.stored().status == self.closed_as


def test_activity_moves_exactly_as_the_table_allows(citizen: Citizen) -> None:
    activities = Activity.objects.count()
    machine = type("ActivitiesOfTheCitizen", (ActivityLifecycle,), {"citizen": citizen})
    run_state_machine_as_test(machine, settings=MACHINE_SETTINGS)
    assert Activity.objects.count() == activities, "an example was not rolled back"


def path_to(status: str, start: str) -> list[str] | None:
    """The shortest list of moves from `start` to `status` that the table allows."""
    paths: deque[list[str]] = deque([[start]])
    while paths:
        path = paths.popleft()
        if path[-1] == status:
            return path[1:]
        paths.extend([*path, step] for step in lifecycles.ACTIVITY[path[-1]] if step not in path)
    return None


@pytest.mark.parametrize("target", ACTIVITY_STATUSES)
@pytest.mark.parametrize("current", ACTIVITY_STATUSES)
def test_every_pair_of_activity_statuses_follows_the_table(
    citizen: Citizen, current: str, target: str
) -> None:
    """The same rule, for each of the 25 pairs of statuses once."""
    office = login_actor("veileder")
    proposed = current == ActivityStatus.PROPOSED
    activity = services.activity_create(
        actor=citizen.login if proposed else office,
        person=citizen.person,
        kind="own_activity",
        title="Prøve",
    )
    steps = path_to(current, activity.status)
    assert steps is not None, f"{current} cannot be reached"
    for step in steps:
        activity = services.activity_transition(
            actor=office, activity=activity, status=step, version=activity.version
        )
    assert activity.status == current

    if target in lifecycles.ACTIVITY[current]:
        moved = services.activity_transition(
            actor=office, activity=activity, status=target, version=activity.version
        )
        assert Activity.objects.get(pk=activity.pk).status == moved.status == target
    else:
        error = refused(
            lambda: services.activity_transition(
                actor=office, activity=activity, status=target, version=activity.version
            ),
            activity,
        )
        assert error.status == 409
        assert error.code == ("activity_locked" if current in LOCKED else "invalid_transition")


def test_the_table_knows_every_status_and_locks_the_closed_ones() -> None:
    assert set(lifecycles.ACTIVITY) == set(ACTIVITY_STATUSES)
    assert set(lifecycles.ASSESSMENT) == set(AssessmentStatus.values)
    assert all(lifecycles.ACTIVITY[s] == set() for s in LOCKED)
    assert lifecycles.ASSESSMENT[AssessmentStatus.SENT] == set()


# Needs assessments ---------------------------------------------------------------------------

INVALID = ("invalid_transition", 409)
Outcome = str | tuple[str, int]  # the status it ends in, or the refusal (code, status)
OPERATIONS = ["submit", "approve", "return", "send", "update"]
ACTIONS = {
    "submit": ["assessment.submitted"],
    "approve": ["assessment.approved"],
    "return": ["assessment.returned"],
    "send": ["letter.sent", "assessment.sent"],
    "update": ["assessment.updated"],
}


def expected_outcome(operation: str, status: str, needs_approval: bool) -> Outcome:
    """What the service should do, from the table and the rules of §14a approval."""
    allowed = lifecycles.ASSESSMENT[status]

    def to(target: str) -> Outcome:
        return target if target in allowed else INVALID

    if operation == "submit":
        if not needs_approval:
            return ("approval_not_needed", 422)
        return to(AssessmentStatus.AWAITING_APPROVAL)
    if operation == "approve":
        return to(AssessmentStatus.APPROVED)
    if operation == "return":
        return to(AssessmentStatus.RETURNED)
    if operation == "send":
        if status == AssessmentStatus.SENT:
            return INVALID
        if needs_approval and status != AssessmentStatus.APPROVED:
            return ("approval_required", 409)
        return to(AssessmentStatus.SENT)
    assert operation == "update"
    if status in (AssessmentStatus.SENT, AssessmentStatus.AWAITING_APPROVAL):
        return ("assessment_locked", 409)
    return to(AssessmentStatus.DRAFT) if status == AssessmentStatus.APPROVED else status


def attempt(
    operation: str,
    current: NeedsAssessment,
    author: Actor,
    approver: Actor,
    *,
    exact: bool = True,
    **changes: Any,
) -> Outcome:
    """Try one operation on the assessment as stored and check that the service did what
    `expected_outcome` says: moved it (audited, version bumped, only along the table) or
    refused it (nothing written), with the expected code unless `exact` is off. Returns the
    outcome."""
    outcome = expected_outcome(operation, current.status, current.needs_approval)
    version = current.version
    calls: dict[str, Callable[[], NeedsAssessment]] = {
        "submit": lambda: services.assessment_submit(
            actor=author, assessment=current, version=version
        ),
        "approve": lambda: services.assessment_approve(
            actor=approver, assessment=current, version=version
        ),
        "return": lambda: services.assessment_return(
            actor=approver, assessment=current, version=version, comment="Mer grunnlag."
        ),
        "send": lambda: services.assessment_send(actor=author, assessment=current, version=version),
        "update": lambda: services.assessment_update(
            actor=author, assessment=current, version=version, **changes
        ),
    }
    if isinstance(outcome, tuple):
        error = refused(calls[operation], current)
        if exact:
            assert (error.code, error.status) == outcome
        return outcome
    mark = audit_mark()
    after = calls[operation]()
    assert after.status == NeedsAssessment.objects.get(pk=current.pk).status == outcome
    assert after.version == version + 1
    assert actions_since(mark) == ACTIONS[operation]
    if outcome != current.status:
        assert outcome in lifecycles.ASSESSMENT[current.status]
    return outcome


class AssessmentLifecycle(InSavepoint):
    """Vera writes an assessment for the person; she and the approver act on it at random."""

    person: ClassVar[Person]

    def __init__(self) -> None:
        super().__init__()
        self.author = login_actor("veileder")
        self.approver = login_actor("beslutter")
        self.assessment: NeedsAssessment | None = None
        self.was_sent = False

    @initialize(need_group=st.sampled_from(NEED_GROUPS))
    def create(self, need_group: str) -> None:
        self.assessment = draft_for(self.person, self.author, need_group)

    def stored(self) -> NeedsAssessment:
        assert self.assessment is not None
        return NeedsAssessment.objects.select_related("person").get(pk=self.assessment.pk)

    # One rule for every operation, so that hypothesis' swarm testing (which switches whole
    # rules off in some examples) never leaves the permanent groups without a submit.
    @rule(
        operation=st.sampled_from(OPERATIONS),
        need_group=st.one_of(st.none(), st.sampled_from(NEED_GROUPS)),
    )
    def act(self, operation: str, need_group: str | None) -> None:
        changes: dict[str, Any] = {}
        if operation == "update":
            changes["reasoning"] = "Oppdatert begrunnelse."
            if need_group is not None:
                changes |= group_and_goal(need_group)
        # Once sent, every operation must be refused and change nothing; which refusal each
        # one gets is checked once per state by test_every_operation_in_every_reachable_state
        # (one of them is a known bug).
        outcome = attempt(
            operation,
            self.stored(),
            self.author,
            self.approver,
            exact=not self.was_sent,
            **changes,
        )
        if self.was_sent:
            assert isinstance(outcome, tuple), "a sent decision moved"
        self.was_sent = self.was_sent or outcome == AssessmentStatus.SENT

    @invariant()
    def a_letter_exactly_when_sent(self) -> None:
        if self.assessment is None:
            return
        stored = self.stored()
        sent = stored.status == AssessmentStatus.SENT
        assert (stored.letter_id is not None) is sent
        assert (stored.sent_at is not None) is sent

    @invariant()
    def a_permanent_group_carries_the_approvers_signature(self) -> None:
        if self.assessment is None:
            return
        stored = self.stored()
        if stored.status == AssessmentStatus.APPROVED or (
            stored.status == AssessmentStatus.SENT and stored.need_group in PERMANENT_GROUPS
        ):
            assert self.approver.user is not None
            assert stored.approver_id == self.approver.user.pk
        if stored.status in (
            AssessmentStatus.DRAFT,
            AssessmentStatus.AWAITING_APPROVAL,
            AssessmentStatus.RETURNED,
        ):
            assert stored.approver_id is None


def test_assessment_moves_exactly_as_the_table_and_approval_rules_allow(assessed: Person) -> None:
    assessments, letters = NeedsAssessment.objects.count(), Letter.objects.count()
    machine = type("AssessmentsOfThePerson", (AssessmentLifecycle,), {"person": assessed})
    run_state_machine_as_test(machine, settings=MACHINE_SETTINGS)
    assert (NeedsAssessment.objects.count(), Letter.objects.count()) == (assessments, letters)


def group_and_goal(need_group: str) -> dict[str, str]:
    """A need group with the main goal it takes: none for permanent adaptation, else "get
    work"."""
    return {"need_group": need_group, "main_goal": main_goal_of(need_group)}


def main_goal_of(need_group: str) -> str:
    return "" if need_group in WITHOUT_MAIN_GOAL else "get_work"


def draft_for(person: Person, author: Actor, need_group: str) -> NeedsAssessment:
    draft = services.assessment_create(
        actor=author,
        person=person,
        **group_and_goal(need_group),
        sources=[Source.REGISTRATION],
        reasoning="Du trenger hjelp til å komme i jobb.",
    )
    assert draft.status == AssessmentStatus.DRAFT
    return draft


# Each reachable (status, need group) and the operations that lead there from a new draft;
# "update:standard" changes the need group.
REACHABLE: dict[tuple[str, str], list[str]] = {
    ("draft", "permanent"): [],
    ("awaiting_approval", "permanent"): ["submit"],
    ("returned", "permanent"): ["submit", "return"],
    ("approved", "permanent"): ["submit", "approve"],
    ("sent", "permanent"): ["submit", "approve", "send"],
    ("draft", "standard"): [],
    ("sent", "standard"): ["send"],
    ("returned", "standard"): ["submit", "return", "update:standard"],
}


@pytest.mark.parametrize(
    ("status", "need_group", "operation"),
    [
        (status, need_group, operation)
        for status, need_group in REACHABLE
        for operation in OPERATIONS
    ],
)
def test_every_operation_in_every_reachable_state(
    assessed: Person, status: str, need_group: str, operation: str
) -> None:
    """The same rule, for each operation in each state an assessment can be in, once."""
    author, approver = login_actor("veileder"), login_actor("beslutter")
    first_group = "permanent" if REACHABLE[status, need_group][:1] == ["submit"] else need_group
    assessment = draft_for(assessed, author, first_group)
    for step in REACHABLE[status, need_group]:
        operation_, _, group = step.partition(":")
        changes: dict[str, Any] = group_and_goal(group) if group else {}
        attempt(
            operation_, NeedsAssessment.objects.get(pk=assessment.pk), author, approver, **changes
        )
    current = NeedsAssessment.objects.select_related("person").get(pk=assessment.pk)
    assert (current.status, current.need_group) == (status, need_group)

    attempt(operation, current, author, approver)
