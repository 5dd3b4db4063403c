"""The partnership agreement with its minimum services: saved, versioned and audited; every
refusal leaves nothing behind."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from velferd.access.actor import ANONYMOUS, Actor
from velferd.audit.models import AuditEvent
from velferd.core.testing import refusal
from velferd.organisation.models import Office, PartnershipAgreement
from velferd.organisation.services import agreement_save

from .writes import (
    KAUTOKEINO,
    MINIMUM,
    MINIMUM_NAMES,
    NON_ADMIN_LOGINS,
    SIGNED,
    last_event,
    services_of,
)

pytestmark = pytest.mark.django_db


class TestAgreementSave:
    def test_saving_replaces_the_services_bumps_the_version_and_is_audited(
        self, admin: Actor
    ) -> None:
        office = Office.objects.get(unit_number=KAUTOKEINO)
        old_services = services_of(KAUTOKEINO)
        assert "housing_assistance" not in old_services

        agreement = agreement_save(
            actor=admin,
            office=office,
            services=[*MINIMUM, "housing_assistance"],
            signed_on=SIGNED,
            notes="Boligsosialt arbeid er lagt til.",
            version=1,
        )

        assert agreement.version == 2
        assert services_of(KAUTOKEINO) == {*MINIMUM, "housing_assistance"}
        agreement.refresh_from_db()
        assert (agreement.signed_on, agreement.notes) == (
            SIGNED,
            "Boligsosialt arbeid er lagt til.",
        )
        event = last_event("agreement.saved")
        assert event is not None
        assert event.target_id == str(agreement.pk)
        assert event.actor_label == "Ada Administrator"
        assert event.before == {
            "signed_on": "2024-01-01",
            "notes": "",
            "services": sorted(old_services),
        }
        assert event.after == {
            "signed_on": "2025-03-01",
            "notes": "Boligsosialt arbeid er lagt til.",
            "services": sorted([*MINIMUM, "housing_assistance"]),
        }

    def test_the_minimum_alone_is_a_valid_agreement(self, admin: Actor) -> None:
        office = Office.objects.get(unit_number=KAUTOKEINO)

        agreement_save(actor=admin, office=office, services=MINIMUM, signed_on=SIGNED, version=1)

        assert services_of(KAUTOKEINO) == set(MINIMUM)

    @pytest.mark.parametrize(
        ("left_out", "name_nb", "name_en"),
        MINIMUM_NAMES,
        ids=[code for code, _, _ in MINIMUM_NAMES],
    )
    def test_agreement_without_a_minimum_service_is_refused_naming_it(
        self, admin: Actor, left_out: str, name_nb: str, name_en: str
    ) -> None:
        office = Office.objects.get(unit_number=KAUTOKEINO)
        old_services = services_of(KAUTOKEINO)
        events_before = AuditEvent.objects.count()
        chosen = [code for code in MINIMUM if code != left_out] + ["housing_assistance"]

        error = refusal(
            lambda: agreement_save(
                actor=admin,
                office=office,
                services=chosen,
                signed_on=SIGNED,
                version=1,
            )
        )

        assert (error.code, error.status, error.field) == (
            "agreement_minimum_missing",
            422,
            "services",
        )
        assert name_nb in error.message_nb
        assert name_en in error.message_en
        others = [n for code, n, _ in MINIMUM_NAMES if code != left_out]
        assert not any(other in error.message_nb for other in others)
        assert services_of(KAUTOKEINO) == old_services
        assert PartnershipAgreement.objects.get(office=office).version == 1
        assert AuditEvent.objects.count() == events_before

    def test_leaving_out_several_minimum_services_names_them_all(self, admin: Actor) -> None:
        office = Office.objects.get(unit_number=KAUTOKEINO)

        error = refusal(
            lambda: agreement_save(
                actor=admin,
                office=office,
                services=["state_tasks"],
                signed_on=SIGNED,
                version=1,
            )
        )

        assert error.code == "agreement_minimum_missing"
        for _code, name_nb, name_en in MINIMUM_NAMES[1:]:
            assert name_nb in error.message_nb
            assert name_en in error.message_en

    def test_unknown_service_code_is_refused_naming_it(self, admin: Actor) -> None:
        office = Office.objects.get(unit_number=KAUTOKEINO)
        old_services = services_of(KAUTOKEINO)

        error = refusal(
            lambda: agreement_save(
                actor=admin,
                office=office,
                services=[*MINIMUM, "jetpack_rental"],
                signed_on=SIGNED,
                version=1,
            )
        )

        assert (error.code, error.status, error.field) == ("unknown_service", 422, "services")
        assert "jetpack_rental" in error.message_nb
        assert "jetpack_rental" in error.message_en
        assert services_of(KAUTOKEINO) == old_services

    def test_stale_version_is_refused_with_409_and_nothing_is_saved(self, admin: Actor) -> None:
        office = Office.objects.get(unit_number=KAUTOKEINO)
        agreement_save(
            actor=admin,
            office=office,
            services=[*MINIMUM, "mental_health"],
            signed_on=SIGNED,
            version=1,
        )
        events_before = AuditEvent.objects.count()

        error = refusal(
            lambda: agreement_save(
                actor=admin,
                office=office,
                services=[*MINIMUM, "housing_assistance"],
                signed_on=SIGNED,
                version=1,
            )
        )

        assert (error.code, error.status, error.field) == ("stale_version", 409, "version")
        assert "versjon 2" in error.message_nb
        assert "version 2" in error.message_en
        assert services_of(KAUTOKEINO) == {*MINIMUM, "mental_health"}
        assert PartnershipAgreement.objects.get(office=office).version == 2
        assert AuditEvent.objects.count() == events_before

    @pytest.mark.parametrize("login", NON_ADMIN_LOGINS)
    def test_only_an_administrator_may_change_an_agreement(
        self, actor_of_login: Callable[[str], Actor], login: str
    ) -> None:
        office = Office.objects.get(unit_number="0317")  # the office of the caseworkers
        old_services = services_of("0317")

        error = refusal(
            lambda: agreement_save(
                actor=actor_of_login(login),
                office=office,
                services=MINIMUM,
                signed_on=SIGNED,
                version=1,
            )
        )

        assert (error.code, error.status) == ("forbidden", 403)
        assert services_of("0317") == old_services

    def test_anonymous_actor_is_asked_to_log_in(self) -> None:
        office = Office.objects.get(unit_number=KAUTOKEINO)

        error = refusal(
            lambda: agreement_save(
                actor=ANONYMOUS,
                office=office,
                services=MINIMUM,
                signed_on=SIGNED,
                version=1,
            )
        )

        assert (error.code, error.status) == ("not_authenticated", 401)
        assert PartnershipAgreement.objects.get(office=office).version == 1
