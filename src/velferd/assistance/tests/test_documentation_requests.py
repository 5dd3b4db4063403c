"""Documentation requests: the application waits for them, a withdrawn last one makes it
ready for decision, and a wrong request writes nothing."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from velferd.assistance.models import ApplicationStatus, DocumentationRequest
from velferd.assistance.services.documentation_requests import (
    documentation_request_create,
    documentation_request_withdraw,
)
from velferd.audit.models import AuditEvent
from velferd.core.errors import DomainError
from velferd.core.testing import login_actor

from .factories import an_application

pytestmark = pytest.mark.django_db


def in_days(days: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=days)


def test_a_request_makes_the_application_wait_and_withdrawing_it_makes_it_ready() -> None:
    application = an_application()
    social = login_actor("sosialkonsulent")
    request = documentation_request_create(
        actor=social,
        application_id=application.pk,
        version=application.version,
        what="Husleiekontrakt",
        deadline=in_days(10),
    )
    application.refresh_from_db()
    assert application.status == ApplicationStatus.AWAITING_DOCUMENTATION
    documentation_request_withdraw(actor=social, request_id=request.pk, version=request.version)
    application.refresh_from_db()
    assert application.status == ApplicationStatus.READY_FOR_DECISION
    actions = set(AuditEvent.objects.values_list("action", flat=True))
    assert {
        "assistance_application.documentation_requested",
        "assistance_application.documentation_withdrawn",
    } <= actions


@pytest.mark.parametrize(
    ("what", "deadline", "code"),
    [
        ("", in_days(5), "what_required"),
        ("Lønnsslipp", in_days(-1), "deadline_out_of_range"),
        ("Lønnsslipp", in_days(200), "deadline_out_of_range"),
        ("Lønnsslipp", "neste uke", "deadline_required"),
    ],
)
def test_a_wrong_request_is_refused_and_nothing_is_written(
    what: str, deadline: object, code: str
) -> None:
    application = an_application()
    with pytest.raises(DomainError) as refused:
        documentation_request_create(
            actor=login_actor("sosialkonsulent"),
            application_id=application.pk,
            version=application.version,
            what=what,
            deadline=deadline,
        )
    assert refused.value.code == code and refused.value.status == 422
    assert not DocumentationRequest.objects.filter(application=application).exists()
    application.refresh_from_db()
    assert application.status == ApplicationStatus.SUBMITTED


def test_no_request_on_a_decided_application() -> None:
    application = an_application(status=ApplicationStatus.DECIDED)
    with pytest.raises(DomainError) as refused:
        documentation_request_create(
            actor=login_actor("sosialkonsulent"),
            application_id=application.pk,
            version=application.version,
            what="Lønnsslipp",
            deadline=in_days(3),
        )
    assert refused.value.code == "application_closed" and refused.value.status == 409


def test_the_state_side_may_not_ask_even_with_consent() -> None:
    from velferd.people.tests.factories import a_consent

    application = an_application()
    a_consent(person=application.person, partner_service="nav_state")
    with pytest.raises(DomainError) as refused:
        documentation_request_create(
            actor=login_actor("veileder"),
            application_id=application.pk,
            version=application.version,
            what="Lønnsslipp",
            deadline=in_days(3),
        )
    assert refused.value.status == 403
