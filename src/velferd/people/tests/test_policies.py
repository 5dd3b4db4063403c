"""Who may see and work with which person: every person policy for every demo login, for
people at NAV Grünerløkka (an ordinary person, one with a confidential address, one strictly
confidential, an office employee) and for staff of another office."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from velferd.access import policies
from velferd.access.actor import ANONYMOUS, Actor, system_actor
from velferd.access.models import User
from velferd.core.testing import staff_at
from velferd.followup.models import AssessmentStatus, NeedGroup
from velferd.followup.tests.factories import an_assessment
from velferd.organisation.selectors import office
from velferd.people.models import Person

from .factories import a_person, citizen_of, confidential, office_employee, strictly_confidential

pytestmark = pytest.mark.django_db

PERSON_QUESTIONS = (
    "know_person_exists",
    "view_person",
    "change_person",
    "view_person_address",
    "manage_consents",
    "view_access_log",
    "follow_up",
    "assign_caseworker",
    "take_part_in_plan",
)
# Asked about something other than a person; tested one by one below.
OTHER_QUESTIONS = (
    "list_persons",
    "register_person",
    "move_person",
    "approve_assessment",
    "record_consent",
    "lower_address_protection",
)
Y, N = True, False

# For an ordinary person at NAV Grünerløkka; "innbygger" stands for the person's own
# citizen login.
# fmt: off
OLA: dict[str, tuple[bool, ...]] = {
    #                  exists view  change address consents log  follow assign plan
    "veileder":        (Y,     Y,    Y,     Y,      Y,       N,   Y,     N,     Y),
    "sosialkonsulent": (Y,     Y,    Y,     Y,      Y,       N,   Y,     N,     Y),
    "beslutter":       (Y,     Y,    N,     Y,      N,       N,   N,     N,     N),
    "kontorleder":     (Y,     Y,    Y,     Y,      Y,       N,   Y,     Y,     Y),
    "ia-radgiver":     (Y,     N,    N,     N,      N,       N,   N,     N,     N),
    "fastlege":        (Y,     N,    N,     N,      N,       N,   N,     N,     N),
    "leverandor":      (Y,     N,    N,     N,      N,       N,   N,     N,     N),
    "arbeidsgiver":    (Y,     N,    N,     N,      N,       N,   N,     N,     N),
    "innbygger":       (Y,     Y,    N,     Y,      Y,       Y,   N,     N,     Y),
    "analytiker":      (Y,     N,    N,     N,      N,       N,   N,     N,     N),
    "departement":     (Y,     N,    N,     N,      N,       N,   N,     N,     N),
    "admin":           (Y,     N,    N,     N,      N,       N,   N,     N,     N),
}
# fmt: on

Lookup = Callable[[str], Actor]


def actor_about(actor_of_login: Lookup, login: str, someone: Person) -> Actor:
    """The login's actor, "innbygger" being the person's own citizen login."""
    return citizen_of(someone) if login == "innbygger" else actor_of_login(login)


def test_every_person_question_is_in_the_table() -> None:
    assert all(len(answers) == len(PERSON_QUESTIONS) for answers in OLA.values())


@pytest.mark.parametrize(
    ("question", "login", "expected"),
    [
        pytest.param(q, login, answers[i], id=f"{q}-{login}")
        for i, q in enumerate(PERSON_QUESTIONS)
        for login, answers in OLA.items()
    ],
)
def test_each_login_gets_its_answer_about_an_ordinary_person(
    actor_of_login: Lookup, question: str, login: str, expected: bool
) -> None:
    policy, someone = getattr(policies, f"can_{question}"), a_person()
    assert policy(actor_about(actor_of_login, login, someone), someone) is expected


@pytest.mark.parametrize("question", PERSON_QUESTIONS)
def test_anonymous_may_do_nothing_but_know_an_ordinary_person_exists(question: str) -> None:
    policy = getattr(policies, f"can_{question}")
    assert policy(ANONYMOUS, a_person()) is (question == "know_person_exists")


class TestStrictlyConfidential:
    @pytest.mark.parametrize("login", ["veileder", "kontorleder", "beslutter", "admin"])
    def test_does_not_exist_for_anyone_not_cleared(
        self, actor_of_login: Lookup, login: str
    ) -> None:
        per = strictly_confidential()
        assert not policies.can_know_person_exists(actor_of_login(login), per)
        assert not policies.can_view_person(actor_of_login(login), per)

    def test_exists_for_a_cleared_caseworker_at_the_office(self, actor_of_login: Lookup) -> None:
        User.objects.filter(username="veileder").update(cleared_strictly_confidential=True)
        per = strictly_confidential()
        assert policies.can_view_person(actor_of_login("veileder"), per)
        assert not policies.can_view_person_address(actor_of_login("veileder"), per)


class TestOfficeEmployee:
    def test_hidden_from_colleagues_without_clearance(self, actor_of_login: Lookup) -> None:
        nina = office_employee()
        assert policies.can_know_person_exists(actor_of_login("veileder"), nina)
        assert not policies.can_view_person(actor_of_login("veileder"), nina)

    def test_visible_to_a_cleared_caseworker(self, actor_of_login: Lookup) -> None:
        User.objects.filter(username="veileder").update(cleared_office_employees=True)
        assert policies.can_view_person(actor_of_login("veileder"), office_employee())


def test_confidential_address_is_never_shown_to_staff(actor_of_login: Lookup) -> None:
    sofie = confidential()
    assert policies.can_view_person(actor_of_login("veileder"), sofie)
    assert not policies.can_view_person_address(actor_of_login("veileder"), sofie)


def test_approver_cannot_approve_their_own_assessment(actor_of_login: Lookup) -> None:
    waiting = an_assessment(
        status=AssessmentStatus.AWAITING_APPROVAL,
        need_group=NeedGroup.PERMANENT,
        author=actor_of_login("veileder").user,
    )
    assert policies.can_approve_assessment(actor_of_login("beslutter"), waiting)
    assert not policies.can_approve_assessment(actor_of_login("veileder"), waiting)
    assert not policies.can_approve_assessment(actor_of_login("kontorleder"), waiting)


@pytest.mark.parametrize(
    ("login", "expected"),
    [
        ("veileder", True),
        ("sosialkonsulent", True),
        ("kontorleder", True),
        ("beslutter", False),
        ("innbygger", False),
        ("admin", False),
    ],
)
def test_caseworkers_register_people_at_their_own_office(
    actor_of_login: Lookup, login: str, expected: bool
) -> None:
    from velferd.organisation.selectors import office

    assert policies.can_register_person(actor_of_login(login), office("0317")) is expected
    assert not policies.can_register_person(actor_of_login(login), office("0320"))


def test_staff_of_another_office_see_nobody_here() -> None:
    assert not policies.can_view_person(staff_at("0320", "sagene-veileder"), a_person())


@pytest.mark.parametrize(
    ("login", "service", "expected"),
    [
        ("innbygger", "nav_state", True),
        ("sosialkonsulent", "nav_state", True),
        ("veileder", "nav_state", False),
        ("kontorleder", "nav_state", False),
        ("beslutter", "nav_state", False),
        ("veileder", "gp", True),
        ("sosialkonsulent", "gp", True),
        ("fastlege", "gp", False),
    ],
)
def test_who_records_which_consent_for_a_person(
    actor_of_login: Lookup, login: str, service: str, expected: bool
) -> None:
    """The consent that opens the municipal records to the state side comes from the person
    or is recorded by the municipality's side, never by the side it opens the records to."""
    someone = a_person()
    actor = actor_about(actor_of_login, login, someone)
    assert policies.can_record_consent(actor, someone, service) is expected


def test_only_a_cleared_caseworker_lowers_an_address_protection(actor_of_login: Lookup) -> None:
    sofie = confidential()
    assert not policies.can_lower_address_protection(actor_of_login("veileder"), sofie)
    User.objects.filter(username__in=["veileder", "beslutter"]).update(
        cleared_strictly_confidential=True
    )
    assert policies.can_lower_address_protection(actor_of_login("veileder"), sofie)
    assert not policies.can_lower_address_protection(actor_of_login("beslutter"), sofie)


@pytest.mark.parametrize(
    ("before", "after", "lowers"),
    [
        ("confidential", "none", True),
        ("strictly_confidential", "confidential", True),
        ("strictly_confidential_abroad", "none", True),
        ("strictly_confidential", "strictly_confidential_abroad", False),
        ("none", "confidential", False),
        ("confidential", "confidential", False),
    ],
)
def test_which_changes_lower_a_protection(before: str, after: str, lowers: bool) -> None:
    assert policies.lowers_address_protection(before, after) is lowers


# The people list, moves and the consent's document -----------------------------------------

OFFICE_STAFF_LOGINS = ("veileder", "sosialkonsulent", "beslutter", "kontorleder")


@pytest.mark.parametrize("login", list(OLA))
def test_the_people_list_is_for_the_offices_staff(actor_of_login: Lookup, login: str) -> None:
    assert policies.can_list_persons(actor_of_login(login)) is (login in OFFICE_STAFF_LOGINS)


def test_anonymous_lists_no_people() -> None:
    assert not policies.can_list_persons(ANONYMOUS)


@pytest.mark.parametrize("login", list(OLA))
def test_whoever_may_change_a_person_moves_them_into_any_offices_area(
    actor_of_login: Lookup, login: str
) -> None:
    someone, actor = a_person(), actor_of_login(login)
    for destination in ("0317", "0320", "5601"):
        assert policies.can_move_person(actor, someone, office(destination)) is (
            policies.can_change_person(actor, someone)
        )


def test_staff_of_another_office_move_nobody_from_here() -> None:
    sagene = staff_at("0320", "sagene-veileder")
    assert not policies.can_move_person(sagene, a_person(), office("0320"))


@pytest.mark.parametrize(
    ("login", "service", "needed"),
    [
        ("sosialkonsulent", "nav_state", True),
        ("innbygger", "nav_state", False),
        ("sosialkonsulent", "gp", False),
        ("veileder", "gp", False),
    ],
)
def test_a_consent_opening_the_municipal_records_rests_on_a_document_when_staff_record_it(
    actor_of_login: Lookup, login: str, service: str, needed: bool
) -> None:
    someone = a_person()
    actor = actor_about(actor_of_login, login, someone)
    assert policies.needs_consent_document(actor, someone, service) is needed


def test_the_system_loading_a_consent_names_no_document() -> None:
    assert not policies.needs_consent_document(system_actor("tests"), a_person(), "nav_state")


def test_allows_lets_the_system_through_and_asks_the_policy_for_everyone_else(
    actor_of_login: Lookup,
) -> None:
    assert policies.allows(system_actor("tests"), policies.can_list_persons)
    assert policies.allows(actor_of_login("veileder"), policies.can_list_persons)
    assert not policies.allows(actor_of_login("innbygger"), policies.can_list_persons)
    assert not policies.allows(ANONYMOUS, policies.can_list_persons)
