import pytest

from pipeline.ingest.language import detect_language, foreign_segments

ARTICLE = ("Russian Socialist Movement (Russian: Российское социалистическое движение) is a radical organisation.\n"
           "  1. ^ a b c (in Russian) В Москве создано новое движение Archived 2013-12-24 at the Wayback Machine "
           "(«Новый регион», 9 марта 2011)\n")


@pytest.mark.parametrize("text, lang", [
    ("The founding conference was held in Moscow.", "en"),
    ("Учредительная конференция прошла в Москве.", "ru"),
    ("The conference (Учредительная конференция прошла) was held.", "mixed"),
    ("2011-03-07", "en"),
])
def test_detect_language(text, lang):
    assert detect_language(text) == lang


def test_cyrillic_runs_inside_english_go_to_russian_with_exact_offsets():
    segments = foreign_segments(ARTICLE, "en")
    assert [ARTICLE[s.start:s.end] for s in segments] == [
        "Российское социалистическое движение",
        "В Москве создано новое движение",
        "«Новый регион», 9 марта 2011",
    ]
    assert {s.lang for s in segments} == {"ru"}


def test_a_single_latin_word_in_russian_text_stays_with_russian():
    assert foreign_segments("Компания Google открыла офис в Москве.", "ru", min_words=4) == []


@pytest.mark.models  # (the routing lives beside the pipelines it feeds: importing it imports spaCy)
def test_the_other_models_read_each_line_with_a_foreign_run_once():
    from pipeline.core.settings import Settings
    from pipeline.extract.pipelines import foreign_lines, foreign_runs

    segments = foreign_runs(ARTICLE, "en", Settings())
    lines = foreign_lines(ARTICLE, segments)
    assert [ARTICLE[a:b] for a, b in lines] == ARTICLE.rstrip("\n").split("\n")  # two runs on line 2: read once
    assert len(segments) == 3
