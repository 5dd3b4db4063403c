"""Reading agreements as far as the reader may see them (access.policies: the scheme
managers of a county an agreement covers, or national ones; the supplier's own staff)."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from velferd.access import policies
from velferd.access.actor import Actor
from velferd.core.errors import not_found

from ..models import Agreement, AgreementStatus, PriceModel

AGREEMENT_RELATIONS = ("supplier", "scheme_type", "framework")


def _not_found(agreement_id: Any) -> Exception:
    return not_found(f"avtale {agreement_id}", f"agreement {agreement_id}")


def agreements_for(
    *, actor: Actor, status: str = "", scheme_type: str = "", supplier: str = ""
) -> QuerySet[Agreement]:
    """The agreements the actor sees, newest first, by status, scheme type (code) and
    supplier (organisation number)."""
    policies.require(actor, policies.can_list_agreements)
    visible = Agreement.objects.filter(
        pk__in=Agreement.objects.filter(policies.agreements_visible(actor)).values("pk")
    )
    if status:
        visible = visible.filter(status=status)
    if scheme_type:
        visible = visible.filter(scheme_type__code=scheme_type)
    if supplier:
        visible = visible.filter(supplier__organisation_number=supplier)
    return visible.select_related(*AGREEMENT_RELATIONS).order_by("-starts_on", "number")


def agreement_for(*, actor: Actor, agreement_id: Any) -> Agreement:
    """The agreement, if the actor may see it (404 either way otherwise, so that an
    agreement one may not see is not told apart from one that does not exist)."""
    found = (
        Agreement.objects.select_related(*AGREEMENT_RELATIONS)
        .prefetch_related("counties", "offices")
        .filter(pk=agreement_id)
        .first()
    )
    if found is None or not policies.can_view_agreement(actor, found):
        raise _not_found(agreement_id)
    return found


def can_manage(actor: Actor, agreement: Agreement) -> bool:
    return policies.can_manage_agreement(actor, agreement)


def call_offs(actor: Actor, agreement: Agreement) -> QuerySet[Agreement]:
    """The call-offs under a framework agreement that the actor sees."""
    return agreements_for(actor=actor).filter(framework=agreement).order_by("starts_on")


def rates_of(agreement: Agreement) -> list[Any]:
    return list(agreement.rates.order_by("valid_from"))


def options_of(agreement: Agreement) -> list[Any]:
    return list(agreement.options.order_by("number"))


def national_rate_of(agreement: Agreement) -> Any:
    """The nationally fixed monthly rate of the agreement's scheme type, for the year it
    starts and the years after (a fixed-rate agreement's price)."""
    return list(
        agreement.scheme_type.national_rates.filter(
            year__gte=agreement.starts_on.year, year__lte=agreement.ends_on.year
        ).order_by("year")
    )


def area_offices(agreement: Agreement) -> list[Any]:
    """The offices a delivery under the agreement may be open to: the agreement's offices
    when it names any, else the active offices of its counties."""
    from velferd.organisation.models import Office

    named = list(agreement.offices.order_by("name_nb"))
    if named:
        return named
    counties = [c.pk for c in agreement.counties.all()]
    return list(Office.objects.filter(county_id__in=counties, is_active=True).order_by("name_nb"))


def agreement_status_choices() -> list[tuple[str, str]]:
    return [(str(v), str(label)) for v, label in AgreementStatus.choices]


def price_model_choices() -> list[tuple[str, str]]:
    return [(str(v), str(label)) for v, label in PriceModel.choices]


__all__ = [
    "agreement_for",
    "agreement_status_choices",
    "agreements_for",
    "area_offices",
    "call_offs",
    "national_rate_of",
    "options_of",
    "price_model_choices",
    "rates_of",
]
