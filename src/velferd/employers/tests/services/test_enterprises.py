"""Enterprises: registering, changing and the contact person, each with its audit event,
each refusal with its code and status and nothing written."""

from __future__ import annotations

from typing import Any

import pytest

from velferd.access.actor import Actor
from velferd.access.models import User
from velferd.audit.models import AuditEvent
from velferd.employers import services
from velferd.employers.models import (
    Enterprise,
)

from ..writes import Lookup, actions_since, audit_mark, refused

pytestmark = pytest.mark.django_db


class TestEnterpriseRegister:
    def register(self, actor: Actor, **changes: Any) -> Enterprise:
        fields: dict[str, Any] = {
            "organisation_number": "889640782",
            "name": " Hordaland Trafikk AS ",
            "municipality_number": "4601",
            "industry_code": "49.310",
            "sector": "private",
            "employees": 75,
        }
        return services.enterprise_register(actor=actor, **{**fields, **changes})

    def test_an_advisor_registers_an_enterprise_in_its_municipalitys_county(
        self, advisor: Actor
    ) -> None:
        seq = audit_mark()
        enterprise = self.register(advisor)
        assert (enterprise.name, enterprise.county_id) == ("Hordaland Trafikk AS", "46")
        assert actions_since(seq) == ["enterprise.registered"]

    def test_a_bad_organisation_number_is_refused_with_a_clear_message(
        self, advisor: Actor
    ) -> None:
        error = refused(lambda: self.register(advisor, organisation_number="889640783"))
        assert (error.code, error.field, error.status) == (
            "invalid_organisation_number",
            "organisation_number",
            422,
        )
        assert "889640783" in error.message_nb and "kontrollsiffer" in error.message_nb

    def test_a_known_enterprise_is_a_conflict(self, advisor: Actor, enterprise: Enterprise) -> None:
        number = enterprise.organisation_number
        error = refused(lambda: self.register(advisor, organisation_number=number))
        assert (error.code, error.status) == ("enterprise_exists", 409)

    @pytest.mark.parametrize(
        ("field", "value", "code"),
        [
            ("industry_code", "86", "invalid_industry_code"),
            ("sector", "church", "invalid_sector"),
            ("employees", -1, "invalid_employees"),
            ("name", " ", "name_required"),
        ],
    )
    def test_bad_facts_are_refused_beside_their_field(
        self, advisor: Actor, field: str, value: object, code: str
    ) -> None:
        error = refused(lambda: self.register(advisor, **{field: value}))
        assert (error.code, error.field, error.status) == (code, field, 422)

    def test_an_employer_may_not_register_enterprises(self, actor_of_login: Lookup) -> None:
        error = refused(lambda: self.register(actor_of_login("arbeidsgiver")))
        assert error.status == 403


class TestEnterpriseChange:
    def test_the_change_is_versioned_and_audited(
        self, advisor: Actor, enterprise: Enterprise
    ) -> None:
        seq = audit_mark()
        changed = services.enterprise_change(
            actor=advisor, enterprise=enterprise, version=enterprise.version, employees=61
        )
        assert (changed.employees, changed.version) == (61, enterprise.version + 1)
        assert actions_since(seq) == ["enterprise.changed"]
        event = AuditEvent.objects.get(seq=seq + 1)
        assert event.before is not None and event.after is not None
        assert (event.before["employees"], event.after["employees"]) == (50, 61)

    def test_a_stale_version_is_refused_with_409(
        self, advisor: Actor, enterprise: Enterprise
    ) -> None:
        error = refused(
            lambda: services.enterprise_change(
                actor=advisor, enterprise=enterprise, version=enterprise.version - 1, name="X"
            )
        )
        assert (error.code, error.status) == ("stale_version", 409)

    def test_an_advisor_of_another_county_may_not_change_it(
        self, actor_of_login: Lookup, enterprise: Enterprise
    ) -> None:
        error = refused(
            lambda: services.enterprise_change(
                actor=actor_of_login("ia-03"), enterprise=enterprise, version=1, name="X"
            )
        )
        assert error.status == 403


class TestContactPerson:
    def test_the_county_centre_assigns_one_of_its_advisors(
        self, advisor: Actor, enterprise: Enterprise
    ) -> None:
        other = User.objects.get(username="ia-46")
        seq = audit_mark()
        enterprise = services.enterprise_assign_contact_person(
            actor=advisor, enterprise=enterprise, contact_person=other, version=enterprise.version
        )
        assert enterprise.contact_person == other
        assert actions_since(seq) == ["enterprise.contact_person_assigned"]

    def test_an_advisor_of_another_centre_cannot_be_the_contact_person(
        self, advisor: Actor, enterprise: Enterprise
    ) -> None:
        oslo = User.objects.get(username="ia-03")
        error = refused(
            lambda: services.enterprise_assign_contact_person(
                actor=advisor, enterprise=enterprise, contact_person=oslo, version=1
            )
        )
        assert (error.code, error.field) == ("not_an_advisor_here", "contact_person")
        assert "Vestland" in error.message_nb or "IA-rådgiver" in error.message_nb

    def test_an_employer_cannot_assign_one(self, employer: Actor, enterprise: Enterprise) -> None:
        error = refused(
            lambda: services.enterprise_assign_contact_person(
                actor=employer,
                enterprise=enterprise,
                contact_person=User.objects.get(username="ia-46"),
                version=1,
            )
        )
        assert error.status == 403
