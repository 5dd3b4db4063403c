"""What every lifecycle shares: its transitions are a table {state: allowed next states},
and a move the table does not allow is refused, naming both states in both languages."""

from __future__ import annotations

from django.utils.translation import gettext, override

from .errors import CONFLICT, DomainError

Transitions = dict[str, set[str]]


def state_label(choices: type, value: str, language: str) -> str:
    with override(language):
        return gettext(str(choices(value).label))


def require_transition(table: Transitions, choices: type, current: str, target: str) -> None:
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
