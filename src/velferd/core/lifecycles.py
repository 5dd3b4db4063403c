"""What every lifecycle shares.

A lifecycle is a table {state: allowed next states} with its moves declared once beside it:
each `Move` has the name pages and the API use for it, the state it goes to, the audit event
it writes, the coded reasons it needs (if any), what else the person making it writes (a
comment) and a guard for a rule the table alone cannot say. Everything else is derived from
the declaration: the API's and the pages' list of moves, the `unknown_action` refusal, the
service that runs a move. A move the table does not allow is refused, naming both states in
both languages.

`change()` is what every write to a versioned record does around its own work: lock the
record (in the domain's lock order), check the version the writer saw, let the service
change it, then bump the version, save, and write the audit event last.

    ASSESSMENT = Lifecycle(AssessmentStatus, {...}, moves=(Move("send", SENT, "assessment.sent",
                                                                guard=approved_if_needed),))
    with change(assessment, version=version, lock=lock_record, audit=audited) as step:
        ASSESSMENT.enter(step.record, ASSESSMENT.move("send"))
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Generic, Protocol, TypeVar

from django.utils.translation import gettext, override

from .errors import BAD_REQUEST, CONFLICT, DomainError

Transitions = dict[str, set[str]]


def state_label(choices: type, value: str, language: str) -> str:
    with override(language):
        return gettext(str(choices(value).label))


def require_transition(
    table: Mapping[str, set[str]], choices: type, current: str, target: str
) -> None:
    """Refuse a transition the table does not allow, naming both states."""
    if target in table[current]:
        return
    raise DomainError(
        code="invalid_transition",
        field="status",
        status=CONFLICT,
        message_nb=(
            f"Kan ikke gå fra «{state_label(choices, current, 'nb')}» "
            f"til «{state_label(choices, target, 'nb')}»."
        ),
        message_en=(
            f"Cannot go from “{state_label(choices, current, 'en')}” "
            f"to “{state_label(choices, target, 'en')}”."
        ),
    )


def unknown_action() -> DomainError:
    """A page or a client asked for a move (or other action) that is not declared."""
    return DomainError(
        code="unknown_action",
        field=None,
        status=BAD_REQUEST,
        message_nb="Ukjent handling.",
        message_en="Unknown action.",
    )


Guard = Callable[[Any], None]


@dataclass(frozen=True)
class Move:
    """One move of a lifecycle.

    `name` is what pages and the API call it ("send"), `target` the state it goes to,
    `event` the audit action it writes ("assessment.sent"). `reasons` are the coded reasons
    of which it needs one (none: it needs no reason); `inputs` what else the person making
    it writes (a "comment"). `guard(record)` raises a DomainError for a rule the table
    cannot say (a permanent need group is sent only once approved); it runs before the
    table is asked."""

    name: str
    target: str
    event: str
    reasons: tuple[str, ...] = ()
    inputs: tuple[str, ...] = ()
    guard: Guard | None = None


S = TypeVar("S", bound=Callable[..., Any])


class Lifecycle(Mapping[str, set[str]]):
    """A transition table (it reads as the table itself: `ASSESSMENT[state]`) and the moves
    declared on it. `field` is the record's state field."""

    def __init__(
        self,
        choices: type,
        table: Transitions,
        *,
        moves: tuple[Move, ...] = (),
        field: str = "status",
    ) -> None:
        for move in moves:
            if move.target not in table:
                raise ValueError(f"{move.name}: {move.target} is not a state of the table")
        self.choices = choices
        self.table = table
        self.moves = moves
        self.field = field
        self._by_name = {move.name: move for move in moves}
        self._services: dict[str, Callable[..., Any]] = {}

    def __getitem__(self, state: str) -> set[str]:
        return self.table[state]

    def __iter__(self) -> Iterator[str]:
        return iter(self.table)

    def __len__(self) -> int:
        return len(self.table)

    @property
    def names(self) -> tuple[str, ...]:
        """The moves' names, in the order they are declared."""
        return tuple(self._by_name)

    def move(self, name: str) -> Move:
        """The move of that name; `unknown_action` (400) when none is declared."""
        found = self._by_name.get(name)
        if found is None:
            raise unknown_action()
        return found

    def require(self, current: str, target: str) -> None:
        require_transition(self.table, self.choices, current, target)

    def reason_for(self, move: Move, reason: str) -> str:
        """The coded reason the move needs, checked ("" for a move that needs none)."""
        if not move.reasons:
            return ""
        if not reason:
            raise DomainError(
                code="reason_required",
                field="reason",
                message_nb="Velg en årsak.",
                message_en="Choose a reason.",
            )
        if reason not in move.reasons:
            raise DomainError(
                code="invalid_reason",
                field="reason",
                message_nb=f"«{reason}» er ikke en årsak som passer her.",
                message_en=f"“{reason}” is not a reason that fits here.",
            )
        return reason

    def enter(self, record: Any, move: Move, reason: str = "") -> str:
        """Make the move on the record (not saved): the guard, the table, the reason; then
        the record is in the move's target state. Returns the checked reason."""
        if move.guard is not None:
            move.guard(record)
        self.require(getattr(record, self.field), move.target)
        checked = self.reason_for(move, reason)
        setattr(record, self.field, move.target)
        return checked

    def service(self, *names: str) -> Callable[[S], S]:
        """A decorator that makes the function the service of the named moves
        (`@ASSESSMENT.service("send")`), so that pages can run a move by its name."""

        def register(function: S) -> S:
            for name in names:
                self.move(name)
                if name in self._services:
                    raise ValueError(f"{name} already has a service")
                self._services[name] = function
            return function

        return register

    def service_for(self, name: str) -> Callable[..., Any]:
        """The service of the named move; `unknown_action` when the move is not declared."""
        move = self.move(name)
        return self._services[move.name]


class Versioned(Protocol):
    @property
    def version(self) -> int: ...

    def check_version(self, expected: int) -> None: ...

    def bump_version(self) -> None: ...

    def save(self) -> None: ...


V = TypeVar("V", bound=Versioned)
R = TypeVar("R")


@dataclass
class Change(Generic[R]):
    """A record being changed: `record` is the locked copy to change; `before` and `after`
    are what the audit event shows."""

    record: R
    before: dict[str, Any] | None = None
    after: dict[str, Any] | None = None


@contextmanager
def change(
    record: V,
    *,
    version: int | None,
    lock: Callable[[V], V],
    audit: Callable[[Change[V]], object],
) -> Iterator[Change[V]]:
    """Lock the record with `lock` (which reads it again under its lock), check `version`
    (None: a change the system makes, not one a person saw), and hand it over to be changed;
    when the block ends without a refusal, bump the version, save and call `audit` — last,
    as the audit chain head is the last lock a write takes. A refusal inside the block saves
    nothing."""
    locked = lock(record)
    if version is not None:
        locked.check_version(version)
    current = Change(locked)
    yield current
    locked.bump_version()
    locked.save()
    audit(current)
