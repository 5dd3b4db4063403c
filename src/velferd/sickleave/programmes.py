"""The industry programmes (bransjeprogrammer) of the IW agreement 2019–2024 as extended,
and the NACE codes (SN2007) of each, as NAV's sick-leave statistics define them
(after the Working Environment Portal, arbeidsmiljøportalen): a programme is either whole
NACE divisions or a list of five-digit codes. An enterprise belongs to at most one."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q
from django.utils.functional import Promise
from django.utils.translation import pgettext_lazy


@dataclass(frozen=True)
class Programme:
    key: str
    label: Promise
    division: str  # the NACE division the programme lies in
    codes: tuple[str, ...] = ()  # five-digit codes (86.101); none: the whole division

    @property
    def whole_division(self) -> bool:
        return not self.codes

    def covers(self, industry_code: str) -> bool:
        code = industry_code.strip()
        return code in self.codes if self.codes else code[:2] == self.division


PROGRAMMES = (
    Programme(
        "kindergartens", pgettext_lazy("industry programme", "Kindergartens"), "88", ("88.911",)
    ),
    Programme("food_industry", pgettext_lazy("industry programme", "Food industry"), "10"),
    Programme(
        "hospitals",
        pgettext_lazy("industry programme", "Hospitals"),
        "86",
        ("86.101", "86.102", "86.104", "86.105", "86.106", "86.107"),
    ),
    Programme(
        "nursing_homes",
        pgettext_lazy("industry programme", "Nursing homes"),
        "87",
        ("87.101", "87.102"),
    ),
    Programme(
        "transport",
        pgettext_lazy("industry programme", "Scheduled passenger transport"),
        "49",
        ("49.100", "49.311", "49.312", "49.391", "49.392"),
    ),
    Programme("construction", pgettext_lazy("industry programme", "Construction"), "41"),
    Programme("civil_engineering", pgettext_lazy("industry programme", "Civil engineering"), "42"),
)
BY_KEY = {p.key: p for p in PROGRAMMES}


def programme_of(industry_code: str) -> Programme | None:
    """The programme an enterprise with this NACE code belongs to, if any."""
    return next((p for p in PROGRAMMES if p.covers(industry_code)), None)


def programme_q(key: str, prefix: str = "") -> Q:
    """The enterprises of a programme, as a filter on their industry code (`prefix` the path
    to the enterprise)."""
    programme = BY_KEY[key]
    if programme.codes:
        return Q(**{f"{prefix}industry_code__in": programme.codes})
    return Q(**{f"{prefix}industry_code__startswith": programme.division})


def programme_choices() -> list[tuple[str, str]]:
    return [(p.key, str(p.label)) for p in PROGRAMMES]


def programme_label(key: str) -> str:
    found = BY_KEY.get(key)
    return str(found.label) if found else key
