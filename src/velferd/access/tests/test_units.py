"""The registry's units, found by access without importing the registry."""

from __future__ import annotations

import pytest
from django.core.exceptions import ImproperlyConfigured

from velferd.access import units
from velferd.access.roles import Role
from velferd.core.errors import DomainError
from velferd.core.testing import new_user


@pytest.mark.django_db
def test_the_registry_has_told_how_each_unit_is_found() -> None:
    assert units.find("office", "0317").unit_number == "0317"
    assert units.find("iw_centre", "46").county_id == "46"
    assert units.find("municipality", "0301").number == "0301"
    assert units.find("county", "03").number == "03"
    assert units.find("department", "press-and-communications").slug == ("press-and-communications")


@pytest.mark.django_db
def test_an_unknown_key_is_refused_as_not_found() -> None:
    with pytest.raises(DomainError) as caught:
        units.find("office", "9999")
    assert caught.value.status == 404


def test_the_departments_are_known_without_the_database() -> None:
    assert "press-and-communications" in units.keys("department")


def test_a_role_is_bound_to_no_other_unit_of_the_registry() -> None:
    with pytest.raises(ImproperlyConfigured):
        units.register("planet", units.UnitKind(find=str))


@pytest.mark.django_db
def test_a_scheme_manager_works_for_a_county_or_for_the_whole_country() -> None:
    county = new_user("tf-oslo", Role.SCHEME_MANAGER, county=units.find("county", "03"))
    national = new_user("tf-national", Role.SCHEME_MANAGER)
    assert [a.county_id for a in county.assignments] == ["03"]
    assert [a.county_id for a in national.assignments] == [None]
    with pytest.raises(DomainError) as caught:
        new_user(
            "caseworker-with-county",
            Role.CASEWORKER_STATE,
            office=units.find("office", "0317"),
            county=units.find("county", "03"),
        )
    assert (caught.value.code, caught.value.field) == ("unit_not_applicable", "county")
