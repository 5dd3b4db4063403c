"""What the start-page tests read off a page: one box of it, by its data-testid."""

from __future__ import annotations

import re


def box(html: str, testid: str) -> str:
    """The page from the element with this data-testid to the next start box or section."""
    found = re.search(
        rf'data-testid="{testid}"(.*?)(?=data-testid="start-|</main>)', html, flags=re.DOTALL
    )
    assert found is not None, f"no box {testid}"
    return found.group(1)


def count_in(html: str, testid: str) -> int:
    """The count in the heading of the box."""
    found = re.search(r'<span class="start-count">(\d+)</span>', box(html, testid))
    assert found is not None, f"no count in {testid}"
    return int(found.group(1))
