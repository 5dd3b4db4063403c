"""The procurement pages: the scheme manager's list, form and competition page, the
supplier's bid form and receipt, the evaluator's scoring page."""

from __future__ import annotations

import datetime

import pytest
from django.test import Client
from django.utils import timezone

from velferd.access.models import User
from velferd.core.testing import field_error
from velferd.procurement.models import Bid, Competition
from velferd.schemes.tests.factories import a_supplier

from .factories import (
    a_bid,
    a_scheme_manager,
    a_supplier_login,
    answers_for,
    evaluating,
    manager,
    past_deadline,
    published,
    score_all,
)

pytestmark = pytest.mark.django_db


def client_of(username: str) -> Client:
    client = Client()
    client.force_login(User.objects.get(username=username))
    return client


def test_the_new_competition_form_shows_every_error_at_once_and_names_the_weights_sum() -> None:
    response = client_of("tiltaksforvalter").post(
        "/procurement/new/",
        {
            "title": "",
            "criterion_1": "Kvalitet",
            "weight_1": "60",
            "criterion_2": "Pris",
            "weight_2": "30",
            "price_criterion": "2",
            "bid_deadline": "31.02.2027",
        },
    )
    assert response.status_code == 422
    html = response.content.decode()
    assert 'data-testid="error-summary"' in html
    assert "Vektene må til sammen være 100 prosent, men er 90." in html
    for field in ("title", "scheme_type", "places", "bid_deadline"):
        assert field_error(html, field), field


def test_a_scheme_manager_announces_a_competition_through_the_form() -> None:
    kind = published().scheme_type
    day = timezone.localdate() + datetime.timedelta(days=10)
    response = client_of("tiltaksforvalter").post(
        "/procurement/new/",
        {
            "title": "Arbeidsrettet oppfølging Oslo øst",
            "scheme_type": kind.code,
            "procedure": "reserved",
            "county": "03",
            "price_model": "agreed_monthly",
            "places": "15",
            "bid_deadline": f"{day:%d.%m.%Y}",
            "bid_deadline_time": "12:00",
            "agreement_starts_on": f"{day + datetime.timedelta(days=30):%d.%m.%Y}",
            "agreement_ends_on": f"{day + datetime.timedelta(days=400):%d.%m.%Y}",
            "criterion_1": "Kvalitet",
            "weight_1": "70",
            "criterion_2": "Pris",
            "weight_2": "30",
            "price_criterion": "2",
        },
    )
    assert response.status_code == 302
    made = Competition.objects.get(title="Arbeidsrettet oppfølging Oslo øst")
    assert made.status == "draft"
    assert [(c.name, c.weight, c.is_price) for c in made.criteria.all()] == [
        ("Kvalitet", 70, False),
        ("Pris", 30, True),
    ]


def test_the_competition_page_shows_no_bid_before_the_deadline() -> None:
    competition = published()
    a_bid(competition, "19999.00")
    html = client_of("tiltaksforvalter").get(f"/procurement/{competition.pk}/").content.decode()
    assert 'data-testid="sealed"' in html
    assert "19 999" not in html
    assert 'data-testid="ranking"' not in html


def test_the_supplier_bids_fixes_its_mistakes_and_gets_a_receipt() -> None:
    competition = published()
    supplier_login = a_supplier_login(a_supplier())
    client = Client()
    client.force_login(supplier_login.user)  # type: ignore[arg-type]
    form = f"/procurement/{competition.pk}/bid/"
    wrong = client.post(form, {"price": "abc", "places": "0"})
    assert wrong.status_code == 422
    html = wrong.content.decode()
    assert field_error(html, "price") and field_error(html, "places")
    for criterion_id in answers_for(competition):
        assert field_error(html, f"answer_{criterion_id}")
    right = {"price": "18 500,50", "places": "8"} | {
        f"answer_{k}": v for k, v in answers_for(competition).items()
    }
    response = client.post(form, right)
    assert response.status_code == 302
    bid = Bid.objects.get(competition=competition)
    assert str(bid.price) == "18500.50"
    receipt = client.get(response["Location"]).content.decode()
    assert 'data-testid="receipt"' in receipt


def test_the_evaluator_scores_through_the_scoring_page_after_the_deadline() -> None:
    competition = published()
    bid, _ = a_bid(competition)
    other = a_scheme_manager()
    competition = evaluating(competition, manager(), other)
    client = client_of("tiltaksforvalter")
    page = f"/procurement/{competition.pk}/scoring/"
    assert 'data-testid="scoring-bid"' in client.get(page).content.decode()
    criteria = [c for c in competition.criteria.all() if not c.is_price]
    missing = client.post(page, {"bid": bid.pk, f"score_{criteria[0].pk}": "11"})
    assert missing.status_code == 422
    data = {"bid": bid.pk} | {f"score_{c.pk}": "7" for c in criteria}
    assert client.post(page, data).status_code == 302
    assert bid.scores.count() == len(criteria)


def test_the_lists_and_pages_answer_each_role() -> None:
    competition = past_deadline(published())
    assert client_of("tiltaksforvalter").get("/procurement/").status_code == 200
    assert client_of("leverandor").get("/procurement/").status_code == 200
    assert client_of("innbygger").get("/procurement/").status_code == 403
    listed = client_of("veileder").get("/procurement/").content.decode()
    assert competition.title not in listed
    assert client_of("veileder").get(f"/procurement/{competition.pk}/").status_code == 404


def test_the_scheme_manager_awards_on_the_competition_page_and_the_bidder_sees_its_rank() -> None:
    competition = published()
    bid, staff = a_bid(competition)
    one, two = manager(), a_scheme_manager()
    competition = evaluating(competition, one, two)
    for evaluator in (one, two):
        score_all(evaluator, bid, {"Kvalitet i oppfølgingen": 8, "Samarbeid med arbeidsgivere": 7})
    client = client_of("tiltaksforvalter")
    page = client.get(f"/procurement/{competition.pk}/").content.decode()
    assert 'data-testid="award-form"' in page and 'data-testid="ranking"' in page
    response = client.post(
        f"/procurement/{competition.pk}/",
        {"action": "award", "version": competition.version, "bids": [bid.pk]},
    )
    assert response.status_code == 302
    concluded_too_early = client.post(
        f"/procurement/{competition.pk}/",
        {"action": "conclude", "version": competition.version + 1},
    )
    assert concluded_too_early.status_code == 409
    assert "karenstiden" in concluded_too_early.content.decode()
    supplier = Client()
    supplier.force_login(staff.user)  # type: ignore[arg-type]
    result = supplier.get(f"/procurement/bids/{bid.pk}/").content.decode()
    assert 'data-testid="result"' in result and "Rangert som nr. 1" in result


def test_the_county_approves_an_offices_award_on_the_competition_page() -> None:
    from velferd.core.testing import login_actor
    from velferd.procurement import services

    office = login_actor("kontorleder")
    competition = published(office, procedure="small_tender", office="0317")
    bid, _ = a_bid(competition)
    one, two = manager(), a_scheme_manager()
    for named in (one, two):
        assert named.user is not None
        services.evaluator_add(actor=office, competition=competition, username=named.user.username)
        services.evaluator_declare(actor=named, competition=competition, has_conflict=False)
    competition = past_deadline(competition)
    competition = services.competition_evaluate(
        actor=office, competition=competition, version=competition.version
    )
    for evaluator in (one, two):
        score_all(evaluator, bid, {"Kvalitet i oppfølgingen": 6, "Samarbeid med arbeidsgivere": 6})
    proposed = client_of("kontorleder").post(
        f"/procurement/{competition.pk}/",
        {"action": "propose", "version": competition.version, "bids": [bid.pk]},
    )
    assert proposed.status_code == 302
    competition.refresh_from_db()
    assert competition.status == "awaiting_approval"
    page = client_of("tiltaksforvalter").get(f"/procurement/{competition.pk}/").content.decode()
    assert 'value="approve"' in page and 'value="return"' in page
    assert (
        'value="approve"'
        not in client_of("kontorleder").get(f"/procurement/{competition.pk}/").content.decode()
    )
    approved = client_of("tiltaksforvalter").post(
        f"/procurement/{competition.pk}/", {"action": "approve", "version": competition.version}
    )
    assert approved.status_code == 302
    competition.refresh_from_db()
    assert competition.status == "awarded" and competition.standstill_ends_on is not None
