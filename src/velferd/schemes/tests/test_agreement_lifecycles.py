"""The lifecycles of agreements and deliveries as tables (every state × every move: allowed
exactly when lifecycles.AGREEMENT / DELIVERY says so), and the agreement's lifecycle driven
through random sequences of service calls (hypothesis): a move is accepted exactly when the
table allows it and its guard is met (a rate before activating an agreed price, a reason for
cancelling), every accepted move writes one audit event and bumps the version, a refused
one changes and writes nothing.

Every example of the state machine runs inside a savepoint rolled back at its end."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from django.db import transaction
from hypothesis import HealthCheck, settings, strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    rule,
    run_state_machine_as_test,
)

from velferd.audit.models import AuditEvent
from velferd.core.errors import DomainError
from velferd.schemes import lifecycles, services
from velferd.schemes.models import Agreement, AgreementStatus, DeliveryStatus

from .agreement_builders import START, a_draft, an_active, manager
from .factories import a_delivery

pytestmark = pytest.mark.django_db

A, D = AgreementStatus, DeliveryStatus
AGREEMENT_TABLE: dict[tuple[str, str], str] = {
    (A.DRAFT, "activate"): A.ACTIVE,
    (A.DRAFT, "cancel"): A.CANCELLED,
    (A.ACTIVE, "end"): A.ENDED,
    (A.ACTIVE, "cancel"): A.CANCELLED,
}
DELIVERY_TABLE: dict[tuple[str, str], str] = {
    (D.PLANNED, "start"): D.RUNNING,
    (D.PLANNED, "cancel"): D.CANCELLED,
    (D.RUNNING, "end"): D.ENDED,
    (D.RUNNING, "cancel"): D.CANCELLED,
}
REASON = "Behovet er borte."


def _refused(call: Any) -> DomainError:
    with pytest.raises(DomainError) as caught:
        call()
    return caught.value


@pytest.mark.parametrize("state", A.values)
@pytest.mark.parametrize("move", lifecycles.AGREEMENT.names)
def test_agreement_moves_follow_the_table(state: str, move: str) -> None:
    agreement = an_active()
    Agreement.objects.filter(pk=agreement.pk).update(status=state)
    agreement.refresh_from_db()
    service = lifecycles.AGREEMENT.service_for(move)
    given = {"reason": REASON} if move == "cancel" else {}

    def call() -> Any:
        return service(actor=manager(), agreement=agreement, version=agreement.version, **given)

    if (state, move) in AGREEMENT_TABLE:
        assert call().status == AGREEMENT_TABLE[(state, move)]
    else:
        error = _refused(call)
        assert (error.code, error.status) == ("invalid_transition", 409)


@pytest.mark.parametrize("state", D.values)
@pytest.mark.parametrize("move", lifecycles.DELIVERY.names)
def test_delivery_moves_follow_the_table(state: str, move: str) -> None:
    delivery = a_delivery(status=state)
    service = lifecycles.DELIVERY.service_for(move)
    given = {"reason": REASON} if move == "cancel" else {}

    def call() -> Any:
        return service(actor=manager(), delivery=delivery, version=delivery.version, **given)

    if (state, move) in DELIVERY_TABLE:
        assert call().status == DELIVERY_TABLE[(state, move)]
    else:
        error = _refused(call)
        assert (error.code, error.status) == ("invalid_transition", 409)


def test_a_delivery_starts_only_while_its_agreement_is_active() -> None:
    delivery = a_delivery(status=D.PLANNED)
    agreement = delivery.agreement
    services.agreement_end(actor=manager(), agreement=agreement, version=agreement.version)
    delivery.refresh_from_db()
    error = _refused(
        lambda: services.delivery_start(
            actor=manager(), delivery=delivery, version=delivery.version
        )
    )
    assert (error.code, error.status) == ("agreement_not_active", 409)


EVENTS = {move.name: move.event for move in lifecycles.AGREEMENT.moves}
MACHINE_SETTINGS = settings(
    max_examples=15,
    stateful_step_count=6,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


class AgreementLifecycle(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self._savepoint = transaction.atomic()
        self._savepoint.__enter__()
        self.actor = manager()
        self.agreement: Agreement | None = None

    def teardown(self) -> None:
        transaction.set_rollback(True)
        self._savepoint.__exit__(None, None, None)

    @initialize(priced=st.booleans())
    def start(self, priced: bool) -> None:
        self.agreement = a_draft(self.actor)
        self.priced = priced
        if priced:
            services.agreement_add_rate(
                actor=self.actor,
                agreement=self.agreement,
                version=1,
                valid_from=START,
                amount=Decimal("18000.00"),
            )

    def stored(self) -> Agreement:
        assert self.agreement is not None
        return Agreement.objects.get(pk=self.agreement.pk)

    def expected(self, current: str, move: str, reason: str) -> str | tuple[str, int]:
        target = lifecycles.AGREEMENT.move(move).target
        if move == "activate" and not self.priced:
            return ("rate_required", 409)
        if target not in lifecycles.AGREEMENT[current]:
            return ("invalid_transition", 409)
        if move == "cancel" and not reason.strip():
            return ("reason_required", 422)
        return target

    @rule(
        move=st.sampled_from(lifecycles.AGREEMENT.names),
        reason=st.sampled_from(["", " ", REASON]),
        stale=st.booleans(),
    )
    def move(self, move: str, reason: str, stale: bool) -> None:
        current = self.stored()
        outcome = self.expected(current.status, move, reason)
        version = current.version - 1 if stale else current.version
        given = {"reason": reason} if move == "cancel" else {}
        before = AuditEvent.objects.count()

        def call() -> Agreement:
            service = lifecycles.AGREEMENT.service_for(move)
            found: Agreement = service(
                actor=self.actor, agreement=current, version=version, **given
            )
            return found

        if stale:  # the version is checked first, under the lock
            outcome = ("stale_version", 409)
        if isinstance(outcome, tuple):
            error = _refused(call)
            assert (error.code, error.status) == outcome
            assert self.stored().status == current.status
            assert AuditEvent.objects.count() == before
            return
        after = call()
        assert (after.status, after.version) == (outcome, current.version + 1)
        assert list(AuditEvent.objects.order_by("seq").values_list("action", flat=True))[
            before:
        ] == [EVENTS[move]]


def test_agreement_lifecycle_as_a_state_machine() -> None:
    run_state_machine_as_test(AgreementLifecycle, settings=MACHINE_SETTINGS)


def test_the_lifecycles_are_tables_of_every_state() -> None:
    assert set(lifecycles.AGREEMENT) == set(A.values)
    assert set(lifecycles.DELIVERY) == set(D.values)
    assert lifecycles.AGREEMENT[A.ENDED] == set() and lifecycles.AGREEMENT[A.CANCELLED] == set()
