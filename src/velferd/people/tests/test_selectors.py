"""Who sees which people: the lists and the search leave out whom the actor may not see, a
person outside the actor's scope is 403, a strictly confidential person is 404 to anyone not
cleared, every read by staff is logged with its purpose, and the person sees that log. And
whether a consent holds, day by day."""

from __future__ import annotations

import datetime
import uuid
from collections.abc import Callable
from functools import partial

import pytest
from django.db import connection
from django.utils import timezone

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
from velferd.people.services import consent_give, consent_withdraw, link_user, person_register

pytestmark = pytest.mark.django_db

Lookup = Callable[[str], Actor]

# Visible to every member of staff at NAV Grünerløkka, in the list's order (family name).
EVERYDAY = [
    "Ahmed Ali",
    "Sofie Berg",
    "Kari Hansen",
    "Lars Larsen",
    "Jonas Lie",
    "Ola Nordmann",
    "Maria Olsen",
]
ON_SQLITE = connection.vendor == "sqlite"


def person(given_name: str) -> Person:
    return Person.objects.get(given_name=given_name)


def names(found: object) -> list[str]:
    return [p.full_name for p in found]  # type: ignore[attr-defined]


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


class TestPersonsVisibleTo:
    @pytest.mark.parametrize("login", ["veileder", "sosialkonsulent", "beslutter", "kontorleder"])
    def test_staff_of_the_office_see_its_people_but_not_the_hidden_ones(
        self, actor_of_login: Lookup, login: str
    ) -> None:
        assert names(selectors.persons_visible_to(actor=actor_of_login(login))) == EVERYDAY

    def test_a_caseworker_cleared_for_strictly_confidential_people_also_sees_them(
        self, actor_of_login: Lookup
    ) -> None:
        clear("veileder", cleared_strictly_confidential=True)

        found = names(selectors.persons_visible_to(actor=actor_of_login("veileder")))

        assert found == sorted([*EVERYDAY, "Per Skjult"], key=lambda n: n.split()[-1])

    def test_a_caseworker_cleared_for_office_employees_also_sees_them(
        self, actor_of_login: Lookup
    ) -> None:
        clear("veileder", cleared_office_employees=True)

        found = names(selectors.persons_visible_to(actor=actor_of_login("veileder")))

        assert found == ["Ahmed Ali", "Nina Ansatt", *EVERYDAY[1:]]

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

        assert names(selectors.persons_visible_to(actor=sagene)) == ["Sverre Sagen"]

    @pytest.mark.parametrize(
        "login", ["innbygger", "admin", "fastlege", "analytiker", "ia-radgiver", "arbeidsgiver"]
    )
    def test_people_who_are_not_office_staff_see_nobody_in_the_list(
        self, actor_of_login: Lookup, login: str
    ) -> None:
        assert names(selectors.persons_visible_to(actor=actor_of_login(login))) == []

    def test_anonymous_sees_nobody(self) -> None:
        assert names(selectors.persons_visible_to(actor=ANONYMOUS)) == []


class TestSearch:
    @pytest.mark.parametrize("query", ["ola", "NORDMANN", " nord ", "ola nordmann", "nordmann ola"])
    def test_a_search_by_name_finds_the_person_whatever_the_case_and_order(
        self, actor_of_login: Lookup, query: str
    ) -> None:
        found = selectors.persons_visible_to(actor=actor_of_login("veileder"), query=query)

        assert names(found) == ["Ola Nordmann"]

    def test_every_word_of_the_search_must_match(self, actor_of_login: Lookup) -> None:
        found = selectors.persons_visible_to(actor=actor_of_login("veileder"), query="ola hansen")

        assert names(found) == []

    def test_a_search_by_the_full_identity_number_finds_the_person(
        self, actor_of_login: Lookup
    ) -> None:
        ola = person("Ola")

        found = selectors.persons_visible_to(
            actor=actor_of_login("veileder"), query=ola.national_id
        )

        assert names(found) == ["Ola Nordmann"]

    def test_part_of_an_identity_number_finds_nobody(self, actor_of_login: Lookup) -> None:
        part = person("Ola").national_id[:6]

        assert (
            names(selectors.persons_visible_to(actor=actor_of_login("veileder"), query=part)) == []
        )

    def test_a_search_by_the_identity_number_written_with_a_space_finds_the_person(
        self, actor_of_login: Lookup
    ) -> None:
        number = person("Ola").national_id
        query = f"{number[:6]} {number[6:]}"

        found = selectors.persons_visible_to(actor=actor_of_login("veileder"), query=query)

        assert names(found) == ["Ola Nordmann"]

    def test_a_strictly_confidential_person_is_not_found_by_name_or_number_when_not_cleared(
        self, actor_of_login: Lookup
    ) -> None:
        per = person("Per")
        vera = actor_of_login("veileder")

        assert names(selectors.persons_visible_to(actor=vera, query="skjult")) == []
        assert names(selectors.persons_visible_to(actor=vera, query=per.national_id)) == []

        clear("veileder", cleared_strictly_confidential=True)
        vera = actor_of_login("veileder")
        assert names(selectors.persons_visible_to(actor=vera, query=per.national_id)) == [
            "Per Skjult"
        ]

    def test_an_office_employee_is_not_found_by_colleagues_without_clearance(
        self, actor_of_login: Lookup
    ) -> None:
        nina = person("Nina")
        vera = actor_of_login("veileder")

        assert names(selectors.persons_visible_to(actor=vera, query="nina")) == []
        assert names(selectors.persons_visible_to(actor=vera, query=nina.national_id)) == []

    def test_staff_of_another_office_do_not_find_the_person_by_number(self) -> None:
        sagene = staff_at("0320", "sagene-veileder")

        found = selectors.persons_visible_to(actor=sagene, query=person("Ola").national_id)

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
        ola = person("Ola")
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
        ola = person("Ola")

        read(actor_of_login("veileder"), ola)
        read(actor_of_login("beslutter"), ola, purpose="Godkjenne vedtak")

        logged = AccessEvent.objects.filter(subject_id=str(ola.pk))
        assert sorted(logged.values_list("purpose", flat=True)) == [
            "Godkjenne vedtak",
            "oppfølging",
        ]

    def test_the_person_reading_themself_is_not_logged(self, actor_of_login: Lookup) -> None:
        ola = person("Ola")

        found = read(actor_of_login("innbygger"), ola)

        assert found == ola
        assert not AccessEvent.objects.filter(subject_id=str(ola.pk)).exists()

    def test_a_strictly_confidential_person_is_404_to_an_uncleared_caseworker(
        self, actor_of_login: Lookup
    ) -> None:
        error = refusal(lambda: read(actor_of_login("veileder"), person("Per")))

        assert (error.code, error.status, error.field) == ("not_found", 404, "person")

    def test_a_strictly_confidential_person_is_404_just_like_an_unknown_one(
        self, actor_of_login: Lookup
    ) -> None:
        vera = actor_of_login("veileder")

        hidden = refusal(lambda: read(vera, person("Per")))
        unknown = refusal(lambda: read(vera, uuid.uuid4()))

        assert hidden.as_dict() == unknown.as_dict()

    def test_a_cleared_caseworker_reads_a_strictly_confidential_person_and_it_is_logged(
        self, actor_of_login: Lookup
    ) -> None:
        clear("veileder", cleared_strictly_confidential=True)
        per = person("Per")

        assert read(actor_of_login("veileder"), per) == per
        assert AccessEvent.objects.filter(subject_id=str(per.pk)).count() == 1

    def test_a_strictly_confidential_person_reads_themself(self, actor_of_login: Lookup) -> None:
        per = person("Per")
        login = User.objects.create(username="per")
        link_user(actor=actor_of_login("admin"), person=per, user=login)

        assert read(actor_for_user(login), per) == per
        assert not AccessEvent.objects.filter(subject_id=str(per.pk)).exists()

    def test_an_office_employee_is_403_to_an_uncleared_colleague(
        self, actor_of_login: Lookup
    ) -> None:
        error = refusal(lambda: read(actor_of_login("veileder"), person("Nina")))

        assert (error.code, error.status) == ("forbidden", 403)

    def test_an_office_employee_is_readable_by_a_cleared_caseworker(
        self, actor_of_login: Lookup
    ) -> None:
        clear("veileder", cleared_office_employees=True)

        assert read(actor_of_login("veileder"), person("Nina")).full_name == "Nina Ansatt"

    def test_a_person_at_another_office_is_403(self) -> None:
        sagene = staff_at("0320", "sagene-veileder")

        assert refusal(lambda: read(sagene, person("Ola"))).status == 403

    @pytest.mark.parametrize("login", ["fastlege", "admin", "analytiker", "innbygger"])
    def test_someone_who_is_not_office_staff_or_the_person_is_403(
        self, actor_of_login: Lookup, login: str
    ) -> None:
        assert refusal(lambda: read(actor_of_login(login), person("Kari"))).status == 403

    @pytest.mark.parametrize("person_id", ["not-a-uuid", "", None, 42])
    def test_an_id_that_is_not_a_person_id_is_404(
        self, actor_of_login: Lookup, person_id: object
    ) -> None:
        assert refusal(lambda: read(actor_of_login("veileder"), person_id)).status == 404


class TestAccessLogOf:
    def test_the_person_sees_who_read_their_data_and_why(self, actor_of_login: Lookup) -> None:
        ola = person("Ola")
        read(actor_of_login("veileder"), ola, purpose="Forberede oppfølgingsmøte")
        read(actor_of_login("innbygger"), ola)

        log = selectors.access_log_of(actor=actor_of_login("innbygger"), person=ola)

        assert [(e.actor_label, e.purpose) for e in log] == [
            ("Vera Veileder", "Forberede oppfølgingsmøte")
        ]

    def test_the_log_is_newest_first_and_holds_only_reads_of_this_person(
        self, actor_of_login: Lookup
    ) -> None:
        ola, kari = person("Ola"), person("Kari")
        vera = actor_of_login("veileder")
        read(vera, ola, purpose="første")
        read(vera, kari, purpose="om Kari")
        read(vera, ola, purpose="andre")

        log = selectors.access_log_of(actor=actor_of_login("innbygger"), person=ola)

        assert [e.purpose for e in log] == ["andre", "første"]

    @pytest.mark.parametrize("login", ["veileder", "kontorleder", "admin"])
    def test_staff_cannot_see_a_persons_access_log(
        self, actor_of_login: Lookup, login: str
    ) -> None:
        with pytest.raises(DomainError) as caught:
            selectors.access_log_of(actor=actor_of_login(login), person=person("Ola"))

        assert caught.value.status == 403

    def test_a_citizen_cannot_see_someone_elses_access_log(self, actor_of_login: Lookup) -> None:
        with pytest.raises(DomainError) as caught:
            selectors.access_log_of(actor=actor_of_login("innbygger"), person=person("Kari"))

        assert caught.value.status == 403


# Consents -----------------------------------------------------------------------------------


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
    def gp_consent_in_march(self, clock: Clock, actor_of_login: Lookup) -> None:
        clock.today = STARTS - 10 * DAY
        consent_give(
            actor=actor_of_login("innbygger"),
            person=person("Ola"),
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
        self, clock: Clock, today: datetime.date, holds: bool
    ) -> None:
        clock.today = today

        assert selectors.consent_holds(person("Ola"), "gp") is holds

    @pytest.mark.usefixtures("gp_consent_in_march")
    def test_a_consent_stops_holding_immediately_when_withdrawn(
        self, clock: Clock, actor_of_login: Lookup
    ) -> None:
        clock.today = STARTS + 14 * DAY
        ola = person("Ola")
        assert selectors.consent_holds(ola, "gp")

        consent_withdraw(actor=actor_of_login("innbygger"), consent=ola.consents.get())

        assert not selectors.consent_holds(ola, "gp")
        clock.today = STARTS + 15 * DAY
        assert not selectors.consent_holds(ola, "gp")

    @pytest.mark.usefixtures("gp_consent_in_march")
    def test_a_consent_to_one_partner_service_does_not_hold_for_another(self, clock: Clock) -> None:
        clock.today = STARTS

        assert not selectors.consent_holds(person("Ola"), "child_welfare")
        assert not selectors.consent_holds(person("Kari"), "gp")

    def test_a_new_consent_holds_after_an_earlier_one_was_withdrawn(
        self, actor_of_login: Lookup
    ) -> None:
        ola, ola_himself = person("Ola"), actor_of_login("innbygger")
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
    def test_the_person_and_their_caseworker_open_a_consent(self, actor_of_login: Lookup) -> None:
        today = timezone.localdate()
        consent = consent_give(
            actor=actor_of_login("innbygger"),
            person=person("Ola"),
            partner_service="gp",
            purpose="Fastlegen",
            starts_on=today,
            ends_on=today,
        )

        for login in ("innbygger", "veileder"):
            found = selectors.consent_for(actor=actor_of_login(login), consent_id=str(consent.pk))
            assert found == consent

        with pytest.raises(DomainError) as caught:
            selectors.consent_for(actor=actor_of_login("beslutter"), consent_id=consent.pk)
        assert caught.value.status == 403

    def test_an_unknown_consent_is_404(self, actor_of_login: Lookup) -> None:
        with pytest.raises(DomainError) as caught:
            selectors.consent_for(actor=actor_of_login("veileder"), consent_id=uuid.uuid4())

        assert (caught.value.status, caught.value.field) == (404, "consent")
