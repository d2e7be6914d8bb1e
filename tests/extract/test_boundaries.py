"""Where a name found by a model really starts and ends: brackets, quotes, line breaks, dangling prepositions."""

import pytest

from pipeline.extract.boundaries import name_pieces


@pytest.mark.parametrize("text, model_span, expected", [
    ("лиги «Вперёд» и", "лиги «Вперёд", ["лиги «Вперёд»"]),
    ("движения («Каспаров.ру»", "движения («Каспаров.ру»", ["движения", "Каспаров.ру"]),
    ("движения «Революция — демократия — социализм»", "движения «Революция — демократия — социализм",
     ["движения"]),
    ("Федерации социалистической молодёжи из", "Федерации социалистической молодёжи из",
     ["Федерации социалистической молодёжи"]),
    ('ООО "МНКТ"', 'ООО "МНКТ"', ['ООО "МНКТ"']),
    ("«Газпром»", "«Газпром»", ["Газпром"]),
    ("Vpered (Forward)", "Vpered (Forward)", ["Vpered", "Forward"]),
    ("Left Front\nLeader", "Left Front\nLeader", ["Left Front", "Leader"]),
    ("the Left Front and", "the Left Front and", ["the Left Front"]),
    ('"Left Front",', '"Left Front",', ["Left Front"]),
    # a table row copied from a page: the cell separators end the name
    ("Объединённая коммунистическая партия | |", "Объединённая коммунистическая партия | |",
     ["Объединённая коммунистическая партия"]),
])
def test_name_pieces(text, model_span, expected):
    assert [text[a:b] for a, b in name_pieces(text, 0, len(model_span))] == expected
