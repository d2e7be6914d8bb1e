"""Name keys and initials: spelling variants fold together, acronyms are read from the content words."""

import pytest

from pipeline.core.names import initials
from pipeline.link.keys import name_key


@pytest.mark.parametrize("name, short", [
    ("Russian Socialist Movement", "RSM"), ("Российское социалистическое движение", "РСД"),
    ("Institute of Globalisation and Social Movements", "IGSM"), ("Революционная рабочая партия", "РРП"),
    ("Движение сопротивления имени Петра Алексеева", "ДСПА"),
])
def test_initials(name, short):
    assert initials(name) == short


@pytest.mark.parametrize("a, b", [("St. Petersburg", "Saint Petersburg"), ("Saint-Petersburg", "St Petersburg"),
                                  ("«Вперёд»", "Вперед"), ("the Left Front", "Left Front")])
def test_name_keys_fold_spelling_variants(a, b):
    assert name_key(a) == name_key(b)
