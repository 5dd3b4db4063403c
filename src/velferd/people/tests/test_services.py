"""Writes to people: registering a person at the office that serves where they live, changing
them (which may move them to another office), linking a login; consents are
test_consent_services'. Every write is audited with the identity number masked; every refusal
has its own code and leaves nothing behind."""

from __future__ import annotations

import datetime
from collections.abc import Callable

import pytest
from pytest_django.fixtures import Settings

from velferd.access import policies
from velferd.access.actor import Actor, system_actor
from velferd.access.models import User
from velferd.access.selectors import actor_for_user
from velferd.audit.models import AuditEvent
from velferd.core.identifiers import mask_national_id, synthetic_national_id
from velferd.core.testing import staff_at
from velferd.organisation import selectors as organisation_selectors
from velferd.people import selectors
from velferd.people.models import Person
from velferd.people.services import (
    consent_withdraw,
    link_user,
    person_update,
)

from .factories import a_person, citizen_of
from .writes import (
    ALTA,
    BORN,
    NEW_ID,
    OSLO,
    REAL_ID,
    assert_no_identity_number_in_audit,
    first_valid,
    give,
    last_event,
    refusal,
    register,
)

pytestmark = pytest.mark.django_db

Lookup = Callable[[str], Actor]

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
        """A number reading tomorrow under the rule before 2032 can only be one issued from
        2032, whose century is unknown: the registry's birth date is asked for, and one
        still to come is refused."""
        tomorrow = datetime.date.today() + datetime.timedelta(days=1)
        number = synthetic_national_id(tomorrow, 0)

        assert refusal(lambda: register(vera, national_id=number)).code == "birth_date_required"
        assert refusal(lambda: register(vera, national_id=number, birth_date=tomorrow)).code == (
            "invalid_birth_date"
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

    def test_moving_to_another_district_moves_the_person_to_that_office(
        self, vera: Actor, kari: Person
    ) -> None:
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
        self, vera: Actor, kari: Person
    ) -> None:
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
        self, vera: Actor, kari: Person
    ) -> None:
        person_update(
            actor=vera,
            person=kari,
            version=1,
            family_name="Dalen Berg",
            language="en",
            needs_interpreter=True,
        )

        kari.refresh_from_db()
        assert (kari.full_name, kari.language, kari.needs_interpreter) == (
            "Kari Dalen Berg",
            "en",
            True,
        )
        event = last_event("person.updated")
        assert event.before is not None and event.after is not None
        assert (event.before["family_name"], event.after["family_name"]) == (
            "Dalen",
            "Dalen Berg",
        )
        assert (event.before["language"], event.after["language"]) == ("nb", "en")

    def test_a_stale_version_is_refused_with_409_and_nothing_changes(
        self, vera: Actor, kari: Person
    ) -> None:
        person_update(actor=vera, person=kari, version=1, given_name="Karianne")

        error = refusal(
            lambda: person_update(actor=vera, person=kari, version=1, district="Sagene")
        )

        assert (error.code, error.status, error.field) == ("stale_version", 409, "version")
        kari.refresh_from_db()
        assert (kari.given_name, kari.district, kari.version) == ("Karianne", "Grünerløkka", 2)

    def test_an_unknown_language_is_refused_and_nothing_changes(
        self, vera: Actor, kari: Person
    ) -> None:
        error = refusal(
            lambda: person_update(
                actor=vera, person=kari, version=1, given_name="Karianne", language="xx"
            )
        )

        assert error.code == "unknown_language"
        kari.refresh_from_db()
        assert (kari.given_name, kari.version) == ("Kari", 1)

    def test_a_blank_name_is_refused(self, vera: Actor, kari: Person) -> None:
        error = refusal(lambda: person_update(actor=vera, person=kari, version=1, given_name=" "))

        assert error.code == "given_name_required"

    @pytest.mark.parametrize("login", ["beslutter", "innbygger", "admin"])
    def test_only_caseworkers_at_the_persons_office_change_them(
        self, actor_of_login: Lookup, login: str, kari: Person
    ) -> None:
        error = refusal(
            lambda: person_update(
                actor=actor_of_login(login), person=kari, version=1, given_name="X"
            )
        )

        assert error.status == 403

    def test_a_caseworker_at_another_office_cannot_change_the_person(
        self, alta_caseworker: Actor, kari: Person
    ) -> None:
        error = refusal(
            lambda: person_update(
                actor=alta_caseworker, person=kari, version=1, municipality_number=ALTA
            )
        )

        assert error.status == 403
        kari.refresh_from_db()
        assert kari.office.name_nb == "NAV Grünerløkka"


# Linking a login ----------------------------------------------------------------------------


class TestLinkUser:
    def test_the_administrator_links_a_login_so_the_person_sees_themself(
        self, actor_of_login: Lookup, kari: Person
    ) -> None:
        login = User.objects.create(username="kari", full_name="Kari Dalen")

        link_user(actor=actor_of_login("admin"), person=kari, user=login)

        assert selectors.own_person(actor=actor_for_user(login)) == kari
        event = last_event("person.user_linked")
        assert event.target_id == str(kari.pk)
        assert event.after == {"user": str(login.pk)}
        assert_no_identity_number_in_audit()

    def test_a_caseworker_cannot_link_a_login(self, vera: Actor, kari: Person) -> None:
        login = User.objects.create(username="kari")

        error = refusal(lambda: link_user(actor=vera, person=kari, user=login))

        assert error.status == 403
        assert selectors.own_person(actor=actor_for_user(login)) is None

    def test_a_login_that_already_acts_as_another_person_is_refused_with_409(
        self, actor_of_login: Lookup, kari: Person
    ) -> None:
        olas_login = citizen_of(a_person()).user

        error = refusal(
            lambda: link_user(actor=actor_of_login("admin"), person=kari, user=olas_login)
        )

        assert error.status == 409


class TestAuditOfPeople:
    def test_no_audit_event_of_the_demo_or_of_these_writes_holds_an_identity_number(
        self, vera: Actor, ola_himself: Actor, ola: Person
    ) -> None:
        registrations = AuditEvent.objects.filter(action="person.registered")
        the_demos = registrations.count()
        siri = register(vera)
        person_update(actor=vera, person=siri, version=1, district="Grünerløkka")
        consent = give(ola_himself, ola)
        consent_withdraw(actor=ola_himself, consent=consent)

        assert the_demos > 0
        assert registrations.count() == the_demos + 1
        assert_no_identity_number_in_audit()
