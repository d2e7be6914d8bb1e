"""Cutting a long text into pieces: the whole text covered, pieces bounded, cuts at the best break there is."""

from __future__ import annotations

import pytest

from pipeline.extract.pieces import text_pieces


def _check(text: str, pieces: list[tuple[int, int]]) -> None:
    assert pieces[0][0] == 0 and pieces[-1][1] == len(text)
    assert all(a < b for a, b in pieces)
    assert all(left[1] == right[0] for left, right in zip(pieces, pieces[1:]))  # nothing lost, nothing twice


def test_a_short_text_is_one_piece():
    assert text_pieces("Один абзац.", 100) == [(0, 11)]
    assert text_pieces("", 100) == [(0, 0)]


def test_pieces_end_at_paragraph_breaks_when_there_are_some():
    paragraph = "The party met in Moscow. It chose a leader.\nA second line of it.\n\n"
    text = paragraph * 50
    pieces = text_pieces(text, 1000)
    _check(text, pieces)
    assert all(b - a <= 1000 for a, b in pieces)
    assert all(text[:b].endswith("\n\n") for _, b in pieces[:-1])


def test_without_paragraphs_a_piece_ends_after_a_sentence():
    text = "Партия провела съезд в Москве. Лидером избран Иванов! " * 100
    pieces = text_pieces(text, 1000)
    _check(text, pieces)
    assert all(text[b - 2] in ".!" for _, b in pieces[:-1])  # the full stop, then the space, stay before the cut


@pytest.mark.parametrize("text", ["word " * 1000, "x" * 2500])
def test_a_sentence_longer_than_a_piece_is_cut_at_a_space_or_at_the_limit(text):
    pieces = text_pieces(text, 1000)
    _check(text, pieces)
    assert all(b - a <= 1000 for a, b in pieces)
