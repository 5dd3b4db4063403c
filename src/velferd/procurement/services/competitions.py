"""A competition: announcing one with its criteria, publishing it, opening the evaluation
after the deadline, and cancelling it with a reason."""

from __future__ import annotations

import datetime
import uuid
from typing import Any

from django.db import transaction
from django.utils import timezone

from velferd.access import policies
from velferd.access.actor import Actor
from velferd.audit import services as audit
from velferd.core.errors import CONFLICT
from velferd.core.validation import invalid, required_text
from velferd.organisation import selectors as registry
from velferd.schemes.selectors import procurement_support as schemes

from .. import lifecycles
from ..models import Competition, CompetitionStatus, Criterion, Procedure
from . import fields
from .changes import competition_change


def _scheme_type(code: str) -> Any:
    found = schemes.scheme_type_by_code(code or "")
    if found is None or not found.is_active or not found.price_models:
        raise invalid(
            "unknown_scheme_type",
            "scheme_type",
            "Velg en tiltakstype som kjøpes fra leverandører.",
            "Choose a scheme type that is bought from suppliers.",
        )
    return found


def _procedure(value: str) -> str:
    if value not in Procedure.values:
        raise invalid("invalid_procedure", "procedure", "Velg en prosedyre.", "Choose a procedure.")
    return value


def _price_model(scheme_type: Any, value: str) -> str:
    if value not in scheme_type.price_models:
        raise invalid(
            "invalid_price_model",
            "price_model",
            "Velg en prismodell tiltakstypen kan bruke.",
            "Choose a price model the scheme type may use.",
        )
    return value


def _area(procedure: str, county_number: str, office_unit: str) -> tuple[Any, Any]:
    """The county, and for an office's small tender the office (which must lie in it)."""
    county = registry.county(county_number or "")
    if not office_unit:
        return county, None
    if procedure != Procedure.SMALL_TENDER:
        raise invalid(
            "office_only_small_tender",
            "office",
            "Bare en liten anskaffelse under terskelverdien kan kjøres av et kontor.",
            "Only a small tender below the threshold can be run by an office.",
        )
    office = registry.office(office_unit)
    if office.county_id != county.pk:
        raise invalid(
            "office_outside_county",
            "office",
            "Kontoret ligger ikke i fylket.",
            "The office is not in the county.",
        )
    return county, office


def _numbered(competition: Competition) -> None:
    year = timezone.localdate().year
    competition.number = f"K-{year}-{competition.pk:05d}"
    competition.save(update_fields=["number"])


@transaction.atomic
def competition_create(
    *,
    actor: Actor,
    title: str,
    scheme_type: str,
    procedure: str,
    county: str,
    office: str = "",
    price_model: str,
    places: Any,
    bid_deadline: datetime.datetime | None,
    agreement_starts_on: datetime.date | None,
    agreement_ends_on: datetime.date | None,
    criteria: list[dict[str, Any]],
    description: str = "",
) -> Competition:
    """A draft competition with its criteria (weights summing to 100). A county's
    competition is made by its scheme managers; an office's small tender by the office's
    manager too."""
    found_county, found_office = _area(procedure, county, office)
    policies.require(
        actor,
        policies.can_create_competition,
        found_county.pk,
        found_office.pk if found_office else None,
    )
    kind = _scheme_type(scheme_type)
    starts_on, ends_on = fields.period(agreement_starts_on, agreement_ends_on)
    competition = Competition.objects.create(
        number=f"new-{uuid.uuid4().hex[:12]}",
        title=required_text(title, "title", "Tittelen", "title", 200),
        description=(description or "").strip()[:10_000],
        scheme_type=kind,
        procedure=_procedure(procedure),
        county=found_county,
        office=found_office,
        price_model=_price_model(kind, price_model),
        places=fields.whole_number(places, "places", least=1, most=100_000),
        bid_deadline=fields.future_deadline(bid_deadline),
        agreement_starts_on=starts_on,
        agreement_ends_on=ends_on,
        created_by=fields.acting_user(actor),
    )
    _numbered(competition)
    for position, criterion in enumerate(fields.criteria(criteria), start=1):
        Criterion.objects.create(competition=competition, position=position, **criterion)
    audit.record(
        actor=actor,
        action="competition.created",
        target=competition,
        after=audit.snapshot(
            competition,
            "number",
            "title",
            "scheme_type",
            "procedure",
            "county",
            "office",
            "price_model",
            "places",
            "bid_deadline",
        )
        | {"criteria": [(c.name, c.weight, c.is_price) for c in competition.criteria.all()]},
    )
    return competition


def _require_manager(actor: Actor, competition: Competition) -> None:
    policies.require(actor, policies.can_manage_competition, competition)


@lifecycles.COMPETITION.service("publish")
@transaction.atomic
def competition_publish(*, actor: Actor, competition: Competition, version: int) -> Competition:
    """draft → published: suppliers see it and may bid until the deadline, which must
    still be ahead."""
    _require_manager(actor, competition)
    move = lifecycles.COMPETITION.move("publish")
    with competition_change(actor, competition, version=version, event=move.event) as found:
        lifecycles.COMPETITION.enter(found, move)
        fields.future_deadline(found.bid_deadline)
    return found


@lifecycles.COMPETITION.service("evaluate")
@transaction.atomic
def competition_evaluate(*, actor: Actor, competition: Competition, version: int) -> Competition:
    """published → evaluation, once the bid deadline has passed."""
    _require_manager(actor, competition)
    move = lifecycles.COMPETITION.move("evaluate")
    with competition_change(actor, competition, version=version, event=move.event) as found:
        lifecycles.COMPETITION.enter(found, move)
    return found


@lifecycles.COMPETITION.service("cancel")
@transaction.atomic
def competition_cancel(
    *, actor: Actor, competition: Competition, version: int, reason: str
) -> Competition:
    """Any state before concluded → cancelled, with the reason the suppliers are given."""
    _require_manager(actor, competition)
    move = lifecycles.COMPETITION.move("cancel")
    with competition_change(actor, competition, version=version, event=move.event) as found:
        found.status_reason = fields.reason(reason)
        lifecycles.COMPETITION.enter(found, move)
    return found


def require_status(competition: Competition, *statuses: str) -> None:
    """Refuse (409) what is done in another state than the named ones."""
    if competition.status in statuses:
        return
    label_nb = lifecycles.lifecycles.state_label(CompetitionStatus, competition.status, "nb")
    label_en = lifecycles.lifecycles.state_label(CompetitionStatus, competition.status, "en")
    raise invalid(
        "wrong_competition_status",
        "status",
        f"Det kan ikke gjøres når konkurransen har status «{label_nb}».",
        f"That cannot be done while the competition is “{label_en}”.",
        status=CONFLICT,
    )
