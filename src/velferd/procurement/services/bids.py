"""A supplier's bid: submitted, revised or withdrawn by the supplier's own staff until the
bid deadline. Nobody at NAV sees a bid before the deadline, so its audit events carry no
content (no before or after) and name the bid by its number only."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db import transaction
from django.utils import timezone

from velferd.access import policies
from velferd.access.actor import Actor
from velferd.audit import services as audit
from velferd.core.errors import CONFLICT, forbidden
from velferd.core.validation import invalid
from velferd.schemes.selectors import procurement_support as schemes

from ..models import Answer, Bid, BidStatus, Competition, CompetitionStatus, Procedure
from ..texts import norwegian_moment
from . import fields
from .changes import lock_competition


def require_before_deadline(competition: Competition) -> None:
    """Bids are taken, revised and withdrawn only while the competition is open and its
    deadline is ahead (409 naming the deadline)."""
    moment = norwegian_moment(competition.bid_deadline)
    if timezone.now() >= competition.bid_deadline:
        raise invalid(
            "deadline_passed",
            None,
            f"Tilbudsfristen gikk ut {moment}.",
            f"The bid deadline passed at {moment}.",
            status=CONFLICT,
        )
    if competition.status != CompetitionStatus.PUBLISHED:
        raise invalid(
            "competition_not_open",
            None,
            "Konkurransen tar ikke imot tilbud.",
            "The competition does not take bids.",
            status=CONFLICT,
        )


def bidding_supplier(actor: Actor, organisation_number: str = "") -> Any:
    """The supplier the actor bids for: the one they are bound to, or of those, the one
    named."""
    numbers = policies.supplier_organisation_numbers(actor)
    if organisation_number:
        numbers = numbers & {organisation_number}
    suppliers = list(schemes.suppliers_by_organisation_numbers(numbers))
    if not suppliers:
        raise forbidden()
    if len(suppliers) > 1:
        raise invalid(
            "organisation_number_required",
            "organisation_number",
            "Velg hvilken leverandør tilbudet er fra.",
            "Choose the supplier the bid is from.",
        )
    return suppliers[0]


def _require_may_bid(competition: Competition, supplier: Any) -> None:
    if competition.procedure == Procedure.RESERVED and not schemes.is_sheltered(supplier):
        raise invalid(
            "reserved_for_sheltered",
            None,
            "Konkurransen er forbeholdt arbeids- og inkluderingsvirksomheter (skjermede "
            "virksomheter).",
            "The competition is reserved for work and inclusion enterprises (sheltered).",
            status=CONFLICT,
        )


def checked_answers(competition: Competition, answers: Mapping[Any, Any]) -> dict[int, str]:
    """An answer to every criterion but the price; the field of a missing one is
    `answer_<criterion id>`."""
    given = {str(key): value for key, value in answers.items()}
    return {
        criterion.pk: fields.answer(given.get(str(criterion.pk)), f"answer_{criterion.pk}")
        for criterion in competition.criteria.all()
        if not criterion.is_price
    }


def _write_answers(bid: Bid, answers: dict[int, str]) -> None:
    for criterion_id, text in answers.items():
        Answer.objects.update_or_create(bid=bid, criterion_id=criterion_id, defaults={"text": text})


@transaction.atomic
def bid_submit(
    *,
    actor: Actor,
    competition: Competition,
    price: Any,
    places: Any,
    answers: Mapping[Any, Any],
    organisation_number: str = "",
) -> Bid:
    """The supplier's bid: the price (per the competition's price model), the places
    offered and an answer per criterion. A supplier has one bid per competition; one it
    withdrew is sent again by submitting anew."""
    supplier = bidding_supplier(actor, organisation_number)
    policies.require(actor, policies.can_bid_for, supplier)
    locked = lock_competition(competition)
    require_before_deadline(locked)
    _require_may_bid(locked, supplier)
    values = {
        "price": fields.amount(price),
        "places": fields.whole_number(places, "places", least=1, most=100_000),
    }
    checked = checked_answers(locked, answers)
    bid = Bid.objects.select_for_update().filter(competition=locked, supplier=supplier).first()
    if bid is not None and bid.status == BidStatus.SUBMITTED:
        raise invalid(
            "bid_exists",
            None,
            "Leverandøren har allerede levert et tilbud. Endre det i stedet.",
            "The supplier has already submitted a bid. Revise it instead.",
            status=CONFLICT,
        )
    now = timezone.now()
    if bid is None:
        bid = Bid(competition=locked, supplier=supplier)
    else:
        bid.bump_version()
    for name, value in values.items():
        setattr(bid, name, value)
    bid.status, bid.submitted_at, bid.submitted_by = (
        BidStatus.SUBMITTED,
        now,
        fields.acting_user(actor),
    )
    bid.save()
    _write_answers(bid, checked)
    audit.record(actor=actor, action="bid.tendered", target=bid)
    return bid


def _locked_own_bid(actor: Actor, bid: Bid, version: int) -> tuple[Competition, Bid]:
    policies.require(actor, policies.can_bid_for, bid.supplier)
    competition = lock_competition(bid.competition)
    require_before_deadline(competition)
    locked = Bid.objects.select_for_update().select_related("supplier").get(pk=bid.pk)
    locked.check_version(version)
    return competition, locked


@transaction.atomic
def bid_revise(
    *, actor: Actor, bid: Bid, version: int, price: Any, places: Any, answers: Mapping[Any, Any]
) -> Bid:
    """Change the bid before the deadline; it counts as sent now (the ranking's last
    tie-break)."""
    competition, locked = _locked_own_bid(actor, bid, version)
    if locked.status != BidStatus.SUBMITTED:
        raise invalid(
            "bid_withdrawn",
            None,
            "Tilbudet er trukket. Lever et nytt.",
            "The bid was withdrawn. Submit a new one.",
            status=CONFLICT,
        )
    locked.price = fields.amount(price)
    locked.places = fields.whole_number(places, "places", least=1, most=100_000)
    checked = checked_answers(competition, answers)
    locked.submitted_at, locked.submitted_by = timezone.now(), fields.acting_user(actor)
    locked.bump_version()
    locked.save()
    _write_answers(locked, checked)
    audit.record(actor=actor, action="bid.revised", target=locked)
    return locked


@transaction.atomic
def bid_withdraw(*, actor: Actor, bid: Bid, version: int) -> Bid:
    """Withdraw the bid before the deadline: it takes no part in the competition."""
    _, locked = _locked_own_bid(actor, bid, version)
    if locked.status == BidStatus.WITHDRAWN:
        raise invalid(
            "bid_withdrawn",
            None,
            "Tilbudet er allerede trukket.",
            "The bid is already withdrawn.",
            status=CONFLICT,
        )
    locked.status = BidStatus.WITHDRAWN
    locked.bump_version()
    locked.save()
    audit.record(actor=actor, action="bid.withdrawn", target=locked)
    return locked
