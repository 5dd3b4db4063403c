"""Who sees which people: the lists and the search leave out whom the actor may not see, a
person outside the actor's scope is 403, a strictly confidential person is 404 to anyone not
cleared, every read by staff is logged with its purpose, and the person sees that log.
Whether a consent holds is test_consent_selectors'."""

from __future__ import annotations

import datetime
import uuid
from collections.abc import Callable
from functools import partial

import pytest
from django.db import connection

from velferd.access.actor import ANONYMOUS, Actor, system_actor
from velferd.access.models import User
from velferd.access.selectors import actor_for_user
from velferd.audit.models import AccessEvent
from velferd.core import testing
from velferd.core.errors import DomainError
from velferd.core.identifiers import synthetic_national_id
from velferd.core.testing import staff_at
from velferd.people import selectors
from velferd.people.models import Person
from velferd.people.services import link_user, person_register

from .factories import (
    a_person,
    at_sagene,
    citizen_of,
    confidential,
    office_employee,
    strictly_confidential,
)

pytestmark = pytest.mark.django_db

Lookup = Callable[[str], Actor]

ON_SQLITE = connection.vendor == "sqlite"


def names(found: object) -> list[str]:
    return [p.full_name for p in found]  # type: ignore[attr-defined]


# One of each kind of person the lists tell apart: four at NAV Grünerløkka, one at NAV Sagene.
KINDS = {
    "ordinary": "Oda Alm",
    "confidential": "Siri Bergli",
    "strictly_confidential": "Pål Skjulvik",
    "office_employee": "Nora Ansattvik",
    "elsewhere": "Sverre Sagvik",
}


@pytest.fixture
def kinds() -> dict[str, Person]:
    def named(make: Callable[..., Person], kind: str) -> Person:
        given, family = KINDS[kind].split()
        return make(given_name=given, family_name=family)

    return {
        "ordinary": named(a_person, "ordinary"),
        "confidential": named(confidential, "confidential"),
        "strictly_confidential": named(strictly_confidential, "strictly_confidential"),
        "office_employee": named(office_employee, "office_employee"),
        "elsewhere": named(at_sagene, "elsewhere"),
    }


def of_the_kinds(found: object) -> list[str]:
    """The names found of the kinds' people, in the list's order."""
    return [n for n in names(found) if n in KINDS.values()]


def clear(username: str, **clearances: bool) -> None:
    User.objects.filter(username=username).update(**clearances)


def register_at_grunerlokka(given: str, family: str, serial: int, **extra: object) -> Person:
    return person_register(
        actor=system_actor("tests"),
        national_id=synthetic_national_id(datetime.date(1985, 6, 1), serial),
        given_name=given,
        family_name=family,
        municipality_number="0301",
        district="Grünerløkka",
        **extra,  # type: ignore[arg-type]
    )


def reads_logged() -> int:
    return AccessEvent.objects.count()


# A read that must be refused; its refusal, having checked that no read was logged.
refusal = partial(testing.refusal, unchanged=reads_logged)


def read(actor: Actor, who: Person | object, purpose: str = "oppfølging") -> Person:
    person_id = who.pk if isinstance(who, Person) else who
    return selectors.person_for(actor=actor, person_id=person_id, purpose=purpose, what="person")


# Lists and search ---------------------------------------------------------------------------


@pytest.mark.usefixtures("kinds")
class TestPersonsVisibleTo:
    @pytest.mark.parametrize("login", ["veileder", "sosialkonsulent", "beslutter", "kontorleder"])
    def test_staff_of_the_office_see_its_people_but_not_the_hidden_ones(
        self, actor_of_login: Lookup, login: str
    ) -> None:
        found = selectors.persons_visible_to(actor=actor_of_login(login))

        assert of_the_kinds(found) == ["Oda Alm", "Siri Bergli"]

    def test_a_caseworker_cleared_for_strictly_confidential_people_also_sees_them(
        self, actor_of_login: Lookup
    ) -> None:
        clear("veileder", cleared_strictly_confidential=True)

        found = selectors.persons_visible_to(actor=actor_of_login("veileder"))

        assert of_the_kinds(found) == ["Oda Alm", "Siri Bergli", "Pål Skjulvik"]

    def test_a_caseworker_cleared_for_office_employees_also_sees_them(
        self, actor_of_login: Lookup
    ) -> None:
        clear("veileder", cleared_office_employees=True)

        found = selectors.persons_visible_to(actor=actor_of_login("veileder"))

        assert of_the_kinds(found) == ["Oda Alm", "Nora Ansattvik", "Siri Bergli"]

    @pytest.mark.parametrize(
        ("protection", "employee", "visible"),
        [
            pytest.param("none", False, True, id="ordinary"),
            pytest.param("confidential", False, True, id="confidential-address"),
            pytest.param("strictly_confidential", False, False, id="strictly-confidential"),
            pytest.param("strictly_confidential_abroad", False, False, id="strictly-abroad"),
            pytest.param("none", True, False, id="office-employee"),
        ],
    )
    def test_each_kind_of_protected_person_is_left_out_for_an_uncleared_caseworker(
        self, actor_of_login: Lookup, protection: str, employee: bool, visible: bool
    ) -> None:
        register_at_grunerlokka(
            "Tove", "Tangen", 1, address_protection=protection, is_office_employee=employee
        )

        found = names(selectors.persons_visible_to(actor=actor_of_login("veileder")))

        assert ("Tove Tangen" in found) is visible

    def test_staff_of_another_office_see_only_their_own_offices_people(self) -> None:
        sagene = staff_at("0320", "sagene-veileder")
        person_register(
            actor=sagene,
            national_id=synthetic_national_id(datetime.date(1970, 1, 1), 0),
            given_name="Sverre",
            family_name="Sagen",
            municipality_number="0301",
            district="Sagene",
        )

        found = names(selectors.persons_visible_to(actor=sagene))
        assert found == ["Sverre Sagen", "Sverre Sagvik"]

    @pytest.mark.parametrize(
        "login", ["innbygger", "admin", "fastlege", "analytiker", "ia-radgiver", "arbeidsgiver"]
    )
    def test_people_who_are_not_office_staff_see_nobody_in_the_list(
        self, actor_of_login: Lookup, login: str
    ) -> None:
        assert names(selectors.persons_visible_to(actor=actor_of_login(login))) == []

    def test_anonymous_sees_nobody(self) -> None:
        assert names(selectors.persons_visible_to(actor=ANONYMOUS)) == []


@pytest.fixture
def oddvar() -> Person:
    return a_person(given_name="Oddvar", family_name="Fjellvik")


class TestSearch:
    @pytest.mark.parametrize(
        "query", ["oddvar", "FJELLVIK", " fjell ", "oddvar fjellvik", "fjellvik oddvar"]
    )
    @pytest.mark.usefixtures("oddvar")
    def test_a_search_by_name_finds_the_person_whatever_the_case_and_order(
        self, actor_of_login: Lookup, query: str
    ) -> None:
        found = selectors.persons_visible_to(actor=actor_of_login("veileder"), query=query)

        assert names(found) == ["Oddvar Fjellvik"]

    @pytest.mark.usefixtures("oddvar")
    def test_every_word_of_the_search_must_match(self, actor_of_login: Lookup) -> None:
        a_person(given_name="Kari", family_name="Dalvik")

        found = selectors.persons_visible_to(
            actor=actor_of_login("veileder"), query="oddvar dalvik"
        )

        assert names(found) == []

    def test_a_search_by_the_full_identity_number_finds_the_person(
        self, actor_of_login: Lookup, oddvar: Person
    ) -> None:
        found = selectors.persons_visible_to(
            actor=actor_of_login("veileder"), query=oddvar.national_id
        )

        assert names(found) == ["Oddvar Fjellvik"]

    def test_part_of_an_identity_number_finds_nobody(
        self, actor_of_login: Lookup, oddvar: Person
    ) -> None:
        part = oddvar.national_id[:6]

        assert (
            names(selectors.persons_visible_to(actor=actor_of_login("veileder"), query=part)) == []
        )

    def test_a_search_by_the_identity_number_written_with_a_space_finds_the_person(
        self, actor_of_login: Lookup, oddvar: Person
    ) -> None:
        number = oddvar.national_id
        query = f"{number[:6]} {number[6:]}"

        found = selectors.persons_visible_to(actor=actor_of_login("veileder"), query=query)

        assert names(found) == ["Oddvar Fjellvik"]

    def test_a_strictly_confidential_person_is_not_found_by_name_or_number_when_not_cleared(
        self, actor_of_login: Lookup
    ) -> None:
        per = strictly_confidential(given_name="Pål", family_name="Skjulvik")
        vera = actor_of_login("veileder")

        assert names(selectors.persons_visible_to(actor=vera, query="skjulvik")) == []
        assert names(selectors.persons_visible_to(actor=vera, query=per.national_id)) == []

        clear("veileder", cleared_strictly_confidential=True)
        vera = actor_of_login("veileder")
        assert names(selectors.persons_visible_to(actor=vera, query=per.national_id)) == [
            "Pål Skjulvik"
        ]

    def test_an_office_employee_is_not_found_by_colleagues_without_clearance(
        self, actor_of_login: Lookup
    ) -> None:
        nora = office_employee(given_name="Nora", family_name="Ansattvik")
        vera = actor_of_login("veileder")

        assert names(selectors.persons_visible_to(actor=vera, query="nora")) == []
        assert names(selectors.persons_visible_to(actor=vera, query=nora.national_id)) == []

    def test_staff_of_another_office_do_not_find_the_person_by_number(self, oddvar: Person) -> None:
        sagene = staff_at("0320", "sagene-veileder")

        found = selectors.persons_visible_to(actor=sagene, query=oddvar.national_id)

        assert names(found) == []

    def test_a_lower_case_search_finds_a_name_beginning_with_a_norwegian_letter(
        self, actor_of_login: Lookup
    ) -> None:
        register_at_grunerlokka("Øystein", "Ødegård", 2)

        found = selectors.persons_visible_to(
            actor=actor_of_login("veileder"), query="øystein ødegård"
        )

        assert names(found) == ["Øystein Ødegård"]


# One person, and the access log ------------------------------------------------------------


class TestPersonFor:
    def test_a_caseworker_reads_a_person_and_the_read_is_logged_with_its_purpose(
        self, actor_of_login: Lookup
    ) -> None:
        ola = a_person()
        vera = actor_of_login("veileder")

        found = selectors.person_for(
            actor=vera, person_id=str(ola.pk), purpose="Forberede oppfølgingsmøte", what="plan"
        )

        assert found == ola
        event = AccessEvent.objects.order_by("-id").first()
        assert event is not None
        assert event.actor == vera.user
        assert event.actor_label == "Vera Veileder"
        assert (event.actor_role, event.actor_unit) == ("caseworker_state", "NAV Grünerløkka")
        assert (event.subject_type, event.subject_id) == ("people.person", str(ola.pk))
        assert (event.what, event.purpose) == ("plan", "Forberede oppfølgingsmøte")

    def test_every_read_is_logged_again(self, actor_of_login: Lookup) -> None:
        ola = a_person()

        read(actor_of_login("veileder"), ola)
        read(actor_of_login("beslutter"), ola, purpose="Godkjenne vedtak")

        logged = AccessEvent.objects.filter(subject_id=str(ola.pk))
        assert sorted(logged.values_list("purpose", flat=True)) == [
            "Godkjenne vedtak",
            "oppfølging",
        ]

    def test_the_person_reading_themself_is_not_logged(self, actor_of_login: Lookup) -> None:
        ola = a_person()

        found = read(citizen_of(ola), ola)

        assert found == ola
        assert not AccessEvent.objects.filter(subject_id=str(ola.pk)).exists()

    def test_a_strictly_confidential_person_is_404_to_an_uncleared_caseworker(
        self, actor_of_login: Lookup
    ) -> None:
        error = refusal(lambda: read(actor_of_login("veileder"), strictly_confidential()))

        assert (error.code, error.status, error.field) == ("not_found", 404, "person")

    def test_a_strictly_confidential_person_is_404_just_like_an_unknown_one(
        self, actor_of_login: Lookup
    ) -> None:
        vera = actor_of_login("veileder")

        per = strictly_confidential()
        hidden = refusal(lambda: read(vera, per))
        unknown = refusal(lambda: read(vera, uuid.uuid4()))

        assert hidden.as_dict() == unknown.as_dict()

    def test_a_cleared_caseworker_reads_a_strictly_confidential_person_and_it_is_logged(
        self, actor_of_login: Lookup
    ) -> None:
        clear("veileder", cleared_strictly_confidential=True)
        per = strictly_confidential()

        assert read(actor_of_login("veileder"), per) == per
        assert AccessEvent.objects.filter(subject_id=str(per.pk)).count() == 1

    def test_a_strictly_confidential_person_reads_themself(self, actor_of_login: Lookup) -> None:
        per = strictly_confidential()
        login = User.objects.create(username="per")
        link_user(actor=actor_of_login("admin"), person=per, user=login)

        assert read(actor_for_user(login), per) == per
        assert not AccessEvent.objects.filter(subject_id=str(per.pk)).exists()

    def test_an_office_employee_is_403_to_an_uncleared_colleague(
        self, actor_of_login: Lookup
    ) -> None:
        error = refusal(lambda: read(actor_of_login("veileder"), office_employee()))

        assert (error.code, error.status) == ("forbidden", 403)

    def test_an_office_employee_is_readable_by_a_cleared_caseworker(
        self, actor_of_login: Lookup
    ) -> None:
        clear("veileder", cleared_office_employees=True)

        nina = office_employee(given_name="Nina", family_name="Ansattvik")

        assert read(actor_of_login("veileder"), nina).full_name == "Nina Ansattvik"

    def test_a_person_at_another_office_is_403(self) -> None:
        sagene = staff_at("0320", "sagene-veileder")

        someone = a_person()
        assert refusal(lambda: read(sagene, someone)).status == 403

    @pytest.mark.parametrize("login", ["fastlege", "admin", "analytiker", "innbygger"])
    def test_someone_who_is_not_office_staff_or_the_person_is_403(
        self, actor_of_login: Lookup, login: str
    ) -> None:
        someone = a_person()
        assert refusal(lambda: read(actor_of_login(login), someone)).status == 403

    @pytest.mark.parametrize("person_id", ["not-a-uuid", "", None, 42])
    def test_an_id_that_is_not_a_person_id_is_404(
        self, actor_of_login: Lookup, person_id: object
    ) -> None:
        assert refusal(lambda: read(actor_of_login("veileder"), person_id)).status == 404


class TestAccessLogOf:
    def test_the_person_sees_who_read_their_data_and_why(self, actor_of_login: Lookup) -> None:
        ola = a_person()
        own = citizen_of(ola)
        read(actor_of_login("veileder"), ola, purpose="Forberede oppfølgingsmøte")
        read(own, ola)

        log = selectors.access_log_of(actor=own, person=ola)

        assert [(e.actor_label, e.purpose) for e in log] == [
            ("Vera Veileder", "Forberede oppfølgingsmøte")
        ]

    def test_the_log_is_newest_first_and_holds_only_reads_of_this_person(
        self, actor_of_login: Lookup
    ) -> None:
        ola, kari = a_person(), a_person()
        vera = actor_of_login("veileder")
        read(vera, ola, purpose="første")
        read(vera, kari, purpose="om Kari")
        read(vera, ola, purpose="andre")

        log = selectors.access_log_of(actor=citizen_of(ola), person=ola)

        assert [e.purpose for e in log] == ["andre", "første"]

    @pytest.mark.parametrize("login", ["veileder", "kontorleder", "admin"])
    def test_staff_cannot_see_a_persons_access_log(
        self, actor_of_login: Lookup, login: str
    ) -> None:
        with pytest.raises(DomainError) as caught:
            selectors.access_log_of(actor=actor_of_login(login), person=a_person())

        assert caught.value.status == 403

    def test_a_citizen_cannot_see_someone_elses_access_log(self) -> None:
        citizen, someone_else = citizen_of(a_person()), a_person()

        with pytest.raises(DomainError) as caught:
            selectors.access_log_of(actor=citizen, person=someone_else)

        assert caught.value.status == 403
