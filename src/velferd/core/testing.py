"""What the tests share: the refusal of a call and what it must leave unchanged, the audit
trail since a mark, a record as it is stored now, the actors of logins and new staff, and
reading the pages (the rows of a table, the error beside a field, a page in English, a string
as the Norwegian pages show it).

Test code only, imported by tests: like them, it builds users and records of any domain."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

import pytest
from django.db.models import Model, Q, QuerySet
from django.test import Client
from django.utils import translation
from django.utils.translation import gettext

from velferd.access.actor import Actor, system_actor
from velferd.access.models import User
from velferd.access.roles import Role
from velferd.access.selectors import actor_for_user
from velferd.access.services import role_assign
from velferd.audit.models import AuditEvent
from velferd.core.errors import DomainError
from velferd.organisation import selectors as organisation_selectors

Lookup = Callable[[str], Actor]  # the actor of a login: the `actor_of_login` fixture
Login = Callable[[str], Client]  # a client logged in as a login: the `client_as` fixture
M = TypeVar("M", bound=Model)

# Refusals ------------------------------------------------------------------------------------


def refusal(
    call: Callable[[], object], *, unchanged: Callable[[], object] | None = None
) -> DomainError:
    """The DomainError `call` raises. With `unchanged`, what it answers (counts of rows, the
    audit events, the reads logged) must be the same after the refusal as before:
    `refusal(lambda: services.x(...), unchanged=counts)`."""
    before = unchanged() if unchanged is not None else None
    with pytest.raises(DomainError) as caught:
        call()
    if unchanged is not None:
        assert unchanged() == before, "the refused call changed what it must leave alone"
    return caught.value


# The audit trail and the stored records ------------------------------------------------------


def audit_mark() -> int:
    """Where the audit trail ends now: `actions_since(audit_mark())` after a write."""
    last = AuditEvent.objects.order_by("-seq").first()
    return last.seq if last else 0


def actions_since(mark: int) -> list[str]:
    """The actions audited after the mark, in the order they were written."""
    events = AuditEvent.objects.filter(seq__gt=mark).order_by("seq")
    return list(events.values_list("action", flat=True))


def last_event() -> AuditEvent:
    event = AuditEvent.objects.order_by("-seq").first()
    assert event is not None, "nothing audited"
    return event


def reread(record: M) -> M:
    """The record as it is stored now."""
    return type(record)._default_manager.get(pk=record.pk)


def stored_fields(record: Model) -> dict[str, object]:
    """Every column of the record as it is stored now."""
    stored = reread(record)
    return {f.attname: getattr(stored, f.attname) for f in stored._meta.concrete_fields}


# Actors --------------------------------------------------------------------------------------


def login_actor(username: str) -> Actor:
    """The actor of a login that exists (a demo login): login_actor("veileder")."""
    return actor_for_user(User.objects.get(username=username))


def new_user(username: str, role: str, *, full_name: str = "", **units: object) -> Actor:
    """A new login in one role, bound to its units as `role_assign` takes them:
    new_user("sagene-leder", Role.OFFICE_MANAGER, office=office("0320")). Its name is the
    username's unless given."""
    user = User.objects.create(username=username, full_name=full_name or username.title())
    role_assign(actor=system_actor("tests"), user=user, role=role, **units)
    return actor_for_user(user)


def staff_at(unit_number: str, username: str, role: str = Role.CASEWORKER_STATE) -> Actor:
    """A new login working at an office, by its unit number (one other than the demo's NAV
    Grünerløkka, say)."""
    return new_user(username, role, office=organisation_selectors.office(unit_number))


# Pages ---------------------------------------------------------------------------------------


def nb(text: str) -> str:
    """A user-facing string as the Norwegian pages show it."""
    with translation.override("nb"):
        return gettext(text)


def choose_english(client: Client) -> Client:
    """The user presses "English" in the header (pages follow that choice, not the browser's
    Accept-Language)."""
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert response.status_code == 302
    return client


def rows(html: str, testid: str) -> list[str]:
    """The body rows of the table with this data-testid."""
    table = re.search(rf'<table[^>]*data-testid="{testid}".*?</table>', html, flags=re.DOTALL)
    assert table is not None, f"no table {testid}"
    body = re.search(r"<tbody>(.*?)</tbody>", table.group(0), flags=re.DOTALL)
    assert body is not None
    return re.findall(r"<tr[^>]*>(.*?)</tr>", body.group(1), flags=re.DOTALL)


def row_of(html: str, testid: str, text: str) -> str:
    """The one body row of the table with this data-testid that holds `text`."""
    [found] = [r for r in rows(html, testid) if text in r]
    return found


def field_error(html: str, name: str) -> str:
    """The error shown beside a form field, or '' if none."""
    found = re.search(rf'<p [^>]*id="error-{name}"[^>]*>(.*?)</p>', html, flags=re.DOTALL)
    return found.group(1).strip() if found else ""


def summary_errors(html: str) -> dict[str, str]:
    """The error summary's messages, by the field each links to (under "" those that name
    no field, one after the other)."""
    summary = re.search(r'data-testid="error-summary".*?</ul>', html, flags=re.DOTALL)
    if summary is None:
        return {}
    linked = re.findall(r'href="#id_([\w-]+)">(.*?)</a>', summary.group(0))
    apart = re.findall(r'data-testid="form-error">(.*?)</span>', summary.group(0))
    return {**dict(linked), **({"": " ".join(apart)} if apart else {})}


def assert_every_error_shown(html: str, expected: dict[str, str]) -> None:
    """The form pattern: every message at once in the summary, linked to its field; each
    field marked invalid and tied to its message beside it."""
    assert summary_errors(html) == expected
    for name, message in expected.items():
        if not name:
            continue
        field = re.search(rf'<(?:input|select|textarea)[^>]*id="id_{name}"[^>]*>', html)
        assert field is not None, f"no field id_{name}"
        assert 'aria-invalid="true"' in field.group(0), name
        assert f'aria-describedby="error-{name}"' in field.group(0), name
        assert field_error(html, name) == message


def filter_disagreements(
    rows: QuerySet[Any],
    predicate: Callable[[Actor, Any], bool],
    list_filter: Callable[[Actor], Q],
    actors: Iterable[Actor],
) -> list[tuple[str, str]]:
    """Where a list filter and the predicate beside it answer differently: for each actor and
    row, the row is listed exactly when the predicate says yes, or the pair is named here."""
    wrong = []
    for actor in actors:
        listed = set(rows.filter(list_filter(actor)).values_list("pk", flat=True))
        for row in rows:
            if predicate(actor, row) != (row.pk in listed):
                wrong.append((actor.label, str(row)))
    return wrong
