"""The sectors of NAV's sick-leave statistics, and the enterprise's sector each stands for.

NAV (after SSB's institutional sectors in the Central Coordinating Register) publishes three:
statlig forvaltning (code 1), kommunal forvaltning (code 2, the county municipalities
included) and privat og offentlig næringsvirksomhet (code 3: private enterprises and those
the state or a municipality owns). An enterprise's sector (employers' `Sector`) is one of
them: state, municipal (a municipality or a county municipality), private.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class StatisticsSector:
    key: str  # the enterprise's sector
    code: str  # NAV's sector code in the statistics
    label: Promise


SECTORS = (
    StatisticsSector("state", "1", _("Central government administration")),
    StatisticsSector("municipal", "2", _("Local government administration")),
    StatisticsSector("private", "3", _("Private and public business enterprises")),
)
BY_KEY = {s.key: s for s in SECTORS}


def sector_label(key: str) -> str:
    """NAV's name of the sector in the current language (the key itself if unknown)."""
    found = BY_KEY.get(key)
    return str(found.label) if found else key


def sector_choices() -> list[tuple[str, str]]:
    return [(s.key, str(s.label)) for s in SECTORS]
