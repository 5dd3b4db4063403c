"""LIX, Björnsson's readability index: words per sentence plus the percentage of long
words (more than six letters). Under 30 is very easy, 40 is ordinary news, over 50 hard."""

import re
from dataclasses import dataclass

WORD = re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)*", re.UNICODE)
SENTENCE_BREAK = re.compile(r"[.!?:]+(?=\s|$)|\n\s*\n")
WARN_ABOVE = 45


@dataclass(frozen=True)
class Lix:
    score: float
    words: int
    sentences: int
    long_words: int

    @property
    def too_hard(self) -> bool:
        return self.score > WARN_ABOVE


def lix(text: str) -> Lix:
    words = WORD.findall(text)
    if not words:
        return Lix(0.0, 0, 0, 0)
    # A sentence ends at . ! ? or : and also where a paragraph ends without one (a greeting,
    # a heading); only stretches with words count.
    sentences = sum(1 for part in SENTENCE_BREAK.split(text) if WORD.search(part))
    long_words = sum(1 for word in words if len(word.replace("-", "").replace("'", "")) > 6)
    score = len(words) / sentences + 100 * long_words / len(words)
    return Lix(round(score, 1), len(words), sentences, long_words)
