"""The citizen's pages for financial assistance, made for a phone: my applications, the
draft (what and why, housing, household, money, bank account, attachments) and sending it,
the status of a sent application with the office's requests and decisions, and the answer to
a request; deleting the draft, asked first. Every mistake of a submit is shown at once, in
the summary and by its field."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from velferd.access import policies
from velferd.access.actor import Actor
from velferd.access.selectors import actor_for_request
from velferd.core.decorators import refusals_as_pages
from velferd.core.forms import FormErrors, checked, parse_date, parse_version, post_form

from ..models import (
    Application,
    ApplicationStatus,
    HousingKind,
    MoneyKind,
    Purpose,
    Relation,
)
from ..selectors import citizen as selectors
from ..services import (
    application_checks as checks,
    applications as services,
    attachments,
)


def _actor(request: HttpRequest) -> Actor:
    actor = actor_for_request(request)
    if not actor.is_authenticated:
        raise policies.not_authenticated()
    return actor


def _mine(request: HttpRequest, application_id: Any) -> tuple[Actor, Application]:
    actor = _actor(request)
    return actor, selectors.my_application(actor, application_id)


def _page_of(application: Application) -> str:
    return reverse("assistance:my_application", args=[application.pk])


@refusals_as_pages
def my_applications(request: HttpRequest) -> HttpResponse:
    actor = _actor(request)
    policies.require(actor, policies.can_apply_for_assistance)
    found = list(selectors.my_applications(actor))
    return render(
        request,
        "assistance/citizen_applications.html",
        {"applications": found, "has_draft": any(a.status == "draft" for a in found)},
    )


@require_POST
@refusals_as_pages
def application_new(request: HttpRequest) -> HttpResponse:
    draft = services.application_start(actor=_actor(request))
    return redirect(_page_of(draft))


def _draft_page(
    request: HttpRequest,
    application: Application,
    errors: FormErrors | None = None,
    failed: str = "",
    status: int = 200,
) -> HttpResponse:
    form: Any = request.POST if failed == "main" else None
    response = render(
        request,
        "assistance/citizen_draft.html",
        {
            "a": application,
            "errors": errors or FormErrors(),
            "failed": failed,
            "form": form,
            "chosen": form.getlist("purposes") if form is not None else application.purposes,
            "posted": request.POST if failed else {},
            "purposes": Purpose.choices,
            "housing_kinds": HousingKind.choices,
            "relations": Relation.choices,
            "money_kinds": MoneyKind.choices,
            "max_mb": attachments.max_file_bytes() // attachments.MB,
        },
    )
    response.status_code = status
    return response


def _status_page(request: HttpRequest, application: Application) -> HttpResponse:
    return render(
        request,
        "assistance/citizen_status.html",
        {
            "a": application,
            "open_requests": selectors.open_requests(application),
            "decisions": list(application.decisions.all()),
        },
    )


def _read_main(request: HttpRequest, errors: FormErrors) -> dict[str, Any]:
    data = request.POST
    errors.check(parse_version, data.get("version", ""))
    fields = {
        "purposes": errors.check(checks.purposes, data.getlist("purposes")),
        "amount_applied": errors.check(
            checks.amount,
            data.get("amount_applied"),
            "amount_applied",
            checks.MAX_AMOUNT_APPLIED,
            above_zero=True,
        ),
        "explanation": errors.check(checks.explanation, data.get("explanation")),
        "housing_kind": errors.check(checks.housing_kind, data.get("housing_kind")),
        "housing_cost": errors.check(
            checks.amount, data.get("housing_cost"), "housing_cost", checks.MAX_HOUSING_COST
        ),
        "electricity_cost": errors.check(
            checks.amount,
            data.get("electricity_cost"),
            "electricity_cost",
            checks.MAX_ELECTRICITY_COST,
        ),
        "bank_account": errors.check(checks.bank_account, data.get("bank_account")),
        "emergency": checked(data, "emergency"),
    }
    # The service reads what was typed, as the page's checks did.
    return {name: data.get(name) for name in fields} | {
        "purposes": data.getlist("purposes"),
        "emergency": fields["emergency"],
    }


@refusals_as_pages
def my_application(request: HttpRequest, application_id: str) -> HttpResponse:
    """The draft to write, or the sent application's status."""
    actor, application = _mine(request, application_id)
    if application.status != ApplicationStatus.DRAFT:
        if request.method == "POST":
            raise checks.not_a_draft()
        return _status_page(request, application)
    return post_form(
        request,
        read=lambda errors: _read_main(request, errors),
        save=lambda fields: services.application_save(
            actor=actor,
            application=application,
            version=parse_version(request.POST.get("version", "")),
            fields=fields,
        ),
        success=lambda saved: _page_of(saved) + "#send",
        show=lambda errors: _draft_page(request, application, errors, "main" if errors else ""),
        saved=_("Your answers are saved."),
    )


def _sub_form(
    request: HttpRequest,
    application_id: str,
    failed: str,
    read: Any,
    save: Any,
    saved: str,
    anchor: str,
) -> HttpResponse:
    """A small form of the draft's page (a household member, an income, a file): posted on
    its own, shown again on the whole page with its errors."""
    actor, application = _mine(request, application_id)

    def show(errors: FormErrors) -> HttpResponse:
        return _draft_page(request, application, errors, failed if errors else "")

    return post_form(
        request,
        read=read,
        save=lambda values: save(actor, application, values),
        success=lambda _result: _page_of(application) + anchor,
        show=show,
        saved=saved,
    )


def _version(request: HttpRequest) -> int:
    return parse_version(request.POST.get("version", ""))


@require_POST
@refusals_as_pages
def household_add(request: HttpRequest, application_id: str) -> HttpResponse:
    def read(errors: FormErrors) -> dict[str, Any]:
        data = request.POST
        relation = errors.check(checks.relation, data.get("relation"))
        errors.check(checks.member_name, data.get("name"))
        born = errors.check(parse_date, data.get("birth_date", ""), "birth_date")
        if relation and errors.get("birth_date") is None:
            errors.check(checks.birth_date, born, relation)
        return {"relation": relation, "name": data.get("name", ""), "birth_date": born}

    return _sub_form(
        request,
        application_id,
        "household",
        read,
        lambda actor, application, values: services.household_add(
            actor=actor, application=application, version=_version(request), **values
        ),
        _("The person is added to your household."),
        "#household",
    )


@require_POST
@refusals_as_pages
def household_remove(request: HttpRequest, application_id: str, member_id: int) -> HttpResponse:
    actor, application = _mine(request, application_id)
    services.household_remove(
        actor=actor, application=application, version=_version(request), member_id=member_id
    )
    messages.success(request, _("The person is removed from your household."))
    return redirect(_page_of(application) + "#household")


@require_POST
@refusals_as_pages
def money_add(request: HttpRequest, application_id: str) -> HttpResponse:
    def read(errors: FormErrors) -> dict[str, Any]:
        data = request.POST
        errors.check(checks.money_kind, data.get("kind"))
        errors.check(
            checks.amount, data.get("amount"), "amount", checks.MAX_MONEY_ITEM, required=True
        )
        errors.check(checks.description, data.get("description"))
        return {name: data.get(name, "") for name in ("kind", "amount", "description")}

    return _sub_form(
        request,
        application_id,
        "money",
        read,
        lambda actor, application, values: services.money_add(
            actor=actor, application=application, version=_version(request), **values
        ),
        _("The income or asset is added."),
        "#money",
    )


@require_POST
@refusals_as_pages
def money_remove(request: HttpRequest, application_id: str, item_id: int) -> HttpResponse:
    actor, application = _mine(request, application_id)
    services.money_remove(
        actor=actor, application=application, version=_version(request), item_id=item_id
    )
    messages.success(request, _("The income or asset is removed."))
    return redirect(_page_of(application) + "#money")


def read_file(request: HttpRequest, errors: FormErrors) -> tuple[bytes, str]:
    upload = request.FILES.get("file")
    if upload is None:
        errors.add(
            checks.invalid(
                "file_required",
                "file",
                "Velg en fil å laste opp.",
                "Choose a file to upload.",
            )
        )
        return b"", ""
    name = upload.name or ""
    errors.check(attachments.check_size, upload.size or 0, name)
    if errors:
        return b"", name
    return upload.read(), name


@require_POST
@refusals_as_pages
def attachment_add(request: HttpRequest, application_id: str) -> HttpResponse:
    return _sub_form(
        request,
        application_id,
        "file",
        lambda errors: read_file(request, errors),
        lambda actor, application, values: attachments.attachment_add(
            actor=actor, application=application, data=values[0], file_name=values[1]
        ),
        _("The file is added."),
        "#files",
    )


@require_POST
@refusals_as_pages
def attachment_remove(
    request: HttpRequest, application_id: str, attachment_id: str
) -> HttpResponse:
    actor, application = _mine(request, application_id)
    found = selectors.my_attachment(actor, attachment_id)
    attachments.attachment_remove(actor=actor, attachment=found)
    messages.success(request, _("The file is removed."))
    return redirect(_page_of(application) + "#files")


@refusals_as_pages
def application_delete(request: HttpRequest, application_id: str) -> HttpResponse:
    """Deleting the draft, asked once more first: the page says what goes with it."""
    actor, application = _mine(request, application_id)
    if application.status != ApplicationStatus.DRAFT:
        raise services.not_deletable()
    if request.method != "POST":
        return render(request, "assistance/citizen_delete.html", {"a": application})
    services.application_delete(actor=actor, application=application, version=_version(request))
    messages.success(request, _("Your draft is deleted."))
    return redirect(reverse("assistance:my_applications"))


@require_POST
@refusals_as_pages
def application_submit(request: HttpRequest, application_id: str) -> HttpResponse:
    """Send the draft; what is missing is shown all at once."""
    actor, application = _mine(request, application_id)
    problems = checks.submission_problems(application)
    if problems and application.status == ApplicationStatus.DRAFT:
        return _draft_page(request, application, FormErrors(*problems), "submit", 422)
    sent = services.application_submit(
        actor=actor, application=application, version=_version(request)
    )
    messages.success(
        request,
        _("Your application is sent to %(office)s. Your reference is %(reference)s.")
        % {"office": sent.office.name if sent.office else "", "reference": sent.reference},
    )
    return redirect(_page_of(sent))
