"""The catalogue of scheme types: loaded from the product's reference data, and changed by
the scheme managers with a version check and an audit event."""

from __future__ import annotations

import pytest

from velferd.access.actor import Actor
from velferd.audit.models import AuditEvent
from velferd.core.errors import DomainError
from velferd.core.readability import lix
from velferd.core.testing import login_actor
from velferd.schemes import services
from velferd.schemes.choices import NeedGroup
from velferd.schemes.models import ArrangedAs, NationalRate, PriceModel, SchemeType
from velferd.schemes.services.catalogue import read_catalogue

pytestmark = pytest.mark.django_db

CODES = [row["code"] for row in read_catalogue()["scheme_types"]]
ADAPTED = {"specially_adapted", "partially_permanent", "permanent"}


def test_every_type_of_the_reference_and_the_municipal_programmes_is_in_the_catalogue() -> None:
    loaded = set(SchemeType.objects.values_list("code", flat=True))
    assert set(CODES) <= loaded
    assert {"ARBEIDSFORBEREDENDE_TRENING", "VARIG_TILRETTELAGT_ARBEID_SKJERMET", "AVKLARING"} <= (
        loaded
    )
    municipal = set(
        SchemeType.objects.filter(arranged_as=ArrangedAs.MUNICIPAL).values_list("code", flat=True)
    )
    assert municipal == {"KVALIFISERINGSPROGRAMMET", "INTRODUKSJONSPROGRAMMET", "JOBBSJANSEN"}


def test_codes_are_stable_and_each_type_has_its_legal_basis_and_texts() -> None:
    for scheme_type in SchemeType.objects.filter(code__in=CODES):
        assert scheme_type.code == scheme_type.code.upper()
        assert scheme_type.legal_basis_nb and scheme_type.legal_basis_en, scheme_type.code
        assert scheme_type.for_citizens_nb and scheme_type.for_caseworkers_en, scheme_type.code
    aft = SchemeType.objects.get(code="ARBEIDSFORBEREDENDE_TRENING")
    assert aft.arena_code == "ARBFORB"
    assert "kapittel 13" in aft.legal_basis_nb
    qualification = SchemeType.objects.get(code="KVALIFISERINGSPROGRAMMET")
    assert "sosialtjenesteloven" in qualification.legal_basis_nb
    assert "kapittel 4" in qualification.legal_basis_nb
    assert (
        "integreringsloven" in SchemeType.objects.get(code="INTRODUKSJONSPROGRAMMET").legal_basis_nb
    )


@pytest.mark.parametrize("code", CODES)
def test_the_citizens_description_is_easy_to_read_in_both_languages(code: str) -> None:
    scheme_type = SchemeType.objects.get(code=code)
    assert lix(scheme_type.for_citizens_nb).score < 45
    assert lix(scheme_type.for_citizens_en).score < 45
    assert scheme_type.citizens_lix == lix(scheme_type.for_citizens_nb).score


def test_who_may_be_enrolled_follows_the_rules() -> None:
    for code in ("ARBEIDSFORBEREDENDE_TRENING", "VARIG_TILRETTELAGT_ARBEID_SKJERMET"):
        scheme_type = SchemeType.objects.get(code=code)
        assert set(scheme_type.need_groups) == ADAPTED
        assert scheme_type.requires_sent_decision
        assert scheme_type.price_models == [PriceModel.FIXED_MONTHLY_RATE]
    jobbsjansen = SchemeType.objects.get(code="JOBBSJANSEN")
    assert (jobbsjansen.min_age, jobbsjansen.max_age) == (18, 55)
    every_code = {code for t in SchemeType.objects.all() for code in t.need_groups}
    assert every_code <= set(NeedGroup.values)


def test_the_national_rates_of_aft_and_vta_are_there_for_2025_and_2026() -> None:
    for code in ("ARBEIDSFORBEREDENDE_TRENING", "VARIG_TILRETTELAGT_ARBEID_SKJERMET"):
        years = set(
            NationalRate.objects.filter(scheme_type__code=code).values_list("year", flat=True)
        )
        assert {2025, 2026} <= years


def test_loading_again_changes_nothing(system: Actor) -> None:
    before = SchemeType.objects.count(), NationalRate.objects.count()
    report = services.load_catalogue(actor=system)
    assert report.created == 0
    assert (SchemeType.objects.count(), NationalRate.objects.count()) == before


def test_a_scheme_manager_changes_a_type_and_the_change_is_audited() -> None:
    manager = login_actor("tiltaksforvalter")
    avklaring = SchemeType.objects.get(code="AVKLARING")
    changed = services.scheme_type_change(
        actor=manager,
        scheme_type=avklaring,
        version=avklaring.version,
        for_citizens_nb="Vi finner ut hva du kan jobbe med.",
        max_duration_months=2,
        need_groups=["situation_specific"],
    )
    assert changed.version == avklaring.version + 1
    assert changed.max_duration_months == 2
    assert changed.citizens_lix == lix("Vi finner ut hva du kan jobbe med.").score
    event = AuditEvent.objects.filter(action="scheme_type.changed").latest("seq")
    assert event.before is not None and event.after is not None
    assert event.before["max_duration_months"] == 1
    assert event.after["max_duration_months"] == 2
    assert event.after["need_groups"] == ["situation_specific"]


def test_a_stale_version_is_refused_and_nothing_is_written() -> None:
    manager = login_actor("tiltaksforvalter")
    avklaring = SchemeType.objects.get(code="AVKLARING")
    services.scheme_type_change(
        actor=manager, scheme_type=avklaring, version=avklaring.version, is_active=False
    )
    with pytest.raises(DomainError) as refused:
        services.scheme_type_change(
            actor=manager, scheme_type=avklaring, version=avklaring.version, name_nb="Ny"
        )
    assert refused.value.status == 409
    assert SchemeType.objects.get(code="AVKLARING").name_nb == "Avklaring"


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"need_groups": ["nobody"]}, "need_groups"),
        ({"price_models": ["cheap"]}, "price_models"),
        ({"min_age": 30, "max_age": 20}, "max_age"),
        ({"max_duration_months": 0}, "max_duration_months"),
        ({"name_nb": "  "}, "name_nb"),
    ],
)
def test_bad_rules_are_refused(changes: dict[str, object], field: str) -> None:
    manager = login_actor("tiltaksforvalter")
    avklaring = SchemeType.objects.get(code="AVKLARING")
    with pytest.raises(DomainError) as refused:
        services.scheme_type_change(
            actor=manager, scheme_type=avklaring, version=avklaring.version, **changes
        )
    assert (refused.value.status, refused.value.field) == (422, field)


@pytest.mark.parametrize("login", ["veileder", "leverandor", "innbygger", "admin"])
def test_only_scheme_managers_change_the_catalogue(login: str) -> None:
    avklaring = SchemeType.objects.get(code="AVKLARING")
    with pytest.raises(DomainError) as refused:
        services.scheme_type_change(
            actor=login_actor(login), scheme_type=avklaring, version=avklaring.version, name_nb="X"
        )
    assert refused.value.status == 403
