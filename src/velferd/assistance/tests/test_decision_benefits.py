"""The benefit period on record in follow-up follows the decisions: the first grant records
it, a reduction to 0 after a breach of a condition ends it, a change after an appeal moves
it to the new period or ends it on a refusal, in the decision's own transaction. What the
caseworker reads in follow-up (the person's benefits in the API) is checked after each."""

from __future__ import annotations

import datetime
import importlib
from typing import Any
from unittest import mock

import pytest
from django.apps import apps as django_apps
from django.test import Client
from django.utils import timezone

from velferd.access.models import User
from velferd.assistance.models import Application, Decision
from velferd.assistance.services import appeals
from velferd.assistance.services.decision_checks import DecisionInput
from velferd.assistance.services.decisions import decision_make, decision_replace
from velferd.core.testing import actions_since, audit_mark, login_actor
from velferd.followup.models import Benefit
from velferd.people.tests.factories import a_person

from .factories import an_application

pytestmark = pytest.mark.django_db
DAY = datetime.timedelta(days=1)
TODAY = timezone.localdate()


def decision(**fields: Any) -> DecisionInput:
    values: dict[str, Any] = {
        "outcome": "granted",
        "amount": "7850",
        "frequency": "monthly",
        "period_start": TODAY,
        "period_end": TODAY + 59 * DAY,
        "reasoning": "Du har ikke inntekt denne måneden, og du har ikke penger i banken.",
        "conditions": ["Du må sende kontoutskrift hver måned."],
    }
    values.update(fields)
    return DecisionInput(**values)


def first_grant(**fields: Any) -> Decision:
    application: Application = an_application(a_person(birth_date=datetime.date(1975, 5, 17)))
    return decision_make(
        actor=login_actor("sosialkonsulent"),
        application_id=application.pk,
        version=application.version,
        data=decision(**fields),
    )


def replace(first: Decision, reason: str, **fields: Any) -> Decision:
    breached = str(first.conditions.get().pk) if reason == "breach_of_condition" else ""
    return decision_replace(
        actor=login_actor("sosialkonsulent"),
        decision_id=first.pk,
        reason=reason,
        breached_condition=breached,
        data=decision(**fields),
    )


def to_nothing(first: Decision, reason: str, starts_on: datetime.date) -> Decision:
    return replace(
        first,
        reason,
        outcome="refused",
        amount="0",
        conditions=[],
        period_start=starts_on,
        reasoning="Du har ikke møtt til avtalt aktivitet.",
    )


def periods_in_follow_up(decision: Decision) -> list[tuple[str, str | None]]:
    """The person's financial assistance as the caseworker reads it in follow-up."""
    client = Client()
    client.force_login(User.objects.get(username="sosialkonsulent"))
    person = decision.application.person
    response = client.get(f"/api/v1/followup/persons/{person.pk}/benefits")
    assert response.status_code == 200
    return [
        (b["starts_on"], b["ends_on"])
        for b in response.json()
        if b["kind"] == "financial_assistance"
    ]


def iso(day: datetime.date) -> str:
    return day.isoformat()


def test_the_first_grant_records_the_period_and_names_it() -> None:
    first = first_grant()
    assert first.benefit is not None
    assert periods_in_follow_up(first) == [(iso(TODAY), iso(TODAY + 59 * DAY))]


def test_a_reduction_to_nothing_after_a_breach_ends_the_period_the_day_before() -> None:
    first = first_grant(period_start=TODAY - 20 * DAY, period_end=TODAY + 39 * DAY)
    mark = audit_mark()
    reduced = to_nothing(first, "breach_of_condition", TODAY)
    assert periods_in_follow_up(first) == [(iso(TODAY - 20 * DAY), iso(TODAY - DAY))]
    assert reduced.benefit == first.benefit
    assert "benefit.ended" in actions_since(mark)


def test_a_reduction_to_nothing_from_the_first_day_takes_the_period_off() -> None:
    first = first_grant(period_start=TODAY + 5 * DAY, period_end=TODAY + 64 * DAY)
    mark = audit_mark()
    reduced = to_nothing(first, "breach_of_condition", TODAY)
    assert periods_in_follow_up(first) == []
    assert reduced.benefit is None
    assert "benefit.deleted" in actions_since(mark)
    first.refresh_from_db()
    assert first.benefit is None


def test_a_lower_amount_for_the_same_period_leaves_the_period_as_it_is() -> None:
    first = first_grant()
    mark = audit_mark()
    reduced = replace(first, "breach_of_condition", outcome="partly_granted", amount="5000")
    assert periods_in_follow_up(first) == [(iso(TODAY), iso(TODAY + 59 * DAY))]
    assert reduced.benefit == first.benefit
    assert not {"benefit.changed", "benefit.ended", "benefit.recorded"} & set(actions_since(mark))


def test_a_longer_period_after_an_appeal_runs_the_period_on() -> None:
    first = first_grant(period_start=TODAY - 10 * DAY, period_end=TODAY + 19 * DAY)
    changed = replace(
        first, "appeal_reassessed", amount="9000", period_start=TODAY, period_end=TODAY + 89 * DAY
    )
    assert periods_in_follow_up(first) == [(iso(TODAY - 10 * DAY), iso(TODAY + 89 * DAY))]
    assert changed.benefit == first.benefit
    assert Benefit.objects.filter(person=first.application.person).count() == 1


def test_a_new_period_from_the_start_after_an_appeal_moves_the_period() -> None:
    first = first_grant(period_start=TODAY + 10 * DAY, period_end=TODAY + 69 * DAY)
    replace(first, "appeal_reassessed", period_start=TODAY, period_end=TODAY + 29 * DAY)
    assert periods_in_follow_up(first) == [(iso(TODAY), iso(TODAY + 29 * DAY))]


def test_a_period_after_a_gap_is_a_period_of_its_own() -> None:
    first = first_grant(period_start=TODAY - 30 * DAY, period_end=TODAY - 11 * DAY)
    later = replace(first, "appeal_reassessed", period_start=TODAY, period_end=TODAY + 29 * DAY)
    assert sorted(periods_in_follow_up(first)) == [
        (iso(TODAY - 30 * DAY), iso(TODAY - 11 * DAY)),
        (iso(TODAY), iso(TODAY + 29 * DAY)),
    ]
    assert later.benefit is not None and later.benefit != first.benefit


def test_a_refusal_after_an_appeal_ends_it_and_a_grant_after_that_takes_it_up_again() -> None:
    first = first_grant(period_start=TODAY - 20 * DAY, period_end=TODAY + 39 * DAY)
    refused = to_nothing(first, "appeal_reassessed", TODAY)
    assert periods_in_follow_up(first) == [(iso(TODAY - 20 * DAY), iso(TODAY - DAY))]
    replace(refused, "appeal_reassessed", period_start=TODAY, period_end=TODAY + 39 * DAY)
    assert periods_in_follow_up(first) == [(iso(TODAY - 20 * DAY), iso(TODAY + 39 * DAY))]


def test_the_office_changing_its_decision_on_an_appeal_moves_the_period() -> None:
    first = first_grant(period_start=TODAY - 5 * DAY, period_end=TODAY + 24 * DAY)
    office = login_actor("sosialkonsulent")
    appeal = appeals.appeal_lodge(actor=office, decision_id=first.pk, grounds="Jeg trenger mer.")
    appeals.appeal_change(
        actor=office,
        appeal_id=appeal.pk,
        version=appeal.version,
        assessment="Klagen har rett: perioden forlenges.",
        data=decision(amount="9000", period_start=TODAY, period_end=TODAY + 54 * DAY),
    )
    assert periods_in_follow_up(first) == [(iso(TODAY - 5 * DAY), iso(TODAY + 54 * DAY))]


def test_the_period_is_left_as_it_was_when_the_decision_is_not_saved() -> None:
    first = first_grant(period_start=TODAY - 20 * DAY, period_end=TODAY + 39 * DAY)
    mark = audit_mark()
    with (
        mock.patch(
            "velferd.assistance.services.decisions.plan_payments",
            side_effect=RuntimeError("the payments could not be planned"),
        ),
        pytest.raises(RuntimeError),
    ):
        to_nothing(first, "breach_of_condition", TODAY)
    assert periods_in_follow_up(first) == [(iso(TODAY - 20 * DAY), iso(TODAY + 39 * DAY))]
    assert Decision.objects.filter(application=first.application).count() == 1
    assert actions_since(mark) == []


def test_the_decisions_on_record_are_linked_to_the_period_their_grant_recorded() -> None:
    first = first_grant()
    reduced = replace(first, "breach_of_condition", outcome="partly_granted", amount="5000")
    Decision.objects.filter(pk__in=[first.pk, reduced.pk]).update(benefit=None)
    migration = importlib.import_module("velferd.assistance.migrations.0002_decision_benefit")

    migration.link_decisions(django_apps, None)

    first.refresh_from_db()
    reduced.refresh_from_db()
    assert first.benefit is not None and reduced.benefit == first.benefit
    to_nothing(reduced, "appeal_reassessed", TODAY)
    assert periods_in_follow_up(first) == []
