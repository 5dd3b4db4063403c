"""Whether a consent holds, day by day: from its first to its last day, not once withdrawn,
only for its partner service; and who opens a consent."""

from __future__ import annotations

import datetime
import uuid
from collections.abc import Callable

import pytest
from django.utils import timezone

from velferd.access.actor import Actor
from velferd.access.selectors import actor_for_user
from velferd.core.errors import DomainError
from velferd.people import selectors
from velferd.people.models import Person
from velferd.people.services import consent_give, consent_withdraw

from .factories import a_person

pytestmark = pytest.mark.django_db

Lookup = Callable[[str], Actor]


def own(person: Person) -> Actor:
    """The person's own login (the `ola` of conftest has one)."""
    return actor_for_user(person.user)


class Clock:
    """Sets today as the services and selectors see it (timezone.localdate())."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.today = timezone.localdate()
        real = timezone.localdate

        def localdate(
            value: datetime.datetime | None = None, timezone: datetime.tzinfo | None = None
        ) -> datetime.date:
            if value is None and timezone is None:
                return self.today
            return real(value, timezone)

        monkeypatch.setattr("django.utils.timezone.localdate", localdate)


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    return Clock(monkeypatch)


STARTS = datetime.date(2030, 3, 1)
ENDS = datetime.date(2030, 3, 31)
DAY = datetime.timedelta(days=1)


class TestConsentHolds:
    @pytest.fixture
    def gp_consent_in_march(self, clock: Clock, ola: Person) -> None:
        clock.today = STARTS - 10 * DAY
        consent_give(
            actor=own(ola),
            person=ola,
            partner_service="gp",
            purpose="Samarbeid med fastlegen",
            starts_on=STARTS,
            ends_on=ENDS,
        )

    @pytest.mark.parametrize(
        ("today", "holds"),
        [
            pytest.param(STARTS - DAY, False, id="day-before-start"),
            pytest.param(STARTS, True, id="start-day"),
            pytest.param(STARTS + 14 * DAY, True, id="in-between"),
            pytest.param(ENDS, True, id="end-day"),
            pytest.param(ENDS + DAY, False, id="day-after-end"),
        ],
    )
    @pytest.mark.usefixtures("gp_consent_in_march")
    def test_a_consent_holds_from_its_first_to_its_last_day(
        self, clock: Clock, ola: Person, today: datetime.date, holds: bool
    ) -> None:
        clock.today = today

        assert selectors.consent_holds(ola, "gp") is holds

    @pytest.mark.usefixtures("gp_consent_in_march")
    def test_a_consent_stops_holding_immediately_when_withdrawn(
        self, clock: Clock, ola: Person
    ) -> None:
        clock.today = STARTS + 14 * DAY
        assert selectors.consent_holds(ola, "gp")

        consent_withdraw(actor=own(ola), consent=ola.consents.get())

        assert not selectors.consent_holds(ola, "gp")
        clock.today = STARTS + 15 * DAY
        assert not selectors.consent_holds(ola, "gp")

    @pytest.mark.usefixtures("gp_consent_in_march")
    def test_a_consent_to_one_partner_service_does_not_hold_for_another(
        self, clock: Clock, ola: Person
    ) -> None:
        clock.today = STARTS

        assert not selectors.consent_holds(ola, "child_welfare")
        assert not selectors.consent_holds(a_person(), "gp")

    def test_a_new_consent_holds_after_an_earlier_one_was_withdrawn(self, ola: Person) -> None:
        ola_himself = own(ola)
        today = timezone.localdate()
        first = consent_give(
            actor=ola_himself,
            person=ola,
            partner_service="school",
            purpose="Skolen",
            starts_on=today,
            ends_on=today + 30 * DAY,
        )
        consent_withdraw(actor=ola_himself, consent=first)
        assert not selectors.consent_holds(ola, "school")

        consent_give(
            actor=ola_himself,
            person=ola,
            partner_service="school",
            purpose="Skolen, igjen",
            starts_on=today,
            ends_on=today + 30 * DAY,
        )

        assert selectors.consent_holds(ola, "school")
        assert [c.purpose for c in selectors.consents_of(ola)] == ["Skolen, igjen", "Skolen"]


class TestConsentFor:
    def test_the_person_and_their_caseworker_open_a_consent(
        self, actor_of_login: Lookup, ola: Person
    ) -> None:
        today = timezone.localdate()
        consent = consent_give(
            actor=own(ola),
            person=ola,
            partner_service="gp",
            purpose="Fastlegen",
            starts_on=today,
            ends_on=today,
        )

        for actor in (own(ola), actor_of_login("veileder")):
            found = selectors.consent_for(actor=actor, consent_id=str(consent.pk))
            assert found == consent

        with pytest.raises(DomainError) as caught:
            selectors.consent_for(actor=actor_of_login("beslutter"), consent_id=consent.pk)
        assert caught.value.status == 403

    def test_an_unknown_consent_is_404(self, actor_of_login: Lookup) -> None:
        with pytest.raises(DomainError) as caught:
            selectors.consent_for(actor=actor_of_login("veileder"), consent_id=uuid.uuid4())

        assert (caught.value.status, caught.value.field) == (404, "consent")
