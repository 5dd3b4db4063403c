"""LIX, the readability score every letter is checked with: words per sentence plus the
percentage of words longer than six letters. The examples are counted by hand."""

from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from velferd.core.readability import WARN_ABOVE, Lix, lix


class TestHandCountedExamples:
    def test_short_sentences_of_short_words_score_low(self) -> None:
        # 5 words in 2 sentences, no word longer than six letters: 5/2 + 0 = 2.5
        assert lix("Jeg liker katter. Hunden sover.") == Lix(2.5, 5, 2, 0)

    def test_long_words_add_their_percentage(self) -> None:
        # 5 words, 2 sentences; «Arbeidsledigheten» and «hjelper» are long: 2.5 + 40 = 42.5
        assert lix("Arbeidsledigheten øker. Vi hjelper deg.") == Lix(42.5, 5, 2, 2)

    def test_a_sentence_of_official_words_is_too_hard(self) -> None:
        # 6 words in 1 sentence; «Søknaden», «mottatt», «behandlet» are long: 6 + 50 = 56
        result = lix("Søknaden din er mottatt og behandlet.")

        assert result == Lix(56.0, 6, 1, 3)
        assert result.too_hard

    def test_seven_letters_make_a_long_word_and_six_do_not(self) -> None:
        assert lix("Katten sover.") == Lix(2.0, 2, 1, 0)  # «Katten»: six letters
        assert lix("Kattene sover.") == Lix(52.0, 2, 1, 1)  # «Kattene»: seven letters

    def test_question_marks_exclamation_marks_and_colons_end_sentences(self) -> None:
        # 6 words, 4 sentences, «Hvordan» is long: 1.5 + 16.67 = 18.2
        assert lix("Hei! Hvordan går det? Bra: takk.") == Lix(18.2, 6, 4, 1)

    def test_a_hyphenated_word_is_one_word_counted_without_its_hyphen(self) -> None:
        # «NAV-kontoret» is one word of eleven letters: 3/1 + 100 * 1/3 = 36.3
        assert lix("NAV-kontoret sender brev.") == Lix(36.3, 3, 1, 1)

    def test_numbers_are_not_words_and_a_decimal_point_does_not_end_a_sentence(self) -> None:
        # Ring, før, klokka, i, dag: 5 words in 1 sentence
        assert lix("Ring 55 55 33 33 før klokka 15.30 i dag.") == Lix(5.0, 5, 1, 0)

    def test_the_score_is_rounded_to_one_decimal(self) -> None:
        # 7 words in 3 sentences: 2.333… becomes 2.3
        assert lix("Ja. Nei takk. Vi ses i morgen.").score == 2.3

    @pytest.mark.parametrize("text", ["", "   \n\n ", "123 456.", "... !? :"])
    def test_a_text_without_words_scores_zero(self, text: str) -> None:
        assert lix(text) == Lix(0.0, 0, 0, 0)
        assert not lix(text).too_hard

    def test_a_blank_line_between_sentences_does_not_change_the_score(self) -> None:
        assert lix("Jeg liker katter.\n\nHunden sover.") == lix("Jeg liker katter. Hunden sover.")


class TestTooHard:
    def test_the_warning_is_for_scores_above_45(self) -> None:
        assert WARN_ABOVE == 45
        assert not Lix(45.0, 20, 1, 5).too_hard
        assert Lix(45.1, 20, 1, 5).too_hard

    def test_twenty_words_with_five_long_ones_score_exactly_45_and_pass(self) -> None:
        text = " ".join(["kort"] * 15 + ["kjempelang"] * 5) + "."

        assert lix(text) == Lix(45.0, 20, 1, 5)
        assert not lix(text).too_hard

    def test_one_more_long_word_makes_the_text_too_hard(self) -> None:
        text = " ".join(["kort"] * 14 + ["kjempelang"] * 6) + "."

        assert lix(text) == Lix(50.0, 20, 1, 6)
        assert lix(text).too_hard


short_words = st.text(alphabet="abcdefghijklmnopqrstuvwxyzæøå", min_size=1, max_size=6)
long_words = st.text(alphabet="abcdefghijklmnopqrstuvwxyzæøå", min_size=7, max_size=15)
sentence_ends = st.sampled_from([".", "!", "?", ":"])


@st.composite
def plain_texts(draw: st.DrawFn, words: st.SearchStrategy[str]) -> tuple[str, int, int]:
    """A text of `count` sentences of `length` words each: (text, count, length)."""
    count = draw(st.integers(1, 8))
    length = draw(st.integers(1, 12))
    sentences = [
        " ".join(draw(st.lists(words, min_size=length, max_size=length))) + draw(sentence_ends)
        for _ in range(count)
    ]
    return " ".join(sentences), count, length


class TestProperties:
    @given(text=st.text())
    def test_the_score_is_never_below_zero_and_the_counts_agree_with_it(self, text: str) -> None:
        result = lix(text)

        assert result.score >= 0
        assert 0 <= result.long_words <= result.words
        assert (result.sentences == 0) == (result.words == 0)
        if result.words:
            expected = result.words / result.sentences + 100 * result.long_words / result.words
            assert result.score == round(expected, 1)
            assert result.score <= result.words + 100
        assert result.too_hard == (result.score > WARN_ABOVE)

    @given(text=plain_texts(short_words))
    def test_sentences_of_short_words_score_their_words_per_sentence(
        self, text: tuple[str, int, int]
    ) -> None:
        body, count, length = text

        assert lix(body) == Lix(float(length), count * length, count, 0)

    @given(text=plain_texts(long_words))
    def test_sentences_of_long_words_score_a_hundred_more(self, text: tuple[str, int, int]) -> None:
        body, count, length = text

        assert lix(body) == Lix(float(length + 100), count * length, count, count * length)
