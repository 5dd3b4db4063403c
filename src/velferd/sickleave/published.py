"""Figures as NAV's sick-leave statistics publish them: percentages and workdays with one
decimal, rounded half up (0.05 → 0.1), whatever precision they were computed with."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

ONE_DECIMAL = Decimal("0.1")
HUNDRED = Decimal(100)


def one_decimal(value: Decimal | float | int) -> Decimal:
    return Decimal(value).quantize(ONE_DECIMAL, rounding=ROUND_HALF_UP)


def percent(part: Decimal | float | int, whole: Decimal | float | int) -> Decimal | None:
    """`part` as a share of `whole` in per cent, one decimal; None when `whole` is 0."""
    if not whole:
        return None
    return one_decimal(Decimal(part) / Decimal(whole) * HUNDRED)
