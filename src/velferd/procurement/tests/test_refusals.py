"""What the procurement services refuse, in both languages, with the right status and
nothing written."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from velferd.access.models import User
from velferd.audit.models import AuditEvent
from velferd.core.testing import login_actor, new_user, refusal
from velferd.procurement import services
from velferd.procurement.models import Bid, Competition, Criterion, Score
from velferd.schemes.models import SupplierKind
from velferd.schemes.tests.factories import a_supplier

from .factories import (
    a_bid,
    a_competition,
    a_scheme_manager,
    a_supplier_login,
    answers_for,
    evaluating,
    fresh,
    manager,
    past_deadline,
    published,
    score_all,
)

pytestmark = pytest.mark.django_db


def counts() -> tuple[int, ...]:
    return (
        Competition.objects.count(),
        Criterion.objects.count(),
        Bid.objects.count(),
        Score.objects.count(),
        AuditEvent.objects.count(),
    )


def test_weights_that_do_not_sum_to_100_are_refused_naming_the_sum() -> None:
    criteria = [
        {"name": "Kvalitet", "weight": 60},
        {"name": "Pris", "weight": 30, "is_price": True},
    ]
    error = refusal(lambda: a_competition(criteria=criteria), unchanged=counts)
    assert (error.status, error.code, error.field) == (422, "weights_not_100", "criteria")
    assert "men er 90" in error.message_nb and "add up to 90" in error.message_en


def test_the_api_refuses_weights_not_summing_to_100_with_422() -> None:
    client = Client()
    client.force_login(User.objects.get(username="tiltaksforvalter"))
    competition = published()
    body = {
        "title": "API-konkurranse",
        "scheme_type": competition.scheme_type.code,
        "procedure": "open_tender",
        "county": "03",
        "price_model": "agreed_monthly",
        "places": 5,
        "bid_deadline": (timezone.now() + datetime.timedelta(days=3)).isoformat(),
        "agreement_starts_on": "2027-03-01",
        "agreement_ends_on": "2028-02-28",
        "criteria": [{"name": "Kvalitet", "weight": 70}, {"name": "Pris", "weight": 40}],
    }
    response = client.post(
        "/api/v1/procurement/competitions", body, content_type="application/json"
    )
    assert response.status_code == 422
    assert response.json()["code"] == "weights_not_100"
    assert "110" in response.json()["message"]


def test_a_bid_after_the_deadline_is_refused_naming_the_deadline() -> None:
    competition = past_deadline(published())
    staff = a_supplier_login(a_supplier())
    error = refusal(
        lambda: services.bid_submit(
            actor=staff,
            competition=competition,
            price=Decimal("1000"),
            places=1,
            answers=answers_for(competition),
        ),
        unchanged=counts,
    )
    deadline = f"{timezone.localtime(competition.bid_deadline):%d.%m.%Y %H:%M}"
    assert (error.status, error.code) == (409, "deadline_passed")
    assert deadline in error.message_nb and deadline in error.message_en


def test_a_bid_cannot_be_revised_or_withdrawn_after_the_deadline() -> None:
    competition = published()
    bid, staff = a_bid(competition)
    past_deadline(competition)
    bid = Bid.objects.get(pk=bid.pk)
    for call in (
        lambda: services.bid_withdraw(actor=staff, bid=bid, version=bid.version),
        lambda: services.bid_revise(
            actor=staff,
            bid=bid,
            version=bid.version,
            price=Decimal("1"),
            places=1,
            answers=answers_for(competition),
        ),
    ):
        assert refusal(call, unchanged=counts).code == "deadline_passed"


def test_only_a_sheltered_enterprise_bids_in_a_reserved_competition() -> None:
    competition = published(procedure="reserved")
    staff = a_supplier_login(a_supplier(kind=SupplierKind.COMMERCIAL))
    error = refusal(
        lambda: services.bid_submit(
            actor=staff,
            competition=competition,
            price=Decimal("1000"),
            places=1,
            answers=answers_for(competition),
        ),
        unchanged=counts,
    )
    assert (error.status, error.code) == (409, "reserved_for_sheltered")
    bid, _ = a_bid(competition, kind=SupplierKind.SHELTERED)
    assert bid.status == "submitted"


def test_a_supplier_revises_and_withdraws_its_bid_before_the_deadline() -> None:
    competition = published()
    bid, staff = a_bid(competition, "30000.00")
    revised = services.bid_revise(
        actor=staff,
        bid=bid,
        version=bid.version,
        price=Decimal("28000"),
        places=12,
        answers=answers_for(competition, "Bedre svar."),
    )
    assert (revised.price, revised.places, revised.version) == (Decimal("28000"), 12, 2)
    withdrawn = services.bid_withdraw(actor=staff, bid=revised, version=revised.version)
    assert withdrawn.status == "withdrawn"
    stale = refusal(lambda: services.bid_withdraw(actor=staff, bid=revised, version=2))
    assert stale.status == 409


def test_an_evaluator_cannot_score_a_bid_from_a_supplier_they_are_bound_to() -> None:
    competition = published()
    bid, _ = a_bid(competition)
    bound = a_scheme_manager()
    from velferd.access.actor import system_actor
    from velferd.access.services import role_assign

    assert bound.user is not None
    role_assign(
        actor=system_actor("tests"),
        user=bound.user,
        role="supplier",
        organisation_number=bid.supplier.organisation_number,
    )
    bound = login_actor(bound.user.username)
    competition = evaluating(competition, manager(), bound)
    error = refusal(lambda: score_all(bound, bid, {"Kvalitet i oppfølgingen": 9}), unchanged=counts)
    assert (error.status, error.code) == (409, "evaluator_bound_to_supplier")
    assert bid.supplier.name in error.message_nb


def test_an_evaluator_who_declares_a_conflict_cannot_score_and_is_replaced() -> None:
    competition = published()
    bid, _ = a_bid(competition)
    conflicted = a_scheme_manager()
    assert conflicted.user is not None
    services.evaluator_add(
        actor=manager(), competition=competition, username=conflicted.user.username
    )
    declared = services.evaluator_declare(
        actor=conflicted, competition=competition, has_conflict=True, note="Søster i Frisk Jobb"
    )
    assert declared.replaced
    competition = evaluating(competition, manager(), a_scheme_manager())
    error = refusal(lambda: score_all(conflicted, bid, {"Kvalitet i oppfølgingen": 5}))
    assert (error.status, error.code) == (409, "evaluator_conflict")


def test_an_evaluator_must_be_the_countys_scheme_manager() -> None:
    competition = published()
    error = refusal(
        lambda: services.evaluator_add(
            actor=manager(), competition=competition, username="veileder"
        ),
        unchanged=counts,
    )
    assert (error.status, error.code, error.field) == (422, "not_an_evaluator", "username")


def test_the_evaluation_cannot_start_before_the_deadline() -> None:
    competition = published()
    error = refusal(
        lambda: services.competition_evaluate(
            actor=manager(), competition=competition, version=competition.version
        ),
        unchanged=counts,
    )
    assert (error.status, error.code) == (409, "deadline_not_passed")


def awarded_competition(procedure: str = "open_tender", **fields: Any) -> Competition:
    competition = published(procedure=procedure, **fields)
    bid, _ = a_bid(competition)
    one, two = manager(), a_scheme_manager()
    competition = evaluating(competition, one, two)
    for evaluator in (one, two):
        score_all(evaluator, bid, {"Kvalitet i oppfølgingen": 7, "Samarbeid med arbeidsgivere": 7})
    return services.competition_award(
        actor=one, competition=competition, version=competition.version, bids=[bid.pk]
    )


def test_concluding_inside_the_standstill_is_refused_naming_its_last_day() -> None:
    competition = awarded_competition()
    error = refusal(
        lambda: services.competition_conclude(
            actor=manager(), competition=competition, version=competition.version
        ),
        unchanged=counts,
    )
    last = timezone.localdate() + datetime.timedelta(days=10)
    assert (error.status, error.code) == (409, "standstill_running")
    assert f"{last:%d.%m.%Y}" in error.message_nb and f"{last:%d.%m.%Y}" in error.message_en


def test_an_award_needs_every_score_and_two_evaluators() -> None:
    competition = published()
    bid, _ = a_bid(competition)
    competition = evaluating(competition, manager(), a_scheme_manager())
    error = refusal(
        lambda: services.competition_award(
            actor=manager(), competition=competition, version=competition.version, bids=[bid.pk]
        ),
        unchanged=counts,
    )
    assert (error.status, error.code) == (409, "scores_missing")


def test_only_a_framework_is_awarded_to_several_suppliers() -> None:
    competition = published()
    first, _ = a_bid(competition)
    second, _ = a_bid(competition)
    one, two = manager(), a_scheme_manager()
    competition = evaluating(competition, one, two)
    for evaluator in (one, two):
        for bid in (first, second):
            score_all(
                evaluator, bid, {"Kvalitet i oppfølgingen": 5, "Samarbeid med arbeidsgivere": 5}
            )
    error = refusal(
        lambda: services.competition_award(
            actor=one,
            competition=competition,
            version=competition.version,
            bids=[first.pk, second.pk],
        )
    )
    assert (error.code, error.field) == ("one_winner", "bids")


def test_cancelling_needs_a_reason_and_ends_the_competition() -> None:
    competition = published()
    missing = refusal(
        lambda: services.competition_cancel(
            actor=manager(), competition=competition, version=competition.version, reason=" "
        ),
        unchanged=counts,
    )
    assert (missing.status, missing.field) == (422, "reason")
    cancelled = services.competition_cancel(
        actor=manager(),
        competition=competition,
        version=competition.version,
        reason="Behovet falt bort.",
    )
    assert (cancelled.status, cancelled.status_reason) == ("cancelled", "Behovet falt bort.")
    event = AuditEvent.objects.filter(action="competition.cancelled").latest("seq")
    assert event.after is not None and event.after["status_reason"] == "Behovet falt bort."
    again = refusal(
        lambda: services.competition_cancel(
            actor=manager(), competition=cancelled, version=cancelled.version, reason="Igjen."
        )
    )
    assert (again.status, again.code) == (409, "invalid_transition")


def test_an_offices_small_tender_is_approved_by_the_county_before_the_standstill() -> None:
    office_manager = login_actor("kontorleder")
    competition = published(office_manager, procedure="small_tender", office="0317")
    bid, _ = a_bid(competition)
    one, two = manager(), a_scheme_manager()
    for named in (one, two):
        assert named.user is not None
        services.evaluator_add(
            actor=office_manager, competition=competition, username=named.user.username
        )
    for evaluator in (one, two):
        services.evaluator_declare(actor=evaluator, competition=competition, has_conflict=False)
    competition = past_deadline(competition)
    competition = services.competition_evaluate(
        actor=office_manager, competition=competition, version=competition.version
    )
    for evaluator in (one, two):
        score_all(evaluator, bid, {"Kvalitet i oppfølgingen": 6, "Samarbeid med arbeidsgivere": 6})
    proposed = services.competition_award(
        actor=office_manager, competition=competition, version=competition.version, bids=[bid.pk]
    )
    assert (proposed.status, proposed.standstill_ends_on) == ("awaiting_approval", None)
    refused = refusal(
        lambda: services.competition_approve(
            actor=office_manager, competition=proposed, version=proposed.version
        )
    )
    assert refused.status == 403
    approved = services.competition_approve(
        actor=manager(), competition=proposed, version=proposed.version
    )
    assert approved.status == "awarded"
    assert approved.standstill_ends_on == timezone.localdate() + datetime.timedelta(days=10)


def test_a_stale_version_of_a_competition_is_refused() -> None:
    competition = a_competition()
    services.competition_publish(actor=manager(), competition=competition, version=1)
    error = refusal(
        lambda: services.competition_cancel(
            actor=manager(), competition=fresh(competition), version=1, reason="For sent."
        )
    )
    assert (error.status, error.code) == (409, "stale_version")


def test_other_counties_scheme_managers_cannot_run_oslos_competition() -> None:
    competition = a_competition()
    other = new_user("vestland-forvalter", "scheme_manager", county=_county("46"))
    error = refusal(
        lambda: services.competition_publish(actor=other, competition=competition, version=1),
        unchanged=counts,
    )
    assert error.status == 403


def _county(number: str) -> object:
    from velferd.organisation.models import County

    return County.objects.get(number=number)
