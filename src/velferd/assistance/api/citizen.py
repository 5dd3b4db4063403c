"""The citizen's application in the API, on their own login: the draft and what is in it,
sending it, files, and the answers to the office's requests. Amounts and the account number
are taken as text and checked by the services, which name the field and the mistake in
both languages. Files are sent as multipart/form-data in the field `file`."""

from __future__ import annotations

import datetime
import uuid
from typing import Annotated, Any

from django.http import HttpRequest
from ninja import Field, Router, Schema, Status

from velferd.access import policies
from velferd.access.api_auth import AUTH, actor_of
from velferd.core.api import ERRORS
from velferd.core.constraints import RecordId, one_of
from velferd.core.validation import invalid

from ..models import Application, Attachment, HousingKind, MoneyKind, Purpose, Relation
from ..selectors import citizen as selectors
from ..services import answers, applications as services, attachments

router = Router()
Text = Annotated[str, Field(max_length=4000)]
Short = Annotated[str, Field(max_length=200)]
Amount = Annotated[str, Field(max_length=20)]
A = "/me/applications/{application_id}"
R = "/me/documentation-requests/{request_id}"
FILE_BODY = {
    "requestBody": {
        "description": "The file as multipart/form-data in the field `file`: PDF, JPEG or "
        "PNG, read by its content.",
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "properties": {"file": {"type": "string", "format": "binary"}},
                    "required": ["file"],
                }
            }
        },
        "required": True,
    }
}


def operation(function: str) -> str:
    return f"velferd_assistance_api_citizen_{function}"


class CitizenHouseholdMemberOut(Schema):
    id: int
    relation: str
    name: str
    birth_date: datetime.date


class CitizenMoneyItemOut(Schema):
    id: int
    kind: str
    amount: str
    description: str


class CitizenAttachmentOut(Schema):
    id: uuid.UUID
    file_name: str
    content_type: str
    size: int
    documentation_request_id: uuid.UUID | None
    url: str


class CitizenRequestOut(Schema):
    id: uuid.UUID
    what: str
    deadline: datetime.date
    status: str
    answered_at: datetime.datetime | None
    answer_comment: str
    version: int


class CitizenDecisionOut(Schema):
    id: uuid.UUID
    outcome: str
    amount: str
    frequency: str
    period_start: datetime.date
    period_end: datetime.date
    decided_on: datetime.date
    reason: str
    activity_condition: str
    activity: str
    conditions: list[str]
    letter: str


class CitizenApplicationOut(Schema):
    id: uuid.UUID
    reference: str | None
    status: str
    office: str | None
    emergency: bool
    purposes: list[str]
    amount_applied: str | None
    explanation: str
    housing_kind: str
    housing_cost: str | None
    electricity_cost: str | None
    bank_account: str
    submitted_at: datetime.datetime | None
    household: list[CitizenHouseholdMemberOut]
    money: list[CitizenMoneyItemOut]
    attachments: list[CitizenAttachmentOut]
    documentation_requests: list[CitizenRequestOut]
    decisions: list[CitizenDecisionOut]
    version: int


class CitizenApplicationList(Schema):
    items: list[CitizenApplicationOut]
    count: int


class CitizenApplicationIn(Schema):
    version: int
    purposes: list[Annotated[str, one_of(Purpose)]] = Field(default_factory=list, max_length=10)
    amount_applied: Amount = ""
    explanation: Text = ""
    housing_kind: Annotated[str, one_of(HousingKind, blank=True)] = ""
    housing_cost: Amount = ""
    electricity_cost: Amount = ""
    bank_account: Annotated[str, Field(max_length=20)] = ""
    emergency: bool = False


class CitizenHouseholdIn(Schema):
    version: int
    relation: Annotated[str, one_of(Relation)]
    name: Short
    birth_date: datetime.date
    lives_with_applicant: bool = True


class CitizenMoneyIn(Schema):
    version: int
    kind: Annotated[str, one_of(MoneyKind)]
    amount: Amount
    description: Short = ""


class CitizenVersionIn(Schema):
    version: int


class CitizenAnswerIn(Schema):
    version: int
    comment: Text = ""


def _money(value: Any) -> str | None:
    return None if value is None else str(value)


def attachment_out(attachment: Attachment) -> dict[str, Any]:
    return {
        "id": attachment.pk,
        "file_name": attachment.file_name,
        "content_type": attachment.content_type,
        "size": attachment.size,
        "documentation_request_id": attachment.documentation_request_id,
        "url": f"/assistance/attachments/{attachment.pk}/",
    }


def application_out(application: Application) -> dict[str, Any]:
    return {
        "id": application.pk,
        "reference": application.reference,
        "status": application.status,
        "office": application.office.name if application.office else None,
        "emergency": application.emergency,
        "purposes": application.purposes,
        "amount_applied": _money(application.amount_applied),
        "explanation": application.explanation,
        "housing_kind": application.housing_kind,
        "housing_cost": _money(application.housing_cost),
        "electricity_cost": _money(application.electricity_cost),
        "bank_account": application.bank_account,
        "submitted_at": application.submitted_at,
        "household": list(application.household.all()),
        "money": [
            {"id": m.pk, "kind": m.kind, "amount": str(m.amount), "description": m.description}
            for m in application.money.all()
        ],
        "attachments": [attachment_out(a) for a in application.attachments.all()],
        "documentation_requests": list(application.documentation_requests.all()),
        "decisions": [
            {
                **{
                    name: getattr(d, name)
                    for name in (
                        "id",
                        "outcome",
                        "frequency",
                        "period_start",
                        "period_end",
                        "decided_on",
                        "reason",
                        "activity_condition",
                        "activity",
                        "letter",
                    )
                },
                "amount": str(d.amount),
                "conditions": [c.text for c in d.conditions.all()],
            }
            for d in application.decisions.all()
        ],
        "version": application.version,
    }


def _mine(request: HttpRequest, application_id: str) -> Application:
    return selectors.my_application(actor_of(request), application_id)


def _again(request: HttpRequest, application_id: Any) -> dict[str, Any]:
    return application_out(_mine(request, str(application_id)))


def _file(request: HttpRequest) -> tuple[bytes, str]:
    upload = request.FILES.get("file")
    if upload is None:
        raise invalid(
            "file_required",
            "file",
            "Send filen som multipart/form-data i feltet «file».",
            "Send the file as multipart/form-data in the field “file”.",
            status=400,
        )
    attachments.check_size(upload.size or 0, upload.name or "")
    return upload.read(), upload.name or ""


@router.get(
    "/me/applications",
    response={200: CitizenApplicationList, **ERRORS},
    auth=AUTH,
    operation_id=operation("list"),
)
def list_my_applications(request: HttpRequest) -> Any:
    """The applicant's own applications, the draft too."""
    actor = actor_of(request)
    policies.require(actor, policies.can_apply_for_assistance)
    found = [selectors.my_application(actor, a.pk) for a in selectors.my_applications(actor)]
    return {"items": [application_out(a) for a in found], "count": len(found)}


@router.post(
    "/me/applications",
    response={201: CitizenApplicationOut, **ERRORS},
    auth=AUTH,
    operation_id=operation("start"),
)
def start_application(request: HttpRequest) -> Any:
    """The applicant's draft: the one they have, or a new one."""
    draft = services.application_start(actor=actor_of(request))
    return Status(201, _again(request, draft.pk))


@router.get(
    A, response={200: CitizenApplicationOut, **ERRORS}, auth=AUTH, operation_id=operation("get")
)
def get_my_application(request: HttpRequest, application_id: RecordId) -> Any:
    return application_out(_mine(request, application_id))


@router.put(
    A, response={200: CitizenApplicationOut, **ERRORS}, auth=AUTH, operation_id=operation("save")
)
def save_my_application(
    request: HttpRequest, application_id: RecordId, payload: CitizenApplicationIn
) -> Any:
    """Write the draft, every field at once (409 once sent, or on a stale version)."""
    services.application_save(
        actor=actor_of(request),
        application=_mine(request, application_id),
        version=payload.version,
        fields=payload.dict(exclude={"version"}),
    )
    return _again(request, application_id)


@router.delete(A, response={204: None, **ERRORS}, auth=AUTH, operation_id=operation("delete"))
def delete_my_application(
    request: HttpRequest, application_id: RecordId, payload: CitizenVersionIn
) -> Any:
    """Delete the draft with its household, money and files (`version` as read; 409 once
    the application is sent)."""
    services.application_delete(
        actor=actor_of(request),
        application=_mine(request, application_id),
        version=payload.version,
    )
    return Status(204, None)


@router.post(
    f"{A}/household",
    response={201: CitizenApplicationOut, **ERRORS},
    auth=AUTH,
    operation_id=operation("add_household_member"),
)
def add_household_member(
    request: HttpRequest, application_id: RecordId, payload: CitizenHouseholdIn
) -> Any:
    services.household_add(
        actor=actor_of(request),
        application=_mine(request, application_id),
        **payload.dict(),
    )
    return Status(201, _again(request, application_id))


@router.post(
    f"{A}/household/{{member_id}}/remove",
    response={200: CitizenApplicationOut, **ERRORS},
    auth=AUTH,
    operation_id=operation("remove_household_member"),
)
def remove_household_member(
    request: HttpRequest, application_id: RecordId, member_id: int, payload: CitizenVersionIn
) -> Any:
    services.household_remove(
        actor=actor_of(request),
        application=_mine(request, application_id),
        version=payload.version,
        member_id=member_id,
    )
    return _again(request, application_id)


@router.post(
    f"{A}/money",
    response={201: CitizenApplicationOut, **ERRORS},
    auth=AUTH,
    operation_id=operation("add_money_item"),
)
def add_money_item(request: HttpRequest, application_id: RecordId, payload: CitizenMoneyIn) -> Any:
    """An income a month, or an asset's value."""
    services.money_add(
        actor=actor_of(request), application=_mine(request, application_id), **payload.dict()
    )
    return Status(201, _again(request, application_id))


@router.post(
    f"{A}/money/{{item_id}}/remove",
    response={200: CitizenApplicationOut, **ERRORS},
    auth=AUTH,
    operation_id=operation("remove_money_item"),
)
def remove_money_item(
    request: HttpRequest, application_id: RecordId, item_id: int, payload: CitizenVersionIn
) -> Any:
    services.money_remove(
        actor=actor_of(request),
        application=_mine(request, application_id),
        version=payload.version,
        item_id=item_id,
    )
    return _again(request, application_id)


@router.post(
    f"{A}/attachments",
    response={201: CitizenAttachmentOut, **ERRORS},
    auth=AUTH,
    operation_id=operation("add_attachment"),
    openapi_extra=FILE_BODY,
)
def add_attachment(request: HttpRequest, application_id: RecordId) -> Any:
    """A file with the draft (422 when not a PDF, JPEG or PNG by its content, or too large;
    409 when the application has no room left)."""
    application = _mine(request, application_id)
    data, name = _file(request)
    kept = attachments.attachment_add(
        actor=actor_of(request), application=application, data=data, file_name=name
    )
    return Status(201, attachment_out(kept))


@router.post(
    f"{A}/attachments/{{attachment_id}}/remove",
    response={200: CitizenApplicationOut, **ERRORS},
    auth=AUTH,
    operation_id=operation("remove_attachment"),
)
def remove_attachment(
    request: HttpRequest, application_id: RecordId, attachment_id: RecordId
) -> Any:
    actor = actor_of(request)
    _mine(request, application_id)
    attachments.attachment_remove(
        actor=actor, attachment=selectors.my_attachment(actor, attachment_id)
    )
    return _again(request, application_id)


@router.post(
    f"{A}/submit",
    response={200: CitizenApplicationOut, **ERRORS},
    auth=AUTH,
    operation_id=operation("submit"),
)
def submit_my_application(
    request: HttpRequest, application_id: RecordId, payload: CitizenVersionIn
) -> Any:
    """Send the draft to the NAV office of where the applicant lives: the reference and the
    office in the answer."""
    services.application_submit(
        actor=actor_of(request),
        application=_mine(request, application_id),
        version=payload.version,
    )
    return _again(request, application_id)


@router.post(
    f"{R}/attachments",
    response={201: CitizenAttachmentOut, **ERRORS},
    auth=AUTH,
    operation_id=operation("add_answer_attachment"),
    openapi_extra=FILE_BODY,
)
def add_answer_attachment(request: HttpRequest, request_id: RecordId) -> Any:
    """A file for the office's open request."""
    actor = actor_of(request)
    found = selectors.my_documentation_request(actor, request_id)
    data, name = _file(request)
    kept = attachments.attachment_add(
        actor=actor, application=found.application, data=data, file_name=name, request=found
    )
    return Status(201, attachment_out(kept))


@router.post(
    f"{R}/answer",
    response={200: CitizenRequestOut, **ERRORS},
    auth=AUTH,
    operation_id=operation("answer_request"),
)
def answer_request(request: HttpRequest, request_id: RecordId, payload: CitizenAnswerIn) -> Any:
    """Send the answer: the files sent for it and a comment (one of them at least)."""
    actor = actor_of(request)
    found = selectors.my_documentation_request(actor, request_id)
    return answers.documentation_answer(
        actor=actor, request=found, version=payload.version, comment=payload.comment
    )
