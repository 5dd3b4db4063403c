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


def _schema_classes(root: type) -> list[type]:
    found = []
    for sub in root.__subclasses__():
        found.append(sub)
        found.extend(_schema_classes(sub))
    return found


def test_no_two_schemas_of_the_api_share_a_name_with_different_shapes() -> None:
    """The document names each schema by its class name alone, so two classes of one name
    would be one entry in it: the later one describes both, and a client built from the
    document sends and reads the wrong fields for the other."""
    from ninja import Schema

    import velferd.api  # noqa: F401  (every router and its schemas)

    shapes: dict[str, dict[str, str]] = {}
    for cls in _schema_classes(Schema):
        if not cls.__module__.startswith("velferd.") or ".tests." in cls.__module__:
            continue
        shape = json.dumps(cls.model_json_schema(), sort_keys=True)
        shapes.setdefault(cls.__name__, {})[f"{cls.__module__}.{cls.__qualname__}"] = shape
    clashes = {
        name: sorted(by_class)
        for name, by_class in shapes.items()
        if len(set(by_class.values())) > 1
    }
    assert not clashes, clashes
