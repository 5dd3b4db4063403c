"""Who may do what: every policy in access/policies/ for every demo login, anonymous
visitors and actors acting through a token."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from velferd.access import policies, selectors, services
from velferd.access.actor import ANONYMOUS, Actor
from velferd.access.models import ApiToken, User
from velferd.access.roles import Role
from velferd.core.errors import DomainError
from velferd.organisation import selectors as organisation_selectors

pytestmark = pytest.mark.django_db

QUESTIONS = (
    "view_registry",
    "change_registry",
    "manage_users",
    "view_audit_trail",
    "view_own_account",
    "create_api_token",
    "revoke_api_token",  # the token "veileder" owns: its owner and an administrator
)
Y, N = True, False

# What each demo login may do, written out. Columns in the order of QUESTIONS.
# fmt: off
ANSWERS: dict[str, tuple[bool, ...]] = {
    #                  view_reg  change_reg  manage_users  audit  own_acct  create_tok  revoke_tok
    "admin":           (Y,       Y,          Y,            Y,     Y,        Y,          Y),
    "veileder":        (Y,       N,          N,            N,     Y,        Y,          Y),
    "sosialkonsulent": (Y,       N,          N,            N,     Y,        Y,          N),
    "beslutter":       (Y,       N,          N,            N,     Y,        Y,          N),
    "kontorleder":     (Y,       N,          N,            N,     Y,        Y,          N),
    "ia-radgiver":     (Y,       N,          N,            N,     Y,        Y,          N),
    "fastlege":        (Y,       N,          N,            N,     Y,        Y,          N),
    "leverandor":      (Y,       N,          N,            N,     Y,        Y,          N),
    "arbeidsgiver":    (Y,       N,          N,            N,     Y,        Y,          N),
    "innbygger":       (Y,       N,          N,            N,     Y,        N,          N),
    "analytiker":      (Y,       N,          N,            N,     Y,        Y,          N),
    "departement":     (Y,       N,          N,            N,     Y,        Y,          N),
    "tiltaksforvalter": (Y,      N,          N,            N,     Y,        Y,          N),
    "imdi":             (Y,      N,          N,            N,     Y,        Y,          N),
    "bosetting-drammen": (Y,      N,          N,            N,     Y,        Y,          N),
}
# fmt: on
DEMO_LOGINS = list(ANSWERS)

TABLE = [
    pytest.param(question, login, answers[column], id=f"{question}-{login}")
    for column, question in enumerate(QUESTIONS)
    for login, answers in ANSWERS.items()
]

ActorOf = Callable[[str], Actor]


def veileders_token(actor_of_login: ActorOf) -> ApiToken:
    veileder = actor_of_login("veileder")
    token, _ = services.api_token_create(
        actor=veileder, name="portfolio export", role_assignment_id=veileder.assignments[0].pk
    )
    return token


class TestPolicyTable:
    def test_the_tables_cover_every_policy(self) -> None:
        from velferd.assistance.tests.test_citizen_policy_table import (
            ASSISTANCE_CITIZEN_QUESTIONS,
        )
        from velferd.assistance.tests.test_payments_policy_table import PAYMENT_QUESTIONS
        from velferd.assistance.tests.test_policy_table import ASSISTANCE_QUESTIONS
        from velferd.employers.tests.test_policies import EMPLOYER_QUESTIONS
        from velferd.enquiries.tests.test_policies import MINISTRY_QUESTIONS
        from velferd.followup.tests.appeals.test_appeal_policy_table import APPEAL_QUESTIONS
        from velferd.followup.tests.test_coordination_policies import COORDINATION_QUESTIONS
        from velferd.followup.tests.test_followup_policies import FOLLOW_UP_QUESTIONS
        from velferd.funding.tests.test_policy_table import FUNDING_QUESTIONS
        from velferd.participants.tests.test_policy_table import PARTICIPANT_QUESTIONS
        from velferd.people.tests.test_policies import OTHER_QUESTIONS, PERSON_QUESTIONS
        from velferd.procurement.tests.test_policy_table import PROCUREMENT_QUESTIONS
        from velferd.results.tests.test_employment_policy_table import EMPLOYMENT_QUESTIONS
        from velferd.results.tests.test_runs_policy_table import EFFECT_QUESTIONS
        from velferd.schemes.tests.test_policy_table import SCHEME_QUESTIONS
        from velferd.settlement.tests.test_policy_table import SETTLEMENT_QUESTIONS
        from velferd.sickleave.tests.test_policies import SICK_LEAVE_QUESTIONS

        names = {name[4:] for name in vars(policies) if name.startswith("can_")}
        tables = {
            *QUESTIONS,
            *PERSON_QUESTIONS,
            *OTHER_QUESTIONS,
            *MINISTRY_QUESTIONS,
            *COORDINATION_QUESTIONS,
            *FOLLOW_UP_QUESTIONS,
            *APPEAL_QUESTIONS,
            *EMPLOYER_QUESTIONS,
            *SICK_LEAVE_QUESTIONS,
            *SCHEME_QUESTIONS,
            *PROCUREMENT_QUESTIONS,
            *FUNDING_QUESTIONS,
            *PARTICIPANT_QUESTIONS,
            *EMPLOYMENT_QUESTIONS,
            *EFFECT_QUESTIONS,
            *ASSISTANCE_QUESTIONS,
            *ASSISTANCE_CITIZEN_QUESTIONS,
            *PAYMENT_QUESTIONS,
            *SETTLEMENT_QUESTIONS,
        }
        assert names == tables

    def test_the_table_covers_every_demo_login(self) -> None:
        assert set(User.objects.values_list("username", flat=True)) >= set(DEMO_LOGINS)
        assert len(DEMO_LOGINS) == 15
        assert all(len(answers) == len(QUESTIONS) for answers in ANSWERS.values())

    @pytest.mark.parametrize(("question", "login", "expected"), TABLE)
    def test_each_login_gets_the_answer_its_role_deserves(
        self, actor_of_login: ActorOf, question: str, login: str, expected: bool
    ) -> None:
        policy = getattr(policies, f"can_{question}")
        args = [veileders_token(actor_of_login)] if question == "revoke_api_token" else []
        assert policy(actor_of_login(login), *args) is expected


class TestAnonymous:
    @pytest.mark.parametrize(
        "question",
        [
            "change_registry",
            "manage_users",
            "view_audit_trail",
            "view_own_account",
            "create_api_token",
        ],
    )
    def test_anonymous_is_refused(self, question: str) -> None:
        assert getattr(policies, f"can_{question}")(ANONYMOUS) is False

    def test_anonymous_may_not_revoke_a_token(self, actor_of_login: ActorOf) -> None:
        assert policies.can_revoke_api_token(ANONYMOUS, veileders_token(actor_of_login)) is False

    def test_anonymous_may_view_the_registry(self) -> None:
        assert policies.can_view_registry(ANONYMOUS) is True


class TestRequire:
    def test_an_allowed_question_passes_quietly(self, actor_of_login: ActorOf) -> None:
        policies.require(actor_of_login("admin"), policies.can_manage_users)

    def test_anonymous_is_told_to_log_in_with_401(self) -> None:
        with pytest.raises(DomainError) as caught:
            policies.require(ANONYMOUS, policies.can_view_own_account)
        assert caught.value.status == 401
        assert caught.value.code == "not_authenticated"
        assert caught.value.message_en == "You must log in."

    def test_the_wrong_role_is_refused_with_403(self, actor_of_login: ActorOf) -> None:
        with pytest.raises(DomainError) as caught:
            policies.require(actor_of_login("veileder"), policies.can_view_audit_trail)
        assert caught.value.status == 403
        assert caught.value.code == "forbidden"

    def test_a_question_with_an_object_is_passed_the_object(self, actor_of_login: ActorOf) -> None:
        token = veileders_token(actor_of_login)
        policies.require(actor_of_login("veileder"), policies.can_revoke_api_token, token)
        with pytest.raises(DomainError) as caught:
            policies.require(actor_of_login("beslutter"), policies.can_revoke_api_token, token)
        assert caught.value.status == 403

    def test_the_system_itself_is_not_asked(self, system: Actor) -> None:
        policies.require(system, policies.can_manage_users)
        policies.require(system, policies.can_view_audit_trail)


class TestActorThroughToken:
    """A token carries one role, even when its owner holds several."""

    @pytest.fixture
    def admin_and_caseworker(self, system: Actor) -> User:
        user = services.user_create(
            actor=system, username="dobbel", full_name="Dag Dobbel", password=None
        )
        services.role_assign(actor=system, user=user, role=Role.ADMINISTRATOR)
        services.role_assign(
            actor=system,
            user=user,
            role=Role.CASEWORKER_STATE,
            office=organisation_selectors.office("0317"),
        )
        return user

    def token_actor(self, user: User, role: str) -> Actor:
        session_actor = selectors.actor_for_user(user)
        assignment = session_actor.assignments_for(role)[0]
        _, secret = services.api_token_create(
            actor=session_actor, name=f"as {role}", role_assignment_id=assignment.pk
        )
        actor = selectors.actor_for_token(secret)
        assert actor is not None
        return actor

    def test_the_session_actor_holds_both_roles(self, admin_and_caseworker: User) -> None:
        actor = selectors.actor_for_user(admin_and_caseworker)
        assert actor.roles == {Role.ADMINISTRATOR, Role.CASEWORKER_STATE}
        assert policies.can_change_registry(actor)

    def test_a_caseworker_token_has_only_the_caseworker_role(
        self, admin_and_caseworker: User
    ) -> None:
        actor = self.token_actor(admin_and_caseworker, Role.CASEWORKER_STATE)
        assert actor.roles == {Role.CASEWORKER_STATE}
        assert not policies.can_change_registry(actor)
        assert not policies.can_view_audit_trail(actor)
        assert not policies.can_manage_users(actor)
        assert policies.can_view_own_account(actor)

    def test_an_administrator_token_may_read_but_not_manage_users(
        self, admin_and_caseworker: User
    ) -> None:
        actor = self.token_actor(admin_and_caseworker, Role.ADMINISTRATOR)
        assert actor.roles == {Role.ADMINISTRATOR}
        assert policies.can_view_audit_trail(actor)
        assert policies.can_change_registry(actor)
        assert not policies.can_manage_users(actor)

    def test_a_token_cannot_create_tokens(self, admin_and_caseworker: User) -> None:
        actor = self.token_actor(admin_and_caseworker, Role.CASEWORKER_STATE)
        assert not policies.can_create_api_token(actor)
