"""The citizen's application: the draft they keep, what they write in it with every mistake
refused in both languages, the household and money, and sending it: a reference of the
year and the office of where they live. Nothing half-written on a refusal."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from velferd.access.actor import Actor
from velferd.assistance.models import Application, ApplicationStatus
from velferd.assistance.services import applications as services
from velferd.audit.models import AuditEvent
from velferd.core.testing import login_actor, refusal
from velferd.people.models import Person

from .citizen_builders import innbygger
from .factories import an_application

pytestmark = pytest.mark.django_db

GOOD = {
    "purposes": ["living_costs", "electricity"],
    "amount_applied": "4 500,50",
    "explanation": "Lønna kom ikke denne måneden.",
    "housing_kind": "rented",
    "housing_cost": "9800",
    "electricity_cost": "",
    "bank_account": "8601 11 17947",
    "emergency": False,
}


@pytest.fixture
def ola() -> tuple[Actor, Person]:
    actor, person = innbygger()
    Application.objects.filter(person=person, status=ApplicationStatus.DRAFT).delete()
    return actor, person


def counts() -> tuple[int, int, list[int]]:
    return (
        Application.objects.count(),
        AuditEvent.objects.count(),
        list(Application.objects.values_list("version", flat=True).order_by("pk")),
    )


def a_filled_draft(actor: Actor) -> Application:
    draft = services.application_start(actor=actor)
    return services.application_save(actor=actor, application=draft, version=1, fields=GOOD)


def test_starting_gives_the_one_draft_the_citizen_has(ola: tuple[Actor, Person]) -> None:
    actor, person = ola
    first = services.application_start(actor=actor)
    again = services.application_start(actor=actor)
    assert first.pk == again.pk
    assert first.status == ApplicationStatus.DRAFT and first.person == person
    assert AuditEvent.objects.filter(action="assistance_application.created").count() >= 1


def test_staff_cannot_start_an_application() -> None:
    error = refusal(lambda: services.application_start(actor=login_actor("sosialkonsulent")))
    assert error.status == 403


def test_the_draft_keeps_what_was_written(ola: tuple[Actor, Person]) -> None:
    actor, _ = ola
    saved = a_filled_draft(actor)
    saved.refresh_from_db()
    assert saved.amount_applied == Decimal("4500.50")
    assert saved.bank_account == "86011117947"
    assert saved.purposes == ["living_costs", "electricity"]
    assert saved.electricity_cost is None and saved.version == 2


@pytest.mark.parametrize(
    ("field", "value", "code", "message_nb"),
    [
        ("bank_account", "1234 56 78901", "invalid_bank_account", "ikke et gyldig kontonummer"),
        ("amount_applied", "-200", "amount_out_of_range", "over 0 og høyst 500 000"),
        ("amount_applied", "9999999", "amount_out_of_range", "over 0 og høyst 500 000"),
        ("amount_applied", "mye", "not_an_amount", "«mye» er ikke et beløp"),
        ("housing_cost", "-1", "amount_out_of_range", "0 eller mer"),
        ("housing_kind", "castle", "unknown_housing", "Velg hvordan du bor"),
        ("purposes", ["holiday"], "unknown_purpose", "Ukjent formål: holiday"),
    ],
)
def test_a_mistake_is_refused_by_its_field_and_nothing_is_written(
    ola: tuple[Actor, Person], field: str, value: object, code: str, message_nb: str
) -> None:
    actor, _ = ola
    draft = services.application_start(actor=actor)
    error = refusal(
        lambda: services.application_save(
            actor=actor, application=draft, version=1, fields={**GOOD, field: value}
        ),
        unchanged=counts,
    )
    assert (error.code, error.field, error.status) == (code, field, 422)
    assert message_nb in error.message_nb and error.message_en


def test_a_stale_version_is_refused(ola: tuple[Actor, Person]) -> None:
    actor, _ = ola
    draft = a_filled_draft(actor)
    error = refusal(
        lambda: services.application_save(actor=actor, application=draft, version=1, fields=GOOD),
        unchanged=counts,
    )
    assert error.status == 409 and error.code == "stale_version"


def test_someone_elses_draft_cannot_be_written() -> None:
    draft = an_application(status=ApplicationStatus.DRAFT)
    actor, _ = innbygger()
    error = refusal(
        lambda: services.application_save(actor=actor, application=draft, version=1, fields=GOOD)
    )
    assert error.status == 403


def test_household_and_money_are_added_and_removed(ola: tuple[Actor, Person]) -> None:
    actor, _ = ola
    draft = a_filled_draft(actor)
    child = services.household_add(
        actor=actor,
        application=draft,
        version=2,
        relation="child",
        name="Lise",
        birth_date=datetime.date(2019, 3, 1),
    )
    item = services.money_add(
        actor=actor, application=draft, version=3, kind="child_benefit", amount="1766"
    )
    assert [(m.relation, m.name) for m in draft.household.all()] == [("child", "Lise")]
    assert draft.money.get().amount == Decimal("1766")
    services.household_remove(actor=actor, application=draft, version=4, member_id=child.pk)
    services.money_remove(actor=actor, application=draft, version=5, item_id=item.pk)
    draft.refresh_from_db()
    assert draft.version == 6 and not draft.household.exists() and not draft.money.exists()


def test_a_grown_up_is_not_a_child(ola: tuple[Actor, Person]) -> None:
    actor, _ = ola
    draft = services.application_start(actor=actor)
    error = refusal(
        lambda: services.household_add(
            actor=actor,
            application=draft,
            version=1,
            relation="child",
            name="Per",
            birth_date=timezone.localdate().replace(year=timezone.localdate().year - 25),
        ),
        unchanged=counts,
    )
    assert error.code == "child_is_adult" and error.field == "birth_date"


def test_an_absurd_income_is_refused(ola: tuple[Actor, Person]) -> None:
    actor, _ = ola
    draft = services.application_start(actor=actor)
    error = refusal(
        lambda: services.money_add(
            actor=actor, application=draft, version=1, kind="salary", amount="-5"
        ),
        unchanged=counts,
    )
    assert error.field == "amount" and "0 eller mer" in error.message_nb


def test_sending_gives_a_reference_and_the_office_of_where_they_live(
    ola: tuple[Actor, Person],
) -> None:
    actor, person = ola
    draft = a_filled_draft(actor)
    sent = services.application_submit(actor=actor, application=draft, version=2)
    year = timezone.localdate().year
    assert sent.reference is not None and sent.reference.startswith(f"SOS-{year}-")
    assert len(sent.reference) == len("SOS-2026-000001")
    assert sent.office_id == person.office_id and sent.municipality_id == person.municipality_id
    assert sent.status == ApplicationStatus.SUBMITTED and sent.submitted_at is not None
    assert AuditEvent.objects.filter(
        action="assistance_application.sent", target_id=str(sent.pk)
    ).exists()


def test_references_count_up_in_the_year(ola: tuple[Actor, Person]) -> None:
    actor, _ = ola
    year = timezone.localdate().year
    an_application(reference=f"SOS-{year}-999417")
    sent = services.application_submit(actor=actor, application=a_filled_draft(actor), version=2)
    assert sent.reference == f"SOS-{year}-999418"


def test_an_emergency_goes_to_the_office_flagged(ola: tuple[Actor, Person]) -> None:
    actor, _ = ola
    draft = services.application_start(actor=actor)
    services.application_save(
        actor=actor,
        application=draft,
        version=1,
        fields={**GOOD, "purposes": ["emergency"], "emergency": False},
    )
    sent = services.application_submit(actor=actor, application=draft, version=2)
    assert sent.emergency is True


def test_an_incomplete_draft_is_not_sent(ola: tuple[Actor, Person]) -> None:
    actor, _ = ola
    draft = services.application_start(actor=actor)
    error = refusal(
        lambda: services.application_submit(actor=actor, application=draft, version=1),
        unchanged=counts,
    )
    assert error.field == "purposes" and error.message_en == "Choose what you apply for."


def test_a_sent_application_cannot_be_changed(ola: tuple[Actor, Person]) -> None:
    actor, _ = ola
    sent = services.application_submit(actor=actor, application=a_filled_draft(actor), version=2)
    error = refusal(
        lambda: services.application_save(
            actor=actor, application=sent, version=sent.version, fields=GOOD
        ),
        unchanged=counts,
    )
    assert error.status == 409 and error.code == "application_sent"
