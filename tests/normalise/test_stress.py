"""Stress marks on Russian words: dropped from normal forms and from what the models read, offsets kept."""

from __future__ import annotations

import unicodedata

from pipeline.normalise.stress import plain, without_stress


def test_stress_marks_go_and_every_offset_points_back_into_the_text():
    text = "Лидер Объединённой коммунисти́ческой па́ртии выступил."
    read, offsets = without_stress(text)
    assert read == "Лидер Объединённой коммунистической партии выступил."
    assert len(offsets) == len(read) + 1 and offsets[-1] == len(text)
    assert all(text[offsets[i]] == ch for i, ch in enumerate(read))
    start = read.index("партии")
    assert text[offsets[start]:offsets[start + len("партии")]] == "па́ртии"


def test_text_without_stress_marks_is_read_as_it_is():
    assert without_stress("Объединённая коммунистическая партия") == ("Объединённая коммунистическая партия", None)


def test_only_marks_on_cyrillic_letters_go():
    latin = unicodedata.normalize("NFD", "José Martí")  # a Latin name written with combining accents
    assert plain(latin) == latin
    assert plain("Демократи́ческий вы́бор") == "Демократический выбор"
