"""Checks of free text and choices that every domain's services make, with the refusal in
both languages."""

from __future__ import annotations

from .errors import UNPROCESSABLE, DomainError

MAX_TEXT = 10_000


def invalid(
    code: str, field: str | None, nb: str, en: str, status: int = UNPROCESSABLE
) -> DomainError:
    return DomainError(code=code, field=field, message_nb=nb, message_en=en, status=status)


def required_text(value: str | None, field: str, nb: str, en: str, limit: int = MAX_TEXT) -> str:
    """The text without surrounding blanks; refused when empty or longer than `limit`."""
    value = (value or "").strip()
    if not value:
        raise invalid(f"{field}_required", field, f"{nb} mangler.", f"The {en} is missing.")
    if len(value) > limit:
        raise invalid(
            "too_long",
            field,
            f"Teksten kan være høyst {limit} tegn.",
            f"The text can be at most {limit} characters.",
        )
    return value
