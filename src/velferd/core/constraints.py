"""What the API's fields accept, written into its OpenAPI document, so that a client (or a
fuzzer) can build a request the API takes.

A constraint is declared in one of two ways:

- one the schema itself enforces (pydantic's `max_length`, `ge`/`le`, `pattern`): a value that
  breaks it is 422 `invalid_input` naming the field;
- one the service already enforces in its own words (an unknown need group, an identity
  number of ten digits): `Declared` only writes it into the OpenAPI document, and the answer
  stays the service's: 422 with its code, its message in Norwegian and English and the
  field, or 404 for an id or a number that names nothing.

Either way the document and the API agree: what the schema allows is not refused for its form.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

from django.db.models import Choices
from ninja import Field
from pydantic import GetJsonSchemaHandler, WithJsonSchema
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema


class Declared:
    """JSON-schema keywords for a field whose service checks them itself:
    `Annotated[str, Declared(pattern="^[0-9]{4}$")]`. In `str | None` the keywords go on the
    string, so null stays allowed. A keyword given as a function is called when the document
    is written: `Declared(enum=lambda: units.keys("department"))` for values that another
    domain registers once the apps are ready."""

    def __init__(self, **keywords: Any) -> None:
        self.keywords = keywords

    def __get_pydantic_json_schema__(
        self, core_schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        schema = handler(core_schema)
        schema.update(
            {name: value() if callable(value) else value for name, value in self.keywords.items()}
        )
        return schema

    def __repr__(self) -> str:
        return f"Declared({self.keywords!r})"


def omit_default(schema: dict[str, Any]) -> None:
    """For `json_schema_extra`: the document shows no default null."""
    schema.pop("default", None)


def omissible(**constraints: Any) -> Any:
    """A field of a partial update that may be left out (it is then None and unchanged) but
    not sent as null: `given_name: str = omissible(max_length=100)`."""
    return Field(None, json_schema_extra=omit_default, **constraints)


def requires(*names: str) -> Callable[[dict[str, Any]], None]:
    """For a schema's `model_config` `json_schema_extra`: fields the service needs (and says
    so in its own words when one is missing) although the schema lets them be left out."""

    def declare(schema: dict[str, Any]) -> None:
        schema["required"] = [*schema.get("required", []), *names]

    return declare


def values_of(choices: Any) -> list[str]:
    """The stored values of a model's TextChoices (or of any iterable of strings)."""
    if isinstance(choices, type) and issubclass(choices, Choices):
        return [str(value) for value in choices.values]
    return [str(value) for value in choices]


def one_of(choices: Any, *, blank: bool = False) -> Declared:
    """The values a choice field takes (with `blank`, also "" for "no filter")."""
    return Declared(enum=[*([""] if blank else []), *values_of(choices)])


def decimal_number(**bounds: float) -> WithJsonSchema:
    """For `Annotated[Decimal, …]`: a decimal is written as a JSON number (or, in a query,
    as the number's text), within `bounds` (minimum, maximum)."""
    return WithJsonSchema({"type": "number", **bounds})


# Free text the service strips and refuses when nothing is left: it must hold a character
# that is not a blank.
NOT_BLANK = Declared(pattern=r"\S")

# Norwegian identifiers, in their compact form. The services check them (check digits, birth
# date, that the municipality exists) and say what is wrong; an identifier in a path is looked
# up, and one that names nothing is 404.
NationalId = Annotated[str, Declared(pattern=r"^[0-9]{11}$")]
OrganisationNumber = Annotated[str, Declared(pattern=r"^[0-9]{9}$")]
MunicipalityNumber = Annotated[str, Declared(pattern=r"^[0-9]{4}$")]
CountyNumber = Annotated[str, Declared(pattern=r"^[0-9]{2}$")]
UnitNumber = Annotated[str, Declared(pattern=r"^[0-9]{4}$")]

# A login's username (as Django keeps it) and a slug (a department's, a publication's).
Username = Annotated[str, Declared(maxLength=150)]
Slug = Annotated[str, Declared(pattern=r"^[-a-zA-Z0-9_]+$", maxLength=200)]

# A record's id. An id that is not a UUID names no record: like any unknown id it is 404.
RecordId = Annotated[str, Declared(format="uuid")]
