"""Consents to share with a partner service: the person gives one, or a caseworker at the
office records it; it holds at once and until withdrawn; every refusal has its own code and
leaves nothing behind."""

from __future__ import annotations

import datetime
from collections.abc import Callable

import pytest
from django.utils import timezone

from velferd.access.actor import Actor
from velferd.people import selectors
from velferd.people.models import Person
from velferd.people.services import consent_withdraw

from .writes import assert_no_identity_number_in_audit, give, last_event, refusal

pytestmark = pytest.mark.django_db

Lookup = Callable[[str], Actor]


# Consents ---------------------------------------------------------------------------------


class TestConsentGive:
    def test_the_person_gives_a_consent_that_holds_at_once_and_is_audited(
        self, ola_himself: Actor, ola: Person
    ) -> None:
        today = timezone.localdate()

        consent = give(ola_himself, ola, purpose="  Felles plan med fastlegen  ")

        assert consent.purpose == "Felles plan med fastlegen"
        assert selectors.consent_holds(ola, "gp")
        assert not selectors.consent_holds(ola, "school")
        event = last_event("consent.given")
        assert event.target_id == str(consent.pk)
        assert event.actor_label == ola.full_name == "Ola Nordvik"
        assert event.after == {
            "partner_service": "gp",
            "purpose": "Felles plan med fastlegen",
            "starts_on": today.isoformat(),
            "ends_on": (today + datetime.timedelta(days=90)).isoformat(),
            "document": "",
        }
        assert_no_identity_number_in_audit()

    @pytest.mark.parametrize("login", ["veileder", "sosialkonsulent", "kontorleder"])
    def test_a_caseworker_at_the_office_records_a_consent_the_person_gave(
        self, actor_of_login: Lookup, login: str, kari: Person
    ) -> None:
        consent = give(actor_of_login(login), kari, partner_service="child_welfare")

        assert list(selectors.consents_of(kari)) == [consent]
        assert selectors.consent_holds(kari, "child_welfare")
        assert last_event("consent.given").target_id == str(consent.pk)

    @pytest.mark.parametrize("login", ["beslutter", "fastlege", "admin", "analytiker"])
    def test_others_cannot_give_a_consent_for_the_person(
        self, actor_of_login: Lookup, login: str, ola: Person
    ) -> None:
        error = refusal(lambda: give(actor_of_login(login), ola))

        assert (error.code, error.status) == ("forbidden", 403)
        assert not selectors.consent_holds(ola, "gp")

    def test_a_citizen_cannot_give_a_consent_for_someone_else(
        self, ola_himself: Actor, kari: Person
    ) -> None:
        assert refusal(lambda: give(ola_himself, kari)).status == 403

    def test_a_caseworker_at_another_office_cannot_give_a_consent(
        self, alta_caseworker: Actor, kari: Person
    ) -> None:
        assert refusal(lambda: give(alta_caseworker, kari)).status == 403

    def test_a_consent_that_ends_before_it_starts_is_refused(
        self, vera: Actor, kari: Person
    ) -> None:
        today = timezone.localdate()

        error = refusal(
            lambda: give(
                vera,
                kari,
                starts_on=today + datetime.timedelta(days=10),
                ends_on=today + datetime.timedelta(days=9),
            )
        )

        assert (error.code, error.field, error.status) == ("ends_before_start", "ends_on", 422)

    def test_a_consent_that_has_already_ended_is_refused(self, vera: Actor, kari: Person) -> None:
        today = timezone.localdate()

        error = refusal(
            lambda: give(
                vera,
                kari,
                starts_on=today - datetime.timedelta(days=30),
                ends_on=today - datetime.timedelta(days=1),
            )
        )

        assert (error.code, error.field) == ("ends_in_past", "ends_on")

    def test_a_consent_may_end_today(self, vera: Actor, kari: Person) -> None:
        today = timezone.localdate()

        give(vera, kari, starts_on=today, ends_on=today)

        assert selectors.consent_holds(kari, "gp")

    def test_an_unknown_partner_service_is_refused(self, vera: Actor, kari: Person) -> None:
        error = refusal(lambda: give(vera, kari, partner_service="astrologer"))

        assert (error.code, error.field) == ("unknown_partner_service", "partner_service")

    def test_a_consent_without_a_purpose_is_refused(self, vera: Actor, kari: Person) -> None:
        error = refusal(lambda: give(vera, kari, purpose="  "))

        assert (error.code, error.field) == ("purpose_required", "purpose")


class TestConsentWithdraw:
    def test_the_person_withdraws_and_the_consent_stops_holding_at_once(
        self, ola_himself: Actor, ola: Person
    ) -> None:
        consent = give(ola_himself, ola)

        withdrawn = consent_withdraw(actor=ola_himself, consent=consent)

        assert withdrawn.withdrawn_at is not None
        assert not selectors.consent_holds(ola, "gp")
        event = last_event("consent.withdrawn")
        assert event.target_id == str(consent.pk)
        assert event.actor_label == ola.full_name == "Ola Nordvik"
        assert event.after is not None and event.after["withdrawn_at"]

    def test_a_caseworker_records_a_withdrawal(
        self, vera: Actor, ola_himself: Actor, ola: Person
    ) -> None:
        consent = give(ola_himself, ola)

        consent_withdraw(actor=vera, consent=consent)

        assert not selectors.consent_holds(ola, "gp")
        assert last_event("consent.withdrawn").actor_label == "Vera Veileder"

    def test_withdrawing_twice_is_refused_with_409(self, ola_himself: Actor, ola: Person) -> None:
        consent = give(ola_himself, ola)
        consent_withdraw(actor=ola_himself, consent=consent)

        error = refusal(lambda: consent_withdraw(actor=ola_himself, consent=consent))

        assert (error.code, error.status) == ("already_withdrawn", 409)

    @pytest.mark.parametrize("login", ["beslutter", "fastlege", "admin"])
    def test_others_cannot_withdraw_the_persons_consent(
        self, actor_of_login: Lookup, ola_himself: Actor, login: str, ola: Person
    ) -> None:
        consent = give(ola_himself, ola)

        error = refusal(lambda: consent_withdraw(actor=actor_of_login(login), consent=consent))

        assert error.status == 403
        assert selectors.consent_holds(ola, "gp")

    def test_a_caseworker_at_another_office_cannot_withdraw(
        self, alta_caseworker: Actor, ola_himself: Actor, ola: Person
    ) -> None:
        consent = give(ola_himself, ola)

        assert refusal(lambda: consent_withdraw(actor=alta_caseworker, consent=consent)).status == (
            403
        )
        assert selectors.consent_holds(ola, "gp")
