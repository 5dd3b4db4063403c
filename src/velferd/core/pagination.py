"""Paging shared by pages and the API: `?page=` (from 1) and `?page_size=` (at most 200)."""

from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from django.db.models import QuerySet

from .errors import DomainError

MAX_PAGE_SIZE = 200
# Far beyond any list here, and small enough that no database overflows on the offset.
MAX_PAGE = 1_000_000
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


def check_page(page: int, page_size: int) -> None:
    """Refuse a page number or size no list can have."""
    if not 1 <= page <= MAX_PAGE:
        raise DomainError(
            code="invalid_page",
            message_nb=f"Sidetallet må være mellom 1 og {MAX_PAGE}.",
            message_en=f"The page number must be between 1 and {MAX_PAGE}.",
            field="page",
        )
    if not 1 <= page_size <= MAX_PAGE_SIZE:
        raise DomainError(
            code="invalid_page_size",
            message_nb=f"Sidestørrelsen må være mellom 1 og {MAX_PAGE_SIZE}.",
            message_en=f"The page size must be between 1 and {MAX_PAGE_SIZE}.",
            field="page_size",
        )


def paginate(
    queryset: "QuerySet[Any]",
    *,
    page: int = 1,
    page_size: int = DEFAULT_PAGE_SIZE,
    clamp: bool = False,
) -> Page[Any]:
    """One page of the queryset. A page past the last is refused (422), or with `clamp`
    (the pages, where a link may be old) the last page is shown instead."""
    page = min(page, MAX_PAGE) if clamp else page
    check_page(page, page_size)
    count = queryset.count()
    last = max(1, -(-count // page_size))
    if page > last:
        if not clamp:
            raise past_the_last(last)
        page = last
    start = (page - 1) * page_size
    return Page(
        items=list(queryset[start : start + page_size]),
        count=count,
        page=page,
        page_size=page_size,
    )


def past_the_last(last: int) -> DomainError:
    return DomainError(
        code="invalid_page",
        message_nb=f"Siden finnes ikke. Siste side er {last}.",
        message_en=f"There is no such page. The last page is {last}.",
        field="page",
    )


def page_number(value: str | None) -> int:
    """The page asked for in a page's query string: 1 if missing or not a number."""
    try:
        return max(1, int(value or "1"))
    except ValueError:
        return 1
