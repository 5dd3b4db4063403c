"""A value from a model's choices, or a refusal naming the field."""

from __future__ import annotations

from velferd.core.validation import invalid


def choice(value: str, choices: type, field: str, nb: str, en: str) -> str:
    if value not in choices.values:  # type: ignore[attr-defined]
        raise invalid(
            f"invalid_{field}",
            field,
            f"«{value}» er ikke et gyldig valg for {nb}.",
            f"“{value}” is not a valid choice of {en}.",
        )
    return value
