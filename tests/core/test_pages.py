"""The names a page's title lines give to the organisation it is about, and pages that have none."""

from __future__ import annotations

import pytest

from pipeline.core.pages import page_titles, value_items

TITLED = [
    ("= Nashi (Russian youth movement) =\n\nYouth Democratic Anti-Fascist Movement \"Nashi\"\n- Chairman: Vasily "
     "Yakemenko\n- Founded: 2005-03-01\n", "en", ["Nashi", "Youth Democratic Anti-Fascist Movement \"Nashi\""]),
    # a maintenance banner and a table border above the title; the native name on the same line
    ("You can help expand this article. (March 2024)\n|\nWorkers' League Рабочая лига | |\n---|---|\n"
     "Leader | Anna Petrova |\nFounded | 2008 |\n", "en", ["Workers' League"]),
    # navigation lines between the title and the infobox; the acronym line names the same body
    ("Федерация независимых профсоюзов России\n\nМатериал из Википедии — свободной энциклопедии\nПерейти к: "
     "навигация, поиск\nФедерация независимых профсоюзов России\nФНПР\nДата основания\n\n23 марта 1990 г.\n\n"
     "Председатель\n\nМихаил Шмаков\n", "ru", ["Федерация независимых профсоюзов России", "ФНПР"]),
]

UNTITLED = [
    # news: no infobox
    ("Left Front activists met in Moscow.\nThe Left Front was founded in 2008.\n", "en"),
    # one key line is not an infobox
    ("Left Front\nLeader: Sergei Udaltsov\nThe movement held a rally.\n", "en"),
    # the page starts with prose, not a title
    ("The Left Front is a coalition of Russian left-wing groups, founded in 2008.\nLeader: Sergei Udaltsov\n"
     "Founded: 2008\n", "en"),
    # a navigation line is not a title
    ("Jump to content\nLeader: Sergei Udaltsov\nFounded: 2008\n", "en"),
]


@pytest.mark.parametrize("text, lang, names", TITLED, ids=lambda x: x[:20] if isinstance(x, str) else "")
def test_title_lines_name_the_page(text, lang, names):
    assert page_titles(text, lang) == names


@pytest.mark.parametrize("text, lang", UNTITLED, ids=lambda x: x[:20])
def test_pages_without_an_organisation_title(text, lang):
    assert page_titles(text, lang) == []


ITEMS = [
    ("Forward, Russia!, Peasant Party of Russia, Young Russia (liberal movement)", True,
     ["Forward, Russia!", "Peasant Party of Russia", "Young Russia"]),
    ("Alliance of Liberals and Democrats for Europe Party", False,
     ["Alliance of Liberals and Democrats for Europe Party"]),
    ("Anna Petrova (disputed)[1] or Ivan Sidorov |", True, ["Anna Petrova", "Ivan Sidorov"]),
    ('Conservative Movement "New Force", Democratic Russia', True, ['Conservative Movement "New Force"',
                                                                   "Democratic Russia"]),
]


@pytest.mark.parametrize("value, words, items", ITEMS, ids=lambda x: x[:20] if isinstance(x, str) else "")
def test_value_items(value, words, items):
    assert [value[a:b] for a, b in value_items(value, 0, len(value), words)] == items
