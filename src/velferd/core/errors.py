"""Domain errors: one exception type for every refusal the system makes on purpose.

A DomainError carries a stable code, a message in Norwegian and in English, the field it
concerns (if any) and the HTTP status the API answers with. Pages show the message in the
user's language beside the field; the API answers {"code", "message", "field"}.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from django.utils import translation

BAD_REQUEST = 400
FORBIDDEN = 403
NOT_FOUND = 404
CONFLICT = 409
ACCEPTED = 202
UNPROCESSABLE = 422


@dataclass
class DomainError(Exception):
    code: str
    message_nb: str
    message_en: str
    field: str | None = None
    status: int = UNPROCESSABLE

    def __post_init__(self) -> None:
        super().__init__(self.message_en)

    @property
    def message(self) -> str:
        language = translation.get_language() or "nb"
        return self.message_en if language.startswith("en") else self.message_nb

    def as_dict(self) -> dict[str, str | None]:
        return {"code": self.code, "message": self.message, "field": self.field}


def forbidden() -> DomainError:
    return DomainError(
        code="forbidden",
        message_nb="Du har ikke tilgang til dette.",
        message_en="You do not have access to this.",
        status=FORBIDDEN,
    )


def not_found(what_nb: str, what_en: str, field: str | None = None) -> DomainError:
    return DomainError(
        code="not_found",
        message_nb=f"Fant ikke {what_nb}.",
        message_en=f"{what_en[0].upper()}{what_en[1:]} was not found.",
        field=field,
        status=NOT_FOUND,
    )


def stale_version(current: int) -> DomainError:
    return DomainError(
        code="stale_version",
        message_nb=(
            f"Noen andre har endret dette i mellomtiden (nå versjon {current}). "
            "Last inn på nytt og prøv igjen."
        ),
        message_en=(
            f"Someone else changed this in the meantime (now version {current}). "
            "Reload and try again."
        ),
        field="version",
        status=CONFLICT,
    )


class FileProblem(Protocol):
    """One bad line of an imported file, as its import reports it."""

    @property
    def line(self) -> int: ...

    def as_dict(self) -> dict[str, object]: ...


@dataclass
class ImportRejected(DomainError):
    """An imported file refused as a whole; `problems` lists every bad line."""

    problems: Sequence[Any] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:  # type: ignore[override]
        return {**super().as_dict(), "errors": [p.as_dict() for p in self.problems]}


def rejected(problems: Sequence[FileProblem]) -> ImportRejected:
    """The refusal of a whole file for its bad lines: nothing of it is saved."""
    lines = len({p.line for p in problems})
    return ImportRejected(
        code="invalid_file",
        message_nb=f"Filen ble ikke importert: {lines} linje(r) har feil. Ingenting er lagret.",
        message_en=f"The file was not imported: {lines} line(s) have errors. Nothing was saved.",
        field="file",
        status=UNPROCESSABLE,
        problems=problems,
    )
