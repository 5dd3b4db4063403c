"""Writes for enterprises and their IW support. Every write is one transaction with its
audit event; a cooperation's status changes are also kept in its own event log."""

from __future__ import annotations

import datetime
import hashlib
import secrets
from collections.abc import Collection, Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from stdnum.exceptions import ValidationError as StdnumError
from stdnum.no import orgnr

from velferd.access import policies
from velferd.access.actor import ANONYMOUS, Actor
from velferd.access.models import User
from velferd.audit import services as audit
from velferd.core import ratelimit
from velferd.core.errors import CONFLICT, DomainError
from velferd.core.validation import MAX_TEXT, invalid, required_text
from velferd.organisation import selectors as organisation_selectors
from velferd.organisation.models import County

from . import lifecycles, selectors
from .models import (
    CLOSED_COOPERATION_STATUSES,
    Cooperation,
    CooperationEvent,
    CooperationStatus,
    Delivery,
    DeliveryKind,
    DeliveryStatus,
    Enterprise,
    PlanTheme,
    RespondentGroup,
    Sector,
    Subsidy,
    SubsidyBudget,
    SubsidyStatus,
    SubTheme,
    SubThemeStatus,
    Survey,
    SurveyAnswer,
    SurveyKind,
    SurveyResponse,
    SurveyStatus,
)
from .questions import QUESTIONS, SCALE

MAX_AMOUNT = Decimal("9999999999.99")


def _choice(value: str, choices: type, field: str, nb: str, en: str) -> str:
    if value not in choices.values:  # type: ignore[attr-defined]
        raise invalid(
            f"invalid_{field}",
            field,
            f"«{value}» er ikke et gyldig valg for {nb}.",
            f"“{value}” is not a valid choice of {en}.",
        )
    return value


def _stamp(record: Any) -> None:
    record.bump_version()
    record.save()


# Enterprises ---------------------------------------------------------------------------------


def valid_organisation_number(value: str) -> str:
    """The organisation number in its compact form, or a clear refusal."""
    try:
        return str(orgnr.validate(value))
    except StdnumError as error:
        raise DomainError(
            code="invalid_organisation_number",
            message_nb=(
                f"«{value}» er ikke et gyldig organisasjonsnummer (ni siffer med kontrollsiffer)."
            ),
            message_en=(
                f"“{value}” is not a valid organisation number (nine digits with a check digit)."
            ),
            field="organisation_number",
        ) from error


def _industry_code(value: str) -> str:
    """A NACE code as SSB writes it: two digits, a dot and one to three digits (86.101)."""
    value = (value or "").strip()
    head, _, tail = value.partition(".")
    if not (len(head) == 2 and head.isdigit() and 1 <= len(tail) <= 3 and tail.isdigit()):
        raise invalid(
            "invalid_industry_code",
            "industry_code",
            f"«{value}» er ikke en næringskode (NACE), som 86.101.",
            f"“{value}” is not an industry code (NACE), such as 86.101.",
        )
    return value


def _employees(value: object) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise invalid(
            "invalid_employees",
            "employees",
            "Antall ansatte må være et helt tall, 0 eller mer.",
            "The number of employees must be a whole number, 0 or more.",
        )
    return value


@transaction.atomic
def enterprise_register(
    *,
    actor: Actor,
    organisation_number: str,
    name: str,
    municipality_number: str,
    industry_code: str,
    sector: Sector | str,
    employees: int,
    has_iw_agreement: bool = False,
) -> Enterprise:
    policies.require(actor, policies.can_register_enterprise)
    number = valid_organisation_number(organisation_number)
    clean_name = required_text(name, "name", "Navnet", "name", 200)
    code = _industry_code(industry_code)
    _choice(str(sector), Sector, "sector", "sektor", "sector")
    count = _employees(employees)
    if Enterprise.objects.filter(organisation_number=number).exists():
        raise DomainError(
            code="enterprise_exists",
            message_nb=f"Virksomheten {number} er allerede registrert.",
            message_en=f"The enterprise {number} is already registered.",
            field="organisation_number",
            status=CONFLICT,
        )
    municipality = organisation_selectors.municipality(municipality_number)
    enterprise = Enterprise.objects.create(
        organisation_number=number,
        name=clean_name,
        municipality=municipality,
        county=municipality.county,
        industry_code=code,
        sector=sector,
        employees=count,
        has_iw_agreement=has_iw_agreement,
    )
    audit.record(
        actor=actor,
        action="enterprise.registered",
        target=enterprise,
        after={"organisation_number": number, "name": enterprise.name},
    )
    return enterprise


ENTERPRISE_FIELDS = (
    "name",
    "municipality",
    "industry_code",
    "sector",
    "employees",
    "has_iw_agreement",
)


@transaction.atomic
def enterprise_change(
    *,
    actor: Actor,
    enterprise: Enterprise,
    version: int,
    name: str | None = None,
    municipality_number: str | None = None,
    industry_code: str | None = None,
    sector: str | None = None,
    employees: int | None = None,
    has_iw_agreement: bool | None = None,
) -> Enterprise:
    """Change the enterprise's facts; a field left out (None) stays as it is."""
    policies.require(actor, policies.can_change_enterprise, enterprise)
    enterprise = Enterprise.objects.select_for_update().get(pk=enterprise.pk)
    enterprise.check_version(version)
    before = audit.snapshot(enterprise, *ENTERPRISE_FIELDS)
    if name is not None:
        enterprise.name = required_text(name, "name", "Navnet", "name", 200)
    if industry_code is not None:
        enterprise.industry_code = _industry_code(industry_code)
    if sector is not None:
        enterprise.sector = _choice(sector, Sector, "sector", "sektor", "sector")
    if employees is not None:
        enterprise.employees = _employees(employees)
    if has_iw_agreement is not None:
        enterprise.has_iw_agreement = has_iw_agreement
    if municipality_number is not None:
        municipality = organisation_selectors.municipality(municipality_number)
        if municipality.county_id != enterprise.county_id and enterprise.contact_person_id:
            # The contact person belongs to the old county's IW centre.
            enterprise.contact_person = None
        enterprise.municipality, enterprise.county = municipality, municipality.county
    _stamp(enterprise)
    audit.record(
        actor=actor,
        action="enterprise.changed",
        target=enterprise,
        before=before,
        after=audit.snapshot(enterprise, *ENTERPRISE_FIELDS),
    )
    return enterprise


def _require_county_advisor(user: User, county_number: str, field: str) -> None:
    if user not in selectors.iw_advisors_of(county_number):
        centre = organisation_selectors.iw_centre(county_number)
        raise invalid(
            "not_an_advisor_here",
            field,
            f"{user} er ikke IA-rådgiver ved {centre.name_nb}.",
            f"{user} is not an IW advisor at {centre.name_en}.",
        )


@transaction.atomic
def enterprise_assign_contact_person(
    *, actor: Actor, enterprise: Enterprise, contact_person: User, version: int
) -> Enterprise:
    """The IW centre of the enterprise's county gives it a contact person, one of its own
    advisors."""
    policies.require(actor, policies.can_assign_contact_person, enterprise)
    enterprise = Enterprise.objects.select_for_update().get(pk=enterprise.pk)
    enterprise.check_version(version)
    _require_county_advisor(contact_person, enterprise.county_id, "contact_person")
    before = audit.snapshot(enterprise, "contact_person")
    enterprise.contact_person = contact_person
    _stamp(enterprise)
    audit.record(
        actor=actor,
        action="enterprise.contact_person_assigned",
        target=enterprise,
        before=before,
        after=audit.snapshot(enterprise, "contact_person"),
    )
    return enterprise


# Cooperations --------------------------------------------------------------------------------


def _log(
    actor: Actor, cooperation: Cooperation, before: str, reason: str = "", comment: str = ""
) -> None:
    CooperationEvent.objects.create(
        cooperation=cooperation,
        actor=actor.user,
        actor_label=actor.label,
        from_status=before,
        to_status=cooperation.status,
        reason=reason,
        comment=comment,
    )


def _comment(comment: str) -> str:
    comment = (comment or "").strip()
    if len(comment) > 2000:
        raise invalid(
            "too_long",
            "comment",
            "Kommentaren kan være høyst 2000 tegn.",
            "The comment can be at most 2000 characters.",
        )
    return comment


@transaction.atomic
def cooperation_start(
    *, actor: Actor, enterprise: Enterprise, owner: User | None = None, comment: str = ""
) -> Cooperation:
    """Put the enterprise on the list to assess. Refused while it has an open cooperation.
    The owner is the acting advisor unless another advisor of the county is named."""
    policies.require(actor, policies.can_advise_enterprise, enterprise)
    Enterprise.objects.select_for_update().get(pk=enterprise.pk)
    if selectors.open_cooperation(enterprise) is not None:
        raise invalid(
            "cooperation_already_open",
            None,
            "Virksomheten har allerede et åpent samarbeid.",
            "The enterprise already has an open cooperation.",
            status=CONFLICT,
        )
    owner = owner or actor.user
    if owner is not None:
        _require_county_advisor(owner, enterprise.county_id, "owner")
    cooperation = Cooperation.objects.create(
        enterprise=enterprise, owner=owner, status=CooperationStatus.TO_ASSESS
    )
    _log(actor, cooperation, "", comment=_comment(comment))
    audit.record(
        actor=actor,
        action="cooperation.started",
        target=cooperation,
        after=audit.snapshot(cooperation, "enterprise", "owner", "status"),
    )
    return cooperation


def _reason(target: str, reason: str) -> str:
    needed = lifecycles.REASONS.get(target)
    if needed is None:
        return ""
    if not reason:
        raise invalid(
            "reason_required",
            "reason",
            "Velg en årsak.",
            "Choose a reason.",
        )
    if reason not in needed:
        raise invalid(
            "invalid_reason",
            "reason",
            f"«{reason}» er ikke en årsak som passer her.",
            f"“{reason}” is not a reason that fits here.",
        )
    return reason


def _require_finished(cooperation: Cooperation) -> None:
    blockers = selectors.completion_blockers(cooperation)
    if blockers:
        raise invalid(
            "cooperation_unfinished",
            None,
            "Samarbeidet kan ikke fullføres før behovsvurderingen og planen er ferdige: "
            + "; ".join(nb for nb, _ in blockers)
            + ".",
            "The cooperation cannot be completed before its needs assessment and plan are "
            "finished: " + "; ".join(en for _, en in blockers) + ".",
            status=CONFLICT,
        )


def _move(
    *,
    actor: Actor,
    cooperation: Cooperation,
    version: int,
    target: str,
    action: str,
    reason: str = "",
    comment: str = "",
) -> Cooperation:
    policies.require(actor, policies.can_advise_enterprise, cooperation.enterprise)
    cooperation = Cooperation.objects.select_for_update().get(pk=cooperation.pk)
    cooperation.check_version(version)
    lifecycles.require_transition(
        lifecycles.COOPERATION, CooperationStatus, cooperation.status, target
    )
    reason = _reason(target, reason)
    comment = _comment(comment)
    if target == CooperationStatus.COMPLETED:
        _require_finished(cooperation)
    before = cooperation.status
    cooperation.status = target
    cooperation.is_open = target not in CLOSED_COOPERATION_STATUSES
    cooperation.reason = reason
    _stamp(cooperation)
    _log(actor, cooperation, before, reason, comment)
    audit.record(
        actor=actor,
        action=action,
        target=cooperation,
        before={"status": before},
        after=audit.snapshot(cooperation, "status", "reason"),
    )
    return cooperation


@transaction.atomic
def cooperation_assess(
    *, actor: Actor, cooperation: Cooperation, version: int, comment: str = ""
) -> Cooperation:
    """to_assess → assessing: the IW centre looks into what the enterprise needs."""
    return _move(
        actor=actor,
        cooperation=cooperation,
        version=version,
        target=CooperationStatus.ASSESSING,
        action="cooperation.assessing",
        comment=comment,
    )


@transaction.atomic
def cooperation_activate(
    *, actor: Actor, cooperation: Cooperation, version: int, comment: str = ""
) -> Cooperation:
    """assessing → active: the cooperation is agreed and the plan is worked on."""
    return _move(
        actor=actor,
        cooperation=cooperation,
        version=version,
        target=CooperationStatus.ACTIVE,
        action="cooperation.activated",
        comment=comment,
    )


@transaction.atomic
def cooperation_skip(
    *, actor: Actor, cooperation: Cooperation, version: int, reason: str, comment: str = ""
) -> Cooperation:
    """assessing → not_relevant, with a coded reason."""
    return _move(
        actor=actor,
        cooperation=cooperation,
        version=version,
        target=CooperationStatus.NOT_RELEVANT,
        action="cooperation.skipped",
        reason=reason,
        comment=comment,
    )


@transaction.atomic
def cooperation_complete(
    *, actor: Actor, cooperation: Cooperation, version: int, reason: str, comment: str = ""
) -> Cooperation:
    """active → completed, with a coded reason, once the needs assessment and the plan are
    finished (selectors.completion_blockers says what is not)."""
    return _move(
        actor=actor,
        cooperation=cooperation,
        version=version,
        target=CooperationStatus.COMPLETED,
        action="cooperation.completed",
        reason=reason,
        comment=comment,
    )


@transaction.atomic
def cooperation_cancel(
    *, actor: Actor, cooperation: Cooperation, version: int, reason: str, comment: str = ""
) -> Cooperation:
    """active → cancelled, with a coded reason."""
    return _move(
        actor=actor,
        cooperation=cooperation,
        version=version,
        target=CooperationStatus.CANCELLED,
        action="cooperation.cancelled",
        reason=reason,
        comment=comment,
    )


# The service for each lifecycle move, by the name the API and the pages use.
TRANSITIONS = {
    "assess": cooperation_assess,
    "activate": cooperation_activate,
    "skip": cooperation_skip,
    "complete": cooperation_complete,
    "cancel": cooperation_cancel,
}
NEEDS_REASON = ("skip", "complete", "cancel")
TARGETS = {
    "assess": CooperationStatus.ASSESSING,
    "activate": CooperationStatus.ACTIVE,
    "skip": CooperationStatus.NOT_RELEVANT,
    "complete": CooperationStatus.COMPLETED,
    "cancel": CooperationStatus.CANCELLED,
}


def _require_open(cooperation: Cooperation) -> None:
    if not cooperation.is_open:
        raise invalid(
            "cooperation_closed",
            None,
            "Samarbeidet er avsluttet.",
            "The cooperation has been closed.",
            status=CONFLICT,
        )


@transaction.atomic
def cooperation_set_owner(
    *, actor: Actor, cooperation: Cooperation, owner: User, version: int
) -> Cooperation:
    policies.require(actor, policies.can_advise_enterprise, cooperation.enterprise)
    cooperation = Cooperation.objects.select_for_update().get(pk=cooperation.pk)
    cooperation.check_version(version)
    _require_open(cooperation)
    _require_county_advisor(owner, cooperation.enterprise.county_id, "owner")
    before = audit.snapshot(cooperation, "owner")
    cooperation.owner = owner
    _stamp(cooperation)
    audit.record(
        actor=actor,
        action="cooperation.owner_changed",
        target=cooperation,
        before=before,
        after=audit.snapshot(cooperation, "owner"),
    )
    return cooperation


# The action plan -----------------------------------------------------------------------------


def _dates(
    starts_on: datetime.date | None, ends_on: datetime.date | None
) -> tuple[datetime.date, datetime.date]:
    if starts_on is None:
        raise invalid(
            "starts_on_required", "starts_on", "Startdato mangler.", "The start date is missing."
        )
    if ends_on is None:
        raise invalid(
            "ends_on_required", "ends_on", "Sluttdato mangler.", "The end date is missing."
        )
    if ends_on < starts_on:
        raise invalid(
            "ends_before_start",
            "ends_on",
            "Sluttdatoen kan ikke være før startdatoen.",
            "The end date cannot be before the start date.",
        )
    return starts_on, ends_on


SUB_THEME_FIELDS = ("theme", "title", "goal", "starts_on", "ends_on", "status")


@transaction.atomic
def sub_theme_add(
    *,
    actor: Actor,
    cooperation: Cooperation,
    theme: str,
    title: str,
    goal: str,
    starts_on: datetime.date | None,
    ends_on: datetime.date | None,
) -> SubTheme:
    policies.require(actor, policies.can_advise_enterprise, cooperation.enterprise)
    _require_open(cooperation)
    theme = _choice(theme, PlanTheme, "theme", "tema", "theme")
    title = required_text(title, "title", "Undertemaet", "sub-theme", 200)
    goal = required_text(goal, "goal", "Målet", "goal")
    first, last = _dates(starts_on, ends_on)
    sub_theme = SubTheme.objects.create(
        cooperation=cooperation, theme=theme, title=title, goal=goal, starts_on=first, ends_on=last
    )
    audit.record(
        actor=actor,
        action="sub_theme.added",
        target=sub_theme,
        after=audit.snapshot(sub_theme, *SUB_THEME_FIELDS),
    )
    return sub_theme


@transaction.atomic
def sub_theme_change(
    *,
    actor: Actor,
    sub_theme: SubTheme,
    version: int,
    theme: str | None = None,
    title: str | None = None,
    goal: str | None = None,
    starts_on: datetime.date | None = None,
    ends_on: datetime.date | None = None,
    status: str | None = None,
) -> SubTheme:
    """Change a sub-theme; a field left out (None) stays as it is. A status change follows
    lifecycles.SUB_THEME."""
    policies.require(actor, policies.can_advise_enterprise, sub_theme.cooperation.enterprise)
    sub_theme = (
        SubTheme.objects.select_for_update().select_related("cooperation").get(pk=sub_theme.pk)
    )
    sub_theme.check_version(version)
    _require_open(sub_theme.cooperation)
    before = audit.snapshot(sub_theme, *SUB_THEME_FIELDS)
    if theme is not None:
        sub_theme.theme = _choice(theme, PlanTheme, "theme", "tema", "theme")
    if title is not None:
        sub_theme.title = required_text(title, "title", "Undertemaet", "sub-theme", 200)
    if goal is not None:
        sub_theme.goal = required_text(goal, "goal", "Målet", "goal")
    if starts_on is not None:
        sub_theme.starts_on = starts_on
    if ends_on is not None:
        sub_theme.ends_on = ends_on
    _dates(sub_theme.starts_on, sub_theme.ends_on)
    if status is not None and status != sub_theme.status:
        _choice(status, SubThemeStatus, "status", "status", "status")
        lifecycles.require_transition(
            lifecycles.SUB_THEME, SubThemeStatus, sub_theme.status, status
        )
        sub_theme.status = status
    _stamp(sub_theme)
    audit.record(
        actor=actor,
        action="sub_theme.changed",
        target=sub_theme,
        before=before,
        after=audit.snapshot(sub_theme, *SUB_THEME_FIELDS),
    )
    return sub_theme


def _deadline(deadline: datetime.date | None) -> datetime.date:
    if deadline is None:
        raise invalid("deadline_required", "deadline", "Frist mangler.", "The deadline is missing.")
    return deadline


@transaction.atomic
def delivery_add(
    *,
    actor: Actor,
    cooperation: Cooperation,
    kind: str,
    deadline: datetime.date | None,
    description: str = "",
) -> Delivery:
    policies.require(actor, policies.can_advise_enterprise, cooperation.enterprise)
    _require_open(cooperation)
    delivery = Delivery.objects.create(
        cooperation=cooperation,
        kind=_choice(kind, DeliveryKind, "kind", "leveranse", "delivery"),
        deadline=_deadline(deadline),
        description=(description or "").strip()[:MAX_TEXT],
    )
    audit.record(
        actor=actor,
        action="delivery.added",
        target=delivery,
        after=audit.snapshot(delivery, "kind", "deadline", "status"),
    )
    return delivery


@transaction.atomic
def delivery_change(
    *,
    actor: Actor,
    delivery: Delivery,
    version: int,
    status: str | None = None,
    deadline: datetime.date | None = None,
    description: str | None = None,
) -> Delivery:
    """Change a delivery's deadline or description, or mark it delivered or cancelled
    (lifecycles.DELIVERY)."""
    policies.require(actor, policies.can_advise_enterprise, delivery.cooperation.enterprise)
    delivery = (
        Delivery.objects.select_for_update().select_related("cooperation").get(pk=delivery.pk)
    )
    delivery.check_version(version)
    _require_open(delivery.cooperation)
    before = audit.snapshot(delivery, "status", "deadline", "description")
    if deadline is not None:
        delivery.deadline = deadline
    if description is not None:
        delivery.description = description.strip()[:MAX_TEXT]
    if status is not None and status != delivery.status:
        _choice(status, DeliveryStatus, "status", "status", "status")
        lifecycles.require_transition(lifecycles.DELIVERY, DeliveryStatus, delivery.status, status)
        delivery.status = status
        delivery.delivered_on = timezone.localdate() if status == DeliveryStatus.DELIVERED else None
    _stamp(delivery)
    audit.record(
        actor=actor,
        action="delivery.changed",
        target=delivery,
        before=before,
        after=audit.snapshot(delivery, "status", "deadline", "description"),
    )
    return delivery


# Surveys -------------------------------------------------------------------------------------


@transaction.atomic
def survey_open(*, actor: Actor, cooperation: Cooperation, kind: str) -> Survey:
    """Open a survey from the fixed question set. Its answer link holds a random token that
    the employer shares with the employees and managers."""
    policies.require(actor, policies.can_advise_enterprise, cooperation.enterprise)
    _choice(kind, SurveyKind, "kind", "undersøkelse", "survey")
    Cooperation.objects.select_for_update().get(pk=cooperation.pk)
    _require_open(cooperation)
    if cooperation.surveys.filter(kind=kind, status=SurveyStatus.OPEN).exists():
        raise invalid(
            "survey_already_open",
            "kind",
            "En slik undersøkelse er allerede åpen for svar.",
            "A survey of that kind is already open for answers.",
            status=CONFLICT,
        )
    survey = Survey.objects.create(
        cooperation=cooperation, kind=kind, token=secrets.token_urlsafe(24), opened_by=actor.user
    )
    audit.record(actor=actor, action="survey.opened", target=survey, after={"kind": kind})
    return survey


def _require_survey_open(survey: Survey) -> None:
    if survey.status != SurveyStatus.OPEN:
        raise invalid(
            "survey_closed",
            None,
            "Undersøkelsen er avsluttet og tar ikke imot flere svar.",
            "The survey has been closed and takes no more answers.",
            status=CONFLICT,
        )


@transaction.atomic
def survey_close(*, actor: Actor, survey: Survey) -> Survey:
    policies.require(actor, policies.can_advise_enterprise, survey.cooperation.enterprise)
    survey = Survey.objects.select_for_update().get(pk=survey.pk)
    _require_survey_open(survey)
    survey.status = SurveyStatus.CLOSED
    survey.closed_at = timezone.now()
    survey.save()
    audit.record(actor=actor, action="survey.closed", target=survey, after={"status": "closed"})
    return survey


def _answer_value(code: str, value: object) -> int | None:
    if value is None or value == "":
        # Nothing chosen is not the same as "don't know".
        raise invalid("answer_required", code, "Svar på dette spørsmålet.", "Answer this question.")
    if value == "dont_know":
        return None
    if (
        isinstance(value, bool)
        or not isinstance(value, int | str)
        or str(value) not in {str(n) for n in SCALE}
    ):
        raise invalid(
            "invalid_answer",
            code,
            "Svaret må være fra 1 til 5, eller «vet ikke».",
            "The answer must be from 1 to 5, or “don't know”.",
        )
    return int(value)


def answer_key(token: str) -> str:
    """What a browser keeps of a survey it has answered: a digest of the link's token, so
    that what it keeps neither opens the survey nor names it."""
    return hashlib.sha256(f"velferd-survey-answered:{token}".encode()).hexdigest()[:24]


def _require_not_answered(token: str, answered: Collection[str]) -> None:
    if answer_key(token) in answered:
        raise DomainError(
            code="already_answered",
            status=CONFLICT,
            message_nb="Du har allerede svart på denne undersøkelsen. Takk for svaret!",
            message_en="You have already answered this survey. Thank you for your answer!",
        )


@transaction.atomic
def survey_answer(
    *, token: str, group: str, answers: Mapping[str, object], answered: Collection[str] = ()
) -> SurveyResponse:
    """One anonymous response through the public answer link: the respondent group and an
    answer (1–5 or "dont_know") to every question. Nothing about the respondent is kept.
    `answered` is what the browser's session says it has answered (`answer_key`): one
    answer per browser session and survey; a second is refused (409)."""
    _require_not_answered(token, answered)
    survey = selectors.survey_by_token(token)
    survey = Survey.objects.select_for_update().get(pk=survey.pk)
    _require_survey_open(survey)
    _choice(group, RespondentGroup, "group", "gruppe", "group")
    questions = QUESTIONS[survey.kind]
    unknown = set(answers) - {q.code for q in questions}
    if unknown:
        raise invalid(
            "unknown_question",
            sorted(unknown)[0],
            "Svaret gjelder et spørsmål som ikke er i undersøkelsen.",
            "An answer is to a question that is not in the survey.",
        )
    values = {q.code: _answer_value(q.code, answers.get(q.code)) for q in questions}
    response = SurveyResponse.objects.create(survey=survey, group=group)
    SurveyAnswer.objects.bulk_create(
        SurveyAnswer(response=response, question=code, value=value)
        for code, value in values.items()
    )
    audit.record(actor=ANONYMOUS, action="survey.answered", target=survey)
    return response


# Answers from one address to one survey: a workplace behind one address may answer many
# times, a script filling in a survey may not. At most so many answers in each window
# (settings.VELFERD_SURVEY_ANSWER_RATE_LIMITS: 10 a minute and 100 an hour).
def answer_windows() -> tuple[tuple[int, int], ...]:
    return tuple(
        (int(limit), int(seconds)) for limit, seconds in settings.VELFERD_SURVEY_ANSWER_RATE_LIMITS
    )


def survey_answer_allowed(*, token: str, address: str, answered: Collection[str] = ()) -> None:
    """Before an answer is read: 409 when this browser session has answered the survey
    already; else count one answer from `address` to the survey, 429 past a limit."""
    _require_not_answered(token, answered)
    ratelimit.hit_windows(
        "survey-answer",
        f"{token}:{address}",
        windows=answer_windows(),
        message_nb="Det er sendt for mange svar herfra på kort tid. Prøv igjen om litt.",
        message_en="Too many answers have been sent from here in a short time. Try again shortly.",
    )


# Subsidies -----------------------------------------------------------------------------------


def valid_amount(value: object, field: str = "amount") -> Decimal:
    """A positive amount in kroner with at most two decimals (øre), kept exact."""
    try:
        amount = Decimal(str(value).strip().replace(" ", "").replace(",", "."))
    except (InvalidOperation, ValueError):
        amount = Decimal("NaN")
    if not amount.is_finite() or amount <= 0 or amount > MAX_AMOUNT:
        raise invalid(
            "invalid_amount",
            field,
            "Beløpet må være et positivt tall i kroner.",
            "The amount must be a positive number of kroner.",
        )
    exponent = amount.as_tuple().exponent
    if isinstance(exponent, int) and exponent < -2 and amount != amount.quantize(Decimal("0.01")):
        raise invalid(
            "invalid_amount",
            field,
            "Beløpet kan ha høyst to desimaler (øre).",
            "The amount can have at most two decimals (øre).",
        )
    return amount.quantize(Decimal("0.01"))


@transaction.atomic
def subsidy_apply(*, actor: Actor, enterprise: Enterprise, purpose: str, amount: object) -> Subsidy:
    """An application for a prevention and facilitation subsidy, from the employer or from
    an advisor on the enterprise's behalf."""
    policies.require(actor, policies.can_apply_for_subsidy, enterprise)
    subsidy = Subsidy.objects.create(
        enterprise=enterprise,
        purpose=required_text(purpose, "purpose", "Formålet", "purpose"),
        amount_applied=valid_amount(amount),
        applied_by=actor.user,
        applied_on=timezone.localdate(),
    )
    audit.record(
        actor=actor,
        action="subsidy.applied",
        target=subsidy,
        after=audit.snapshot(subsidy, "enterprise", "amount_applied", "status"),
    )
    return subsidy


def _subsidy_move(actor: Actor, subsidy: Subsidy, version: int, target: str) -> tuple[Subsidy, str]:
    policies.require(actor, policies.can_decide_subsidy, subsidy.enterprise)
    subsidy = Subsidy.objects.select_for_update().select_related("enterprise").get(pk=subsidy.pk)
    subsidy.check_version(version)
    lifecycles.require_transition(lifecycles.SUBSIDY, SubsidyStatus, subsidy.status, target)
    return subsidy, subsidy.status


def _record_subsidy(actor: Actor, subsidy: Subsidy, before: str, action: str) -> Subsidy:
    _stamp(subsidy)
    audit.record(
        actor=actor,
        action=action,
        target=subsidy,
        before={"status": before},
        after=audit.snapshot(subsidy, "status", "amount_granted", "budget_year"),
    )
    return subsidy


@transaction.atomic
def subsidy_assess(*, actor: Actor, subsidy: Subsidy, version: int) -> Subsidy:
    subsidy, before = _subsidy_move(actor, subsidy, version, SubsidyStatus.UNDER_ASSESSMENT)
    subsidy.status = SubsidyStatus.UNDER_ASSESSMENT
    return _record_subsidy(actor, subsidy, before, "subsidy.under_assessment")


def _budget_exceeded(remaining: Decimal, county: str, year: int) -> DomainError:
    nb_amount = f"{remaining:,.2f}".replace(",", " ").replace(".", ",")
    return invalid(
        "budget_exceeded",
        "amount",
        f"Tilskuddet går over budsjettet for {county} {year}: det er {nb_amount} kr igjen.",
        f"The grant exceeds the budget of {county} for {year}: {remaining:,.2f} NOK remain.",
        status=CONFLICT,
    )


@transaction.atomic
def subsidy_grant(
    *, actor: Actor, subsidy: Subsidy, version: int, amount: object | None = None
) -> Subsidy:
    """Grant the amount applied for, or less (partly granted), from this year's budget of
    the enterprise's county. The budget row is locked, so two grants at the same time are
    counted one after the other and cannot together exceed it."""
    policies.require(actor, policies.can_decide_subsidy, subsidy.enterprise)
    target_amount = subsidy.amount_applied if amount is None else valid_amount(amount)
    if target_amount > subsidy.amount_applied:
        raise invalid(
            "more_than_applied",
            "amount",
            f"Kan ikke innvilge mer enn det er søkt om ({subsidy.amount_applied} kr).",
            f"Cannot grant more than was applied for ({subsidy.amount_applied} NOK).",
        )
    target = (
        SubsidyStatus.GRANTED
        if target_amount == subsidy.amount_applied
        else SubsidyStatus.PARTLY_GRANTED
    )
    subsidy, before = _subsidy_move(actor, subsidy, version, target)
    year = timezone.localdate().year
    county = subsidy.enterprise.county_id
    budget = SubsidyBudget.objects.select_for_update().filter(county_id=county, year=year).first()
    county_name = organisation_selectors.county(county).name
    if budget is None:
        raise _budget_exceeded(Decimal("0.00"), county_name, year)
    remaining = budget.amount - selectors.granted_total(county, year)
    if target_amount > remaining:
        raise _budget_exceeded(remaining, county_name, year)
    subsidy.status = target
    subsidy.amount_granted = target_amount
    subsidy.budget_year = year
    subsidy.decided_on = timezone.localdate()
    return _record_subsidy(actor, subsidy, before, f"subsidy.{target}")


@transaction.atomic
def subsidy_refuse(*, actor: Actor, subsidy: Subsidy, version: int, reason: str) -> Subsidy:
    subsidy, before = _subsidy_move(actor, subsidy, version, SubsidyStatus.REFUSED)
    subsidy.refusal_reason = required_text(reason, "reason", "Begrunnelsen", "reason", 2000)
    subsidy.status = SubsidyStatus.REFUSED
    subsidy.decided_on = timezone.localdate()
    return _record_subsidy(actor, subsidy, before, "subsidy.refused")


@transaction.atomic
def subsidy_pay(*, actor: Actor, subsidy: Subsidy, version: int) -> Subsidy:
    """Only a granted or partly granted subsidy is paid (the table says so)."""
    subsidy, before = _subsidy_move(actor, subsidy, version, SubsidyStatus.PAID)
    subsidy.status = SubsidyStatus.PAID
    subsidy.paid_on = timezone.localdate()
    return _record_subsidy(actor, subsidy, before, "subsidy.paid")


SUBSIDY_TRANSITIONS = {"assess": subsidy_assess, "pay": subsidy_pay}


def _budget_amount(amount: object) -> Decimal:
    """A budget may be nothing at all (0), else an amount like any other."""
    try:
        if Decimal(str(amount).strip()) == 0:
            return Decimal("0.00")
    except (InvalidOperation, ValueError):
        pass
    return valid_amount(amount)


def _budget_exists(county: str, year: int) -> DomainError:
    return invalid(
        "budget_exists",
        "version",
        f"{county} har allerede et budsjett for {year}. Last inn på nytt og endre det.",
        f"{county} already has a budget for {year}. Reload and change it.",
        status=CONFLICT,
    )


def _budget_create(county: County, year: int, amount: Decimal) -> SubsidyBudget:
    """The county's first budget for the year. Two sessions may both have found none: the
    unique constraint lets one create it, and the other is told it now exists (in a
    savepoint, so its transaction can still answer)."""
    try:
        with transaction.atomic():
            return SubsidyBudget.objects.create(county=county, year=year, amount=amount)
    except IntegrityError:
        if SubsidyBudget.objects.filter(county=county, year=year).exists():
            raise _budget_exists(county.name, year) from None
        raise


@transaction.atomic
def budget_set(
    *, actor: Actor, county_number: str, year: int, amount: object, version: int | None = None
) -> SubsidyBudget:
    """Set a county's subsidy budget for a year. Changing an existing budget needs its
    version; it cannot go below what has already been granted."""
    county = organisation_selectors.county(county_number)
    policies.require(actor, policies.can_set_subsidy_budget, county.number)
    year = selectors.valid_year(year)
    value = _budget_amount(amount)
    budget = SubsidyBudget.objects.select_for_update().filter(county=county, year=year).first()
    if budget is None and version not in (None, 0):
        raise invalid(
            "stale_version",
            "version",
            "Budsjettet finnes ikke ennå. Last inn på nytt.",
            "The budget does not exist yet. Reload.",
            status=CONFLICT,
        )
    if budget is not None:
        if version is None:
            raise _budget_exists(county.name, year)
        budget.check_version(version)
    granted = selectors.granted_total(county.number, year)
    if value < granted:
        raise invalid(
            "below_granted",
            "amount",
            f"Budsjettet kan ikke være lavere enn det som er innvilget ({granted} kr).",
            f"The budget cannot be lower than what has been granted ({granted} NOK).",
        )
    before = {"amount": str(budget.amount)} if budget else None
    if budget is None:
        budget = _budget_create(county, year, value)
    else:
        budget.amount = value
        _stamp(budget)
    audit.record(
        actor=actor,
        action="budget.set",
        target=budget,
        before=before,
        after={"county": county.number, "year": year, "amount": str(value)},
    )
    return budget
