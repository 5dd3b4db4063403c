"""The key a name is searched by, folded so that people find it as they type it: on a
keyboard without æ, ø and å, "tromso" finds Tromsø, "baerum" and "barum" Bærum, "alesund"
and "aalesund" Ålesund.

The same fold is applied to the stored key and to the query, so that any spelling of a
letter meets every other: æ, ae and ä become a; ø, oe and ö become o; å and aa become a
(a run of a's is one a, and an e after ae or oe goes with it); accents go (é → e, č → c).
The key is stored in a column, never computed in the query, so that a search reads what
its indexes give it and does not fold every row."""

from __future__ import annotations

import re
import unicodedata

# Letters that are not a base letter with an accent, and the spellings of them without.
_LETTERS = str.maketrans({"æ": "a", "ä": "a", "ø": "o", "ö": "o", "å": "a", "đ": "d", "ŧ": "t"})
_SPELLINGS = ((re.compile("ae+"), "a"), (re.compile("oe+"), "o"), (re.compile("a+"), "a"))


def search_key(text: str) -> str:
    """`text` lower-cased and folded for searching (the stored key and the query alike)."""
    folded = text.casefold().translate(_LETTERS)
    folded = "".join(
        ch for ch in unicodedata.normalize("NFKD", folded) if not unicodedata.combining(ch)
    )
    for spelling, letter in _SPELLINGS:
        folded = spelling.sub(letter, folded)
    return folded
