"""Russian organisations' names in the other cases: the head noun and the adjectives before it change."""

from __future__ import annotations

import pytest

from pipeline.normalise.inflect import case_forms


@pytest.mark.parametrize("name, some_forms", [
    ("Конфедерация труда России", {"Конфедерации труда России", "Конфедерацией труда России",
                                   "Конфедерацию труда России"}),
    ("Коммунистическая партия Российской Федерации", {"Коммунистической партии Российской Федерации",
                                                      "Коммунистической партией Российской Федерации"}),
    ("Российский союз промышленников и предпринимателей", {"Российского союза промышленников и предпринимателей",
                                                           "Российским союзом промышленников и предпринимателей"}),
    ("Объединённая коммунистическая партия", {"Объединённой коммунистической партии"}),
    ("Четвёртый интернационал", {"Четвёртого интернационала", "Четвёртым интернационалом"}),
    ("Партия 5 декабря", {"Партии 5 декабря", "Партией 5 декабря"}),
])
def test_the_head_and_its_adjectives_follow_the_case(name, some_forms):
    forms = set(case_forms(name))
    assert some_forms <= forms and name not in forms


def test_an_inanimate_masculine_keeps_its_adjective_in_the_accusative():
    assert "Российского союз промышленников и предпринимателей" not in case_forms(
        "Российский союз промышленников и предпринимателей")


@pytest.mark.parametrize("name", ["ФНПР", "«Яблоко»", "Yabloko", "ФНПР России"])
def test_names_without_a_readable_head_give_no_forms(name):
    assert case_forms(name) == ()
