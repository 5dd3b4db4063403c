"""Assigning and revoking roles: each refused with a clear reason when it should be, and
each recorded in the audit trail."""

from __future__ import annotations

import pytest
from django.utils import translation

from velferd.access import selectors, services
from velferd.access.actor import Actor
from velferd.access.models import RoleAssignment, User
from velferd.access.roles import PartnerService, Role
from velferd.organisation import selectors as organisation_selectors

from .writes import ActorOf, first_assignment, last_event, refusal_of

pytestmark = pytest.mark.django_db


class TestRoleAssign:
    def test_a_caseworker_is_bound_to_an_office_and_it_is_audited(
        self, admin: Actor, newcomer: User
    ) -> None:
        office = organisation_selectors.office("0317")
        assignment = services.role_assign(
            actor=admin, user=newcomer, role=Role.CASEWORKER_STATE, office=office
        )
        assert assignment.office == office
        assert selectors.actor_for_user(newcomer).roles == {Role.CASEWORKER_STATE}
        event = last_event()
        assert event.action == "role.assigned"
        assert event.target_type == "access.roleassignment"
        assert event.target_id == str(assignment.pk)
        assert event.after == {
            "user": str(newcomer.pk),
            "role": "caseworker_state",
            "unit": str(office),
        }

    def test_a_caseworker_without_an_office_is_refused(self, admin: Actor, newcomer: User) -> None:
        error = refusal_of(
            lambda: services.role_assign(actor=admin, user=newcomer, role=Role.CASEWORKER_STATE)
        )
        assert error.code == "unit_required"
        assert error.field == "office"
        assert "office" in error.message_en
        assert not RoleAssignment.objects.filter(user=newcomer).exists()

    def test_a_partner_needs_both_municipality_and_service(
        self, admin: Actor, newcomer: User
    ) -> None:
        error = refusal_of(
            lambda: services.role_assign(
                actor=admin,
                user=newcomer,
                role=Role.PARTNER,
                municipality=organisation_selectors.municipality("0301"),
            )
        )
        assert error.code == "unit_required"
        assert error.field == "partner_service"

    def test_an_unknown_partner_service_is_refused(self, admin: Actor, newcomer: User) -> None:
        error = refusal_of(
            lambda: services.role_assign(
                actor=admin,
                user=newcomer,
                role=Role.PARTNER,
                municipality=organisation_selectors.municipality("0301"),
                partner_service="wizard",
            )
        )
        assert error.field == "partner_service"
        assert not RoleAssignment.objects.filter(user=newcomer).exists()

    def test_a_partner_with_municipality_and_service_is_assigned(
        self, admin: Actor, newcomer: User
    ) -> None:
        assignment = services.role_assign(
            actor=admin,
            user=newcomer,
            role=Role.PARTNER,
            municipality=organisation_selectors.municipality("0301"),
            partner_service=PartnerService.CHILD_WELFARE,
        )
        with translation.override("en"):
            assert assignment.unit_label() == "Child welfare service, 0301 Oslo"

    def test_a_citizen_cannot_be_bound_to_an_office(self, admin: Actor, newcomer: User) -> None:
        error = refusal_of(
            lambda: services.role_assign(
                actor=admin,
                user=newcomer,
                role=Role.CITIZEN,
                office=organisation_selectors.office("0317"),
            )
        )
        assert error.code == "unit_not_applicable"
        assert error.field == "office"

    def test_a_caseworker_cannot_also_be_bound_to_an_organisation_number(
        self, admin: Actor, newcomer: User
    ) -> None:
        error = refusal_of(
            lambda: services.role_assign(
                actor=admin,
                user=newcomer,
                role=Role.CASEWORKER_STATE,
                office=organisation_selectors.office("0317"),
                organisation_number="912345688",
            )
        )
        assert error.code == "unit_not_applicable"
        assert error.field == "organisation_number"

    def test_a_supplier_is_bound_to_a_valid_organisation_number(
        self, admin: Actor, newcomer: User
    ) -> None:
        assignment = services.role_assign(
            actor=admin, user=newcomer, role=Role.SUPPLIER, organisation_number="974 760 673"
        )
        assert assignment.organisation_number == "974760673"
        assert last_event().after["unit"] == "974760673"  # type: ignore[index]

    def test_an_organisation_number_with_a_bad_check_digit_is_refused(
        self, admin: Actor, newcomer: User
    ) -> None:
        error = refusal_of(
            lambda: services.role_assign(
                actor=admin, user=newcomer, role=Role.EMPLOYER, organisation_number="912345678"
            )
        )
        assert error.code == "invalid_organisation_number"
        assert error.field == "organisation_number"
        assert error.message_en == (
            "“912345678” is not a valid organisation number: the check digit does not match."
        )
        assert error.message_nb == (
            "«912345678» er ikke et gyldig organisasjonsnummer: kontrollsifferet stemmer ikke."
        )
        assert not RoleAssignment.objects.filter(user=newcomer).exists()

    def test_an_unknown_role_is_refused(self, admin: Actor, newcomer: User) -> None:
        error = refusal_of(
            lambda: services.role_assign(actor=admin, user=newcomer, role="superuser")
        )
        assert error.code == "unknown_role"

    def test_only_an_administrator_assigns_roles(
        self, actor_of_login: ActorOf, newcomer: User
    ) -> None:
        error = refusal_of(
            lambda: services.role_assign(
                actor=actor_of_login("kontorleder"),
                user=newcomer,
                role=Role.CASEWORKER_STATE,
                office=organisation_selectors.office("0317"),
            )
        )
        assert error.status == 403


class TestRoleRevoke:
    def test_a_revoked_role_is_no_longer_held_and_it_is_audited(
        self, admin: Actor, newcomer: User
    ) -> None:
        assignment = services.role_assign(actor=admin, user=newcomer, role=Role.ANALYST)
        services.role_revoke(actor=admin, assignment=assignment)
        assert selectors.actor_for_user(newcomer).roles == frozenset()
        event = last_event()
        assert event.action == "role.revoked"
        assert event.target_id == str(assignment.pk)
        assert event.before == {"is_active": True}
        assert event.after == {"is_active": False}

    def test_only_an_administrator_revokes_roles(self, actor_of_login: ActorOf) -> None:
        veileder = actor_of_login("veileder")
        error = refusal_of(
            lambda: services.role_revoke(actor=veileder, assignment=first_assignment(veileder))
        )
        assert error.status == 403
        assert first_assignment(actor_of_login("veileder")).is_active
