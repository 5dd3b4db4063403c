"""Access-matrix rows for the Ministry's enquiries and its public journal (see
test_access_matrix.py). The demo login "departement" works in the Press and Communications
Division, which sees every inbox; the press enquiry in the demo lies there, and the demo's
access request has waited long enough to count as refused."""

from __future__ import annotations

from velferd.enquiries.models import Enquiry, JournalEntry

from .matrix import ANONYMOUS, LOGINS, Route

E = "/api/v1/enquiries"
NOBODY = "00000000-0000-0000-0000-000000000000"


def ministry_only(status: int) -> dict[str, int]:
    return {ANONYMOUS: 401, **dict.fromkeys(LOGINS, 403), "departement": status}


def _press_enquiry(_: str) -> str:
    return str(Enquiry.objects.get(is_press=True).pk)


def _access_request(_: str) -> str:
    return str(Enquiry.objects.get(kind="access_request").pk)


def _public_entry(_: str) -> str:
    public = JournalEntry.objects.filter(exemption="").order_by("case_reference")
    return str(public.values_list("pk", flat=True)[0])


J = f"{E}/journal/entries"
EVERYONE = {ANONYMOUS: 200, **dict.fromkeys(LOGINS, 200)}

ENQUIRY = {
    "name": "Åse Aas",
    "email": "ase@example.no",
    "subject": "Uføretrygd",
    "text": "Hvordan beregnes uføretrygd når jeg jobber litt?",
}

ROUTES = [
    Route("post", E, {ANONYMOUS: 201, **dict.fromkeys(LOGINS, 201)}, body=lambda _: ENQUIRY),
    Route(
        "post",
        f"{E}/route",
        ministry_only(200),
        body=lambda _: {"text": "Når kan jeg ta ut alderspensjon?"},
    ),
    Route("get", E, ministry_only(200)),
    Route(
        "get",
        f"{E}/{{enquiry_id}}",
        ministry_only(200),
        params={"enquiry_id": _press_enquiry},
        unknown_path=f"{E}/{NOBODY}",
    ),
    Route(
        "post",
        f"{E}/{{enquiry_id}}/assign",
        ministry_only(200),
        params={"enquiry_id": _press_enquiry},
        unknown_path=f"{E}/{NOBODY}/assign",
        body=lambda _: {"assignee": "departement", "version": 1},
    ),
    Route(
        "post",
        f"{E}/{{enquiry_id}}/reroute",
        ministry_only(200),
        params={"enquiry_id": _press_enquiry},
        unknown_path=f"{E}/{NOBODY}/reroute",
        body=lambda _: {"department": "welfare-policy", "version": 1},
    ),
    Route(
        "post",
        f"{E}/{{enquiry_id}}/reply",
        ministry_only(200),
        params={"enquiry_id": _press_enquiry},
        unknown_path=f"{E}/{NOBODY}/reply",
        body=lambda _: {"text": "Statsråden kan stille torsdag.", "version": 1},
    ),
    Route(
        "post",
        f"{E}/{{enquiry_id}}/close",
        ministry_only(200),
        params={"enquiry_id": _press_enquiry},
        unknown_path=f"{E}/{NOBODY}/close",
        body=lambda _: {"version": 1},
    ),
    Route(
        "post",
        f"{E}/{{enquiry_id}}/provisional-reply",
        ministry_only(200),
        params={"enquiry_id": _press_enquiry},
        unknown_path=f"{E}/{NOBODY}/provisional-reply",
        body=lambda _: {"text": "Vi svarer innen to uker.", "version": 1},
    ),
    Route(
        "post",
        f"{E}/{{enquiry_id}}/appeal",
        ministry_only(200),
        params={"enquiry_id": _access_request},
        unknown_path=f"{E}/{NOBODY}/appeal",
        body=lambda _: {"text": "Jeg klager på at kravet ikke er besvart.", "version": 1},
    ),
    Route("get", J, EVERYONE),
    Route(
        "get",
        f"{J}/{{entry_id}}",
        EVERYONE,
        params={"entry_id": _public_entry},
        unknown_path=f"{J}/{NOBODY}",
    ),
    Route(
        "post",
        J,
        ministry_only(201),
        body=lambda _: {
            "department": "welfare-policy",
            "case_reference": "26/2001",
            "direction": "internal",
            "document_date": "2026-01-05",
            "title": "Notat om regelverket",
        },
    ),
    Route(
        "post",
        f"{J}/{{entry_id}}/exemption",
        ministry_only(200),
        params={"entry_id": _public_entry},
        unknown_path=f"{J}/{NOBODY}/exemption",
        body=lambda _: {"exemption": "Offl. § 14 første ledd", "version": 1},
    ),
]

PUBLICATIONS = "/api/v1/publications"
EVERYONE_200 = {ANONYMOUS: 200, **dict.fromkeys(LOGINS, 200)}
PUBLICATION_ROUTES = [
    Route("get", PUBLICATIONS, EVERYONE_200),
    Route("get", f"{PUBLICATIONS}/topics", EVERYONE_200),
    Route("get", f"{PUBLICATIONS}/ministries", EVERYONE_200),
    Route(
        "get",
        f"{PUBLICATIONS}/{{slug}}",
        EVERYONE_200,
        params={"slug": lambda _: "introduction-programme"},
        unknown_path=f"{PUBLICATIONS}/no-such-publication",
    ),
]
