"""Reading the guideline rates (who may is asked by the caller: every reader of the
calculation sees them; administrators keep them)."""

from __future__ import annotations

from django.db.models import QuerySet

from ..models import GuidelineRate


def rate_years() -> set[int]:
    """The years some rate is entered for."""
    return set(GuidelineRate.objects.values_list("year", flat=True).distinct())


def rates_of(year: int) -> QuerySet[GuidelineRate]:
    return GuidelineRate.objects.filter(year=year)
