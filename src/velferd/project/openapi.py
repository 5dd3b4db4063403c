import json


def openapi_document() -> str:
    """The API's OpenAPI schema as stable, readable JSON."""
    from velferd.api import api

    return json.dumps(api.get_openapi_schema(), indent=2, sort_keys=True, ensure_ascii=False)
