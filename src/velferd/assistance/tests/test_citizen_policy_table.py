"""Who may apply for financial assistance, write the draft, answer the office's requests and
open the attachments: every citizen-side policy for every demo login.

Built for each test: the demo citizen's (the login "innbygger", at NAV Grünerløkka) draft
and sent application with a request from the office and an attachment each; another
person's draft and sent application at NAV Grünerløkka ("lokka"), and one sent to NAV
Sagene ("sagene")."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from velferd.access import policies
from velferd.access.actor import ANONYMOUS, Actor
from velferd.assistance.models import Attachment, DocumentationRequest
from velferd.core.testing import filter_disagreements, login_actor
from velferd.demo import DEMO_LOGINS
from velferd.people.tests.factories import a_person, at_sagene

from .citizen_builders import a_request, an_attachment, innbygger
from .factories import an_application

pytestmark = pytest.mark.django_db

ASSISTANCE_CITIZEN_QUESTIONS = (
    "apply_for_assistance",
    "view_own_application",
    "edit_application",
    "answer_documentation_request",
    "view_attachment",
)
Y, N = True, False

COLUMNS: tuple[tuple[str, str], ...] = (
    ("apply_for_assistance", ""),
    ("view_own_application", "own_draft"),
    ("view_own_application", "own_sent"),
    ("view_own_application", "lokka_sent"),
    ("edit_application", "own_draft"),
    ("edit_application", "lokka_draft"),
    ("answer_documentation_request", "own_request"),
    ("answer_documentation_request", "lokka_request"),
    ("view_attachment", "own_draft_file"),
    ("view_attachment", "own_sent_file"),
    ("view_attachment", "lokka_draft_file"),
    ("view_attachment", "lokka_sent_file"),
    ("view_attachment", "sagene_sent_file"),
)
# fmt: off
ANSWERS: dict[str, tuple[bool, ...]] = {
    #                  apply  own application    edit        answer      attachment
    #                         draft sent lokka   own  lokka  own  lokka  o-dr o-se l-dr l-se sag
    "veileder":         (N,   N,    N,   N,      N,   N,     N,   N,     N,   N,   N,   N,   N),
    "sosialkonsulent":  (N,   N,    N,   N,      N,   N,     N,   N,     N,   Y,   N,   Y,   N),
    "beslutter":        (N,   N,    N,   N,      N,   N,     N,   N,     N,   N,   N,   N,   N),
    "kontorleder":      (N,   N,    N,   N,      N,   N,     N,   N,     N,   N,   N,   N,   N),
    "ia-radgiver":      (N,   N,    N,   N,      N,   N,     N,   N,     N,   N,   N,   N,   N),
    "fastlege":         (N,   N,    N,   N,      N,   N,     N,   N,     N,   N,   N,   N,   N),
    "leverandor":       (N,   N,    N,   N,      N,   N,     N,   N,     N,   N,   N,   N,   N),
    "arbeidsgiver":     (N,   N,    N,   N,      N,   N,     N,   N,     N,   N,   N,   N,   N),
    "innbygger":        (Y,   Y,    Y,   N,      Y,   N,     Y,   N,     Y,   Y,   N,   N,   N),
    "analytiker":       (N,   N,    N,   N,      N,   N,     N,   N,     N,   N,   N,   N,   N),
    "departement":      (N,   N,    N,   N,      N,   N,     N,   N,     N,   N,   N,   N,   N),
    "admin":            (N,   N,    N,   N,      N,   N,     N,   N,     N,   N,   N,   N,   N),
    "tiltaksforvalter": (N,   N,    N,   N,      N,   N,     N,   N,     N,   N,   N,   N,   N),
    "imdi":             (N,   N,    N,   N,      N,   N,     N,   N,     N,   N,   N,   N,   N),
    "bosetting-drammen": (N,   N,    N,   N,      N,   N,     N,   N,     N,   N,   N,   N,   N),
}
# fmt: on


@dataclass(frozen=True)
class Records:
    own_draft_file: Attachment
    own_sent_file: Attachment
    lokka_draft_file: Attachment
    lokka_sent_file: Attachment
    sagene_sent_file: Attachment
    own_request: DocumentationRequest
    lokka_request: DocumentationRequest

    @property
    def own_draft(self) -> object:
        return self.own_draft_file.application

    @property
    def own_sent(self) -> object:
        return self.own_sent_file.application

    @property
    def lokka_draft(self) -> object:
        return self.lokka_draft_file.application

    @property
    def lokka_sent(self) -> object:
        return self.lokka_sent_file.application


@pytest.fixture
def records() -> Records:
    _actor, ola = innbygger()
    lokka = a_person()
    own_sent = an_application(ola)
    lokka_sent = an_application(lokka)
    return Records(
        own_draft_file=an_attachment(an_application(ola, status="draft")),
        own_sent_file=an_attachment(own_sent),
        lokka_draft_file=an_attachment(an_application(lokka, status="draft")),
        lokka_sent_file=an_attachment(lokka_sent),
        sagene_sent_file=an_attachment(an_application(at_sagene())),
        own_request=a_request(own_sent),
        lokka_request=a_request(lokka_sent),
    )


def ask(actor: Actor, column: int, records: Records) -> bool:
    question, about = COLUMNS[column]
    policy = getattr(policies, f"can_{question}")
    if not about:
        return bool(policy(actor))
    return bool(policy(actor, getattr(records, about)))


def test_the_table_asks_every_question_of_every_demo_login() -> None:
    assert {question for question, _ in COLUMNS} == set(ASSISTANCE_CITIZEN_QUESTIONS)
    assert set(ANSWERS) == {login.username for login in DEMO_LOGINS}
    assert all(len(row) == len(COLUMNS) for row in ANSWERS.values())


def test_the_records_are_what_the_table_assumes(records: Records) -> None:
    offices = (
        records.lokka_sent_file.application.office,
        records.sagene_sent_file.application.office,
    )
    assert [office.unit_number if office else "" for office in offices] == ["0317", "0320"]
    assert not records.own_sent_file.application.person.consent_holds("nav_state")


@pytest.mark.parametrize(
    ("login", "column", "expected"),
    [
        pytest.param(login, column, row[column], id=f"{login}-{' '.join(COLUMNS[column])}")
        for login, row in ANSWERS.items()
        for column in range(len(COLUMNS))
    ],
)
def test_each_login_gets_its_answer(
    records: Records, login: str, column: int, expected: bool
) -> None:
    assert ask(login_actor(login), column, records) is expected


@pytest.mark.parametrize("column", range(len(COLUMNS)))
def test_anonymous_may_do_none_of_it(records: Records, column: int) -> None:
    assert ask(ANONYMOUS, column, records) is False


@pytest.mark.parametrize(
    ("predicate", "list_filter", "rows"),
    [
        ("can_view_own_application", "own_applications", "applications"),
        ("can_edit_application", "applications_editable", "applications"),
        ("can_answer_documentation_request", "documentation_requests_answerable", "requests"),
        ("can_view_attachment", "attachments_visible", "attachments"),
    ],
)
def test_the_list_filters_answer_as_their_predicates(
    records: Records, predicate: str, list_filter: str, rows: str
) -> None:
    from velferd.assistance.models import Application

    querysets = {
        "applications": Application.objects.all(),
        "requests": DocumentationRequest.objects.all(),
        "attachments": Attachment.objects.all(),
    }
    actors = [login_actor(login.username) for login in DEMO_LOGINS] + [ANONYMOUS]
    wrong = filter_disagreements(
        querysets[rows], getattr(policies, predicate), getattr(policies, list_filter), actors
    )
    assert wrong == []
