"""Agreements through their services: what is written, and every refusal — a price model
the scheme type does not allow, a call-off outside its framework's period or of another
supplier, activating an agreed price without a rate, cancelling without a reason, a stale
version, and who may write them."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest

from velferd.audit.models import AuditEvent
from velferd.core.errors import DomainError
from velferd.core.testing import login_actor
from velferd.schemes import services
from velferd.schemes.models import AgreementStatus, PriceModel

from .agreement_builders import END, START, a_draft, an_active, manager
from .factories import a_scheme_type, a_supplier

pytestmark = pytest.mark.django_db


def refusal(call: object) -> DomainError:
    with pytest.raises(DomainError) as caught:
        call()  # type: ignore[operator]
    return caught.value


def test_a_draft_agreement_is_written_with_its_areas_options_and_rates() -> None:
    agreement = a_draft(
        offices=["0317"],
        options=[datetime.date(2028, 12, 31), datetime.date(2029, 12, 31)],
        rates=[(START, "21500.50")],
    )
    assert agreement.status == AgreementStatus.DRAFT
    assert agreement.number == f"2026-{agreement.pk:06d}"
    assert [c.pk for c in agreement.counties.all()] == ["03"]
    assert [o.unit_number for o in agreement.offices.all()] == ["0317"]
    assert [o.number for o in agreement.options.all()] == [1, 2]
    assert agreement.rates.get().amount == Decimal("21500.50")
    assert AuditEvent.objects.filter(action="scheme_agreement.created").exists()


def test_a_price_model_the_scheme_type_does_not_allow_is_refused() -> None:
    scheme_type = a_scheme_type(price_models=[PriceModel.FIXED_MONTHLY_RATE])
    error = refusal(lambda: a_draft(scheme_type=scheme_type, price_model=PriceModel.AGREED_HOURLY))
    assert (error.code, error.field, error.status) == (
        "price_model_not_allowed",
        "price_model",
        422,
    )
    assert "tillater ikke" in error.message_nb and "does not allow" in error.message_en


def test_an_office_outside_the_counties_is_refused() -> None:
    error = refusal(lambda: a_draft(offices=["4602"]))
    assert error.code == "invalid_offices"


def test_a_call_off_lies_inside_its_framework_and_has_its_supplier_and_type() -> None:
    framework = a_draft(is_framework=True)
    call_off = a_draft(
        supplier=framework.supplier,
        scheme_type=framework.scheme_type,
        framework=framework,
        starts_on=datetime.date(2026, 3, 1),
        ends_on=datetime.date(2026, 12, 31),
    )
    assert call_off.framework_id == framework.pk
    outside = refusal(
        lambda: a_draft(
            supplier=framework.supplier,
            scheme_type=framework.scheme_type,
            framework=framework,
            ends_on=datetime.date(2028, 6, 30),
        )
    )
    assert outside.code == "outside_framework_period"
    assert "31.12.2027" in outside.message_nb
    other = refusal(
        lambda: a_draft(
            scheme_type=framework.scheme_type, framework=framework, supplier=a_supplier()
        )
    )
    assert other.code == "call_off_mismatch"
    not_framework = refusal(lambda: a_draft(framework=a_draft()))
    assert not_framework.code == "not_a_framework"


def test_activating_an_agreed_price_needs_a_rate() -> None:
    draft = a_draft()
    error = refusal(
        lambda: services.agreement_activate(actor=manager(), agreement=draft, version=1)
    )
    assert (error.code, error.status) == ("rate_required", 409)
    services.agreement_add_rate(
        actor=manager(), agreement=draft, version=1, valid_from=START, amount="19000"
    )
    active = services.agreement_activate(actor=manager(), agreement=draft, version=2)
    assert (active.status, active.version) == (AgreementStatus.ACTIVE, 3)


def test_a_fixed_rate_agreement_is_activated_without_a_rate_of_its_own() -> None:
    draft = a_draft(price_model=PriceModel.FIXED_MONTHLY_RATE)
    active = services.agreement_activate(actor=manager(), agreement=draft, version=1)
    assert active.status == AgreementStatus.ACTIVE


def test_cancelling_needs_a_reason_and_is_audited() -> None:
    active = an_active()
    error = refusal(
        lambda: services.agreement_cancel(
            actor=manager(), agreement=active, version=active.version, reason="  "
        )
    )
    assert (error.code, error.field) == ("reason_required", "reason")
    cancelled = services.agreement_cancel(
        actor=manager(), agreement=active, version=active.version, reason="Leverandøren er konkurs."
    )
    assert cancelled.status == AgreementStatus.CANCELLED
    assert cancelled.status_reason == "Leverandøren er konkurs."
    event = AuditEvent.objects.filter(action="scheme_agreement.cancelled").latest("seq")
    assert event.after is not None and event.after["status"] == "cancelled"


def test_a_stale_version_is_409_and_changes_nothing() -> None:
    active = an_active()
    error = refusal(lambda: services.agreement_end(actor=manager(), agreement=active, version=1))
    assert (error.code, error.status) == ("stale_version", 409)
    active.refresh_from_db()
    assert active.status == AgreementStatus.ACTIVE


def test_exercising_an_option_moves_the_end_date_and_is_audited() -> None:
    active = an_active(options=[datetime.date(2028, 12, 31)])
    extended = services.agreement_exercise_option(
        actor=manager(), agreement=active, version=active.version, number=1, on=END
    )
    assert extended.ends_on == datetime.date(2028, 12, 31)
    assert extended.options.get().exercised_on == END
    event = AuditEvent.objects.filter(action="scheme_agreement.option_exercised").latest("seq")
    assert event.before is not None and event.after is not None
    assert (event.before["ends_on"], event.after["ends_on"]) == ("2027-12-31", "2028-12-31")
    again = refusal(
        lambda: services.agreement_exercise_option(
            actor=manager(), agreement=extended, version=extended.version, number=1, on=END
        )
    )
    assert again.code == "option_not_open"


def test_only_a_scheme_manager_of_a_covered_county_writes_agreements() -> None:
    error = refusal(lambda: a_draft(actor=login_actor("tiltaksforvalter"), counties=["46"]))
    assert error.status == 403
    caseworker = refusal(lambda: a_draft(actor=login_actor("veileder")))
    assert caseworker.status == 403
