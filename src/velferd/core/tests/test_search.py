"""Names are found as people type them on a keyboard without æ, ø and å: every spelling of
a Norwegian letter meets every other, in the stored key and in the query alike."""

from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from velferd.core.search import search_key

# The name as written, and ways people type (a part of) it.
TYPED = [
    ("Tromsø", ["tromso", "Tromsø", "TROMSØ", "tromsoe", "troms"]),
    ("Bærum", ["baerum", "barum", "bærum", "bæ"]),
    ("Ålesund", ["alesund", "aalesund", "ålesund", "Aale"]),
    ("Øyvind Ågård Sæther", ["oyvind", "agard", "aagaard", "saether", "sather", "øyvind sæ"]),
    ("Guovdageaidnu - Kautokeino", ["kautokeino", "guovdageaidnu"]),
    ("Čáhcesuolu", ["cahcesuolu"]),
]


def finds(query: str, name: str) -> bool:
    """As the searches do: each word of the query is part of the name."""
    return all(word in search_key(name) for word in search_key(query).split())


@pytest.mark.parametrize(("name", "typed"), TYPED)
def test_each_way_of_typing_a_name_finds_it(name: str, typed: list[str]) -> None:
    for query in typed:
        assert finds(query, name), query


def test_a_different_name_is_not_found() -> None:
    assert not finds("tromso", "Trondheim")
    assert not finds("alesund", "Askøy")


NORWEGIAN = st.text(alphabet="abdeiklmnorstuæøåÆØÅ -", max_size=20)
SPELLINGS = {"æ": ["ae", "a"], "ø": ["o", "oe"], "å": ["a", "aa"]}


@st.composite
def typed_without_norwegian_letters(draw: st.DrawFn) -> tuple[str, str]:
    """A name, and the name typed with some spelling of each æ, ø and å."""
    name = draw(NORWEGIAN)
    typed = "".join(
        draw(st.sampled_from(SPELLINGS[ch.lower()])) if ch.lower() in SPELLINGS else ch
        for ch in name
    )
    return name, typed


@given(typed_without_norwegian_letters())
def test_a_name_typed_without_norwegian_letters_is_found(pair: tuple[str, str]) -> None:
    name, typed = pair
    assert search_key(typed) == search_key(name)


@given(NORWEGIAN, st.integers(min_value=0, max_value=20))
def test_the_start_of_a_name_finds_it(name: str, length: int) -> None:
    """A search as it is being typed: every beginning of the name finds it."""
    assert search_key(name).startswith(search_key(name[:length]))
