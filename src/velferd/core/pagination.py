"""Paging shared by pages and the API: `?page=` (from 1) and `?page_size=` (at most 200)."""

from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from django.db.models import QuerySet

from .errors import DomainError

MAX_PAGE_SIZE = 200
DEFAULT_PAGE_SIZE = 50

T = TypeVar("T")


@dataclass
class Page(Generic[T]):
    items: list[T]
    count: int
    page: int
    page_size: int

    @property
    def pages(self) -> int:
        return max(1, -(-self.count // self.page_size))

    @property
    def has_next(self) -> bool:
        return self.page < self.pages

    @property
    def has_previous(self) -> bool:
        return self.page > 1


def paginate(
    queryset: "QuerySet[Any]", *, page: int = 1, page_size: int = DEFAULT_PAGE_SIZE
) -> Page[Any]:
    if page < 1:
        raise DomainError(
            code="invalid_page",
            message_nb="Sidetallet må være 1 eller mer.",
            message_en="The page number must be 1 or more.",
            field="page",
        )
    if not 1 <= page_size <= MAX_PAGE_SIZE:
        raise DomainError(
            code="invalid_page_size",
            message_nb=f"Sidestørrelsen må være mellom 1 og {MAX_PAGE_SIZE}.",
            message_en=f"The page size must be between 1 and {MAX_PAGE_SIZE}.",
            field="page_size",
        )
    start = (page - 1) * page_size
    return Page(
        items=list(queryset[start : start + page_size]),
        count=queryset.count(),
        page=page,
        page_size=page_size,
    )
