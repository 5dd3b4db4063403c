"""Two scheme managers acting on one competition at the same moment, and one evaluator
scoring one bid from two sessions at once, over real concurrent connections (PostgreSQL):
one move wins and the other gets 409; scoring keeps one score per evaluator, bid and
criterion."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from velferd.access.models import User
from velferd.audit.models import AuditEvent
from velferd.core.tests.concurrency import load_demo_data, postgresql_only, run_together
from velferd.procurement.models import Bid, Competition, Score

from .factories import a_bid, a_scheme_manager, evaluating, manager, published, score_all

pytestmark = [postgresql_only, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def logins() -> None:
    load_demo_data()


def client_of(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def posting(client: Client, path: str, body: dict[str, Any]) -> Callable[[], Any]:
    return lambda: client.generic(
        "POST" if not path.endswith("/scores") else "PUT",
        path,
        json.dumps(body),
        content_type="application/json",
    )


def scored() -> tuple[Competition, Bid, User]:
    competition = published()
    bid, _ = a_bid(competition)
    second = a_scheme_manager()
    competition = evaluating(competition, manager(), second)
    for evaluator in (manager(), second):
        score_all(evaluator, bid, {"Kvalitet i oppfølgingen": 7, "Samarbeid med arbeidsgivere": 7})
    assert second.user is not None
    return competition, bid, second.user


def test_two_concurrent_awards_of_one_competition_one_wins(logins: None) -> None:
    competition, bid, second = scored()
    path = f"/api/v1/procurement/competitions/{competition.pk}/award"
    body = {"version": competition.version, "bids": [bid.pk]}
    managers = [User.objects.get(username="tiltaksforvalter"), second]
    responses = run_together([posting(client_of(user), path, body) for user in managers * 2])
    statuses = Counter(getattr(r, "status_code", repr(r)) for r in responses)
    assert statuses == {200: 1, 409: 3}
    assert Competition.objects.get(pk=competition.pk).status == "awarded"
    awards = AuditEvent.objects.filter(action="competition.awarded", target_id=str(competition.pk))
    assert awards.count() == 1


def test_an_award_and_a_cancellation_at_once_one_wins(logins: None) -> None:
    competition, bid, second = scored()
    base = f"/api/v1/procurement/competitions/{competition.pk}"
    responses = run_together(
        [
            posting(
                client_of(User.objects.get(username="tiltaksforvalter")),
                f"{base}/award",
                {"version": competition.version, "bids": [bid.pk]},
            ),
            posting(
                client_of(second),
                f"{base}/cancel",
                {"version": competition.version, "reason": "Behovet er borte."},
            ),
        ]
    )
    statuses = sorted(getattr(r, "status_code", repr(r)) for r in responses)
    assert statuses == [200, 409]
    assert Competition.objects.get(pk=competition.pk).status in ("awarded", "cancelled")


def test_concurrent_scoring_keeps_one_score_per_evaluator_bid_and_criterion(logins: None) -> None:
    competition = published()
    bid, _ = a_bid(competition)
    competition = evaluating(competition, manager(), a_scheme_manager())
    quality = competition.criteria.get(name="Kvalitet i oppfølgingen")
    evaluator = User.objects.get(username="tiltaksforvalter")
    path = f"/api/v1/procurement/bids/{bid.pk}/scores"
    responses = run_together(
        [
            posting(client_of(evaluator), path, {"scores": [{"criterion": quality.pk, "score": n}]})
            for n in range(8)
        ]
    )
    assert [getattr(r, "status_code", repr(r)) for r in responses] == [200] * 8
    scores = Score.objects.filter(bid=bid, criterion=quality, evaluator__user=evaluator)
    assert scores.count() == 1
    assert scores.get().score in range(8)
