"""Writes to people: registering a person at the office that serves where they live, changing
them (which may move them to another office), linking a login, and consents to share with a
partner service. Every write is audited with the identity number masked; every refusal has
its own code and leaves nothing behind."""

from __future__ import annotations

import datetime
import json
from collections.abc import Callable
from functools import partial

import pytest
from django.utils import timezone
from pytest_django.fixtures import Settings
from stdnum.no import fodselsnummer

from velferd.access import policies
from velferd.access.actor import Actor, system_actor
from velferd.access.models import User
from velferd.access.selectors import actor_for_user
from velferd.audit.models import AuditEvent
from velferd.core import testing
from velferd.core.identifiers import mask_national_id, synthetic_national_id
from velferd.core.testing import staff_at
from velferd.organisation import selectors as organisation_selectors
from velferd.people import selectors
from velferd.people.models import Child, Consent, Person
from velferd.people.services import (
    consent_give,
    consent_withdraw,
    link_user,
    person_register,
    person_update,
)
from velferd.people.tests.factories import a_person

pytestmark = pytest.mark.django_db

Lookup = Callable[[str], Actor]

BORN = datetime.date(1990, 5, 17)
NEW_ID = synthetic_national_id(BORN, 0)
OTHER_ID = synthetic_national_id(BORN, 1)
ALTA = "5601"  # served as a whole by NAV Alta (5601)
OSLO = "0301"  # divided: one NAV office per district


def with_check_digits(first_nine: str) -> str | None:
    """The eleven-digit number for nine digits, or None when no check digit fits."""
    digit1 = fodselsnummer.calc_check_digit1(first_nine)
    digit2 = fodselsnummer.calc_check_digit2(first_nine + digit1)
    if len(digit1) != 1 or len(digit2) != 1:
        return None
    return first_nine + digit1 + digit2


def first_valid(stem: str) -> str:
    """The first number with valid check digits for a six-digit date stem (1900s)."""
    return next(n for i in range(100, 500) if (n := with_check_digits(f"{stem}{i:03d}")))


REAL_ID = first_valid(BORN.strftime("%d%m%y"))  # an ordinary (non-synthetic) number


def person(given_name: str) -> Person:
    return Person.objects.get(given_name=given_name)


def counts() -> tuple[int, int, int, int]:
    return (
        Person.objects.count(),
        Child.objects.count(),
        Consent.objects.count(),
        AuditEvent.objects.count(),
    )


# A write that must be refused; its refusal, having checked that nothing was left written.
refusal = partial(testing.refusal, unchanged=counts)


def last_event(action: str) -> AuditEvent:
    event = AuditEvent.objects.filter(action=action).order_by("seq").last()
    assert event is not None, f"no {action} event"
    return event


def assert_no_identity_number_in_audit() -> None:
    """No audit event, of any write so far, holds anyone's identity number unmasked."""
    numbers = list(Person.objects.values_list("national_id", flat=True))
    for event in AuditEvent.objects.all():
        text = json.dumps([event.before, event.after, event.target_label], ensure_ascii=False)
        for number in numbers:
            assert number not in text, f"{event} holds an identity number"


def register(actor: Actor, **overrides: object) -> Person:
    fields: dict[str, object] = {
        "national_id": NEW_ID,
        "given_name": "Siri",
        "family_name": "Solberg",
        "municipality_number": OSLO,
        "district": "Grünerløkka",
    }
    fields.update(overrides)
    return person_register(actor=actor, **fields)  # type: ignore[arg-type]


@pytest.fixture
def vera(actor_of_login: Lookup) -> Actor:
    return actor_of_login("veileder")


@pytest.fixture
def ola_himself(actor_of_login: Lookup) -> Actor:
    return actor_of_login("innbygger")


@pytest.fixture
def alta_caseworker(db: None) -> Actor:
    return staff_at(ALTA, "alta-veileder")


# Registering ------------------------------------------------------------------------------


class TestPersonRegister:
    def test_a_person_in_alta_is_registered_at_nav_alta_with_their_birth_date(
        self, alta_caseworker: Actor
    ) -> None:
        siri = register(
            alta_caseworker,
            municipality_number=ALTA,
            district="",
            address_line=" Markveien 1 ",
            postal_code="9510",
            postal_town="Alta",
            language="se",
            needs_interpreter=True,
        )

        siri.refresh_from_db()
        assert siri.office.name_nb == "NAV Alta"
        assert siri.municipality_id == ALTA
        assert siri.district == ""
        assert siri.birth_date == BORN
        assert siri.full_name == "Siri Solberg"
        assert siri.address_line == "Markveien 1"
        assert (siri.language, siri.needs_interpreter) == ("se", True)
        assert siri.version == 1
        assert siri.masked_national_id == NEW_ID[:6] + "*****"

    def test_a_person_in_an_oslo_district_is_registered_at_that_districts_office(
        self, system: Actor
    ) -> None:
        siri = register(system, district="sagene")

        assert siri.office.name_nb == "NAV Sagene"
        assert siri.district == "Sagene"

    def test_registering_is_audited_with_the_identity_number_masked(self, vera: Actor) -> None:
        siri = register(vera, children=[("Mia", datetime.date(2020, 1, 1))])

        event = last_event("person.registered")
        assert event.target_id == str(siri.pk)
        assert event.target_label == "Siri Solberg"
        assert event.actor_label == "Vera Veileder"
        assert event.after is not None
        assert event.after["national_id"] == mask_national_id(NEW_ID)
        assert event.after["given_name"] == "Siri"
        assert event.after["office"] == str(siri.office_id)
        assert event.after["children"] == 1
        assert_no_identity_number_in_audit()

    def test_the_children_in_the_household_are_registered_with_the_person(
        self, vera: Actor
    ) -> None:
        siri = register(
            vera,
            children=[(" Mia ", datetime.date(2020, 1, 1)), ("", datetime.date(2012, 7, 7))],
        )

        children = list(siri.children.all())
        assert [(c.given_name, c.birth_date) for c in children] == [
            ("", datetime.date(2012, 7, 7)),
            ("Mia", datetime.date(2020, 1, 1)),
        ]
        assert len(siri.children_under_18()) == 2

    def test_an_identity_number_written_with_spaces_is_stored_compact(self, vera: Actor) -> None:
        siri = register(vera, national_id=f" {NEW_ID[:6]} {NEW_ID[6:]} ")

        assert siri.national_id == NEW_ID

    @pytest.mark.parametrize(
        ("number", "code"),
        [
            pytest.param("1234567890", "invalid_national_id_length", id="ten-digits"),
            pytest.param(NEW_ID + "0", "invalid_national_id_length", id="twelve-digits"),
            pytest.param(NEW_ID[:-1] + "x", "invalid_national_id_length", id="letter"),
            pytest.param(
                NEW_ID[:-1] + str((int(NEW_ID[-1]) + 1) % 10),
                "invalid_national_id_checksum",
                id="check-digit",
            ),
            pytest.param(first_valid("300290"), "invalid_national_id_date", id="30-february"),
            pytest.param(first_valid("308290"), "invalid_national_id_date", id="synthetic-30-feb"),
        ],
    )
    def test_an_invalid_identity_number_is_refused_with_its_own_code_and_nothing_written(
        self, vera: Actor, number: str, code: str
    ) -> None:
        error = refusal(lambda: register(vera, national_id=number))

        assert error.code == code
        assert error.field == "national_id"
        assert error.status == 422

    def test_a_birth_date_in_the_future_is_refused(self, vera: Actor) -> None:
        tomorrow = datetime.date.today() + datetime.timedelta(days=1)
        number = synthetic_national_id(tomorrow, 0)

        assert refusal(lambda: register(vera, national_id=number)).code == (
            "invalid_national_id_date"
        )

    def test_a_synthetic_number_is_refused_where_synthetic_numbers_are_not_allowed(
        self, vera: Actor, settings: Settings
    ) -> None:
        settings.VELFERD_ALLOW_SYNTHETIC_IDS = False

        error = refusal(lambda: register(vera))

        assert error.code == "synthetic_national_id_not_allowed"
        assert error.field == "national_id"
        assert register(vera, national_id=REAL_ID).birth_date == BORN

    def test_a_person_already_registered_is_refused_with_409(self, vera: Actor) -> None:
        register(vera)

        error = refusal(lambda: register(vera, given_name="Someone", family_name="Else"))

        assert (error.code, error.status, error.field) == ("person_exists", 409, "national_id")
        assert Person.objects.filter(national_id=NEW_ID).get().given_name == "Siri"

    def test_an_unknown_municipality_is_refused_with_404(self, vera: Actor) -> None:
        error = refusal(lambda: register(vera, municipality_number="9999", district=""))

        assert (error.status, error.field) == (404, "municipality")

    def test_a_malformed_municipality_number_is_refused_with_422(self, vera: Actor) -> None:
        error = refusal(lambda: register(vera, municipality_number="301", district=""))

        assert (error.code, error.status) == ("malformed_municipality_number", 422)

    def test_oslo_without_a_district_is_refused_with_422_naming_the_districts(
        self, vera: Actor
    ) -> None:
        error = refusal(lambda: register(vera, district=""))

        assert (error.code, error.status, error.field) == ("district_required", 422, "district")
        assert "Grünerløkka" in error.message_nb and "Sagene" in error.message_nb

    def test_an_oslo_district_that_does_not_exist_is_refused(self, vera: Actor) -> None:
        error = refusal(lambda: register(vera, district="Atlantis"))

        assert (error.code, error.status) == ("unknown_district", 422)

    def test_an_unknown_language_is_refused_with_422(self, vera: Actor) -> None:
        error = refusal(lambda: register(vera, language="klingon"))

        assert (error.code, error.status, error.field) == ("unknown_language", 422, "language")
        assert "klingon" in error.message_en

    def test_an_unknown_address_protection_is_refused_with_422(self, vera: Actor) -> None:
        error = refusal(lambda: register(vera, address_protection="secret"))

        assert (error.code, error.status) == ("unknown_address_protection", 422)
        assert error.field == "address_protection"

    @pytest.mark.parametrize("field", ["given_name", "family_name"])
    def test_a_blank_name_is_refused(self, vera: Actor, field: str) -> None:
        error = refusal(lambda: register(vera, **{field: "   "}))

        assert (error.code, error.field) == (f"{field}_required", field)

    @pytest.mark.parametrize(
        "child_born",
        [
            pytest.param(BORN - datetime.timedelta(days=1), id="before-the-parent"),
            pytest.param(BORN, id="same-day-as-the-parent"),
            pytest.param(datetime.date.today() + datetime.timedelta(days=30), id="in-the-future"),
        ],
    )
    def test_a_child_born_before_the_parent_or_in_the_future_is_refused(
        self, vera: Actor, child_born: datetime.date
    ) -> None:
        error = refusal(lambda: register(vera, children=[("Mia", child_born)]))

        assert (error.code, error.field) == ("invalid_child_birth_date", "children")

    def test_a_caseworker_cannot_register_a_person_living_where_another_office_serves(
        self, vera: Actor
    ) -> None:
        error = refusal(lambda: register(vera, municipality_number=ALTA, district=""))

        assert (error.code, error.status) == ("forbidden", 403)

    def test_a_caseworker_cannot_register_a_person_in_another_oslo_district(
        self, vera: Actor
    ) -> None:
        assert refusal(lambda: register(vera, district="Sagene")).status == 403

    @pytest.mark.parametrize("login", ["beslutter", "innbygger", "admin", "fastlege"])
    def test_only_caseworkers_register_people(self, actor_of_login: Lookup, login: str) -> None:
        assert refusal(lambda: register(actor_of_login(login))).status == 403


# Changing ---------------------------------------------------------------------------------


class TestPersonUpdate:
    def test_a_move_the_move_policy_refuses_is_403_and_changes_nothing(
        self, vera: Actor, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        someone = a_person()
        asked: list[tuple[object, ...]] = []

        def refuse(*args: object) -> bool:
            asked.append(args)
            return False

        monkeypatch.setattr(policies, "can_move_person", refuse)

        error = refusal(
            lambda: person_update(actor=vera, person=someone, version=1, district="Sagene")
        )

        assert error.status == 403
        assert asked == [(vera, someone, organisation_selectors.office("0320"))]
        someone.refresh_from_db()
        assert (someone.district, someone.office.unit_number) == ("Grünerløkka", "0317")

    def test_moving_to_another_district_moves_the_person_to_that_office(self, vera: Actor) -> None:
        kari = person("Kari")

        moved = person_update(actor=vera, person=kari, version=kari.version, district="Sagene")

        moved.refresh_from_db()
        assert moved.office.name_nb == "NAV Sagene"
        assert moved.district == "Sagene"
        assert moved.version == kari.version + 1
        event = last_event("person.updated")
        assert event.target_id == str(kari.pk)
        assert event.before is not None and event.after is not None
        assert event.before["office"] == str(organisation_selectors.office("0317").pk)
        assert event.after["office"] == str(organisation_selectors.office("0320").pk)
        assert event.before["district"] == "Grünerløkka"
        assert event.after["district"] == "Sagene"
        assert event.after["national_id"] == kari.masked_national_id
        assert_no_identity_number_in_audit()

    def test_moving_to_alta_moves_the_person_to_nav_alta_and_out_of_the_old_offices_lists(
        self, vera: Actor
    ) -> None:
        kari = person("Kari")

        person_update(actor=vera, person=kari, version=1, municipality_number=ALTA)

        kari.refresh_from_db()
        assert kari.office.name_nb == "NAV Alta"
        assert (kari.municipality_id, kari.district) == (ALTA, "")
        assert kari not in selectors.persons_visible_to(actor=vera)
        assert kari in selectors.persons_visible_to(actor=staff_at(ALTA, "alta-veileder"))

    def test_moving_to_oslo_without_a_district_is_refused(self, alta_caseworker: Actor) -> None:
        siri = register(system_actor("tests"), municipality_number=ALTA, district="")

        error = refusal(
            lambda: person_update(
                actor=alta_caseworker, person=siri, version=1, municipality_number=OSLO
            )
        )

        assert error.code == "district_required"
        siri.refresh_from_db()
        assert (siri.office.name_nb, siri.version) == ("NAV Alta", 1)

    def test_a_new_name_language_and_interpreter_need_are_saved_and_audited(
        self, vera: Actor
    ) -> None:
        kari = person("Kari")

        person_update(
            actor=vera,
            person=kari,
            version=1,
            family_name="Hansen Berg",
            language="en",
            needs_interpreter=True,
        )

        kari.refresh_from_db()
        assert (kari.full_name, kari.language, kari.needs_interpreter) == (
            "Kari Hansen Berg",
            "en",
            True,
        )
        event = last_event("person.updated")
        assert event.before is not None and event.after is not None
        assert (event.before["family_name"], event.after["family_name"]) == (
            "Hansen",
            "Hansen Berg",
        )
        assert (event.before["language"], event.after["language"]) == ("nb", "en")

    def test_a_stale_version_is_refused_with_409_and_nothing_changes(self, vera: Actor) -> None:
        kari = person("Kari")
        person_update(actor=vera, person=kari, version=1, given_name="Karianne")

        error = refusal(
            lambda: person_update(actor=vera, person=kari, version=1, district="Sagene")
        )

        assert (error.code, error.status, error.field) == ("stale_version", 409, "version")
        kari.refresh_from_db()
        assert (kari.given_name, kari.district, kari.version) == ("Karianne", "Grünerløkka", 2)

    def test_an_unknown_language_is_refused_and_nothing_changes(self, vera: Actor) -> None:
        kari = person("Kari")

        error = refusal(
            lambda: person_update(
                actor=vera, person=kari, version=1, given_name="Karianne", language="xx"
            )
        )

        assert error.code == "unknown_language"
        kari.refresh_from_db()
        assert (kari.given_name, kari.version) == ("Kari", 1)

    def test_a_blank_name_is_refused(self, vera: Actor) -> None:
        kari = person("Kari")

        error = refusal(lambda: person_update(actor=vera, person=kari, version=1, given_name=" "))

        assert error.code == "given_name_required"

    @pytest.mark.parametrize("login", ["beslutter", "innbygger", "admin"])
    def test_only_caseworkers_at_the_persons_office_change_them(
        self, actor_of_login: Lookup, login: str
    ) -> None:
        kari = person("Kari")

        error = refusal(
            lambda: person_update(
                actor=actor_of_login(login), person=kari, version=1, given_name="X"
            )
        )

        assert error.status == 403

    def test_a_caseworker_at_another_office_cannot_change_the_person(
        self, alta_caseworker: Actor
    ) -> None:
        kari = person("Kari")

        error = refusal(
            lambda: person_update(
                actor=alta_caseworker, person=kari, version=1, municipality_number=ALTA
            )
        )

        assert error.status == 403
        assert person("Kari").office.name_nb == "NAV Grünerløkka"


# Linking a login ----------------------------------------------------------------------------


class TestLinkUser:
    def test_the_administrator_links_a_login_so_the_person_sees_themself(
        self, actor_of_login: Lookup
    ) -> None:
        kari = person("Kari")
        login = User.objects.create(username="kari", full_name="Kari Hansen")

        link_user(actor=actor_of_login("admin"), person=kari, user=login)

        assert selectors.own_person(actor=actor_for_user(login)) == kari
        event = last_event("person.user_linked")
        assert event.target_id == str(kari.pk)
        assert event.after == {"user": str(login.pk)}
        assert_no_identity_number_in_audit()

    def test_a_caseworker_cannot_link_a_login(self, vera: Actor) -> None:
        login = User.objects.create(username="kari")

        error = refusal(lambda: link_user(actor=vera, person=person("Kari"), user=login))

        assert error.status == 403
        assert selectors.own_person(actor=actor_for_user(login)) is None

    def test_a_login_that_already_acts_as_another_person_is_refused_with_409(
        self, actor_of_login: Lookup
    ) -> None:
        olas_login = User.objects.get(username="innbygger")

        error = refusal(
            lambda: link_user(actor=actor_of_login("admin"), person=person("Kari"), user=olas_login)
        )

        assert error.status == 409


# Consents ---------------------------------------------------------------------------------


def give(actor: Actor, who: Person, **overrides: object) -> Consent:
    today = timezone.localdate()
    fields: dict[str, object] = {
        "partner_service": "gp",
        "purpose": "Samarbeid om arbeidsrettet oppfølging",
        "starts_on": today,
        "ends_on": today + datetime.timedelta(days=90),
    }
    fields.update(overrides)
    return consent_give(actor=actor, person=who, **fields)  # type: ignore[arg-type]


class TestConsentGive:
    def test_the_person_gives_a_consent_that_holds_at_once_and_is_audited(
        self, ola_himself: Actor
    ) -> None:
        ola = person("Ola")
        today = timezone.localdate()

        consent = give(ola_himself, ola, purpose="  Felles plan med fastlegen  ")

        assert consent.purpose == "Felles plan med fastlegen"
        assert selectors.consent_holds(ola, "gp")
        assert not selectors.consent_holds(ola, "school")
        event = last_event("consent.given")
        assert event.target_id == str(consent.pk)
        assert event.actor_label == "Ola Nordmann"
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
        self, actor_of_login: Lookup, login: str
    ) -> None:
        kari = person("Kari")

        consent = give(actor_of_login(login), kari, partner_service="child_welfare")

        assert list(selectors.consents_of(kari)) == [consent]
        assert selectors.consent_holds(kari, "child_welfare")
        assert last_event("consent.given").target_id == str(consent.pk)

    @pytest.mark.parametrize("login", ["beslutter", "fastlege", "admin", "analytiker"])
    def test_others_cannot_give_a_consent_for_the_person(
        self, actor_of_login: Lookup, login: str
    ) -> None:
        error = refusal(lambda: give(actor_of_login(login), person("Ola")))

        assert (error.code, error.status) == ("forbidden", 403)
        assert not selectors.consent_holds(person("Ola"), "gp")

    def test_a_citizen_cannot_give_a_consent_for_someone_else(self, ola_himself: Actor) -> None:
        assert refusal(lambda: give(ola_himself, person("Kari"))).status == 403

    def test_a_caseworker_at_another_office_cannot_give_a_consent(
        self, alta_caseworker: Actor
    ) -> None:
        assert refusal(lambda: give(alta_caseworker, person("Kari"))).status == 403

    def test_a_consent_that_ends_before_it_starts_is_refused(self, vera: Actor) -> None:
        today = timezone.localdate()

        error = refusal(
            lambda: give(
                vera,
                person("Kari"),
                starts_on=today + datetime.timedelta(days=10),
                ends_on=today + datetime.timedelta(days=9),
            )
        )

        assert (error.code, error.field, error.status) == ("ends_before_start", "ends_on", 422)

    def test_a_consent_that_has_already_ended_is_refused(self, vera: Actor) -> None:
        today = timezone.localdate()

        error = refusal(
            lambda: give(
                vera,
                person("Kari"),
                starts_on=today - datetime.timedelta(days=30),
                ends_on=today - datetime.timedelta(days=1),
            )
        )

        assert (error.code, error.field) == ("ends_in_past", "ends_on")

    def test_a_consent_may_end_today(self, vera: Actor) -> None:
        today = timezone.localdate()

        give(vera, person("Kari"), starts_on=today, ends_on=today)

        assert selectors.consent_holds(person("Kari"), "gp")

    def test_an_unknown_partner_service_is_refused(self, vera: Actor) -> None:
        error = refusal(lambda: give(vera, person("Kari"), partner_service="astrologer"))

        assert (error.code, error.field) == ("unknown_partner_service", "partner_service")

    def test_a_consent_without_a_purpose_is_refused(self, vera: Actor) -> None:
        error = refusal(lambda: give(vera, person("Kari"), purpose="  "))

        assert (error.code, error.field) == ("purpose_required", "purpose")


class TestConsentWithdraw:
    def test_the_person_withdraws_and_the_consent_stops_holding_at_once(
        self, ola_himself: Actor
    ) -> None:
        ola = person("Ola")
        consent = give(ola_himself, ola)

        withdrawn = consent_withdraw(actor=ola_himself, consent=consent)

        assert withdrawn.withdrawn_at is not None
        assert not selectors.consent_holds(ola, "gp")
        event = last_event("consent.withdrawn")
        assert event.target_id == str(consent.pk)
        assert event.actor_label == "Ola Nordmann"
        assert event.after is not None and event.after["withdrawn_at"]

    def test_a_caseworker_records_a_withdrawal(self, vera: Actor, ola_himself: Actor) -> None:
        consent = give(ola_himself, person("Ola"))

        consent_withdraw(actor=vera, consent=consent)

        assert not selectors.consent_holds(person("Ola"), "gp")
        assert last_event("consent.withdrawn").actor_label == "Vera Veileder"

    def test_withdrawing_twice_is_refused_with_409(self, ola_himself: Actor) -> None:
        consent = give(ola_himself, person("Ola"))
        consent_withdraw(actor=ola_himself, consent=consent)

        error = refusal(lambda: consent_withdraw(actor=ola_himself, consent=consent))

        assert (error.code, error.status) == ("already_withdrawn", 409)

    @pytest.mark.parametrize("login", ["beslutter", "fastlege", "admin"])
    def test_others_cannot_withdraw_the_persons_consent(
        self, actor_of_login: Lookup, ola_himself: Actor, login: str
    ) -> None:
        consent = give(ola_himself, person("Ola"))

        error = refusal(lambda: consent_withdraw(actor=actor_of_login(login), consent=consent))

        assert error.status == 403
        assert selectors.consent_holds(person("Ola"), "gp")

    def test_a_caseworker_at_another_office_cannot_withdraw(
        self, alta_caseworker: Actor, ola_himself: Actor
    ) -> None:
        consent = give(ola_himself, person("Ola"))

        assert refusal(lambda: consent_withdraw(actor=alta_caseworker, consent=consent)).status == (
            403
        )
        assert selectors.consent_holds(person("Ola"), "gp")


class TestAuditOfPeople:
    def test_no_audit_event_of_the_demo_or_of_these_writes_holds_an_identity_number(
        self, vera: Actor, ola_himself: Actor
    ) -> None:
        siri = register(vera)
        person_update(actor=vera, person=siri, version=1, district="Grünerløkka")
        consent = give(ola_himself, person("Ola"))
        consent_withdraw(actor=ola_himself, consent=consent)

        assert AuditEvent.objects.filter(action="person.registered").count() == 10
        assert_no_identity_number_in_audit()
