"""Names of the NACE (SN2007) divisions, the two-digit industry groups the statistics
compare with. Divisions not named here are shown by their number."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

DIVISIONS = {
    "01": _("Agriculture"),
    "02": _("Forestry"),
    "03": _("Fishing and aquaculture"),
    "10": _("Food products"),
    "16": _("Wood products"),
    "20": _("Chemicals"),
    "25": _("Fabricated metal products"),
    "28": _("Machinery and equipment"),
    "30": _("Ships and other transport equipment"),
    "33": _("Repair and installation of machinery"),
    "35": _("Electricity and gas supply"),
    "36": _("Water supply"),
    "38": _("Waste collection and treatment"),
    "41": _("Construction of buildings"),
    "42": _("Civil engineering"),
    "43": _("Specialised construction"),
    "45": _("Motor vehicle trade and repair"),
    "46": _("Wholesale trade"),
    "47": _("Retail trade"),
    "49": _("Land transport"),
    "50": _("Water transport"),
    "52": _("Warehousing and transport support"),
    "55": _("Accommodation"),
    "56": _("Food and beverage service"),
    "58": _("Publishing"),
    "62": _("Computer programming and consultancy"),
    "64": _("Financial services"),
    "68": _("Real estate"),
    "69": _("Legal and accounting"),
    "70": _("Management consultancy"),
    "71": _("Architecture and engineering"),
    "72": _("Research and development"),
    "77": _("Rental and leasing"),
    "78": _("Employment activities"),
    "80": _("Security services"),
    "81": _("Cleaning and facility services"),
    "82": _("Office support services"),
    "84": _("Public administration"),
    "85": _("Education"),
    "86": _("Health care"),
    "87": _("Residential care"),
    "88": _("Social work without accommodation"),
    "90": _("Arts and entertainment"),
    "93": _("Sports and recreation"),
    "94": _("Membership organisations"),
    "96": _("Other personal services"),
}


def division_of(industry_code: str) -> str:
    """The NACE division (two digits) of a code such as 87.301."""
    return industry_code.strip()[:2]


def division_label(division: str) -> str:
    name = DIVISIONS.get(division)
    return f"{division} {name}" if name else f"NACE {division}"
