"""The committed OpenAPI schema (docs/openapi.json) is the API: a change to one without the
other fails here. Regenerate with `make openapi`."""

import json
from pathlib import Path

from velferd.project.openapi import openapi_document

COMMITTED = Path(__file__).resolve().parent.parent / "docs" / "openapi.json"


def test_committed_openapi_schema_matches_the_api() -> None:
    committed = json.loads(COMMITTED.read_text(encoding="utf-8"))
    current = json.loads(openapi_document())
    assert committed == current, "docs/openapi.json is out of date: run `make openapi`."


def test_schema_documents_the_error_shape_on_every_route() -> None:
    schema = json.loads(openapi_document())
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            responses = operation["responses"]
            assert "404" in responses or "403" in responses, f"{method} {path}"
