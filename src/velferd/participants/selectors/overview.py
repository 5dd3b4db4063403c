"""The overview of places in labour market schemes for a county, an office or the whole
country: places, occupied places and people waiting today per scheme type, the utilisation
over the last 12 months, and permanent adapted work (VTA) in ordinary versus sheltered
enterprises over the same months.

How it is counted:

- An office's figures are those of the deliveries it may enrol in (places are shared by the
  offices of a delivery); a county's those of its deliveries. Cancelled deliveries count
  nowhere.
- Today: places are the running deliveries' places; occupied are the participations that
  hold one (awaiting start, participating); waiting are the people on their waiting lists.
- A month is counted on its last day (this month: today): the places of the deliveries
  running then by their dates, and the participations that held a place then (awaiting
  start, participating, or since ended or completed) by their dates and the day they closed.
  Utilisation = occupied ÷ places.
- Places and occupied places are counts of places, not of people, and are shown as they
  are. People waiting are persons: statistical disclosure control (core/disclosure.py)
  hides a count under 5 and, since the types add up to the total shown, as many more as it
  takes to keep the hidden ones together at 5 or more.

Aggregates only: no person is read, so nothing is written to anyone's access log."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.db.models import Count, Q, Sum
from django.utils import timezone
from django.utils.translation import get_language, gettext

from velferd.access import policies
from velferd.access.actor import Actor
from velferd.access.roles import Role
from velferd.core import disclosure
from velferd.core.errors import forbidden
from velferd.core.validation import invalid
from velferd.organisation import selectors as organisation
from velferd.schemes import selectors as schemes_selectors

from ..models import HOLDS_A_PLACE, Participation, ParticipationStatus

S = ParticipationStatus
MONTHS = 12
VTA_ORDINARY = "VARIG_TILRETTELAGT_ARBEID_ORDINAER"
VTA_SHELTERED = "VARIG_TILRETTELAGT_ARBEID_SKJERMET"
TOOK_A_PLACE = (S.AWAITING_START, S.PARTICIPATING, S.ENDED, S.COMPLETED)
RUNNING = "running"
ONE_DECIMAL = Decimal("0.1")


@dataclass(frozen=True)
class Scope:
    kind: str  # "country", "county" or "office"
    name: str
    county_id: str | None = None
    office_id: int | None = None
    unit_number: str | None = None

    def deliveries(self, via: str = "") -> Q:
        """The deliveries counted, as a filter over rows `via` the path to the delivery."""
        if self.kind == "office":
            return Q(**{f"{via}offices": self.office_id})
        if self.kind == "county":
            return Q(**{f"{via}county_id": self.county_id})
        return Q()


@dataclass(frozen=True)
class Waiting:
    """People waiting: the count, or None with the reason it is hidden."""

    count: int | None
    reason: str | None = None

    @property
    def explanation(self) -> str:
        return hidden_explanation(self.reason) if self.reason else ""


@dataclass(frozen=True)
class TypeLine:
    code: str
    label: str
    places: int
    occupied: int
    waiting: Waiting

    @property
    def utilisation(self) -> Decimal | None:
        return utilisation(self.occupied, self.places)


@dataclass(frozen=True)
class Month:
    month: datetime.date
    counted_on: datetime.date
    places: int
    occupied: int
    vta: dict[str, tuple[int, int]] = field(default_factory=dict)  # code → (places, occupied)

    @property
    def utilisation(self) -> Decimal | None:
        return utilisation(self.occupied, self.places)

    @property
    def vta_pairs(self) -> list[tuple[str, tuple[int, int]]]:
        """VTA in ordinary, then sheltered enterprises: (places, occupied) each."""
        return [(code, self.vta.get(code, (0, 0))) for code in (VTA_ORDINARY, VTA_SHELTERED)]


@dataclass(frozen=True)
class Overview:
    scope: Scope
    today: datetime.date
    lines: list[TypeLine]
    places: int
    occupied: int
    waiting: Waiting
    months: list[Month]

    @property
    def utilisation(self) -> Decimal | None:
        return utilisation(self.occupied, self.places)


def utilisation(occupied: int, places: int) -> Decimal | None:
    """Occupied ÷ places in per cent, one decimal, rounded half up; None without places."""
    if places <= 0:
        return None
    return (Decimal(occupied) * 100 / places).quantize(ONE_DECIMAL, rounding=ROUND_HALF_UP)


def hidden_explanation(reason: str) -> str:
    if reason == disclosure.Reason.FEW_PERSONS:
        return gettext("Hidden: fewer than %(n)s people") % {"n": disclosure.MIN_PERSONS}
    return disclosure.explain(reason)


# Who sees which scope -----------------------------------------------------------------------


def overview_counties(actor: Actor) -> Any:
    return organisation.counties().filter(policies.places_overview_counties(actor))


def overview_offices(actor: Actor) -> Any:
    return organisation.offices().filter(policies.places_overview_offices(actor))


def _default_scope(actor: Actor) -> Scope:
    national = actor.has_role(Role.ANALYST, Role.MINISTRY_STAFF)
    if national or policies.is_national_scheme_manager(actor):
        return _country()
    counties = sorted(policies.scheme_counties(actor))
    if counties:
        return _county(counties[0])
    own = sorted(actor.office_ids(Role.OFFICE_MANAGER))
    office = overview_offices(actor).filter(pk__in=own).first()
    if office is None:
        raise forbidden()
    return _office(office)


def _country() -> Scope:
    return Scope(kind="country", name=gettext("The whole country"))


def _county(number: str) -> Scope:
    county = organisation.county(number)
    return Scope(kind="county", name=county.name, county_id=county.pk)


def _office(office: Any) -> Scope:
    return Scope(
        kind="office",
        name=office.name,
        county_id=office.county_id,
        office_id=office.pk,
        unit_number=office.unit_number,
    )


def _unit_number(office: str) -> str:
    if not re.fullmatch(r"[0-9]{4}", office):
        raise invalid(
            "malformed_unit_number",
            "office",
            f"«{office}» er ikke et kontornummer: det må ha fire sifre.",
            f"“{office}” is not an office number: it must have four digits.",
        )
    return office


def overview_scope(actor: Actor, county: str = "", office: str = "") -> Scope:
    """The scope asked for (an office by unit number, a county by number, or neither: the
    actor's own), refused (403) where the actor may not see it; an unknown one is 404."""
    policies.require(actor, policies.can_list_places_overview)
    if office:
        scope = _office(organisation.office(_unit_number(office)))
    elif county:
        scope = _county(county)
    else:
        return _default_scope(actor)
    if not policies.can_view_places_overview(actor, scope.county_id, scope.office_id):
        raise forbidden()
    return scope


# The figures ---------------------------------------------------------------------------------


def _labels(codes: set[str]) -> dict[str, str]:
    """The scheme types' names in the reader's language."""
    english = (get_language() or "nb").startswith("en")
    rows = (
        schemes_selectors.deliveries_counted(Q(scheme_type__code__in=codes))
        .values_list("scheme_type__code", "scheme_type__name_nb", "scheme_type__name_en")
        .distinct()
    )
    return {code: (name_en if english and name_en else name_nb) for code, name_nb, name_en in rows}


def _today_by_type(scope: Scope) -> tuple[dict[str, int], dict[str, int], dict[str, int]]:
    running = schemes_selectors.deliveries_counted(scope.deliveries()).filter(status=RUNNING)
    places = dict(
        running.values("scheme_type__code")
        .annotate(n=Sum("places"))
        .values_list("scheme_type__code", "n")
    )
    in_scope = Participation.objects.filter(scope.deliveries("delivery__"))
    occupied = dict(
        in_scope.filter(status__in=HOLDS_A_PLACE, delivery__status=RUNNING)
        .values("delivery__scheme_type__code")
        .annotate(n=Count("pk"))
        .values_list("delivery__scheme_type__code", "n")
    )
    waiting = dict(
        in_scope.filter(status=S.WAITING_LIST)
        .values("delivery__scheme_type__code")
        .annotate(n=Count("person", distinct=True))
        .values_list("delivery__scheme_type__code", "n")
    )
    return places, occupied, waiting


def _waiting_total(scope: Scope) -> int:
    rows = Participation.objects.filter(scope.deliveries("delivery__"), status=S.WAITING_LIST)
    return rows.values("person").distinct().count()


def mask_waiting(counts: dict[str, int], total: int) -> tuple[dict[str, Waiting], Waiting]:
    """Disclosure control of the people waiting per type and in total (see the module)."""
    groups = {
        code: disclosure.Contribution(
            enterprises=disclosure.min_enterprises(),
            persons=n,
            total=Decimal(n),
            largest=Decimal(0),
        )
        for code, n in counts.items()
    }
    verdicts = disclosure.suppress(groups)
    shown = {
        code: Waiting(None, str(reason)) if reason else Waiting(counts[code])
        for code, reason in verdicts.items()
    }
    reason = disclosure.persons_reason(total)
    return shown, Waiting(None, str(reason)) if reason else Waiting(total)


def counted_on_days(today: datetime.date) -> list[tuple[datetime.date, datetime.date]]:
    """The last 12 months, oldest first: (the month's first day, the day it is counted on)."""
    days = []
    first = today.replace(day=1)
    for _ in range(MONTHS):
        last = today if first.month == today.month and first.year == today.year else None
        following = (first + datetime.timedelta(days=32)).replace(day=1)
        days.append((first, last or following - datetime.timedelta(days=1)))
        first = (first - datetime.timedelta(days=1)).replace(day=1)
    return list(reversed(days))


def _running_on(day: datetime.date) -> Q:
    return Q(starts_on__lte=day) & (Q(ends_on__isnull=True) | Q(ends_on__gte=day))


def _holding_on(day: datetime.date) -> Q:
    start_of_day = timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))
    return _running_on(day) & (Q(ended_at__isnull=True) | Q(ended_at__gte=start_of_day))


def _months(scope: Scope, today: datetime.date) -> list[Month]:
    """Places and occupied places on each month's counting day, per scheme type: two
    aggregates with a filtered sum or count per month."""
    days = counted_on_days(today)
    deliveries = schemes_selectors.deliveries_counted(scope.deliveries())
    places = deliveries.values("scheme_type__code").annotate(
        **{f"m{i}": Sum("places", filter=_running_on(day)) for i, (_, day) in enumerate(days)}
    )
    taken = (
        Participation.objects.filter(scope.deliveries("delivery__"), status__in=TOOK_A_PLACE)
        .values("delivery__scheme_type__code")
        .annotate(
            **{f"m{i}": Count("pk", filter=_holding_on(day)) for i, (_, day) in enumerate(days)}
        )
    )
    by_type_places: dict[str, Any] = {row["scheme_type__code"]: row for row in places}
    by_type_taken: dict[str, Any] = {row["delivery__scheme_type__code"]: row for row in taken}
    months = []
    for i, (first, day) in enumerate(days):
        key = f"m{i}"
        place_counts = {code: row[key] or 0 for code, row in by_type_places.items()}
        taken_counts = {code: row[key] or 0 for code, row in by_type_taken.items()}
        vta = {
            code: (place_counts.get(code, 0), taken_counts.get(code, 0))
            for code in (VTA_ORDINARY, VTA_SHELTERED)
        }
        months.append(
            Month(first, day, sum(place_counts.values()), sum(taken_counts.values()), vta)
        )
    return months


def places_overview(scope: Scope, today: datetime.date | None = None) -> Overview:
    """The overview of the scope (overview_scope has checked who may see it)."""
    today = today or timezone.localdate()
    places, occupied, waiting = _today_by_type(scope)
    codes = set(places) | set(occupied) | set(waiting)
    labels = _labels(codes)
    shown, total_waiting = mask_waiting(
        {code: waiting.get(code, 0) for code in codes}, _waiting_total(scope)
    )
    lines = sorted(
        (
            TypeLine(
                code,
                labels.get(code, code),
                places.get(code, 0),
                occupied.get(code, 0),
                shown[code],
            )
            for code in codes
        ),
        key=lambda line: line.label,
    )
    return Overview(
        scope=scope,
        today=today,
        lines=lines,
        places=sum(places.values()),
        occupied=sum(occupied.values()),
        waiting=total_waiting,
        months=_months(scope, today),
    )
