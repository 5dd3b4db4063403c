"""Access-matrix rows for the schemes domain: the catalogue, the suppliers, the agreements
and the deliveries (see test_access_matrix.py). The demo supplier login works for
Grorud Arbeid og Inkludering AS (912345688); the scheme manager for Oslo."""

from __future__ import annotations

from typing import Any

from velferd.schemes.models import SchemeType, Supplier

from .matrix import ANONYMOUS, LOGINS, Route, logged_in

T = "/api/v1/schemes/types"
S = "/api/v1/schemes/suppliers"
DEMO_SUPPLIER = "912345688"
NOBODY_NUMBER = "923456902"
# NAV's staff who work with schemes: the office roles and the scheme managers.
SCHEME_STAFF = ["veileder", "sosialkonsulent", "beslutter", "kontorleder", "tiltaksforvalter"]
OFFICE_STAFF = ["veileder", "sosialkonsulent", "beslutter", "kontorleder"]


def answers(default: int, **by_login: int) -> dict[str, int]:
    return {ANONYMOUS: 401, **dict.fromkeys(LOGINS, default), **by_login}


def _staff(status: int) -> dict[str, int]:
    return dict.fromkeys(SCHEME_STAFF, status)


def _type_version(_: str) -> dict[str, Any]:
    version = SchemeType.objects.get(code="AVKLARING").version
    return {"version": version, "name_en": "Clarification"}


def _supplier_version() -> int:
    return Supplier.objects.get(organisation_number=DEMO_SUPPLIER).version


def _first_unit(_: str) -> str:
    supplier = Supplier.objects.get(organisation_number=DEMO_SUPPLIER)
    return str(supplier.units.order_by("pk").values_list("pk", flat=True)[0])


def _first_contact(_: str) -> str:
    supplier = Supplier.objects.get(organisation_number=DEMO_SUPPLIER)
    return str(supplier.contacts.order_by("pk").values_list("pk", flat=True)[0])


def _new_supplier(_: str) -> dict[str, Any]:
    return {"organisation_number": NOBODY_NUMBER, "name": "Matrise AS", "kind": "commercial"}


def _new_unit(login: str) -> dict[str, Any]:
    # A number no unit has: one per login, so that each case stands alone.
    numbers = {"tiltaksforvalter": "923456910", "leverandor": "923456929"}
    return {
        "version": _supplier_version(),
        "organisation_number": numbers.get(login, "923456937"),
        "name": "Matrise avdeling",
        "street": "Matrisegata 1",
        "postcode": "0150",
        "place": "Oslo",
        "municipality": "0301",
    }


def _same_unit(_: str) -> dict[str, Any]:
    supplier = Supplier.objects.get(organisation_number=DEMO_SUPPLIER)
    unit = supplier.units.order_by("pk")[0]
    return {
        "version": supplier.version,
        "organisation_number": unit.organisation_number,
        "name": unit.name,
        "street": unit.street,
        "postcode": unit.postcode,
        "place": unit.place,
        "municipality": unit.municipality_id,
    }


def _contact(_: str) -> dict[str, Any]:
    return {
        "version": _supplier_version(),
        "name": "Matrise Kontakt",
        "title": "Rådgiver",
        "email": "matrise@example.no",
        "phone": "22 00 00 00",
    }


def _version(_: str) -> dict[str, Any]:
    return {"version": _supplier_version()}


NUMBER = {"organisation_number": lambda _: DEMO_SUPPLIER}


def details(status: int) -> dict[str, int]:
    """Units and contacts: the scheme managers and the supplier's own staff change them;
    the office staff see the supplier but may not; anyone else does not see it."""
    return answers(
        404, tiltaksforvalter=status, leverandor=status, **dict.fromkeys(OFFICE_STAFF, 403)
    )


ROUTES = [
    Route("get", T, logged_in(200)),
    Route(
        "get",
        f"{T}/{{code}}",
        logged_in(200),
        params={"code": lambda _: "AVKLARING"},
        unknown_path=f"{T}/NOPE_NOPE",
    ),
    Route(
        "patch",
        f"{T}/{{code}}",
        logged_in(403, tiltaksforvalter=200),
        body=_type_version,
        params={"code": lambda _: "AVKLARING"},
        unknown_path=f"{T}/NOPE_NOPE",
    ),
    Route("get", S, answers(403, leverandor=200, **_staff(200))),
    Route("post", S, logged_in(403, tiltaksforvalter=201), body=_new_supplier),
    Route(
        "get",
        f"{S}/{{organisation_number}}",
        answers(404, leverandor=200, **_staff(200)),
        params=NUMBER,
        unknown_path=f"{S}/{NOBODY_NUMBER}",
    ),
    Route(
        "patch",
        f"{S}/{{organisation_number}}",
        answers(404, tiltaksforvalter=200, leverandor=403, **dict.fromkeys(OFFICE_STAFF, 403)),
        body=lambda _: {"version": _supplier_version(), "name": "Grorud Arbeid og Inkludering AS"},
        params=NUMBER,
        unknown_path=f"{S}/{NOBODY_NUMBER}",
    ),
    Route(
        "post",
        f"{S}/{{organisation_number}}/units",
        details(201),
        body=_new_unit,
        params=NUMBER,
        unknown_path=f"{S}/{NOBODY_NUMBER}/units",
    ),
    Route(
        "put",
        f"{S}/{{organisation_number}}/units/{{unit_id}}",
        details(200),
        body=_same_unit,
        params={**NUMBER, "unit_id": _first_unit},
        unknown_path=f"{S}/{{organisation_number}}/units/999999999",
    ),
    Route(
        "delete",
        f"{S}/{{organisation_number}}/units/{{unit_id}}",
        details(204),
        body=_version,
        params={**NUMBER, "unit_id": _first_unit},
        unknown_path=f"{S}/{{organisation_number}}/units/999999999",
    ),
    Route(
        "post",
        f"{S}/{{organisation_number}}/contacts",
        details(201),
        body=_contact,
        params=NUMBER,
        unknown_path=f"{S}/{NOBODY_NUMBER}/contacts",
    ),
    Route(
        "put",
        f"{S}/{{organisation_number}}/contacts/{{contact_id}}",
        details(200),
        body=_contact,
        params={**NUMBER, "contact_id": _first_contact},
        unknown_path=f"{S}/{{organisation_number}}/contacts/999999999",
    ),
    Route(
        "delete",
        f"{S}/{{organisation_number}}/contacts/{{contact_id}}",
        details(204),
        body=_version,
        params={**NUMBER, "contact_id": _first_contact},
        unknown_path=f"{S}/{{organisation_number}}/contacts/999999999",
    ),
]

from .matrix_agreements import ROUTES as AGREEMENT_ROUTES  # noqa: E402

ROUTES += AGREEMENT_ROUTES
