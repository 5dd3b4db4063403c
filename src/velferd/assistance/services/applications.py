"""The citizen's application for financial assistance: a draft they write on their own pages
(what and why, household, housing, income and assets, the bank account), then send. Sending
gives the reference (SOS-<year>-<6 digits>, counting up in the country each year) and fixes
the municipality and NAV office by where the person lives."""

from __future__ import annotations

import datetime
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from velferd.access import policies
from velferd.access.actor import Actor
from velferd.audit import services as audit
from velferd.core.db import retried_atomic
from velferd.core.errors import DomainError, not_found
from velferd.core.validation import invalid
from velferd.people import selectors as people_selectors

from ..models import Application, ApplicationStatus, HouseholdMember, MoneyItem
from . import application_checks as checks
from .attachments import remove_stored

WATCHED = (
    "status",
    "emergency",
    "purposes",
    "amount_applied",
    "explanation",
    "housing_kind",
    "housing_cost",
    "electricity_cost",
    "bank_account",
)


def _person_of(actor: Actor) -> Any:
    person = people_selectors.own_person(actor=actor)
    if person is None:
        raise DomainError(
            code="not_a_citizen",
            status=404,
            message_nb="Du har ingen sak hos NAV.",
            message_en="You have no case with NAV.",
        )
    return person


def _locked(actor: Actor, application: Application, version: int) -> Application:
    """The application locked for a change by the applicant: the person's row first (the
    lock order), the version checked, a sent one refused."""
    policies.require(actor, policies.can_edit_application, application)
    people_selectors.lock_person(application.person_id)
    locked = Application.objects.select_for_update().get(pk=application.pk)
    locked.check_version(version)
    checks.require_draft(locked)
    return locked


def _saved(actor: Actor, application: Application, action: str, before: dict[str, Any]) -> None:
    application.bump_version()
    application.save()
    audit.record(
        actor=actor,
        action=action,
        target=application,
        before=before,
        after=audit.snapshot(application, *WATCHED),
    )


@retried_atomic
def application_start(*, actor: Actor) -> Application:
    """The applicant's draft: the one they have, or a new one."""
    policies.require(actor, policies.can_apply_for_assistance)
    person = _person_of(actor)
    people_selectors.lock_person(person.pk)
    draft = Application.objects.filter(person=person, status=ApplicationStatus.DRAFT).first()
    if draft is not None:
        return draft
    application = Application.objects.create(person=person)
    audit.record(
        actor=actor,
        action="assistance_application.created",
        target=application,
        after=audit.snapshot(application, *WATCHED),
    )
    return application


@retried_atomic
def application_save(
    *, actor: Actor, application: Application, version: int, fields: dict[str, Any]
) -> Application:
    """What the applicant wrote on the draft's form, every field at once."""
    values = {
        "purposes": checks.purposes(fields.get("purposes")),
        "amount_applied": checks.amount(
            fields.get("amount_applied"),
            "amount_applied",
            checks.MAX_AMOUNT_APPLIED,
            above_zero=True,
        ),
        "explanation": checks.explanation(fields.get("explanation")),
        "housing_kind": checks.housing_kind(fields.get("housing_kind")),
        "housing_cost": checks.amount(
            fields.get("housing_cost"), "housing_cost", checks.MAX_HOUSING_COST
        ),
        "electricity_cost": checks.amount(
            fields.get("electricity_cost"), "electricity_cost", checks.MAX_ELECTRICITY_COST
        ),
        "bank_account": checks.bank_account(fields.get("bank_account")),
        "emergency": bool(fields.get("emergency")),
    }
    locked = _locked(actor, application, version)
    before = audit.snapshot(locked, *WATCHED)
    for name, value in values.items():
        setattr(locked, name, value)
    _saved(actor, locked, "assistance_application.changed", before)
    return locked


@retried_atomic
def household_add(
    *,
    actor: Actor,
    application: Application,
    version: int,
    relation: str,
    name: str,
    birth_date: datetime.date | None,
    lives_with_applicant: bool = True,
) -> HouseholdMember:
    member_relation = checks.relation(relation)
    values = {
        "relation": member_relation,
        "name": checks.member_name(name),
        "birth_date": checks.birth_date(birth_date, member_relation),
        "lives_with_applicant": lives_with_applicant,
    }
    locked = _locked(actor, application, version)
    if locked.household.count() >= checks.MAX_HOUSEHOLD:
        raise invalid(
            "household_full",
            "name",
            f"En husstand kan ha høyst {checks.MAX_HOUSEHOLD} personer i søknaden.",
            f"A household can have at most {checks.MAX_HOUSEHOLD} people in the application.",
        )
    member = HouseholdMember.objects.create(application=locked, **values)
    _saved(actor, locked, "assistance_application.household_added", {})
    return member


@retried_atomic
def household_remove(
    *, actor: Actor, application: Application, version: int, member_id: int
) -> None:
    locked = _locked(actor, application, version)
    member = locked.household.filter(pk=member_id).first()
    if member is None:
        raise not_found("personen i husstanden", "the household member")
    before = {"household": str(member)}
    member.delete()
    _saved(actor, locked, "assistance_application.household_removed", before)


@retried_atomic
def money_add(
    *,
    actor: Actor,
    application: Application,
    version: int,
    kind: str,
    amount: Any,
    description: str = "",
) -> MoneyItem:
    values = {
        "kind": checks.money_kind(kind),
        "amount": checks.amount(amount, "amount", checks.MAX_MONEY_ITEM, required=True),
        "description": checks.description(description),
    }
    locked = _locked(actor, application, version)
    if locked.money.count() >= checks.MAX_MONEY_ITEMS:
        raise invalid(
            "money_full",
            "kind",
            f"Søknaden kan ha høyst {checks.MAX_MONEY_ITEMS} inntekter og formuer.",
            f"The application can have at most {checks.MAX_MONEY_ITEMS} incomes and assets.",
        )
    item = MoneyItem.objects.create(application=locked, **values)
    _saved(actor, locked, "assistance_application.money_added", {})
    return item


@retried_atomic
def money_remove(*, actor: Actor, application: Application, version: int, item_id: int) -> None:
    locked = _locked(actor, application, version)
    item = locked.money.filter(pk=item_id).first()
    if item is None:
        raise not_found("inntekten eller formuen", "the income or asset")
    before = {"money": f"{item.kind}: {item.amount}"}
    item.delete()
    _saved(actor, locked, "assistance_application.money_removed", before)


def not_deletable() -> DomainError:
    return invalid(
        "application_sent_not_deletable",
        None,
        "Søknaden er sendt til NAV-kontoret og kan ikke slettes. Bare et utkast kan slettes. "
        "Kontakt NAV-kontoret om du ikke vil ha søknaden behandlet.",
        "The application has been sent to the NAV office and cannot be deleted. Only a draft "
        "can be deleted. Contact the NAV office if you do not want it processed.",
        status=409,
    )


@retried_atomic
def application_delete(*, actor: Actor, application: Application, version: int) -> None:
    """The applicant deletes their own draft with everything in it: its household, money
    and attachments, the attachments' files removed from storage once the deletion is
    committed. A sent application is the office's and stays (409)."""
    policies.require(actor, policies.can_edit_application, application)
    people_selectors.lock_person(application.person_id)
    locked = Application.objects.select_for_update().get(pk=application.pk)
    if locked.status != ApplicationStatus.DRAFT:
        raise not_deletable()
    locked.check_version(version)
    files = list(locked.attachments.order_by("created_at"))
    audit.record(
        actor=actor,
        action="assistance_application.deleted",
        target=locked,
        before=audit.snapshot(locked, *WATCHED)
        | {"household": locked.household.count(), "money": locked.money.count()}
        | {"attachments": [f"{f.file_name} ({f.sha256})" for f in files]},
    )
    storage_names = [f.storage_name for f in files]
    locked.attachments.all().delete()
    locked.delete()
    transaction.on_commit(lambda: remove_stored(storage_names))


def _next_reference(year: int) -> str:
    prefix = f"SOS-{year}-"
    last = (
        Application.objects.filter(reference__startswith=prefix)
        .order_by("-reference")
        .values_list("reference", flat=True)
        .first()
    )
    number = int(last[len(prefix) :]) + 1 if last else 1
    return f"{prefix}{number:06d}"


def _give_reference(application: Application) -> None:
    """The next reference of the year. Two sendings at once may read the same last one: the
    unique reference refuses the second, which takes the next number."""
    for _attempt in range(20):
        application.reference = _next_reference(timezone.localdate().year)
        try:
            with transaction.atomic():
                application.save(update_fields=["reference"])
            return
        except IntegrityError:
            continue
    raise IntegrityError("no free reference")  # pragma: no cover - 20 collisions in a row


@retried_atomic
def application_submit(*, actor: Actor, application: Application, version: int) -> Application:
    """Send the draft to the NAV office of where the person lives."""
    locked = _locked(actor, application, version)
    problems = checks.submission_problems(locked)
    if problems:
        raise problems[0]
    person = locked.person
    before = audit.snapshot(locked, *WATCHED)
    locked.status = ApplicationStatus.SUBMITTED
    locked.municipality_id = person.municipality_id
    locked.office_id = person.office_id
    locked.submitted_at = timezone.now()
    locked.emergency = locked.emergency or "emergency" in locked.purposes
    _give_reference(locked)
    _saved(actor, locked, "assistance_application.sent", before)
    return locked
